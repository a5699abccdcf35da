"""What the REST API shares: one error shape, Thai first, and the access gate as a permission.

Every error the API answers has drf-standardized-errors' shape, each error extended with the two
languages apart (docs/api.md, "Errors"):

    {"type": "validation_error" | "client_error" | "server_error",
     "errors": [{"code": "required", "detail": "ไทย / English", "th": "ไทย", "en": "English",
                 "attr": "facts" | null, "row": 3 (an import's refused row only)}]}

`code` is stable (DRF's error codes, PortalError.code); `attr` names the request field (dotted for a nested
one: facts.0.province) or is null. A PortalError keeps its own status (400, 403, 409, 413, 503…).
"""

from __future__ import annotations

import logging
import re
from functools import cache

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import trans_real
from django.views import csrf
from drf_standardized_errors.formatter import ExceptionFormatter, flatten_errors
from drf_standardized_errors.handler import ExceptionHandler
from rest_framework import exceptions
from rest_framework.permissions import BasePermission
from rest_framework.settings import api_settings
from rest_framework.status import is_client_error

from . import gate
from .errors import MAX_SHOWN, PortalError, RowsError, in_language, more_than_shown

logger = logging.getLogger("cdd4.availability")

NON_FIELD = api_settings.NON_FIELD_ERRORS_KEY
THAI = re.compile(r"[\u0e00-\u0e7f]")
# Thai for a library's message that no catalogue translates (a JSON parser's own English, say), by its code.
THAI_BY_CODE = {
    "parse_error": "อ่านข้อมูลที่ส่งมาไม่ได้",
    "authentication_failed": "ยืนยันตัวตนไม่สำเร็จ",
    "not_authenticated": "กรุณาเข้าสู่ระบบหรือส่งโทเค็น",
    "permission_denied": "ไม่มีสิทธิ์ทำรายการนี้",
    "not_found": "ไม่พบรายการนี้",
    "error": "ระบบขัดข้อง",
}
THAI_FALLBACK = "คำขอไม่ถูกต้อง"


def rule_permission(perm: str) -> type[BasePermission]:
    """`permission_classes = [rule_permission("app.perm")]`: the gate's answer for an API view
    (DRF then says 401 to an anonymous caller and 403 to a signed-in one)."""

    class HasRule(BasePermission):
        def has_permission(self, request, view) -> bool:
            try:
                gate.require(request, perm)
            except PermissionDenied:
                return False
            return True

    HasRule.__name__ = f"HasRule[{perm}]"
    return HasRule


class Refused(exceptions.APIException):
    """A PortalError on its way through DRF's handler, with its own status and code."""

    def __init__(self, error: PortalError):
        self.status_code = error.status
        self.error = error
        super().__init__(detail=str(error), code=error.code)


class BilingualValidationError(exceptions.ValidationError):
    """A serializer's errors in Thai (`detail`) and the same errors in English (`english`)."""

    def __init__(self, thai, english):
        super().__init__(thai)
        self.english = exceptions.ValidationError(english).detail


def validated(serializer_class, data, **kwargs) -> dict:
    """The serializer's validated data, or its errors in both languages (it is run again in each: DRF's
    messages are formatted, with their numbers, in whichever language is active when a field fails)."""
    serializer = serializer_class(data=data, **kwargs)
    if serializer.is_valid():
        return serializer.validated_data
    errors = {}
    for language in ("th", "en"):
        with translation.override(language):
            again = serializer_class(data=data, **kwargs)
            again.is_valid()
            errors[language] = again.errors
    raise BilingualValidationError(errors["th"], errors["en"])


@cache
def _english_of() -> dict[str, str]:
    """Thai message -> its English msgid, from every Thai catalogue (DRF's, knox's, ours)."""
    # Django keeps the catalogue private; it is the one list of every Thai message loaded.
    catalog = trans_real.translation("th")._catalog  # type: ignore[attr-defined]
    return {str(th): str(en) for en, th in catalog.items() if isinstance(en, str) and th and en}


def both(text: str, code: str = "") -> tuple[str, str]:
    """A message's Thai and English: "ไทย / English" split; a catalogued message in the other language."""
    th, sep, en = text.partition(" / ")
    if sep and THAI.search(th):
        return th, en
    if THAI.search(text):
        return text, _english_of().get(text, text)
    with translation.override("th"):
        th = translation.gettext(text)
    if th == text:
        th = THAI_BY_CODE.get(code, THAI_FALLBACK)
    return th, text


def _default_message(exc: exceptions.APIException, request) -> tuple[str, str] | None:
    """DRF's own default message, formatted again in each language (the method or media type it names)."""
    kwargs = {}
    if isinstance(exc, exceptions.MethodNotAllowed):
        kwargs["method"] = getattr(request, "method", "")
    elif isinstance(exc, exceptions.UnsupportedMediaType):
        kwargs["media_type"] = getattr(request, "content_type", "")
    default = type(exc).default_detail
    try:
        if str(exc.detail) != str(default).format(**kwargs):
            return None
        texts = []
        for language in ("th", "en"):
            with translation.override(language):
                texts.append(str(default).format(**kwargs))
    except (KeyError, IndexError):  # a subclass whose default names something else
        return None
    return texts[0], texts[1]


def field_of(attr: str | None) -> str | None:
    """DRF's key for an error about a whole object is non_field_errors: the object's own name here, and
    null for the request itself."""
    if attr is None or attr == NON_FIELD:
        return None
    return attr.removesuffix(f".{NON_FIELD}")


