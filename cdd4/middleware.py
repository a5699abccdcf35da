from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from cdd4.tokens import token_user
from contests.permissions import is_central
from core import thai
from core.api import DB_DOWN_EN, DB_DOWN_TH, database_unavailable, error_response
from core.http import LOGIN_FIRST, BodyTooLarge, check_body_size, content_length
from core.i18n import in_english


class ThaiFirstLocaleMiddleware:
    """Thai unless the user chose English (the language cookie set by /i18n/setlang/).

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most office
    browsers here say en-US: Thai first means the portal does not do that.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class AdminDigitsMiddleware:
    """The admin's codes and counts in the reader's digits, as the portal's: Thai on a Thai page.

    Django prints its counts, pages, selections and filter tallies in Arabic digits, and our columns print what is
    stored; rather than teach every column, count and filter, the page's text is turned once, as it leaves, by
    `core.thai.page_in_readers_digits` (tags, attributes, what a form sends back, names and addresses as written).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(reverse("admin:index"))
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            html = response.content.decode(response.charset)
            response.content = thai.page_in_readers_digits(html, thai=not in_english())
        return response


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response that has not set its own.

    Scripts come only from our static files (vendored htmx, no inline script). Styles also allow
    'unsafe-inline': templates colour the map and badges with style attributes, which nonces cannot
    cover. The Swagger page (API docs) alone loads its bundle from the CDN named in SPECTACULAR_SETTINGS.
    Evidence downloads keep their stricter `default-src 'none'; sandbox`.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = "; ".join(settings.CDD4_CSP)
        self.docs_policy = "; ".join(settings.CDD4_CSP_API_DOCS)
        self.docs_path = settings.CDD4_CSP_API_DOCS_PATH

    def __call__(self, request):
        response = self.get_response(request)
        docs = request.path == self.docs_path
        response.headers.setdefault("Content-Security-Policy", self.docs_policy if docs else self.policy)
        response.headers.setdefault("Permissions-Policy", settings.CDD4_PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """While the database restarts, answer 503 with a Thai reason and Retry-After instead of a 500 page.

    Nothing half-done stays behind: the request's transaction never committed (or, when the connection
    broke during COMMIT, may have; the upload service keeps the file for that case). Django reconnects
    on the next request (CONN_HEALTH_CHECKS).
    """

    TH, EN = DB_DOWN_TH, DB_DOWN_EN

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        return database_unavailable(request, exception)


def takes_files(view_func) -> bool:
    """A page marked by `core.http.takes_files`, or an API view whose class says it takes files."""
    return getattr(view_func, "takes_files", False) or getattr(getattr(view_func, "cls", None), "takes_files", False)


class UploadGateMiddleware:
    """Who may send a large body is decided from the headers, before anything reads a byte of it.

    Django's CSRF check reads a form body (request.POST) before the view runs, and a multipart body
    goes to a temporary file as it is read: an anonymous 300 MB post would sit on disk before the 401.
    Here, ahead of the CSRF middleware, for a body over CDD4_ANONYMOUS_BODY_BYTES: 401 unless the
    sender has a session or a valid API token (checked, not just seen); a multipart body reaches only
    the routes that take files (`core.http.takes_files`, and the API's evidence: each authorises its
    sender, then caps the size, then checks CSRF) and the admin's imports, which only central staff use and which
    are capped here (CDD4_IMPORT_LIMITS_MB).
    """

    TH_NO_FILES, EN_NO_FILES = "เส้นทางนี้ไม่รับไฟล์", "This address does not take files"
    ADMIN_IMPORTS = {"admin:scoring_fact_import": "facts", "admin:committee_judgment_import": "judgments"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def _refuse(self, request, th: str, en: str, status: int, code: str) -> HttpResponse:
        if request.path.startswith("/api/") or "application/json" in request.headers.get("Accept", ""):
            return error_response(th, en, status=status, code=code)
        response = HttpResponse(f"{th} / {en}", status=status, content_type="text/plain; charset=utf-8")
        if status == 401:
            response["WWW-Authenticate"] = "Token"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if content_length(request) <= settings.CDD4_ANONYMOUS_BODY_BYTES:
            return None
        try:  # the session lookup is an upload's first query: a database restart must answer 503, not 500
            return self._decide(request, view_func)
        except (OperationalError, InterfaceError) as error:
            return database_unavailable(request, error)

    def _decide(self, request, view_func) -> HttpResponse | None:
        if not (request.user.is_authenticated or token_user(request) is not None):
            return self._refuse(request, *LOGIN_FIRST, 401, "not_authenticated")
        if not request.content_type.startswith("multipart/") or takes_files(view_func):
            return None
        if not (request.path.startswith("/admin/") and is_central(request.user)):
            return self._refuse(request, self.TH_NO_FILES, self.EN_NO_FILES, 403, "permission_denied")
        kind = self.ADMIN_IMPORTS.get(request.resolver_match.view_name)
        try:
            if kind is not None:
                check_body_size(request, kind)
        except BodyTooLarge as error:
            return self._refuse(request, error.th, error.en, error.status, error.code)
        return None
