"""The only way evidence files leave the server: a permission check, then an attachment."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from . import selectors
from .models import EvidenceKind

# PDPA: every attempt to take an evidence file is recorded — who, which evidence, when, outcome.
access_log = logging.getLogger("cdd4.evidence_access")


def _log(request, pk: int, outcome: str) -> None:
    access_log.info(
        "evidence_download user=%s user_id=%s evidence=%s outcome=%s at=%s",
        request.user.get_username(),
        request.user.pk,
        pk,
        outcome,
        timezone.now().isoformat(),
        extra={"user_id": request.user.pk, "evidence_id": pk, "outcome": outcome},
    )


@login_required
def download(request, pk: int):
    try:
        response = _download(request, pk)
    except Http404:
        _log(request, pk, "refused")  # not allowed and not found look alike: 404
        raise
    _log(request, pk, "served")
    return response


def _download(request, pk: int):
    evidence = selectors.evidence_or_404(request.user, pk)
    # Not allowed looks the same as not existing: 404, never 403.
    if evidence.kind != EvidenceKind.FILE or not request.user.has_perm("submissions.download_evidence", evidence):
        raise Http404
    if settings.CDD4_X_ACCEL:
        # nginx serves the bytes from an `internal` location; Django only decides who may have them.
        response = HttpResponse(content_type=evidence.content_type)
        response["X-Accel-Redirect"] = settings.CDD4_X_ACCEL_PREFIX + evidence.stored_path
    else:
        path = Path(settings.MEDIA_ROOT) / evidence.stored_path
        if not path.is_file():
            raise Http404
        response = FileResponse(path.open("rb"), content_type=evidence.content_type)
    response["Content-Disposition"] = content_disposition_header(True, evidence.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
