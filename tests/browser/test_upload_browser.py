"""Chromium (Debian's, headless) against the live server: log in, upload, see the bar reach 100%."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from scoring.models import Province, Role
from submissions.models import Evidence
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian chromium is not installed (.ci/run installs it)"),
]


@pytest.fixture
def browser(live_server, monkeypatch, settings, tmp_path):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; our ORM calls here are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    settings.MEDIA_ROOT = tmp_path / "media"
    if not Province.objects.exists():  # an earlier transactional test flushed the bootstrap data
        call_command("bootstrap", verbosity=0, stdout=open(os.devnull, "w"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def test_browser_upload_progress_and_isolation(browser, live_server):
    chiang_mai, phuket = Province.objects.get(code="TH-50"), Province.objects.get(code="TH-83")
    owner = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai)
    other = UserFactory(role=Role.PROVINCIAL, role__province=phuket)
    base = live_server.url

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    _login(page, base, owner.username)
    assert page.url == f"{base}/years/2566/provinces/TH-50/"
    assert page.get_by_text("๓๑ พฤษภาคม ๒๕๖๖").first.is_visible()
    page.screenshot(path=str(SHOTS / "province_home.png"), full_page=True)

    page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    page.fill("#upload-description", "รายงานการอบรม Big Data")
    pdf = files.pdf(size=3 * 1024 * 1024)
    page.set_input_files("#file-input", {"name": "รายงานอบรม.pdf", "mimeType": "application/pdf", "buffer": pdf})
    page.wait_for_selector(".upload-item.ok", timeout=30_000)
    assert page.eval_on_selector(".upload-item progress", "p => p.value") == 100
    assert page.inner_text(".upload-item .pct") == "100%"
    row = page.locator("#evidence-list li.evidence").first
    assert "รายงานอบรม.pdf" in row.inner_text()
    assert "๒๕๖" in row.locator("time").inner_text()  # Buddhist Era year, Thai digits
    page.screenshot(path=str(SHOTS / "upload_page.png"), full_page=True)

    evidence = Evidence.objects.get()
    download = f"{base}/evidence/{evidence.pk}/download/"
    response = page.context.request.get(download)
    assert response.status == 200
    assert response.body() == pdf
    assert response.headers["x-content-type-options"] == "nosniff"

    assert page.goto(f"{base}/years/2566/provinces/TH-83/criteria/1.1/").status == 404

    page2 = browser.new_context().new_page()
    _login(page2, base, other.username)
    assert page2.url == f"{base}/years/2566/provinces/TH-83/"
    assert page2.context.request.get(download).status == 404
    assert page2.goto(f"{base}/years/2566/provinces/TH-50/").status == 404
