"""Chromium against the live server: central staff correct one published award on the freeze page, and a member of
the public verifies the old and the new certificates: the voided one names what replaces it, with a link; an
unchanged awardee's stays in force."""

from playwright.sync_api import expect

from awards import services
from awards.models import DocumentKind, VerificationCode
from people.models import Role
from rubrics.models import Rubric
from scoring import demo, snapshots
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, AwardSignatureFactory, UserFactory

pytestmark = MARKS


def _issued(rubric, kind):
    doc = services.document_request(rubric=rubric, kind=kind)
    services.document_render(document_id=doc.pk)
    doc.refresh_from_db()
    return doc


def _code(doc, unit) -> str:
    return VerificationCode.objects.get(document__combined=doc, entrant=unit).code


def test_browser_correct_one_award_then_verify_the_old_and_the_new_certificates(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    rubric = Rubric.objects.get(year=2566)
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
