"""The only way evidence files leave the server: a permission check, an access-log entry, then the bytes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import timezone

from core import acts, files
from core.http import content_disposition

from . import selectors
from .models import Evidence, EvidenceKind

# PDPA: every attempt to take an evidence file is recorded — who, which evidence, when, outcome.
access_log = logging.getLogger("cdd4.evidence_access")


# Shown inside the committee's scoring screen; everything else is only ever an attachment.
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
# Inline: the scoring screen (same origin) may frame it. No `sandbox` here: Chromium refuses to render
# a PDF in a frame whose response is sandboxed. The bytes were checked on upload to carry no script or
# launch action (core/validators/content.py), and nosniff keeps them what their type says.
INLINE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
ATTACHMENT_CSP = "default-src 'none'; sandbox"


def _log(request, pk: int, outcome: str, how: str) -> None:
    access_log.info(
        "evidence_download how=%s user=%s user_id=%s evidence=%s outcome=%s at=%s",
        how,
        request.user.get_username(),
        request.user.pk,
        pk,
        outcome,
        timezone.now().isoformat(),
        extra={"user_id": request.user.pk, "evidence_id": pk, "outcome": outcome, "how": how},
    )


@login_required
def download(request, pk: int):
    return serve(request, pk)


def serve(
    request,
    pk: int,
    *,
    inline: bool = False,
    also_allowed: Callable[[Evidence], bool] | None = None,
    granted: Callable[[Evidence], bool] | None = None,
):
    """The one audited way out for evidence bytes: as an attachment (the portal) or inline (the scoring
    screen, which passes `also_allowed` for its own extra conditions). Every attempt is logged.

    `granted` replaces the portal's own scope and rule with the caller's: a provincial contest's panel
    reads its entrants' evidence, which no office role of theirs would show them (committee.admin_views)."""
    how = "inline" if inline else "attachment"
    try:
        if granted is None:
            evidence = selectors.evidence_or_404(request.user, pk)
            allowed = acts.allowed(request.user, "submissions.download_evidence", evidence)
        else:
            evidence = selectors.evidence_or_404(None, pk)
            allowed = granted(evidence)
        # Not allowed looks the same as not existing: 404, never 403.
        if (
            evidence.kind != EvidenceKind.FILE
            or not allowed
            or (inline and evidence.content_type not in INLINE_TYPES)
            or (also_allowed is not None and not also_allowed(evidence))
        ):
            raise Http404
        disposition = content_disposition(evidence.original_name, inline=inline)
        response = files.serve(evidence.stored_path, content_type=evidence.content_type, disposition=disposition)
    except (Http404, FileNotFoundError):
        _log(request, pk, "refused", how)  # not allowed and not found look alike: 404
        raise Http404 from None
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = INLINE_CSP if inline else ATTACHMENT_CSP
    if inline:
        response["X-Frame-Options"] = "SAMEORIGIN"
    _log(request, pk, "served", how)
    return response
