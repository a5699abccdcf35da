"""An office builds seed 001's district website contest on the builder's pages, from a blank page, without
writing JSON: five criteria of 20/25/10/30/15 points, every district office, saved as a draft
and opened."""

import json

from contests.models import Contest, Unit
from people.models import Role
from rubrics.models import Criterion
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS

SEED = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())


def test_an_office_builds_the_website_contest_on_the_pages(browser, live_server):
    chiang_mai = Unit.objects.get(code="TH-50")
    districts = [DistrictFactory(parent=chiang_mai) for _ in range(3)]
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/")
    page.click("#from-blank")
    settle(page)

    page.fill("#b-name_th", SEED["name_th"])
    page.fill("#b-name_en", SEED["name_en"])
    page.fill("#b-year", "2564")
    page.fill("#b-slug", "chiangmai-web-2564")
    page.fill("#b-starts_on", "1/7/2564")
    page.fill("#b-ends_on", "30/09/2564")
    page.fill("#b-total_points", "100")
    assert page.is_checked("#b-entrants_all")  # every district office of the province, in one step
    loads = []
    page.on("load", lambda _: loads.append(1))
    for i, dim in enumerate(SEED["dimensions"]):
        if i:
            page.click("#add-dimension")
            settle(page)
        crit = dim["criteria"][0]
        page.fill(f"#b-d{i}-code", dim["code"])
        page.fill(f"#b-d{i}-name_th", dim["name_th"])
        page.fill(f"#b-d{i}-name_en", dim["name_en"])
        page.fill(f"#b-d{i}-max_points", dim["max_points"])
        page.fill(f"#b-d{i}c0-code", crit["code"])
        page.fill(f"#b-d{i}c0-name_th", crit["name_th"])
        page.fill(f"#b-d{i}c0-name_en", crit["name_en"])
        page.fill(f"#b-d{i}c0-max_points", crit["max_points"])
        page.select_option(f"#b-d{i}c0-kind", "points")
    assert loads == []  # five dimensions added in the page, not five round trips
    page.click("#builder .actions button[value=check]")
    settle(page)
    assert page.locator(".sum.off").count() == 0  # every dimension's criteria add up, and the total
    assert page.inner_text("#dims-sum") == "100"
    keep_shot(page, "builder_1366.png")
    keep_shot(page.locator("#dim-3"), "builder_1366_dimension.png")
    page.click("#builder-save")
    settle(page)
    assert page.url == f"{base}/standings/chiangmai-web-2564/"
    contest = Contest.objects.get(slug="chiangmai-web-2564")
    assert (contest.organiser_id, contest.year, contest.entrant_level) == (chiang_mai.pk, 2564, "district")
    points = list(Criterion.objects.filter(rubric__contest=contest).values_list("code", "max_points"))
    assert [(c, int(p)) for c, p in points] == [("1.1", 20), ("2.1", 25), ("3.1", 10), ("4.1", 30), ("5.1", 15)]
    assert page.locator("#ranking tbody tr").count() == len(districts)
    # A draft until the office opens it: then its district offices meet it.
    assert contest.state == "draft"
    page.check("#contest-open-confirm")  # opening says what it does and asks first
    page.click("#contest-open")
    settle(page)
    assert page.locator("#contest-draft").count() == 0
    contest.refresh_from_db()
    assert contest.state == "open"

    # On a phone the same builder fits the screen, a refusal beside its box.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/contests/build/?from=contest:chiangmai-web-2564")
    phone.fill("#b-d0-max_points", "21")
    phone.click("#builder-save")
    settle(phone)
    assert "ไม่เท่ากับคะแนนเต็มของมิติ 21" in phone.inner_text("#dim-0")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone, "builder_390.png")
    keep_shot(phone.locator("#dim-0"), "builder_390_dimension.png")


