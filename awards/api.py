"""REST API v1 for spreadsheets and documents; the same selectors and services as the pages."""

from typing import cast

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core import gate
from core.api import validated
from core.converters import ContestKey
from core.sheets import exporter
from rubrics.access import contest_permission

from . import selectors, services
from .models import DocumentKind
from .views import document_download, document_or_404, status_data

SHEETS = exporter.year_sheets()
SHEET_NAMES = [e.identifier for e in SHEETS]
FORMATS = sorted({f for e in SHEETS for f in e.formats})
SHEET_DOC = "; ".join(f"{e.identifier}: {e.label}" for e in SHEETS) + (
    ". CSV is UTF-8 with BOM; text starting with = + - @ is prefixed with ' (formula neutralised)."
)


class SheetExport(APIView):
    # Asked with the contest the URL names (asked without it, organisers were refused here).
    permission_classes = [contest_permission("awards.export_sheets")]

    @extend_schema(
        parameters=[
            OpenApiParameter("sheet", str, OpenApiParameter.PATH, enum=SHEET_NAMES, description=SHEET_DOC),
            OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=FORMATS),
        ],
        responses={
            (200, exporter.XLSX_TYPE): OpenApiTypes.BINARY,
            (200, "text/csv"): OpenApiTypes.BINARY,
        },
        summary=_("export a sheet as XLSX or CSV"),
    )
    def get(self, request, key: ContestKey, sheet: str, fmt: str):
        rubric = self.rubric
        try:
            chosen = exporter.get(sheet, fmt)
        except KeyError:
            chosen = None
        if chosen is None or chosen.scope != exporter.YEAR:
            raise NotFound(format_lazy(_("no sheet {sheet}.{fmt}"), sheet=sheet, fmt=fmt))
        gate.require(request, chosen.permission, rubric)
        return exporter.response(rubric, sheet, fmt)


class DocumentPartSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    scope = serializers.CharField(help_text="the awardee's code, e.g. TH-50")
    status = serializers.CharField()
    download = serializers.CharField(allow_null=True)


class DocumentStatusSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    scope = serializers.CharField(help_text='"all" or a province code')
    version = serializers.IntegerField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    progress = serializers.IntegerField(help_text="0–100")
    pages = serializers.IntegerField()
    error = serializers.CharField()
    download = serializers.CharField(allow_null=True)
    signed = serializers.BooleanField(help_text=_("digitally signed (PAdES)"))
    parts = DocumentPartSerializer(many=True, help_text=_("the combined certificates: each awardee's own certificate"))


class DocumentRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    province = serializers.CharField(
        required=False, allow_blank=True, help_text="a breakdown's, or one awardee's certificate's, entrant: e.g. TH-50"
    )


class DocumentCreate(APIView):
    permission_classes = [contest_permission("awards.generate_documents")]

    @extend_schema(
        request=DocumentRequestSerializer,
        examples=[
            OpenApiExample(cast(str, _("the results table")), value={"kind": "results"}, request_only=True),
            OpenApiExample(
                cast(str, _("one entrant's breakdown")),
                value={"kind": "breakdown", "province": "TH-50"},
                request_only=True,
            ),
            OpenApiExample(
                cast(str, _("one awardee's certificate")),
                value={"kind": "certificates", "province": "TH-30"},
                request_only=True,
            ),
        ],
        responses={202: DocumentStatusSerializer},
        description="A breakdown names one of the contest's entrants in `province`: a province's ISO code "
        "(TH-50) or, in a district or subdistrict contest, the unit's DOPA code. Any other code is a 400 "
        "(`not_entrant`), as is an entrant without a result yet (`no_result`): nothing is queued. Certificates are "
        "issued one file per awardee, made with the combined file of them all (its `parts`); naming an awardee in "
        "`province` answers with that awardee's own certificate, an entrant without an award is a 400 (`no_award`).",
        summary=_("request a PDF for the current standings"),
    )
    def post(self, request, key: ContestKey):
        rubric = self.rubric
        data = validated(DocumentRequestSerializer, request.data)  # a list, string or null body is a 400
        code = data.get("province")
        # One of this contest's entrants (a district's DOPA code in a district contest), none other: 400.
        unit = selectors.breakdown_entrant(user=request.user, rubric=rubric, code=code) if code else None
        doc = services.document_request(rubric=rubric, kind=data["kind"], unit=unit, user=request.user)
        doc.refresh_from_db()
        return Response(status_data(doc), status=status.HTTP_202_ACCEPTED)


class DocumentDetail(APIView):
    permission_classes = [IsAuthenticated]  # then asked with the document's contest (document_or_404)

    @extend_schema(responses=DocumentStatusSerializer, summary=_("document status"))
    def get(self, request, pk: int):
        return Response(status_data(document_or_404(request._request, pk)))


class DocumentFile(APIView):
    permission_classes = [IsAuthenticated]  # then asked with the document's contest (document_download)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, summary=_("download"))
    def get(self, request, pk: int):
        return document_download(request._request, pk)
