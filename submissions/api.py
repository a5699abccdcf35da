"""REST API v1 for evidence: the same services and scope as the pages."""

from __future__ import annotations

from typing import cast

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import APIException, NotFound, PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from contests.actor import actor_of
from contests.scopes import visible_entrants
from core.api import both, error_response, validated
from core.converters import ContestKey
from core.openapi import refusal
from rubrics.access import SEE_CONTEST, contest_or_404, entry_or_404
from rubrics.models import Criterion
from schedule.selectors import entrant_obligations
from schedule.states import MetBy, ObligationState

from . import policy, selectors, services, uploads
from .models import Evidence, Submission


class EvidenceSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()
    round = serializers.IntegerField(
        source="answers_round", read_only=True, allow_null=True, help_text=_("the round it answers; null: by its day")
    )

    class Meta:
        model = Evidence
        fields = [
            "id", "version", "kind", "description", "original_name", "file_kind", "content_type",
            "size", "sha256", "url", "round", "created_at", "withdrawn_at", "download_url",
        ]  # fmt: skip

    def get_download_url(self, obj) -> str | None:
        return reverse("submissions:download", args=[obj.pk]) if obj.kind == "file" else None


class SubmissionSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="unit.code")
    criterion = serializers.CharField(source="criterion.code")
    criterion_label = serializers.CharField(
        source="criterion.label", help_text="the number its document gives it (e.g. ๒.๒.๑), else its code"
    )
    versions = EvidenceSerializer(many=True, source="visible_versions")

    class Meta:
        model = Submission
        fields = ["province", "criterion", "criterion_label", "status", "status_note", "versions"]


class EvidenceCreateSerializer(serializers.Serializer):
    criterion = serializers.CharField(help_text=_("criterion code, e.g. 4.1.2"))
    file = serializers.FileField(required=False, help_text="PDF, JPG/PNG, DOCX/XLSX/PPTX or MP4")
    url = serializers.CharField(required=False, allow_blank=True, help_text=_("a link instead of a file"))
    description = serializers.CharField(required=False, allow_blank=True, max_length=300)
    round = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text=_("the round of the criterion a late report answers (1, 2, …); none: the day it came decides"),
    )


class EvidenceCollection(APIView):
    parser_classes = [MultiPartParser, FormParser]
    # The API's view that takes files: its sender asked and its body read in dispatch, the same body as the
    # page's upload (uploads.received), then DRF's own CSRF check for a session (core.http.takes_files is the
    # pages' door; DRF checks CSRF only for a session, never for a token).
    takes_files = True

    def _uploader_refusal(self, request, key) -> HttpResponse | None:
        """Who is sending, from the headers and the session alone: not a byte of the body is read.

        The session's CSRF check needs the body, so it comes after (DRF's SessionAuthentication).
        """
        user = request.user
        if not user.is_authenticated:
            headers_only = [a for a in self.get_authenticators() if not isinstance(a, SessionAuthentication)]
            try:
                user = Request(request, authenticators=headers_only).user
            except APIException as exc:
                th, en = both(str(exc.detail), str(exc.get_codes()))
                return error_response(th, en, status=exc.status_code, code=exc.get_codes())
        if not user.is_authenticated:
            return error_response(
                "กรุณาเข้าสู่ระบบ", "Authentication credentials were not provided", status=401, code="not_authenticated"
            )
        try:
            request._own_entry = selectors.own_entry(user, key, request)  # post() reads it: the act is asked once
        except Http404:
            return error_response("ไม่พบการประกวด", "no such contest", status=404, code="not_found")
        except DjangoPermissionDenied:
            return error_response("เฉพาะเจ้าหน้าที่จังหวัด", "provincial staff only", status=403, code="permission_denied")
        return None

    def dispatch(self, request, *args, **kwargs):
        # Before DRF (or its CSRF check) reads the body: who sends it, then stream to disk, capped per kind.
        if request.method == "POST":
            refused = self._uploader_refusal(request, kwargs.get("key"))
            if refused is not None:
                return refused
            refusal = uploads.received(request)
            if refusal is not None:  # nothing was kept; DRF's authentication and CSRF check come after
                return error_response(refusal.th, refusal.en, status=refusal.status, code=refusal.code)
        return super().dispatch(request, *args, **kwargs)

    @extend_schema(
        responses=SubmissionSerializer(many=True),
        summary=_("own province's evidence with versions"),
    )
    def get(self, request, key: ContestKey):
        actor = actor_of(request.user)
        rubric = contest_or_404(request.user, key, SEE_CONTEST, request=request, national_403=False)
        versions = Evidence.objects.for_user(request.user).order_by("-version")
        # The contest's entrants the actor may see: an organiser none of the national contest's.
        units = visible_entrants(actor, rubric.contest)
        subs = (
            Submission.objects.filter(rubric=rubric, unit__in=units)
            .select_related("unit", "criterion")
            .prefetch_related(Prefetch("evidence", queryset=versions, to_attr="visible_versions"))
            .order_by("unit__code", "criterion__order")
        )
        return Response(SubmissionSerializer(subs, many=True).data)

    @extend_schema(
        request={"multipart/form-data": EvidenceCreateSerializer},
        examples=[
            OpenApiExample(
                cast(str, _("a link")),
                value={"criterion": "4.1.1", "url": "https://www.youtube.com/watch?v=x", "description": "คลิปกิจกรรม"},
                media_type="multipart/form-data",
                request_only=True,
            )
        ],
        responses={
            201: EvidenceSerializer,
            403: refusal(403, "provincial staff only"),
            409: refusal(409, "the same file or link was sent already, or the year is frozen or published"),
            413: refusal(413, "larger than its kind's cap, or than any upload may be"),
            503: refusal(503, "the database is briefly unavailable: nothing was kept, send it again (Retry-After)"),
            507: refusal(507, "the portal's file storage is full: nothing was kept"),
        },
        summary=_("submit a new evidence version (provincial staff)"),
    )
    def post(self, request, key: ContestKey):
        kept = request._request.__dict__.get("_own_entry")  # asked before the body was read (dispatch)
        try:
            rubric, entry = kept if kept is not None else selectors.own_entry(request.user, key, request)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(_("provincial staff only")) from exc
        unit = entry.unit
        refusals = getattr(request._request, "upload_refusals", [])
        try:
            if refusals:  # an UploadRefused, answered with its status by core.api
                # The streaming handler judged the file before the form's criterion was read: a kind the portal
                # takes nowhere is refused as this criterion's page refuses it, with what it takes and the link.
                criterion = services.evidence_may_submit(
                    user=request.user, rubric=rubric, unit=unit, criterion_code=request.data.get("criterion", "")
                )
                raise policy.refusal_for(refusals[0][1], rubric, criterion.code)
            data = validated(EvidenceCreateSerializer, request.data)
            # evidence_submit looks the criterion up before it stores anything: no separate query here.
            evidence = services.evidence_submit(
                user=request.user,
                rubric=rubric,
                unit=unit,
                criterion_code=data["criterion"],
                upload=data.get("file"),
                url=data.get("url", ""),
                description=data.get("description", ""),
                answers_round=data.get("round"),
            )
        except Criterion.DoesNotExist as exc:
            raise NotFound(_("no such criterion")) from exc
        finally:
            uploads.cleanup(request.FILES.getlist("file"))
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)


class ObligationSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="stable while the thing owed is the same (a moved date keeps it)")
    criterion = serializers.CharField(help_text="criterion code, e.g. 1.2")
    round = serializers.IntegerField(help_text="1-based round or step; 0: a criterion without rounds")
    rounds = serializers.IntegerField(help_text="how many rounds the criterion asks (0 without rounds)")
    round_th = serializers.CharField(allow_blank=True)
    round_en = serializers.CharField(allow_blank=True)
    written = serializers.DateField(
        allow_null=True, help_text="the date as the documents now say it: the rubric's, every recorded move applied"
    )
    due = serializers.DateField(
        allow_null=True, help_text="the day it falls due: a closed day moves it on (decision 9)"
    )
    state = serializers.ChoiceField(choices=ObligationState.choices)
    met_on = serializers.DateField(allow_null=True, help_text="the day it was met (Bangkok); null: not met")
    met_by = serializers.ChoiceField(choices=MetBy.choices, allow_null=True)
    days_left = serializers.IntegerField(allow_null=True, help_text="working days to `due`, negative once past")
    late_working_days = serializers.IntegerField(help_text="working days after `due` it was met, or is overdue")
    url = serializers.CharField(help_text="the page where it is acted on")


class EntrantObligations(APIView):
    """An entrant's evidence obligations in one contest, from the schedule (docs/schedule.md): each criterion's
    rounds with the dates its criterion page shows, moves applied, and where each stands."""

    @extend_schema(
        responses={
            200: ObligationSerializer(many=True),
            404: refusal(404, "no such contest or entrant for the caller"),
        },
        summary=_("an entrant's obligations: each criterion's rounds, due dates and states"),
    )
    def get(self, request, key: ContestKey, code: str):
        try:  # the entrant's page's loader and act: a unit the user does not see there is not found
            rubric, entry = entry_or_404(request.user, key, code, request=request)
        except Http404 as exc:
            raise NotFound(_("no such entrant")) from exc
        unit = entry.unit
        rows = [
            {
                "key": o.key,
                "criterion": o.criterion,
                "round": o.index,
                "rounds": o.rounds,
                "round_th": o.round_th,
                "round_en": o.round_en,
                "written": o.written,
                "due": o.due,
                "state": o.state,
                "met_on": o.met.day if o.met is not None else None,
                "met_by": o.met.by if o.met is not None else None,
                "days_left": o.days_left,
                "late_working_days": o.late_days,
                "url": o.url,
            }
            for o in entrant_obligations(rubric, unit)
        ]
        return Response(ObligationSerializer(rows, many=True).data)