def test_a_kinds_table_of_bands_fits_a_phone_and_its_preview_scores(browser, live_server):
    """The national contest's form is over 64 KB: its live preview is posted as the form posts itself
    (urlencoded), since the upload gate refuses a multipart body that large on a route taking no files (403)."""
    central = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, central.username, PASSWORD)
    phone.goto(f"{base}/standings/contests/build/?from=shipped:2566")
    bands = phone.locator("#crit-d1c2- table.rows").first  # 2.2.1: share of the 12 databases, bands of points
    facts = phone.locator("#crit-d1c2- table.rows").last  # and its fact's name, a row of boxes
    assert facts.locator("input[name='d1c2-r-labels-0-key']").input_value() == "databases_up_to_date"
    assert bands.locator("tbody tr").count() == 5  # four bands and a blank row to add one
    phone.click("#preview-d1c2- button")
    settle(phone)
    previews = []
    phone.on(
        "response",
        lambda r: previews.append(r.status) if r.url == f"{base}/standings/contests/build/preview/" else None,
    )
    url = phone.url
    phone.fill("input[name='d1c2-fact-databases_up_to_date']", "11")
    settle(phone)  # the live preview, typed into: no press of the button
    assert previews == [200]
    assert phone.url == url
    assert phone.inner_text("#result-d1c2-").startswith("๔ คะแนน")
    phone.click("#preview-d1c2- button")  # and the button, the page's way without its script
    settle(phone)
    assert phone.inner_text("#result-d1c2-").startswith("๔ คะแนน")
    assert bands.locator("tbody tr").count() == 5  # posting twice adds no blank rows
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone.locator("#crit-d1c2-"), "builder_390_bands.png")


def test_levels_and_rounds_are_typed_in_boxes_and_their_rows_added_in_the_page(browser, live_server):
    """Seed 003's mission levels: no JSON; "เพิ่มระดับ" adds a row without leaving the
    page, and "เพิ่มรอบการส่ง" a criterion's round; the check keeps what was typed, and it fits a phone."""
    chiang_mai = Unit.objects.get(code="TH-50")
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, organiser.username, PASSWORD)
    phone.goto(f"{base}/standings/contests/build/?from=blank")
    bands = phone.locator("#bands-d0-")
    bands.locator("summary").click()
    rows = bands.locator("tr.band-row")
    assert rows.count() == 1  # a blank row to begin with
    url = phone.url
    bands.locator(".add-band").click()
    assert rows.count() == 2 and phone.url == url  # added in the page
    for i, (low, high, level) in enumerate([("0", "50", "1"), ("51", "100", "2")]):
        rows.nth(i).locator("input[name='d0-band_min']").fill(low)
        rows.nth(i).locator("input[name='d0-band_max']").fill(high)
        rows.nth(i).locator("input[name='d0-band_level']").fill(level)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(bands, "builder_390_levels.png")
    rounds = phone.locator("#rounds-d0c0-")
    rounds.locator("summary").click()
    round_rows = rounds.locator("tr.round-row")
    assert round_rows.count() == 1
    rounds.locator(".add-round").click()
    assert round_rows.count() == 2 and phone.url == url
    for i, (name, due) in enumerate([("ครั้งที่ ๑", "31/03/2564"), ("ครั้งที่ ๒", "30/06/2564")]):
        round_rows.nth(i).locator("input[name='d0c0-round_label_th']").fill(name)
        round_rows.nth(i).locator("input[name='d0c0-round_due']").fill(due)
    phone.click("button.secondary[value='check']")
    settle(phone)
    kept = phone.locator("#bands-d0- tr.band-row")
    assert kept.count() == 3  # the two levels typed, and a blank row for the next
    assert kept.nth(1).locator("input[name='d0-band_max']").input_value() == "100"
    kept = phone.locator("#rounds-d0c0- tr.round-row")
    names = [kept.nth(i).locator("input[name='d0c0-round_label_th']").input_value() for i in range(kept.count())]
    assert names == ["ครั้งที่ ๑", "ครั้งที่ ๒", ""]  # the two rounds typed, and a blank row for the next
    assert kept.nth(1).locator("input[name='d0c0-round_due']").input_value() == "30/06/2564"


