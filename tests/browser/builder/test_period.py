"""An office builds one period of seed 004's monthly milestones on the builder's pages: the
shipped contest as the template, May's period removed, then added again box by box (its code, names and
deadline, its own rule for 4.1.1 as a table of levels), saved, and the saved period's criterion is the
shipped May's exactly. On the way: the entrants picked in one step, the explanation shown as typed."""

import json

from playwright.sync_api import expect

from builder.conditions import parts
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod, Criterion
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS

SEED = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())
MAY = next(p for p in SEED["contest"]["periods"] if p["code"] == "2568-05")
OWN = MAY["criteria"]["4.1.1"]


def _settle(page):
    settle(page)


def type_condition(page, line: str, condition: dict) -> None:
    """A level's condition typed into its line of boxes (`line`: their names' start), a date in B.E."""
    for part, text in parts(condition).items():
        box = f"[name='{line}{part}']"
        if part == "test":
            page.select_option(box, text)
        else:
            page.fill(box, text)


def _ubon(browser, live_server, width: int, height: int):
    """Ubon's organiser signed in on a screen of that size, three district offices of its own."""
    ubon = Unit.objects.get(code="TH-34")
    districts = [DistrictFactory(parent=ubon) for _ in range(3)]
    organiser = UserFactory(role=Role.ORGANISER, role__unit=ubon)
    page = browser.new_context(viewport={"width": width, "height": height}, locale="th-TH").new_page()
    portal_login(page, live_server.url, organiser.username, PASSWORD)
    return page, districts


def test_an_office_builds_mays_milestones_period_on_the_pages(browser, live_server):
    page, districts = _ubon(browser, live_server, 1366, 900)
    base = live_server.url
    page.goto(f"{base}/standings/contests/build/")
    page.click("#from-ubon-milestones-2568")
    _settle(page)
    page.fill("#b-slug", "ubonratchathani-ms-2568")

    # The seed's entrants are not this test's units: remove one, then every district of the office at once.
    first = SEED["contest"]["entrants"][0]
    page.click(f"#entrants-chosen button[value='entrant_remove:{first}']")
    _settle(page)
    assert page.locator(f"#entrants-chosen input[value='{first}']").count() == 0
    page.fill("#b-entrant_q", districts[1].name_th)
    page.press("#b-entrant_q", "Enter")  # the script makes Enter search
    _settle(page)
    assert page.locator("#entrants-found li").count() == 1
    keep_shot(page.locator("#entrants"), "builder_1366_entrants.png")
    page.check("#b-entrants_all")

    # May's period goes, and comes back built box by box.
    page.click("#period-p1- button[value='remove:p1-']")
    _settle(page)
    assert page.locator("#period-p1-").count() == 0
    loads = []
    page.on("load", lambda _: loads.append(1))
    page.click("#add-period")
    assert loads == []  # the period's boxes come in the page
    page.fill("#b-p6-code", MAY["code"])
    page.fill("#b-p6-name_th", MAY["name_th"])
    page.fill("#b-p6-name_en", MAY["name_en"])
    page.fill("#b-p6-deadline", "20/05/2568")
    page.click("#add-own-p6-")
    _settle(page)
    q = "p6c0-"
    assert page.input_value(f"#b-{q}code") == "4.1.1"
    assert page.input_value(f"#b-{q}kind") == "milestones"
    page.fill(f"#b-{q}evidence_th", OWN["evidence_th"])
    page.fill(f"#b-{q}evidence_en", OWN["evidence_en"])
    rule = OWN["rule"]
    for j, (fact, label) in enumerate(rule["labels"].items()):  # the facts' names: a row of boxes each
        if j:
            page.click("#builder .actions button[value=check]")  # a blank row for the next one
            _settle(page)
        page.fill(f"[name='{q}r-labels-{j}-key']", fact)
        page.fill(f"[name='{q}r-labels-{j}-th']", label["th"])
        page.fill(f"[name='{q}r-labels-{j}-en']", label["en"])
    for i, level in enumerate(rule["levels"]):
        for column in ("grade", "points", "th", "en"):
            page.fill(f"[name='{q}r-levels-{i}-{column}']", level[column])
        for j, condition in enumerate(level["when"]):  # box by box: a date typed in B.E. as an office types it
            if j:
                page.click("#builder .actions button[value=check]")  # a blank condition for the next one
                _settle(page)
            type_condition(page, f"{q}r-levels-{i}-when-{j}-", condition)
        page.click("#builder .actions button[value=check]")  # a blank row for the next level
        _settle(page)
    assert page.locator(f"#crit-{q} .refusals").count() == 0
    keep_shot(page.locator("#period-p6-"), "builder_1366_period.png")
    keep_shot(page, "builder_1366_milestones.png", full_page=True)

    page.click("#builder-save")
    _settle(page)
    assert page.url.startswith(f"{base}/standings/ubonratchathani-ms-2568"), page.inner_text("main")[:600]
    saved = ContestPeriod.objects.get(contest__slug="ubonratchathani-ms-2568", period=MAY["code"])
    assert (saved.period_name_th, saved.period_name_en) == (MAY["name_th"], MAY["name_en"])
    criterion = Criterion.objects.get(rubric=saved, code="4.1.1")
    assert (criterion.rule, criterion.evidence_th, criterion.evidence_en) == (
        rule,
        OWN["evidence_th"],
        OWN["evidence_en"],
    )
    assert criterion.deadline.isoformat() == MAY["deadline"]


