from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