def test_a_level_is_added_in_a_dimension_added_in_the_page(browser, live_server):
    """ "เพิ่มระดับ" in a dimension "+ เพิ่มมิติ" copied in the page adds its row, as in the first dimension."""
    page = blank_builder(browser, live_server.url, 390)
    page.click("#add-dimension")
    bands = page.locator("#dim-1 details.bands")
    assert bands.count() == 1
    bands.locator("summary").click()
    rows = bands.locator("tr.band-row")
    assert rows.count() == 1
    bands.locator(".add-band").click()
    bands.locator(".add-band").click()
    assert rows.count() == 3
    assert page.locator("#dim-0 details.bands tr.band-row").count() == 1  # the first dimension's own rows stay
    assert rows.nth(2).locator("input[name='d1-band_level']").count() == 1  # named for its own dimension


def blank_builder(browser, base: str, width: int):
    """Chiang Mai's organiser on a blank builder page, at this width."""
    organiser = UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-50"))
    page = browser.new_context(viewport={"width": width, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/")
    page.click("#from-blank")
    settle(page)
    return page


def test_three_award_tiers_are_added_in_the_page_and_kept_by_the_check(browser, live_server):
    """The button "เพิ่มรางวัล" adds an award row without leaving the page, with no press of "ตรวจ" first."""
    page = blank_builder(browser, live_server.url, 390)
    tiers = [
        ("gold", "ชนะเลิศ", "1", "15000"),
        ("silver", "รองชนะเลิศอันดับ ๑", "1", "10000"),
        ("merit", "ชมเชย", "10", ""),
    ]
    loads = []
    page.on("load", lambda _: loads.append(1))

    for i, (code, name, count, prize) in enumerate(tiers):
        if i:
            page.click("#add-award")
        page.fill(f"#b-a{i}-code", code)
        page.fill(f"#b-a{i}-name_th", name)
        page.fill(f"#b-a{i}-count", count)
        page.fill(f"#b-a{i}-prize", prize)
    assert loads == []  # no round trip for the rows
    keep_shot(page, "builder_awards_390.png", full_page=True)
    page.click("#builder .actions button[value=check]")
    settle(page)

    kept = [(page.input_value(f"#b-a{i}-code"), page.input_value(f"#b-a{i}-name_th")) for i in range(3)]
    assert kept == [(code, name) for code, name, _, _ in tiers]
    assert page.input_value("#b-a3-name_th") == ""  # and one blank row under them
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_criterion_is_added_in_the_page_and_kept_by_the_check(browser, live_server):
    """The button "+ เพิ่มตัวชี้วัด" copies the last criterion, emptied, with no round trip to the server."""
    page = blank_builder(browser, live_server.url, 1366)
    loads = []
    page.on("load", lambda _: loads.append(1))

    for j, (code, name, points) in enumerate([("1.1", "มีเว็บไซต์", "10"), ("1.2", "ปรับปรุงข้อมูลทุกเดือน", "15")]):
        if j:
            page.click("#dim-0 button[value='add_criterion:0']")
        page.fill(f"#b-d0c{j}-code", code)
        page.fill(f"#b-d0c{j}-name_th", name)
        page.fill(f"#b-d0c{j}-max_points", points)
    assert loads == []
    assert page.input_value("#b-d0c1-kind") == page.input_value("#b-d0c0-kind")  # the copied criterion's kind
    assert page.inner_text("#crit-d0c1- > legend") == "ตัวชี้วัด"  # not the code of the one it was copied from
    names = "-r-labels-rows > legend"  # a rule's table keeps its legend, Thai and English
    assert page.inner_text(f"#param-d0c1{names}") == page.inner_text(f"#param-d0c0{names}")
    page.click("#builder .actions button[value=check]")
    settle(page)

    kept = [(page.input_value(f"#b-d0c{j}-code"), page.input_value(f"#b-d0c{j}-name_th")) for j in range(2)]
    assert kept == [("1.1", "มีเว็บไซต์"), ("1.2", "ปรับปรุงข้อมูลทุกเดือน")]
    assert page.locator("#dim-0 fieldset.criterion").count() == 2
