"""A contest built on the pages as its letter describes it: Chonburi's district website contest (seed 001: five
criteria worth 20/25/10/30/15, the eleven district offices, three awards) built in Chromium from the letter's
text, opened, then scored from the same panel sheet as the shipped `chonburi-web-2564`, ranks its offices the
same."""

import json

from committee import services as committee_services
from committee.imports import judgments_import
from contests.models import Contest, Unit
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS

SHIPPED = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
AWARD_BOXES = ("code", "name_th", "name_en", "count", "prize", "prize_th", "prize_en")


def _standings(rubric: ContestPeriod) -> list[tuple]:
    standings_recompute(rubric_id=rubric.pk, full=True)
    rows = Standing.objects.filter(rubric=rubric).select_related("unit")
    return sorted((r.unit.dopa_code, r.total, r.rank, r.award, r.award_tie) for r in rows)


def test_seed_001_built_on_the_pages_ranks_its_offices_as_the_shipped_contest(browser, live_server, tmp_path):
    chonburi = Unit.objects.get(code="TH-20")
    codes = SHIPPED["contest"]["entrants"]
    for code in codes:
        DistrictFactory(parent=chonburi, dopa_code=code)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chonburi)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/")
    page.click("#from-blank")
    settle(page)

    def check() -> None:
        page.click("#builder .actions button[value=check]")
        settle(page)

    page.fill("#b-name_th", SHIPPED["name_th"])
    page.fill("#b-name_en", SHIPPED["name_en"])
    page.fill("#b-year", "2564")
    page.fill("#b-slug", "chonburi-web-built")
    page.fill("#b-starts_on", "1/7/2564")
    page.fill("#b-ends_on", "30/9/2564")
    page.fill("#b-total_points", "100")
    page.uncheck("#b-entrants_all")
    page.click("#entrants-every")  # the eleven district offices, listed, in one step
    settle(page)
    for i, award in enumerate(SHIPPED["awards"]):
        for name in AWARD_BOXES:
            page.fill(f"#b-a{i}-{name}", str(award[name]))
        check()  # a new blank row for the next award
    for i, dim in enumerate(SHIPPED["dimensions"]):
        if i:
            page.click("#add-dimension")
            settle(page)
        crit = dim["criteria"][0]
        for name in ("code", "name_th", "name_en", "max_points"):
            page.fill(f"#b-d{i}-{name}", dim[name])
        for name in ("code", "number", "name_th", "name_en", "max_points"):
            page.fill(f"#b-d{i}c0-{name}", crit[name])
        page.select_option(f"#b-d{i}c0-kind", crit["rule"]["kind"])
    check()
    assert page.locator(".sum.off").count() == 0
    page.click("#builder-save")
    settle(page)
    assert page.url == f"{base}/standings/chonburi-web-built/"
    page.check("#contest-open-confirm")  # opening says what it does and asks first
    page.click("#contest-open")
    settle(page)
    keep_shot(page, "builder_seed001_opened.png", full_page=True)

    built = ContestPeriod.objects.get(contest__slug="chonburi-web-built")
    shipped = services.rubric_load(data=SHIPPED)
    assert Contest.objects.get(slug="chonburi-web-built").state == "open"
    assert sorted(built.contest.entrants.values_list("dopa_code", flat=True)) == codes

    # The same panel sheet for both: the built contest's through the organiser's import page.
    judge = UserFactory(role=Role.OFFICE_STAFF, role__unit=chonburi, username="cb-panel1")
    for rubric in (built, shipped):
        committee_services.panelist_appoint(by=organiser, contest=rubric.contest, user=judge)
    tops = [(d["criteria"][0]["code"], int(d["criteria"][0]["max_points"])) for d in SHIPPED["dimensions"]]
    rows = [
        {"entrant": code, "criterion": crit, "member": "cb-panel1", "points": str(top * ((n * 7 + k * 3) % 11) // 10)}
        for n, code in enumerate(codes)
        for k, (crit, top) in enumerate(tops)
    ]
    sheet = tmp_path / "แบบให้คะแนน.csv"
    lines = [f"{r['entrant']},{r['criterion']},{r['member']},{r['points']}" for r in rows]
    sheet.write_text("entrant,criterion,member,points\n" + "\n".join(lines) + "\n", encoding="utf-8-sig")
    page.goto(f"{base}/admin/committee/judgment/import/")
    page.select_option("select[name=rubric]", str(built.pk))
    page.set_input_files("input[name=file]", str(sheet))
    page.click("input[type=submit][value^='ตรวจสอบ']")
    settle(page)
    assert page.locator("#import-preview tbody tr").count() == len(rows)
    page.click("input[type=submit][value^='ยืนยัน']")
    settle(page)
    assert "นำเข้าแล้ว" in page.inner_text(".messagelist")
    judgments_import(rubric=shipped, rows=rows, by=organiser)

    ranked = _standings(built)
    assert ranked == _standings(shipped)
    assert len(ranked) == 11
    assert sorted(award for *_, award, _tie in ranked if award) == ["runner_up_1", "runner_up_2", "winner"]
