"""The schedule's REST API v1: a year's rubric with its dates as the schedule decides them. Views stay thin:
the schedule reads."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.converters import ContestKey
from rubrics.access import contest_permission
from rubrics.selectors import rubric_data
from schedule.contest import criterion_rounds


class RubricDetail(APIView):
    # Another office's contest does not exist for the caller (rubrics were listed to every role).
    permission_classes = [contest_permission("rubrics.see_rubric")]

    @extend_schema(
        responses=inline_serializer(
            "Rubric", {"year": serializers.IntegerField(), "dimensions": serializers.ListField()}
        ),
        summary=_("a year's rubric (docs/rubric-format.md), its dates as the schedule decides them"),
    )
    def get(self, request, key: ContestKey):
        return Response(scheduled_rubric(self.rubric))


def scheduled_rubric(rubric) -> dict:
    """The rubric's data with each criterion's dates as the schedule decides them (docs/schedule.md), not as
    the file first wrote them: `rounds` with every recorded move applied (1.2 moved to 15 June moves its June
    report with it), and `schedule`, each round (or the criterion's one date) with `written`, the date as the
    documents now say it, and `due`, the day it falls due once a closed day moves it on. 4 queries."""
    data = rubric_data(rubric)
    by_code = criterion_rounds(rubric)
    for dimension in data["dimensions"]:
        for c in dimension["criteria"]:
            rounds = by_code[c["code"]]
            if "rounds" in c:
                c["rounds"] = [
                    {"label_th": r.round_th, "label_en": r.round_en, "due": r.written.isoformat()}
                    for r in rounds
                    if r.written is not None
                ]
            c["schedule"] = [
                {
                    "round": r.index,
                    "label_th": r.round_th,
                    "label_en": r.round_en,
                    "written": r.written.isoformat() if r.written else None,
                    "due": r.due.isoformat() if r.due else None,
                }
                for r in rounds
            ]
    return data
