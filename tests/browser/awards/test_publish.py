"""Chromium against the live server: publishing is preview → confirm → published; withdrawing the publication
asks for a reason and takes the page down; withdrawing evidence asks first; central staff correct one published
award, and the public verifies the old and the new certificates (the voided one names what replaces it, with a
link; an unchanged awardee's stays in force)."""

from playwright.sync_api import expect

from awards import services
from awards.models import DocumentKind, VerificationCode
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from scoring import demo, snapshots
from scoring.models import FreezeAction, FreezeEvent, Standing
from scoring.recompute import standings_recompute
from submissions.models import Evidence
from tests.browser_support import MARKS, SCREENSHOTS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, AwardSignatureFactory, UserFactory
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


def _issued(rubric, kind):
    doc = services.document_request(rubric=rubric, kind=kind)
    services.document_render(document_id=doc.pk)
    doc.refresh_from_db()
    return doc


def _code(doc, unit) -> str:
    return VerificationCode.objects.get(document__combined=doc, entrant=unit).code


def test_browser_correct_one_award_then_verify_the_old_and_the_new_certificates(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    rubric = ContestPeriod.objects.get(year=2566)
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    AwardSignatureFactory(rubric=rubric)
    snapshot = snapshots.standings_freeze(user=central, rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    first = _issued(rubric, DocumentKind.CERTIFICATES)
    ranked = list(Standing.objects.filter(rubric=rubric).select_related("unit").order_by("rank", "unit__code"))
    kept, void = [r for r in ranked if r.award][:2]
    heir = next(r for r in ranked if not r.award and r.total > 0)
    old_code, kept_code = _code(first, void.unit), _code(first, kept.unit)

    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, central.username, PASSWORD)
    page.goto(f"{base}/standings/{rubric.key}/freeze/")
    form = page.locator("#correct form")
    form.locator("select[name=entrant]").nth(0).select_option(void.unit.code)
    form.locator("select[name=award]").nth(0).select_option("")
    form.locator("select[name=entrant]").nth(1).select_option(heir.unit.code)
    form.locator("select[name=award]").nth(1).select_option(void.award)
    form.locator("textarea[name=reason]").fill("ตรวจพบข้อมูลผิดพลาดตามข้อร้องเรียน")
    keep_shot(page, "correct_1366.png", full_page=True)
    form.locator("button").click()
    page.wait_for_url(f"{base}/awards/years/{rubric.key}/#documents")
    expect(page.locator(".messages")).to_contain_text("แก้ไขผลรางวัลแล้ว")
    awards = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "award"))
    assert (awards[void.unit_id], awards[heir.unit_id], awards[kept.unit_id]) == ("", void.award, kept.award)

    announcement = _issued(rubric, DocumentKind.ANNOUNCEMENT)
    second = _issued(rubric, DocumentKind.CERTIFICATES)
    announced = VerificationCode.objects.get(document=announcement, entrant=None).code
    new_code = VerificationCode.objects.get(document__combined=second, entrant=heir.unit).code

    public = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH", is_mobile=True).new_page()
    public.goto(f"{base}/verify/{old_code}/")
    expect(public.locator(".state.superseded")).to_contain_text("มีฉบับใหม่กว่า")
    keep_shot(public, "correct_old_certificate_390.png", full_page=True)
    public.get_by_role("link", name="ตรวจสอบเอกสารที่ใช้แทน").click()
    settle(public)
    assert public.url == f"{base}/verify/{announced}/"
    expect(public.locator(".state.current")).to_be_visible()
    public.goto(f"{base}/verify/{kept_code}/")
    expect(public.locator(".state.current")).to_be_visible()  # an unchanged awardee's certificate stays in force
    public.goto(f"{base}/verify/{new_code}/")
    expect(public.locator(".state.current")).to_be_visible()
    expect(public.locator("dl.facts")).to_contain_text(heir.unit.name_th)
    keep_shot(public, "correct_new_certificate_390.png", full_page=True)
