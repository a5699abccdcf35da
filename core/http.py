"""Request handling shared by every app and the project's middleware (cdd4.middleware reads these marks)."""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from core.i18n import _, format_lazy

from .errors import PortalError
from .numbers import whole

MB = 1024 * 1024
FORM_ROOM = 64 * 1024  # the multipart framing and the form's other fields around the file


# A file sent without a session (one that expired): the upload gate (cdd4.middleware) says it of a large body,
# the upload view of a small one, alike.
LOGIN_FIRST = ("กรุณาเข้าสู่ระบบก่อนส่งไฟล์", "Log in before sending files")


class BodyTooLarge(PortalError):
    status = 413
    code = "too_large"


def show(request, error: PortalError) -> None:
    """A refusal on the next page a person sees (views and admin actions)."""
    messages.error(request, str(error))


# Reads or refuses a request's body: the refusal (Thai first), or None once the body may be read.
Body = Callable[[HttpRequest], PortalError | None]


@dataclass(frozen=True)
class Reading:
    """What a view that takes files answers once its sender is authorised: the function that reads the body
    (the rest of the view) and what it is given after the request."""

    reader: Callable[..., HttpResponse]
    args: tuple


def reading(reader: Callable[..., HttpResponse], *args) -> Reading:
    return Reading(reader, args)


def capped(kind: str) -> Body:
    """An import route's body: refused from its Content-Length over its cap (`check_body_size`)."""

    def body(request: HttpRequest) -> PortalError | None:
        try:
            check_body_size(request, kind)
        except BodyTooLarge as exc:
            return exc
        return None

    return body


def takes_files(body: Body, *, refused: Callable[..., HttpResponse]):
    """The one door of a view that takes files. Who may send a body is asked before a byte of it is read, and
    Django's CSRF check reads the body: so the view is csrf_exempt (the upload gate, cdd4.middleware, lets its
    multipart body through), authorises its sender and answers `reading(reader, *args)`; here `body` then caps
    the body (or streams it to disk), a refusal answered by the view's own page, `refused(request, refusal,
    *args)`, and only then is CSRF checked and `reader(request, *args)` run. Any other answer of the view (a page,
    a redirect) is given as it is."""

    def decorate(view):
        @wraps(view)
        def door(request, *args, **kwargs):
            answer = view(request, *args, **kwargs)
            if not isinstance(answer, Reading):
                return answer
            refusal = body(request)
            if refusal is not None:  # nothing of the body was kept, so answering before the CSRF check changes nothing
                return refused(request, refusal, *answer.args)
            return csrf_protect(answer.reader)(request, *answer.args)

        exempt = csrf_exempt(door)
        exempt.takes_files = True  # type: ignore[attr-defined]
        return exempt

    return decorate


def posted_ids(values: list[str]) -> list[int]:
    """The row ids a form posted. Anything but a plain number of a key's size is a 400 (templates/400.html,
    Thai first), before any query: "abc" in a filter once answered 500."""
    ids = [whole(v) for v in values]
    if None in ids:
        raise BadRequest(_("an id sent must be a number"))
    return [i for i in ids if i is not None]


def content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def check_body_size(request, kind: str) -> None:
    """Refuses a body over the import route's cap (settings.CDD4_IMPORT_LIMITS_MB[kind]) from its
    Content-Length alone: Django reads no further than that header says, so nothing is read here."""
    mb = settings.CDD4_IMPORT_LIMITS_MB[kind]
    if content_length(request) > mb * MB + FORM_ROOM:
        raise BodyTooLarge(format_lazy(_("the file is larger than {mb} MB (split it)"), mb=mb))


def content_disposition(name: str, *, inline: bool = False) -> str:
    """Every download's Content-Disposition (RFC 6266): control characters dropped (a line break in a name
    once made the header itself fail, a 500), a plain ASCII name quoted as it is, any other also as UTF-8
    `filename*` (RFC 5987) after an ASCII stand-in with `_` for what it cannot say."""
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip() or "file"
    plain = "".join(ch if " " <= ch <= "~" and ch not in '"\\' else "_" for ch in name)
    how = "inline" if inline else "attachment"
    if plain == name:
        return f'{how}; filename="{name}"'
    return f"{how}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"
