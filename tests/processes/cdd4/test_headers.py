"""Production's security settings for headers and cookies, read from the environment by manage.py in a process
of its own."""

import json

from .test_settings import manage

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "x" * 60 + "-not-a-real-secret-9f8e7d",
    "DJANGO_ALLOWED_HOSTS": "cdd4.example",
}


def test_headers_production_settings_from_environment():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps([s.SESSION_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_REFERRER_POLICY, "
        "s.SECURE_CONTENT_TYPE_NOSNIFF, 'cdd4.middleware.SecurityHeadersMiddleware' in s.MIDDLEWARE]))"
    )
    result = manage("shell", "-v", "0", "-c", code, **PRODUCTION_ENV)
    assert json.loads(result.stdout) == [True, True, True, 31536000, "same-origin", True, True]
