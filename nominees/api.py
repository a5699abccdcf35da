"""The nominees' REST API: a contest's nominees, and an office's nominee set or withdrawn. Views stay thin:
the selectors read, the services write."""

from typing import cast

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from contests.actor import actor_of
from contests.scopes import visible_entrants
from core.api import validated
from core.openapi import refusal
from nominees.models import Employment, Nominee
from nominees.selectors import nominees_for_user
from nominees.services import nominee_submit, nominee_withdraw
from rubrics.access import contest_permission


class NomineeSerializer(serializers.ModelSerializer):
    unit = serializers.CharField(source="unit.code", help_text="the nominating office: DOPA code of a district")
    unit_name_th = serializers.CharField(source="unit.name_th")
    unit_name_en = serializers.CharField(source="unit.name_en")
    office = serializers.CharField(
        source="office.code", allow_null=True, default=None, help_text="the office the person works in: its code"
    )

    class Meta:
        model = Nominee
        fields = [
            "unit",
            "unit_name_th",
            "unit_name_en",
            "name_th",
            "position_th",
            "name_en",
            "employment",
            "office",
            "state",
            "version",
            "submitted_at",
        ]


class NomineeInput(serializers.Serializer):
    # Blank and too long are nominee_submit's to refuse, Thai first, as on the office's page.
    name_th = serializers.CharField(required=False, allow_blank=True, default="", help_text="ชื่อ-นามสกุล (150)")
    position_th = serializers.CharField(required=False, allow_blank=True, default="", help_text="ตำแหน่ง (200)")
    name_en = serializers.CharField(required=False, allow_blank=True, default="", help_text="optional (150)")
    # Who qualifies is the contest's rubric's (nominees.eligibility); nominee_submit refuses beside the field.
    employment = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=f"one of {', '.join(Employment.values)}"
    )
    office = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="the code of the office the person works in, e.g. 2001"
    )


class NominatingContest(APIView):
    """A contest that takes nominees, if the caller runs it or enters it: another office's contest, or one
    that takes no nominees, is 404 (the national contest answers 403 to whoever does not run it)."""

    permission_classes = [contest_permission("nominees.view")]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not self.rubric.contest.nominates:
            raise Http404


class NomineeList(NominatingContest):
    @extend_schema(
        responses=NomineeSerializer(many=True),
        summary=_("a contest's nominees (whoever runs it: all; an office: its own)"),
    )
    def get(self, request, slug: str):
        rows = nominees_for_user(request.user).filter(contest=self.rubric.contest).order_by("unit__code")
        return Response(NomineeSerializer(rows, many=True).data)


class NomineeSet(NominatingContest):
    @extend_schema(
        request=NomineeInput,
        examples=[
            OpenApiExample(
                cast(str, _("a nominee")),
                value={
                    "name_th": "นางสาวสมใจ ใจดี",
                    "position_th": "นักวิชาการพัฒนาชุมชน",
                    "name_en": "Somjai Jaidee",
                    "employment": "civil_servant",
                },
                request_only=True,
            )
        ],
        responses={
            200: NomineeSerializer,
            403: refusal(403, "may see the office but not nominate for it"),
            404: refusal(404, "no such contest or office, or not one the caller may see"),
            409: refusal(409, "the year is frozen (year_frozen)"),
        },
        summary=_("set an office's nominee"),
        description="The office's own staff until the contest's deadline; whoever runs the contest until the "
        "year is frozen (then 409, code year_frozen). A change to the same person is a new version; the same "
        "values again change nothing. "
        "One person per office: a different name while a nominee stands is refused (code nominee_active) until "
        "it is withdrawn (DELETE). A person the contest's rubric does not let in (e.g. not a civil servant, "
        "another office) is refused with code not_eligible, the field in attr.",
    )
    def post(self, request, slug: str, code: str):
        data = validated(NomineeInput, request.data)
        unit = get_object_or_404(visible_entrants(actor_of(request.user), self.rubric.contest), code=code)
        # Refusals: PermissionDenied 403, Http404 404, YearFrozen 409, any other PortalError 400 (core.api's shape).
        nominee = nominee_submit(user=request.user, contest=self.rubric.contest, unit=unit, **data)
        return Response(NomineeSerializer(nominee).data)

    @extend_schema(
        request=None,
        responses={
            200: NomineeSerializer,
            400: refusal(400, "no nominee to withdraw (no_nominee), nominations closed (nominations_closed)"),
            403: refusal(403, "may see the office but not nominate for it"),
            404: refusal(404, "no such contest or office, or not one the caller may see"),
            409: refusal(409, "the year is frozen (year_frozen)"),
        },
        summary=_("withdraw an office's nominee"),
        description="Kept as a version (state withdrawn); the office may then nominate someone else. "
        "Nothing to withdraw is 400 (code no_nominee); a frozen year is 409 (code year_frozen).",
    )
    def delete(self, request, slug: str, code: str):
        unit = get_object_or_404(visible_entrants(actor_of(request.user), self.rubric.contest), code=code)
        nominee = nominee_withdraw(user=request.user, contest=self.rubric.contest, unit=unit)
        return Response(NomineeSerializer(nominee).data)
