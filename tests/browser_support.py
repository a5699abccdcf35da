"""Playwright against Debian's chromium, headless, with none of its background network chatter."""

import asyncio
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


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for all of a worker's browser tests: starting Playwright and a browser cost about 0.8 s a test.

    Each test still gets its own contexts (cookies, storage), closed after it by `launch`."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
    # Between its calls Playwright's sync API leaves its event loop marked as running in this thread, which
    # Django's async guard takes for async code: the mark is put back only while a browser test runs, so the
    # worker's other tests keep the guard (and no DJANGO_ALLOW_ASYNC_UNSAFE leaks into their subprocesses).
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)
    yield browser, loop
    asyncio.events._set_running_loop(loop)
    browser.close()
    playwright.stop()


def launch(chromium, live_server, monkeypatch, settings, tmp_path):
    """Yields the browser on a live server whose data is bootstrapped and whose evidence goes to tmp_path."""
    from contests.models import Province
    from scoring.models import Rubric
    from scoring.recompute import standings_recompute

    browser, loop = chromium
    settings.MEDIA_ROOT = tmp_path / "media"
    if not Province.objects.exists():  # an earlier transactional test flushed the bootstrap data
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    # In service mode the session bootstrap may have queued its recompute to a broker no worker reads.
    standings_recompute(rubric_id=Rubric.objects.get(year=2566).pk)
    SHOTS.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the test's own ORM calls, beside the running loop
    asyncio.events._set_running_loop(loop)
    yield browser
    for context in browser.contexts:
        context.close()
    asyncio.events._set_running_loop(None)


def portal_login(page, base: str, username: str, password: str) -> None:
    """Signs in through the portal's own login page (tests.factories.PASSWORD for factory users)."""
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
