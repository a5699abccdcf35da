"""Chromium (Debian's, headless) against the live server: a member opens a province's criterion in the
admin, sees the PDF evidence beside the rubric, scores it, and the standings change (the recompute runs on
commit, eagerly here); central staff see the new total and rank on the dashboard; the chair sees the
matrix. `make screenshots` keeps pictures under var/screenshots/."""

from decimal import Decimal as D

from django.core.files.uploadedfile import TemporaryUploadedFile

from committee import selectors
from committee.models import Judgment
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from scoring.models import Standing
from submissions import services as evidence_services
from tests.browser_support import MARKS, keep_shot, settle
from tests.factories import PASSWORD, UserFactory
from tests.submissions import files

pytestmark = MARKS


def _login(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("input[type=submit]")
    settle(page)


def _evidence(browser, rubric, unit):
    """A real PDF (printed by Chromium itself), an image and a link, sent through the portal's service."""
    page = browser.new_page()
    page.set_content("<h1 style='font-family:sans-serif'>รายงานถอดบทเรียนตำบลต้นแบบ</h1><p>ส่วนที่ ๑ ข้อมูลทั่วไป</p>")
    pdf = page.pdf(format="A4")
    page.close()
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
    cell = {"user": staff, "rubric": rubric, "unit": unit, "criterion_code": "4.1.1"}
    for name, data in (("ถอดบทเรียน.pdf", pdf), ("ภาพกิจกรรม.png", files.png())):
        upload = TemporaryUploadedFile(name, "application/octet-stream", 0, None)  # the portal streams to disk
        upload.write(data)
        upload.seek(0)
        evidence_services.evidence_submit(**cell, upload=upload)
        upload.close()
    evidence_services.evidence_submit(**cell, url="https://www.youtube.com/watch?v=cdd4", description="วีดิทัศน์")


def _ranking_row(page, base: str, code: str) -> tuple[str, str]:
    """(rank, total) of a province as the central dashboard shows them."""
    page.goto(f"{base}/standings/2566/")
    row = page.locator(f"#ranking tr[data-province='{code}']")
    return row.locator("td").first.inner_text().strip(), row.locator("td.total").inner_text().strip()


def test_browser_member_scores_with_pdf_beside_rubric_and_standings_change(browser, live_server):
    rubric = ContestPeriod.objects.get(year=2566)
    chiang_mai = Unit.objects.get(code="TH-50")
    member, chair = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.CHAIR)
    central = UserFactory(role=Role.CENTRAL)
    others = [UserFactory(role=Role.COMMITTEE) for _ in range(2)]
    _evidence(browser, rubric, chiang_mai)
    from committee import services

    for p_code, a, b in (("TH-50", "3", "5"), ("TH-51", "5", "5"), ("TH-52", "1", "5"), ("TH-57", "3", "3")):
        p = Unit.objects.get(code=p_code)
        for user, points in zip(others, (a, b), strict=True):
            services.judgment_record(
                member=user, rubric=rubric, unit=p, criterion_code="4.1.1", points=points, expected_version=0
            )
    before = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    # Members 3 and 5: median 4 snapped down to 3 on the 0/1/3/5 ladder; TH-51 (5, 5) is ahead.
    assert (before.total, before.rank, before.computed_seq) == (D(3), 2, before.change_seq)
    base = live_server.url
    dashboard = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH").new_page()
    _login(dashboard, base, central.username)
    assert _ranking_row(dashboard, base, "TH-50") == ("๒", "๓")
    keep_shot(dashboard, "committee_standings_before.png", full_page=False)

    page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH").new_page()
    _login(page, base, member.username)
    page.goto(f"{base}/admin/committee/judgment/score/2566/TH-50/4.1.1/")
    iframe = page.locator("#evidence iframe")
    assert iframe.count() == 1
    pdf = page.context.request.get(base + iframe.get_attribute("src"))
    assert (pdf.status, pdf.headers["content-type"], pdf.body()[:5]) == (200, "application/pdf", b"%PDF-")
    assert page.locator("#evidence img").count() == 1
    assert page.locator("#evidence a[href='https://www.youtube.com/watch?v=cdd4']").count() == 1
    page.check("#judge-form input[name=points][value='5.00'], #judge-form input[name=points][value='5']")
    page.fill("#judge-form textarea[name=note]", "เอกสารครบ วีดิทัศน์ ๒ ช่องทาง")
    page.click("#judge-form button.default")
    settle(page)
    page.wait_for_timeout(1500)  # let Chromium's PDF viewer paint before the screenshot
    assert "บันทึกแล้ว" in page.inner_text(".messagelist")
    keep_shot(page, "committee_scoring_member.png", full_page=True)

    assert Judgment.objects.get(member=member).points == D(5)
    # Members 3, 5 and now 5: median 5 is what the recompute got; it ran on commit, so the result is current.
    assert selectors.judged_points(rubric, [chiang_mai.pk])[chiang_mai.pk]["4.1.1"] == D(5)
    after = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    assert (after.change_seq, after.computed_seq) == (before.change_seq + 1, before.change_seq + 1)
    assert (after.criteria["4.1.1"], after.total, after.rank) == ("5", D(5), 1)
    assert _ranking_row(dashboard, base, "TH-50") == ("๑", "๕")
    keep_shot(dashboard, "committee_standings_after.png", full_page=False)

    page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH").new_page()
    _login(page, base, chair.username)
    page.goto(f"{base}/admin/committee/judgment/score/2566/TH-50/4.1.1/")
    assert page.locator("#committee-scores tr").count() == 4  # header + three members
    page.wait_for_timeout(1500)  # let Chromium's PDF viewer paint before the screenshot
    keep_shot(page, "committee_scoring_chair.png", full_page=True)
    page.goto(f"{base}/admin/committee/judgment/matrix/?year=2566")
    assert page.locator("td.disagree").count() == 2  # TH-50 (3/5/5) and TH-52 (1/5)
    page.goto(f"{base}/admin/committee/judgment/matrix/?year=2566&dimension=4&status=scored")
    assert page.locator("#matrix tbody tr").count() == 4
    keep_shot(page, "committee_matrix.png", full_page=True)
