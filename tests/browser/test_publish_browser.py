"""Chromium against the live server: publishing is preview → confirm → published; withdrawing the publication
asks for a reason and takes the page down; withdrawing evidence asks first."""

from playwright.sync_api import expect

from contests.models import Unit
from people.models import Role
from scoring.models import FreezeAction, FreezeEvent
from submissions.models import Evidence
from tests.browser_support import MARKS, SCREENSHOTS, keep_shot, portal_login
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

pytestmark = MARKS
WIDTHS = (1366, 390)


def _shots(browser, base: str, user, path: str, name: str) -> None:
    """The page as a desk and as a phone show it, for a person to look at (`make screenshots`)."""
    if not SCREENSHOTS:
        return
    for width in WIDTHS:
        page = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH").new_page()
        portal_login(page, base, user.username, PASSWORD)
        page.goto(f"{base}{path}")
        keep_shot(page, f"{name}_{width}.png", full_page=True)
        page.context.close()


def test_browser_preview_confirm_publish_withdraw_and_publish_again(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, central.username, PASSWORD)
    page.goto(f"{base}/standings/2566/")
    page.check("#freeze-form input[name=confirm]")  # freezing is asked first
    page.click("#freeze button:has-text('ตรึงผล')")
    page.click("#publish-preview")
    assert page.url == f"{base}/standings/2566/publish/"
    expect(page.locator("#preview-note")).to_contain_text("ตัวอย่าง ยังไม่ได้ประกาศ")
    expect(page.locator("#results-table tbody tr")).to_have_count(76)
    _shots(browser, base, central, "/standings/2566/publish/", "publish_preview")

    page.click("#publish-form button[type=submit]")  # not ticked: the browser does not send the form
    assert page.url == f"{base}/standings/2566/publish/"
    assert not FreezeEvent.objects.filter(action=FreezeAction.PUBLISH).exists()
    page.check("#publish-form input[name=confirm]")
    page.click("#publish-form button[type=submit]")
    page.wait_for_url(f"{base}/standings/2566/results/")
    assert page.inner_text(".messages") == "ประกาศผลแล้ว"  # Thai alone: the language switch asks for English
    expect(page.locator("#results-table tbody tr")).to_have_count(76)

    _shots(browser, base, owner, "/years/2566/provinces/TH-50/criteria/1.1/", "evidence_published")
    owner_page = browser.new_context(viewport={"width": 390, "height": 900}, locale="th-TH").new_page()
    portal_login(owner_page, base, owner.username, PASSWORD)
    owner_page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    assert owner_page.inner_text("#evidence-closed").startswith("ประกาศผลปี 2566 แล้ว ผลเป็นที่สิ้นสุด")
    assert owner_page.locator("#upload-form").count() == 0

    page.goto(f"{base}/standings/2566/")
    page.fill("#withdraw-publication input[name=reason]", "ตรวจพบคะแนนตัวชี้วัด 2.1.2 ผิด")
    _shots(browser, base, central, "/standings/2566/", "dashboard_published")
    page.click("#withdraw-publication button")
    expect(page.locator(".messages")).to_contain_text("ถอนการประกาศผลแล้ว")
    expect(page.locator("#freeze-history")).to_contain_text("ตรวจพบคะแนนตัวชี้วัด 2.1.2 ผิด")
    event = FreezeEvent.objects.first()
    assert (event.action, event.reason, event.by) == (FreezeAction.WITHDRAW, "ตรวจพบคะแนนตัวชี้วัด 2.1.2 ผิด", central)

    public = browser.new_context(viewport={"width": 390, "height": 900}, locale="th-TH").new_page()
    gone = public.goto(f"{base}/standings/2566/results/")
    assert gone.status == 410
    assert "ถอนการประกาศผลแล้ว" in public.inner_text("#withdrawn")
    assert public.locator("#results-table").count() == 0
    keep_shot(public, "results_withdrawn_390.png", full_page=True)

    page.click("#publish-preview")  # the year can be published again
    page.check("#publish-form input[name=confirm]")
    page.click("#publish-form button[type=submit]")
    page.wait_for_url(f"{base}/standings/2566/results/")
    assert public.goto(f"{base}/standings/2566/results/").status == 200


def test_browser_withdrawing_evidence_asks_first(browser, live_server):
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, owner.username, PASSWORD)
    page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    for name, data in (("ภาพที่1.png", files.png()), ("ภาพที่2.jpg", files.jpeg())):
        page.set_input_files("#file-input", {"name": name, "mimeType": "application/octet-stream", "buffer": data})
        page.wait_for_selector(f".upload-item.ok:has-text('{name}')", timeout=30_000)
    page.set_input_files("#file-input", {"name": "ซ้ำ.png", "mimeType": "image/png", "buffer": files.png()})
    page.wait_for_selector(".upload-item.failed", timeout=30_000)
    assert "ส่งไฟล์นี้ไว้แล้ว (รายการที่ 1: ภาพที่1.png)" in page.inner_text(".upload-item.failed")
    page.goto(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    assert page.locator("#evidence-list .version").all_inner_texts() == ["รายการที่ ๒", "รายการที่ ๑"]
    keep_shot(page, "evidence_items_390.png", full_page=True)

    page.locator("#evidence-list li.evidence").first.get_by_text("ถอน…").click()
    expect(page.locator("h1")).to_contain_text("ถอนหลักฐานนี้หรือไม่")
    expect(page.locator(".card")).to_contain_text("ภาพที่2.jpg")
    keep_shot(page, "evidence_withdraw_confirm_390.png", full_page=True)
    assert Evidence.objects.filter(withdrawn_at__isnull=False).count() == 0  # asking withdrew nothing
    page.click("#confirm-withdraw")
    page.wait_for_url(f"{base}/years/2566/provinces/TH-50/criteria/1.1/")
    assert "ถอนแล้ว" in page.locator("#evidence-list li.evidence").first.inner_text()
    assert list(Evidence.objects.filter(withdrawn_at__isnull=False).values_list("original_name", flat=True)) == [
        "ภาพที่2.jpg"
    ]
    _shots(browser, base, owner, "/years/2566/provinces/TH-50/", "province_rows")
