"""Security headers and cookies, on pages fetched with production's settings."""

import pytest
from django.urls import reverse

from people.models import Role

from .factories import UserFactory

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


@pytest.fixture
def production(settings):
    """The PRODUCTION block of cdd4/settings.py, over the test database."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.X_FRAME_OPTIONS = "DENY"
    settings.DEBUG = False
    return settings


def https_get(client, path):
    return client.get(path, headers={"x-forwarded-proto": "https"})


def test_headers_login_page_in_production_has_every_security_header(client, production, db):
    response = https_get(client, reverse("login"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CSP
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Permissions-Policy"] == PERMISSIONS
    assert response["X-Frame-Options"] == "DENY"
    csrf = response.cookies["csrftoken"]
    assert (csrf["secure"], csrf["samesite"]) == (True, "Lax")


def test_headers_plain_http_in_production_redirects_to_https(client, production, db):
    response = client.get(reverse("login"))
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/accounts/login/"


def test_headers_session_cookie_secure_and_httponly_after_login(client, production, central_user):
    from .factories import PASSWORD

    response = client.post(
        reverse("login"),
        {"username": central_user.username, "password": PASSWORD},
        headers={"x-forwarded-proto": "https"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")


def test_headers_dashboard_with_htmx_served_under_csp(client, production, rubric):
    client.force_login(UserFactory(role=Role.CENTRAL))
    response = https_get(client, reverse("schedule:dashboard", args=[2566]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CSP
    html = response.content.decode()
    assert html.count("<script>") == 0  # no inline script: 'self' alone lets every script run


def test_headers_api_docs_served_from_the_portal_without_cdn(client, production, db):
    client.force_login(UserFactory(role=Role.CENTRAL))
    response = https_get(client, reverse("api-docs"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "https://" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    html = response.content.decode()
    assert "https://" not in html and "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html  # the start-up script is a file (?script), allowed by 'self'
    script = https_get(client, reverse("api-docs") + "?script=")
    assert (script.status_code, script["Content-Type"]) == (200, "application/javascript")


def test_headers_api_docs_and_schema_need_login(client, production, db):
    docs = https_get(client, reverse("api-docs"))
    assert (docs.status_code, docs["Location"].split("?")[0]) == (302, reverse("login"))
    assert https_get(client, reverse("schema")).status_code == 401
