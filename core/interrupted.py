"""A form sent while the second factor was still to be confirmed, kept server-side (in the session, so bound to
the person and the browser) for a few minutes, so that it is sent again once the code is confirmed rather than
typed again (accounts' "continue" page). Files are never kept: the page then says nothing was saved."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http.multipartparser import MultiPartParserError
from django.http.request import RawPostDataException, UnreadablePostError
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

UNREADABLE = (RawPostDataException, UnreadablePostError, MultiPartParserError, RequestDataTooBig, TooManyFieldsSent)

KEY = "core.interrupted"
KEEP_SECONDS = 10 * 60
MOST_BYTES = 200_000  # a changelist of a hundred rows is far less; a session row stays small
NOT_RESENT = ("csrfmiddlewaretoken",)  # the page that sends it again puts a fresh one


@dataclass(frozen=True)
class Interrupted:
    """What was sent (`fields`, in order, names repeated as sent) and whether it can be sent again whole."""

    path: str
    fields: list[tuple[str, str]]
    back: str
    whole: bool


def interrupted_next(request) -> str:
    """Where the second factor's page returns: the page asked for, or for a form, the page that sends it again
    (the form kept here, with the page it came from to go back to if it cannot be)."""
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    interrupted_keep(request, back=came_from(request))
    return reverse(settings.SECOND_FACTOR_CONTINUE_URL)


def came_from(request) -> str:
    """The page a form was sent from (same host only), else the home page."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


def interrupted_keep(request, *, back: str) -> None:
    """Keeps this POST (its address and fields) for the session's person; `back` is the page it came from.
    Kept only once Django's CSRF check has passed it: a form forged elsewhere is never sent again with a
    fresh token. A form with files, an over-large one or another method is kept as "not whole"."""
    fields, whole = [], request.method == "POST" and getattr(request, "csrf_processing_done", False)
    if whole and not small(request):
        whole = False  # an upload's body, never read here just to be refused
    if whole:
        try:
            whole = not request.FILES
            fields = [(k, v) for k, values in request.POST.lists() if k not in NOT_RESENT for v in values]
        except UNREADABLE:  # a body already read as a stream, or cut short: not kept
            whole, fields = False, []
    if whole and len(json.dumps(fields)) > MOST_BYTES:
        whole, fields = False, []
    request.session[KEY] = {
        "user": request.user.pk,
        "path": "/" + request.get_full_path().lstrip("/"),  # this site's own path, never "//elsewhere"
        "fields": fields,
        "back": back,
        "whole": whole,
        "until": timezone.now().timestamp() + KEEP_SECONDS,
    }


def small(request) -> bool:
    """A body small enough to keep (Content-Length), so worth reading."""
    return int(request.META.get("CONTENT_LENGTH") or 0) <= MOST_BYTES


def interrupted_take(request) -> Interrupted | None:
    """The kept request of this session's person, once (it is forgotten here); None when there is none. One
    kept longer than KEEP_SECONDS comes back not whole, with where to go back to."""
    kept = request.session.pop(KEY, None)
    if not kept or kept.get("user") != request.user.pk:
        return None
    whole = kept["whole"] and timezone.now().timestamp() <= kept["until"]
    fields = [(name, value) for name, value in kept["fields"]] if whole else []
    return Interrupted(path=kept["path"], fields=fields, back=kept["back"], whole=whole)
