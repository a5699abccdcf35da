"""A rule's rows come in the page: seed 003's mission 3.1 ("any 3 channels", a `table` rule) is
typed into an emptied rule with "+ เพิ่ม…" under each table and "+ เพิ่มเกณฑ์" under each score row, and seed
004's May gets its own rule ("+ กำหนดเกณฑ์เฉพาะรอบนี้") with its levels and their conditions, never "ตรวจ", on a
desk's screen and on a phone; saved, the stored rules are the seeds' exactly."""

import pytest

from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod, Criterion
from tests.browser.builder.test_period import MAY, OWN, _ubon, type_condition
from tests.browser.builder.test_table import MISSION, RULE, _measure_boxes
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS

R = "d2c0-r-"  # mission 3.1 in the seed's own contest


def _check(page):
    page.click("#builder .actions button[value=check]")
    settle(page)


def _builder(browser, live_server, user, size: tuple[int, int], source: str):
    """The builder opened from `source` by `user`, signed in on a screen of that size."""
    page = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="th-TH").new_page()
    portal_login(page, live_server.url, user.username, PASSWORD)
    page.goto(f"{live_server.url}/standings/contests/build/?from={source}")
    return page


def _add_row(page, table: str):
    page.click(f"#param-{R}{table}-rows > button.add-row")


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)], ids=["desk", "phone"])
def test_a_table_rules_rows_are_added_in_the_page(browser, live_server, width, height):
    nong_khai = Unit.objects.get(code="TH-43")
    DistrictFactory(parent=nong_khai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=nong_khai)
    base = live_server.url
    page = _builder(browser, live_server, organiser, (width, height), "shipped:nongkhai-missions-2565")
    page.fill("#b-slug", "nongkhai-rows-2565")
    page.check("#b-entrants_all")
    page.select_option("#b-d2c0-kind", "done")  # the mission's rule emptied: another kind and back
    _check(page)
    page.select_option("#b-d2c0-kind", "table")
    _check(page)
    assert page.locator(f"#param-{R}measures-rows .rule-row").count() == 1  # one blank measure

    loads = []
    page.on("load", lambda _: loads.append(1))
    for i, (name, measure) in enumerate(RULE["measures"].items()):
        if i:
            _add_row(page, "measures")
            assert page.locator(f"#param-{R}measures-rows .row-number").last.inner_text() == str(i + 1)
        page.fill(f"[name='{R}measures-{i}-key']", name)
        for column, text in _measure_boxes(measure).items():
            page.fill(f"[name='{R}measures-{i}-{column}']", text)
    for j, (fact, label) in enumerate(RULE["labels"].items()):
        if j:
            _add_row(page, "labels")
        page.fill(f"[name='{R}labels-{j}-key']", fact)
        page.fill(f"[name='{R}labels-{j}-th']", label["th"])
        page.fill(f"[name='{R}labels-{j}-en']", label["en"])
        page.fill(f"[name='{R}labels-{j}-unit_th']", label["unit"]["th"])
        page.fill(f"[name='{R}labels-{j}-unit_en']", label["unit"]["en"])
    for i, row in enumerate(RULE["rows"]):
        if i:
            _add_row(page, "rows")
        page.fill(f"[name='{R}rows-{i}-points']", row["points"])
        for j, (measure, value) in enumerate(row["min"].items()):
            if j:
                page.locator(f"#param-{R}rows-rows .rule-row").nth(i).locator("button.add-line").click()
            line = f"{R}rows-{i}-when-{j}-"
            page.fill(f"[name='{line}measure']", measure)
            page.select_option(f"[name='{line}test']", "min")
            page.fill(f"[name='{line}value']", value)
        # the next row starts with one blank threshold, however many this one has
    assert page.locator(f"#param-{R}rows-rows .rule-row").last.locator("li.rule-line").count() == 1
    page.fill(f"[name='{R}otherwise']", RULE["otherwise"])
    assert loads == []  # every row and threshold came in the page
    assert page.input_value(f"[name='{R}rows-rows']") == str(len(RULE["rows"]))
    assert page.input_value(f"[name='{R}rows-0-when-rows']") == "2"
    assert page.locator(f"#param-{R}rows-rows .by-check").first.is_hidden()  # "press check" is not said
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    keep_shot(page.locator(f"#crit-{R[:-2]}"), f"builder_{width}_add_rows.png")

    page.click("#builder-save")
    settle(page)
    assert page.url == f"{base}/standings/nongkhai-rows-2565/", page.locator(".refusals").all_inner_texts()
    stored = Criterion.objects.get(rubric__contest__slug="nongkhai-rows-2565", code=MISSION["code"])
    assert stored.rule == RULE


