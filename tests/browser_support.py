"""Playwright against Debian's chromium, headless, with none of its background network chatter."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

SHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)"),
]


def launch(live_server, monkeypatch, settings, tmp_path):
    """Yields a browser on a live server whose data is bootstrapped and whose evidence goes to tmp_path."""
    from playwright.sync_api import sync_playwright

    from contests.models import Province
    from scoring.models import Rubric
    from scoring.recompute import standings_recompute

    # Playwright's sync API runs an event loop in this thread; our ORM calls here are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.MEDIA_ROOT = tmp_path / "media"
    if not Province.objects.exists():  # an earlier transactional test flushed the bootstrap data
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    # In service mode the session bootstrap may have queued its recompute to a broker no worker reads.
    standings_recompute(rubric_id=Rubric.objects.get(year=2566).pk)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def portal_login(page, base: str, username: str, password: str) -> None:
    """Signs in through the portal's own login page (tests.factories.PASSWORD for factory users)."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
