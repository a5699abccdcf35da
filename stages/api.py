"""The API of a selection in stages (seed 002): a stage's picks as its page shows them to the caller,
each file on time or late, what the answers do not meet or have not answered yet, the panel's verdicts, the
budget. Thin: the page's own reads."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from contests.actor import actor_of
from core.openapi import refusal
from rulebook.rules.questions import NONE
from stages.selectors import stage_page
from stages.views import staged_or_404


class StageFileSerializer(serializers.Serializer):
    code = serializers.CharField()
    name_th = serializers.CharField()
    name_en = serializers.CharField()
    deadline = serializers.DateField(help_text="as the document writes it; a closed day moves it on (decision 9)")
    sent_at = serializers.DateTimeField(allow_null=True, help_text="the latest version's time; null: not sent")
    late_working_days = serializers.IntegerField(
        help_text="working days after the moved deadline: 0 in time (or, not sent, not due yet)"
    )
    text_th = serializers.CharField(help_text="ส่ง ๒ มิ.ย. ๒๕๖๕ · ช้า ๒ วันทำการ")
    text_en = serializers.CharField()


class PanelVerdictSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="the requirement's question code")
    met = serializers.BooleanField(allow_null=True, help_text="null: the panel has not checked it yet")
    th = serializers.CharField(help_text="the requirement and the panel's verdict")
    en = serializers.CharField()


class StagePickSerializer(serializers.Serializer):
    region = serializers.IntegerField(allow_null=True, help_text="inspection region number; null: none")
    entrant = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    picked_by = serializers.CharField(help_text="the picking office's code")
    picked_at = serializers.DateTimeField()
    files = StageFileSerializer(many=True)
    unmet = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="what the contest's document requires and the entrant's answers do not meet: {th, en}",
    )
    waiting = serializers.ListField(
        child=serializers.DictField(child=serializers.CharField()),
        help_text="the entrant's questions it has not answered yet (its own staff answer them), not failed: {th, en}",
    )
    panel = PanelVerdictSerializer(many=True, help_text="the panel's checks, each with its verdict")


class StagePicksSerializer(serializers.Serializer):
    budget_per_pick = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    budget_total = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    picks = StagePickSerializer(many=True)


class StagePicks(APIView):
    """A stage's picks as its page shows them to the caller (seed 002): the same scope."""

    @extend_schema(
        responses={200: StagePicksSerializer, 404: refusal(404, "no such stage, or not one the caller may see")},
        summary=_("a stage's picks"),
    )
    def get(self, request, slug: str):
        contest = staged_or_404(request, slug, "stages.view")  # anyone else: 404, as the page
        page = stage_page(actor_of(request.user), contest)
        picks = [
            {
                "region": group.region.number if group.region is not None else None,
                "entrant": placed.entry.unit.code,
                "name": placed.entry.unit.name_th,
                "name_en": placed.entry.unit.name_en,
                "picked_by": placed.entry.chooser.code,
                "picked_at": placed.entry.chosen_at,
                "files": [
                    {
                        "code": f.requirement.code,
                        "name_th": f.requirement.name_th,
                        "name_en": f.requirement.name_en,
                        "deadline": f.requirement.deadline,
                        "sent_at": f.sent_at,
                        "late_working_days": f.late,
                        "text_th": f.text(),
                        "text_en": f.text_en,
                    }
                    for f in placed.files
                ],
                "unmet": [{"th": r.th, "en": r.en} for r in placed.asked.unmet],
                "waiting": [{"th": q.th, "en": q.en} for q in placed.asked.waiting],
                "panel": [
                    {"code": v.question.code, "met": None if v.answer == NONE else v.met, **v.reason._asdict()}
                    for v in placed.asked.panel
                ],
            }
            for group in page.groups
            for placed in group.entries
        ]
        body = {"budget_per_pick": page.stage.budget_per_pick, "budget_total": page.budget_total, "picks": picks}
        return Response(StagePicksSerializer(body).data)