def test_the_explanation_is_shown_as_the_rule_is_typed_and_fits_a_phone(browser, live_server):
    central = UserFactory(role=Role.CENTRAL)
    base = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(phone, base, central.username, PASSWORD)
    phone.goto(f"{base}/standings/contests/build/?from=shipped:chonburi-web-2564")
    result = "#result-d3c0-"
    phone.click("#preview-d3c0- button")  # without script: the page's own button, an example scored
    _settle(phone)
    phone.fill("input[name='d3c0-fact-points']", "27")  # typed: the script asks again, nothing reloads
    expect(phone.locator(result)).to_contain_text("27 จาก 30")
    assert phone.inner_text(result).startswith("๒๗ คะแนน")
    phone.fill("#b-d3c0-max_points", "20")  # the rule as typed: its maximum
    expect(phone.locator(result)).to_contain_text("เกินค่าสูงสุด 20")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone.locator("#preview-d3c0-"), "builder_390_preview.png")
    keep_shot(phone.locator("#awards"), "builder_390_awards.png")


def test_entrants_and_periods_fit_a_phone(browser, live_server):
    phone, districts = _ubon(browser, live_server, 390, 844)
    base = live_server.url
    phone.goto(f"{base}/standings/contests/build/?from=blank")
    phone.click("#entrants-every")  # every district office of the province, in one step
    _settle(phone)
    assert phone.inner_text("#entrants-count") == str(len(districts))
    phone.fill("#b-entrant_q", districts[0].dopa_code)
    phone.click("#entrant-search")
    _settle(phone)
    assert "ไม่พบหน่วยที่ยังไม่ได้เลือก" in phone.inner_text("#entrants-found")  # already chosen
    phone.click(f"#entrants-chosen button[value='entrant_remove:{districts[0].dopa_code}']")
    _settle(phone)
    assert phone.inner_text("#entrants-count") == str(len(districts) - 1)
    assert phone.locator(f"#entrants-found button[value='entrant_add:{districts[0].dopa_code}']").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone.locator("#entrants"), "builder_390_entrants.png")
    phone.goto(f"{base}/standings/contests/build/?from=shipped:ubon-milestones-2568")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(phone.locator("#period-p0-"), "builder_390_period.png")


def test_a_criterion_numbered_in_the_page_is_offered_to_a_periods_own_rule_at_once(browser, live_server):
    """Its code typed, not yet checked: the period's list of criteria has it when opened."""
    page, _ = _ubon(browser, live_server, 390, 844)
    page.goto(f"{live_server.url}/standings/contests/build/?from=shipped:ubon-milestones-2568")
    own = page.locator("select[name^='p'][name$='-code']").first
    chosen = own.input_value()
    page.click("button[value='add_criterion:0']")
    _settle(page)
    page.locator("fieldset.criterion[id^='crit-d0c'] input[name$='-code']").last.fill("9.9")

    own.focus()

    assert "9.9" in own.locator("option").all_text_contents()
    assert own.input_value() == chosen  # what was chosen stays chosen
    own.select_option("9.9")
    assert own.input_value() == "9.9"
