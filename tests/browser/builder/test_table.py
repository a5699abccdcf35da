"""An office builds seed 003's mission 3.1 on the builder's pages from a blank page, boxes only:
a `table` rule of four measures ("any 3 channels, each at least 5 %" is five facts and rank 3) and five score
rows, its facts' names, and the evidence it asks ticked; saved, the stored rule is the seed's exactly."""

import json

from contests.models import Unit
from people.models import Role
from rubrics.models import Criterion
from tests.browser_support import MARKS, keep_shot, portal_login, settle
from tests.factories import PASSWORD, DistrictFactory, UserFactory

pytestmark = MARKS

SEED = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
MISSION = SEED["dimensions"][2]["criteria"][0]  # 3.1, 5 points
RULE = MISSION["rule"]
R = "d0c0-r-"


def _check(page):
    page.click("#builder .actions button[value=check]")
    settle(page)


def _measure_boxes(measure: dict) -> dict[str, str]:
    """A measure as an office types it: names, what it counts, the unit's words."""
    boxes = {k: measure[k] for k in ("th", "en", "fact", "denominator") if k in measure}
    if "numerators" in measure:
        boxes |= {"numerators": ", ".join(measure["numerators"]), "rank": str(measure["rank"])}
    if "unit" in measure:
        boxes |= {"unit_th": measure["unit"]["th"].strip(), "unit_en": measure["unit"]["en"].strip()}
    return boxes


def test_an_office_builds_the_any_three_channels_mission_in_boxes_only(browser, live_server):
    nong_khai = Unit.objects.get(code="TH-43")
    DistrictFactory(parent=nong_khai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=nong_khai)
    base = live_server.url
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/")
    page.click("#from-blank")
    settle(page)
    for box, text in {
        "name_th": "ภารกิจช่องทางการตลาด", "year": "2565", "slug": "nongkhai-market-2565", "starts_on": "1/10/2564",
        "ends_on": "30/09/2565", "total_points": "5", "d0-code": "3", "d0-name_th": "ช่องทางการตลาด",
        "d0-max_points": "5",
        "d0c0-code": MISSION["code"], "d0c0-name_th": MISSION["name_th"], "d0c0-max_points": MISSION["max_points"],
    }.items():  # fmt: skip
        page.fill(f"#b-{box}", text)
    page.select_option("#b-d0c0-kind", "table")
    _check(page)  # the kind's own boxes
    assert page.locator(f"textarea[name='{R}measures']").input_value() == ""  # JSON only for what boxes cannot say

    for i, (name, measure) in enumerate(RULE["measures"].items()):
        if i:
            _check(page)  # a blank measure for the next one
        page.fill(f"[name='{R}measures-{i}-key']", name)
        for column, text in _measure_boxes(measure).items():
            page.fill(f"[name='{R}measures-{i}-{column}']", text)
    for j, (fact, label) in enumerate(RULE["labels"].items()):  # the names entrants read, a row each
        if j:
            _check(page)
        page.fill(f"[name='{R}labels-{j}-key']", fact)
        page.fill(f"[name='{R}labels-{j}-th']", label["th"])
        page.fill(f"[name='{R}labels-{j}-en']", label["en"])
        if "unit" in label:
            page.fill(f"[name='{R}labels-{j}-unit_th']", label["unit"]["th"])
            page.fill(f"[name='{R}labels-{j}-unit_en']", label["unit"]["en"])
    for i, row in enumerate(RULE["rows"]):
        _check(page)  # a blank score row for the next one
        page.fill(f"[name='{R}rows-{i}-points']", row["points"])
        for j, (measure, value) in enumerate(row["min"].items()):
            if j:
                _check(page)  # a blank threshold for the next one
            line = f"{R}rows-{i}-when-{j}-"
            page.fill(f"[name='{line}measure']", measure)
            page.select_option(f"[name='{line}test']", "min")  # อย่างน้อย (ตั้งแต่)
            page.fill(f"[name='{line}value']", value)
    page.fill(f"[name='{R}otherwise']", RULE["otherwise"])
    for kind in ("pdf", "jpeg"):  # the evidence asked: ticks, no JSON
        page.check(f"input[name='{R}evidence-types'][value='{kind}']")
    _check(page)
    assert page.locator("#crit-d0c0- .refusals").count() == 0, page.locator("#crit-d0c0- .refusals").all_inner_texts()
    assert page.locator(f"[name='{R}measures-1-rank']").input_value() == "3"
    keep_shot(page.locator("#crit-d0c0-"), "builder_1366_table.png")

    page.click("#builder-save")
    settle(page)
    assert page.url == f"{base}/standings/nongkhai-market-2565/", page.locator(".refusals").all_inner_texts()
    stored = Criterion.objects.get(rubric__contest__slug="nongkhai-market-2565", code=MISSION["code"])
    assert stored.rule == {**RULE, "evidence": {"types": ["pdf", "jpeg"]}}


def test_a_threshold_without_its_value_is_refused_beside_the_score_rows_on_check_and_on_save(browser, live_server):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-43"))
    base = live_server.url
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    portal_login(page, base, organiser.username, PASSWORD)
    page.goto(f"{base}/standings/contests/build/?from=shipped:chonburi-web-2564")
    page.select_option("#b-d0c0-kind", "table")
    _check(page)
    page.fill(f"[name='{R}measures-0-key']", "channels")
    page.fill(f"[name='{R}measures-0-fact']", "pr_channels")
    page.fill(f"[name='{R}rows-0-points']", "20")
    page.fill(f"[name='{R}rows-0-when-0-measure']", "channels")
    page.select_option(f"[name='{R}rows-0-when-0-test']", "min")
    page.fill(f"[name='{R}otherwise']", "0")
    said = "แถวคะแนนที่ 1 เกณฑ์ที่ 1: ต้องใส่ค่าที่ต้องถึง"
    for action in ("#builder .actions button[value=check]", "#builder-save"):
        page.click(action)
        settle(page)
        rows = page.locator(f"#param-{R}rows-rows .refusals")
        assert rows.inner_text().startswith(said), action
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    keep_shot(page.locator("#crit-d0c0-"), "builder_390_table.png")
