import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ENV", "DJANGO_DEBUG")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_settings_production_mode_passes_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="x" * 60 + "-not-a-real-secret-9f8e7d",
        DJANGO_ALLOWED_HOSTS="cdd4.example",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_settings_production_mode_refuses_to_start_without_secret_key():
    result = manage("check", DJANGO_ENV="production")
    assert result.returncode == 1
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_settings_embedded_default_is_sqlite_with_in_process_tasks():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, s.TIME_ZONE, s.LANGUAGE_CODE)"
    )
    result = manage("shell", "-v", "0", "-c", code)
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True", "Asia/Bangkok", "th"]


def test_settings_service_mode_from_urls():
    code = (
        "from django.conf import settings as s; db = s.DATABASES['default']; "
        "print(db['ENGINE'], db['NAME'], s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL)"
    )
    result = manage(
        "shell", "-v", "0", "-c", code, DATABASE_URL="postgres://u@db:5432/cdd4", REDIS_URL="redis://cache:6379/0"
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "cdd4", "False", "redis://cache:6379/0"]


def test_the_embedded_default_shows_no_debug_pages_unless_a_developer_asks():
    """`make run` is what a small office runs: a 404 is the portal's page, never Django's list of URL patterns
    ; static files are still served (WhiteNoise reads them where they are)."""
    code = "from django.conf import settings as s; print(s.DEBUG, s.WHITENOISE_USE_FINDERS)"
    clean = manage("shell", "-v", "0", "-c", code)
    asked = manage("shell", "-v", "0", "-c", code, DJANGO_DEBUG="1")
    assert clean.stdout.split() == ["False", "True"]
    assert asked.stdout.split() == ["True", "True"]
