"""Request handling shared by every app and the project's middleware (cdd4.middleware reads these marks)."""

from django.conf import settings
from django.contrib import messages

from .errors import PortalError

MB = 1024 * 1024
FORM_ROOM = 64 * 1024  # the multipart framing and the form's other fields around the file


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
        raise BodyTooLarge(f"ไฟล์ใหญ่เกิน {mb} MB (แบ่งเป็นหลายไฟล์)", f"the file is larger than {mb} MB (split it)")
