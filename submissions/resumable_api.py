"""The tus 1.0 endpoint (/api/v1/uploads/): headers in, headers out; every decision is submissions/resumable.py's.

Any tus client works against it: the page's tus-js-client with the session (CSRF-checked by DRF), a script's
tuspy with "Authorization: Token …". docs/api.md describes it; it is left out of the OpenAPI schema, which
cannot say "a PATCH body of raw bytes at an offset".
"""

from __future__ import annotations

from email.utils import format_datetime

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api import error_response
from core.http import content_length
from core.numbers import whole
from core.templatetags.thai import label

from . import selectors
from .models import ResumableState, ResumableUpload
from .resumable import (
    CHECKSUMS,
    Piece,
    expired,
    parse_metadata,
    resumable_append,
    resumable_create,
    resumable_delete,
    resumable_of,
)

VERSION = "1.0.0"
EXTENSIONS = "creation,termination,checksum,expiration"
OFFSET_STREAM = "application/offset+octet-stream"


def _tus(response: HttpResponse, upload: ResumableUpload | None = None) -> HttpResponse:
    response["Tus-Resumable"] = VERSION
    response["Cache-Control"] = "no-store"
    if upload is not None:
        response["Upload-Offset"] = str(upload.offset)
        response["Upload-Length"] = str(upload.length)
        response["Upload-Expires"] = format_datetime(upload.expires_at, usegmt=True)
    return response


def _header_int(request, name: str) -> int | None:
    return whole(request.headers.get(name, "").strip())


def _bad(th: str, en: str, status: int = 400, code: str = "tus") -> HttpResponse:
    return _tus(error_response(th, en, status=status, code=code))


@extend_schema(exclude=True)
class ResumableCollection(APIView):
    def get_permissions(self):
        # A tus client asks what the server can do before it signs anything: OPTIONS answers anyone.
        return [AllowAny()] if self.request.method == "OPTIONS" else [IsAuthenticated()]

    def options(self, request, *args, **kwargs):
        response = HttpResponse(status=204)
        response["Tus-Version"] = VERSION
        response["Tus-Extension"] = EXTENSIONS
        response["Tus-Checksum-Algorithm"] = ",".join(CHECKSUMS)
        return _tus(response)

    def post(self, request):
        if request.headers.get("Tus-Resumable") != VERSION:
            return _bad("ต้องใช้ tus 1.0.0", "Tus-Resumable: 1.0.0 required", status=412, code="tus_version")
        length = _header_int(request, "Upload-Length")
        if length is None:
            return _bad("ไม่ได้ระบุขนาดไฟล์ (Upload-Length)", "Upload-Length required")
        upload = resumable_create(
            user=request.user, length=length, metadata=parse_metadata(request.headers.get("Upload-Metadata", ""))
        )
        response = _tus(HttpResponse(status=201), upload)
        response["Location"] = request.build_absolute_uri(reverse("api-upload", args=[upload.pk]))
        return response


@extend_schema(exclude=True)
class ResumableItem(APIView):
    def head(self, request, pk):
        upload = resumable_of(upload_id=pk, user=request.user)
        if upload.state == ResumableState.REFUSED or expired(upload, timezone.now()):
            return _tus(HttpResponse(status=410))  # a client starts again; GET says why
        return _tus(HttpResponse(status=200), upload)

    def patch(self, request, pk):
        if request.headers.get("Tus-Resumable") != VERSION:
            return _bad("ต้องใช้ tus 1.0.0", "Tus-Resumable: 1.0.0 required", status=412, code="tus_version")
        if request.content_type != OFFSET_STREAM:
            return _bad(f"ต้องส่งเป็น {OFFSET_STREAM}", f"Content-Type {OFFSET_STREAM} required", status=415)
        offset = _header_int(request, "Upload-Offset")
        if offset is None:
            return _bad("ไม่ได้ระบุตำแหน่ง (Upload-Offset)", "Upload-Offset required")
        piece = Piece(
            offset=offset,
            stream=request._request,  # the raw body, read in blocks: DRF never parses it
            length=content_length(request._request),
            checksum=request.headers.get("Upload-Checksum", ""),
        )
        upload = resumable_append(upload_id=pk, user=request.user, piece=piece)
        return _tus(HttpResponse(status=204), upload)

    def delete(self, request, pk):
        resumable_delete(upload_id=pk, user=request.user)
        return _tus(HttpResponse(status=204))

    def get(self, request, pk):
        """Not tus: what became of the file once complete (the page shows the saved row or the reason)."""
        upload = resumable_of(upload_id=pk, user=request.user)
        body = {"state": upload.state, "offset": upload.offset, "length": upload.length, "refusal": upload.refusal}
        if upload.evidence_id:
            evidence = upload.evidence
            body["evidence"] = evidence.pk
            body["download_url"] = reverse("submissions:download", args=[evidence.pk])
            # The criterion page adds the saved row and its new status as after a one-request upload.
            criterion = evidence.submission.criterion
            rounds, said = selectors.criterion_after_upload(rubric=upload.rubric, unit=upload.unit, criterion=criterion)
            context = {"can_submit": True, "criterion": criterion, "rubric": upload.rubric, "rounds": rounds}
            body["row_html"] = render_to_string(
                "submissions/_evidence_row.html", {"e": evidence, **context}, request._request
            )
            body["status"] = label(said)
        if upload.stage_upload_id:
            body["stage_upload"] = upload.stage_upload_id
        return _tus(Response(body))
