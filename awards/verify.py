"""The public verification pages (/verify/): anyone holding a document checks that the Department issued
it. Thin: `selectors.issued_by_*` read, the actor's rule (`awards.verify_document`) decides, and every
look-up is counted per client address (core.ratelimit), so codes cannot be tried by the million.

A file is never sent here: the browser computes its SHA-256 (static/awards/verify.js) and sends only
that, so an anonymous visitor posts no body at all (cdd4.middleware.UploadGateMiddleware) and the
document stays on their device; without JavaScript the digest can be pasted.
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from core import gate
from core.ratelimit import rate_limited

from . import selectors, verification

RATE = "CDD4_VERIFY_RATE"


def _context(**given) -> dict:
    """The template's every name: what was typed, what it was checked against, and the answer."""
    blank = {"page": False, "code": "", "grouped": "", "issued": None, "typed_code": "", "typed_sha256": ""}
    answer = {"code_error": False, "sha256_error": False, "checked": None, "file_matches": None, "in_combined": False}
    return blank | answer | given


@require_GET
@rate_limited("verify", RATE)
def index(request):
    """The form: a code typed from the paper (to its page), or a file's SHA-256 looked up among all issued files."""
    gate.public(request, "awards.verify_document")
    context = _context(typed_code=request.GET.get("code", ""), typed_sha256=request.GET.get("sha256", ""))
    if context["typed_code"]:
        code = verification.normalise(context["typed_code"])
        if code is not None:
            return redirect("verify:page", code=code)
        context["code_error"] = True
    elif context["typed_sha256"]:
        digest = verification.normalise_sha256(context["typed_sha256"])
        if digest is None:
            context["sha256_error"] = True
        else:
            context.update(checked=digest, issued=selectors.issued_by_sha256(digest))
    return render(request, "awards/verify.html", context)


@require_GET
@rate_limited("verify", RATE)
def page(request, code: str):
    """What was issued with this code (404: nothing was); with ?sha256=, whether a file is that document."""
    gate.public(request, "awards.verify_document")
    canonical = verification.normalise(code)
    if canonical is not None and canonical != code:  # typed by hand: "abcd-efgh-jk1o"
        return redirect("verify:page", code=canonical)
    issued = selectors.issued_by_code(canonical) if canonical else None
    context = _context(page=True, code=code, grouped=verification.grouped(code), issued=issued)
    typed = request.GET.get("sha256", "")
    if issued is not None and typed:
        digest = verification.normalise_sha256(typed)
        context.update(typed_sha256=typed, sha256_error=digest is None, checked=digest)
        context["file_matches"] = None if digest is None else digest == issued.sha256
        # The combined certificates hold this awardee's page, code and all: a genuine file, not this one's own.
        context["in_combined"] = digest is not None and digest == issued.combined_sha256 != ""
    return render(request, "awards/verify.html", context, status=200 if issued else 404)
