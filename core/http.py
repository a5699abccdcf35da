"""Request handling shared by every app and the project's middleware (cdd4.middleware reads these marks)."""

import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest

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


def takes_files(view):
    """Marks a view that authenticates and authorises its sender before it reads the body: it is
    csrf_exempt and runs the CSRF check itself afterwards (Django's check reads the body)."""
    view.takes_files = True
    return view


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