@pytest.mark.parametrize("width,height", [(1366, 900), (390, 844)], ids=["desk", "phone"])
def test_a_periods_own_rule_is_added_in_the_page_with_its_levels_and_conditions(browser, live_server, width, height):
    page, _ = _ubon(browser, live_server, width, height)
    base = live_server.url
    page.goto(f"{base}/standings/contests/build/?from=shipped:ubon-milestones-2568")
    page.fill("#b-slug", "ubonratchathani-own-2568")
    page.check("#b-entrants_all")
    page.click("#period-p1- button[value='remove:p1-']")  # May goes, and comes back built in the page
    settle(page)

    loads = []
    page.on("load", lambda _: loads.append(1))
    page.click("#add-period")
    for box in ("code", "name_th", "name_en"):
        page.fill(f"#b-p6-{box}", MAY[box])
    page.fill("#b-p6-deadline", "20/05/2568")
    page.click("#add-own-p6-")
    q = "p6c0-"
    assert (page.input_value(f"#b-{q}code"), page.input_value(f"#b-{q}kind")) == ("4.1.1", "milestones")
    assert page.input_value("[name='p6-crits']") == "1"
    page.fill(f"#b-{q}evidence_th", OWN["evidence_th"])
    page.fill(f"#b-{q}evidence_en", OWN["evidence_en"])
    rule = OWN["rule"]
    r = f"{q}r-"
    for j, (fact, label) in enumerate(rule["labels"].items()):
        if j:
            page.click(f"#param-{r}labels-rows > button.add-row")
        page.fill(f"[name='{r}labels-{j}-key']", fact)
        page.fill(f"[name='{r}labels-{j}-th']", label["th"])
        page.fill(f"[name='{r}labels-{j}-en']", label["en"])
    for i, level in enumerate(rule["levels"]):
        if i:
            page.click(f"#param-{r}levels-rows > button.add-row")
        for column in ("grade", "points", "th", "en"):
            page.fill(f"[name='{r}levels-{i}-{column}']", level[column])
        for j, condition in enumerate(level["when"]):
            if j:
                page.locator(f"#param-{r}levels-rows .rule-row").nth(i).locator("button.add-line").click()
            type_condition(page, f"{r}levels-{i}-when-{j}-", condition)
    if "otherwise" in rule:
        page.fill(f"[name='{r}otherwise']", rule["otherwise"])
    assert loads == []  # the period, its own rule, its rows and conditions: all in the page
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    keep_shot(page.locator(f"#crit-{q}"), f"builder_{width}_own_rule.png")

    page.click("#builder-save")
    settle(page)
    refusals = page.locator(".refusals").all_inner_texts()
    assert page.url.startswith(f"{base}/standings/ubonratchathani-own-2568"), refusals
    saved = ContestPeriod.objects.get(contest__slug="ubonratchathani-own-2568", period=MAY["code"])
    criterion = Criterion.objects.get(rubric=saved, code="4.1.1")
    assert (criterion.rule, criterion.evidence_th, criterion.evidence_en) == (
        rule,
        OWN["evidence_th"],
        OWN["evidence_en"],
    )


def test_a_bands_rules_measure_is_boxes_and_its_refusal_is_above_them_on_a_phone(browser, live_server):
    """The national 2.2.1 ("databases up to date, of 12"): its one measure is the same boxes as a table rule's,
    no JSON; a band is added in the page; a measure left without what it counts is refused above its boxes."""
    page = _builder(browser, live_server, UserFactory(role=Role.CENTRAL), (390, 844), "shipped:2566")
    m = "d1c2-r-measure"
    assert (page.input_value(f"[name='{m}-numerator']"), page.input_value(f"[name='{m}-denominator_value']")) == (
        "databases_up_to_date",
        "12",
    )
    assert page.input_value(f"textarea[name='{m}']") == ""
    loads = []
    page.on("load", lambda _: loads.append(1))
    page.click("#param-d1c2-r-bands-rows > button.add-row")
    assert page.locator("#param-d1c2-r-bands-rows .rule-row").count() == 6 and loads == []
    page.fill(f"[name='{m}-denominator_value']", "")
    _check(page)
    refused = page.locator(f"#param-{m} > .refusals")
    assert refused.inner_text().startswith("measure ต้องมี numerator กับ denominator หรือ denominator_value")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(page.locator(f"#param-{m}"), "builder_390_bands_measure.png")
