"""Chromium (Debian's, headless) against the live server: log in, upload, see the bar reach 100%."""

from contests.models import Unit
from people.models import Role
from submissions.models import Evidence
from tests.browser_support import MARKS, keep_shot, portal_login
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

pytestmark = MARKS


def test_browser_upload_progress_and_isolation(browser, live_server):
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
    base = live_server.url

    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, owner.username, PASSWORD)
    assert page.url == f"{base}/years/2566/provinces/TH-50/"
    assert page.get_by_text("๓๑ พฤษภาคม ๒๕๖๖").first.is_visible()
    keep_shot(page, "unit_home.png", full_page=True)

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
    keep_shot(page, "upload_page.png", full_page=True)

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


def criterion_page(browser, base: str, width: int):
    """Chiang Mai's criterion 1.1, as its provincial staff, at this width."""
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    page = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, owner.username, PASSWORD)
    page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    return page


def test_browser_four_files_chosen_at_once_all_arrive(browser, live_server):
    page = criterion_page(browser, live_server.url, width=390)
    chosen = [
        {
            "name": f"รายงาน-{n}.pdf",
            "mimeType": "application/pdf",
            "buffer": files.pdf(extra=f"% {n}\n".encode(), size=300_000),
        }
        for n in range(4)
    ]
    page.set_input_files("#file-input", chosen)
    page.locator(".upload-item.ok, .upload-item.failed").nth(3).wait_for(timeout=30_000)

    assert [t for t in page.locator(".upload-item").all_inner_texts() if "✕" in t] == []
    assert page.locator(".upload-item.ok").count() == 4
    assert page.locator("#evidence-list li.evidence").count() == 4
    assert sorted(Evidence.objects.values_list("version", flat=True)) == [1, 2, 3, 4]
    keep_shot(page, "upload_four_390.png", full_page=True)


def test_browser_a_refused_file_shows_failed_and_offers_no_retry_that_cannot_help(browser, live_server):
    """A refused file offers no "ลองใหม่": that would send the same file to the same refusal."""
    page = criterion_page(browser, live_server.url, width=1366)
    page.set_input_files(
        "#file-input", {"name": "โปรแกรม.exe", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" * 50}
    )
    page.wait_for_selector(".upload-item.failed", timeout=30_000)

    row = page.locator(".upload-item").first
    assert page.eval_on_selector(".upload-item progress", "p => p.value") == 0
    assert row.locator(".pct").inner_text() == "✕"
    assert row.locator("button.retry").count() == 0
    assert page.inner_text("#criterion-status") == "ยังไม่ส่ง"
    assert Evidence.objects.count() == 0
    keep_shot(page, "upload_refused_1366.png", full_page=True)


def test_browser_a_server_failure_offers_retry_and_the_status_follows_the_upload(browser, live_server):
    """A failure of the server (500), not of the file: "ลองใหม่" sends it again; once stored, the page's status
    line says so without a reload, never "ยังไม่ส่ง" until reloaded."""
    page = criterion_page(browser, live_server.url, width=390)
    failures = []

    def once(route):
        if not failures:
            failures.append(route.request.url)
            route.fulfill(status=500, body="{}", content_type="application/json")
        else:
            route.continue_()

    page.route("**/upload/", once)
    page.set_input_files(
        "#file-input", {"name": "รายงาน.pdf", "mimeType": "application/pdf", "buffer": files.pdf(size=20_000)}
    )
    page.wait_for_selector(".upload-item.failed button.retry", timeout=30_000)
    assert page.inner_text("#criterion-status") == "ยังไม่ส่ง"
    page.locator(".upload-item button.retry").click()
    page.wait_for_selector(".upload-item.ok", timeout=30_000)
    assert page.inner_text("#criterion-status") == "ส่งแล้ว"
    assert Evidence.objects.count() == 1 and len(failures) == 1
