"""Chromium (Debian's, headless) against the live server: log in, upload, see the bar reach 100%."""

from people.models import Role
from scoring.models import Province
from submissions.models import Evidence
from tests.browser_support import MARKS, SHOTS, portal_login
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

pytestmark = MARKS


def test_browser_upload_progress_and_isolation(browser, live_server):
    chiang_mai, phuket = Province.objects.get(code="TH-50"), Province.objects.get(code="TH-83")
    owner = UserFactory(role=Role.PROVINCIAL, role__province=chiang_mai)
    other = UserFactory(role=Role.PROVINCIAL, role__province=phuket)
    base = live_server.url

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, owner.username, PASSWORD)
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
    portal_login(page2, base, other.username, PASSWORD)
    assert page2.url == f"{base}/years/2566/provinces/TH-83/"
    assert page2.context.request.get(download).status == 404
    assert page2.goto(f"{base}/years/2566/provinces/TH-50/").status == 404