def item(code: str, th: str, en: str, attr: str | None = None, **extra) -> dict:
    """One error of the list: Thai first in `detail`, the two languages apart."""
    detail = f"{th} / {en}" if en and en != th else th
    return {"code": code, "detail": detail, "th": th, "en": en, "attr": attr, **extra}


def body(error_type: str, errors: list[dict]) -> dict:
    return {"type": error_type, "errors": errors}


def error_response(th: str, en: str, *, status: int, code: str, attr: str | None = None) -> JsonResponse:
    """The same shape from outside DRF (middleware, a view's early refusal, the API's own 404)."""
    kind = "client_error" if is_client_error(status) else "server_error"
    response = JsonResponse(body(kind, [item(code, th, en, attr)]), status=status)
    if status == 401:
        response["WWW-Authenticate"] = "Token"
    return response


class ThaiFirstFormatter(ExceptionFormatter):
    """drf-standardized-errors' format, each error with `th` and `en` (and `row` for an import's row)."""

    def run(self) -> dict:
        error = getattr(self.exc, "error", None)
        if isinstance(error, PortalError):
            return body(self._portal_type(error), self._portal_errors(error))
        errors = flatten_errors(self.exc.detail)
        if isinstance(self.exc, exceptions.ValidationError):
            english = flatten_errors(getattr(self.exc, "english", self.exc.detail))
            if [(e.code, e.attr) for e in english] != [(e.code, e.attr) for e in errors]:
                english = errors
            found = []
            for th, en in zip(errors, english, strict=True):
                th_text, en_text = both(th.detail, th.code) if th is en else (th.detail, en.detail)
                found.append(item(th.code, th_text, en_text, field_of(th.attr)))
            return body("validation_error", found)
        request = self.context.get("request")
        texts = _default_message(self.exc, request) or both(str(self.exc.detail), str(self.exc.get_codes()))
        return body(self.get_error_type(), [item(errors[0].code if errors else "error", *texts)])

    def _portal_type(self, error: PortalError) -> str:
        if error.status >= 500:
            return "server_error"
        about_the_body = error.status == 400 and (error.field or isinstance(error, RowsError))
        return "validation_error" if about_the_body else "client_error"

    @staticmethod
    def _portal_errors(error: PortalError) -> list[dict]:
        if not isinstance(error, RowsError) or not error.errors:
            return [item(error.code, error.th, error.en or error.th, error.field)]
        rows = [
            item(error.code, e.th, e.en)
            if e.row == 0
            else item(error.code, f"แถวที่ {e.row}: {e.th}", f"row {e.row}: {e.en}", row=e.row)
            for e in error.errors[:MAX_SHOWN]
        ]
        if len(error.errors) > MAX_SHOWN:  # as on the pages: the first rows, then a count
            more = more_than_shown(len(error.errors) - MAX_SHOWN)
            rows.append(item(error.code, in_language(more, "th"), in_language(more, "en")))
        return rows


class ThaiFirstExceptionHandler(ExceptionHandler):
    def convert_known_exceptions(self, exc: Exception) -> Exception:
        if isinstance(exc, PortalError):
            return Refused(exc)
        if isinstance(exc, Http404):
            return exceptions.NotFound()
        if isinstance(exc, PermissionDenied):
            message = str(exc)
            return exceptions.PermissionDenied(message) if message else exceptions.PermissionDenied()
        return exc

    def should_not_handle(self, exc: Exception) -> bool:
        # A database restart is DatabaseUnavailableMiddleware's: 503 with Retry-After, not a 500.
        return isinstance(exc, OperationalError | InterfaceError) or super().should_not_handle(exc)


DB_DOWN_TH = "ฐานข้อมูลไม่พร้อมชั่วคราว รายการนี้ยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้งในไม่กี่วินาที"
DB_DOWN_EN = "The database is briefly unavailable; this was not saved. Please try again in a few seconds"


def database_unavailable(request, exception: Exception) -> HttpResponse:
    """503 with a Thai reason and Retry-After while the database restarts, never a 500 page.

    For cdd4.middleware.DatabaseUnavailableMiddleware (a view's error) and for any middleware that reads
    the database before the view: Django turns a middleware's own error into a 500 before any
    process_exception sees it.
    """
    logger.error("database unavailable: %s %s", request.method, request.path, exc_info=exception)
    if "application/json" in request.headers.get("Accept", "") or request.path.startswith("/api/"):
        response: HttpResponse = error_response(DB_DOWN_TH, DB_DOWN_EN, status=503, code="unavailable")
    else:
        html = render_to_string("errors/503.html", {"th": DB_DOWN_TH, "en": DB_DOWN_EN})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = "5"
    return response


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any other address under /api/: the API's 404, not the portal's HTML page."""
    th, en = both(str(exceptions.NotFound.default_detail), "not_found")
    return error_response(th, en, status=404, code="not_found")


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW. Under /api/ the API's own 403, in its error shape: a POST there without a token
    meets Django's check only on an address no API view takes (the API's views check CSRF in DRF, for a
    session). Every other page: Django's own answer, the 403_csrf.html page."""
    if request.path.startswith("/api/"):
        return error_response(
            "คำขอไม่ผ่านการตรวจ CSRF: ส่งโทเค็นในส่วนหัว Authorization หรือ X-CSRFToken ของเซสชัน",
            f"CSRF check failed ({reason}): send a token in Authorization, or the session's X-CSRFToken",
            status=403,
            code="csrf_failed",
        )
    return csrf.csrf_failure(request, reason)
