"""The dashboard counts over every entrant in the database (scoring.entrant_counts) and loads only the page's rows:
the same numbers as counting row by row, and a query count that does not grow with entrants."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from rubrics import services
from rubrics.models import Criterion
from rubrics.selectors import work_calendar
from schedule import dashboard, dashboard_views
from schedule.selectors import contest_obligations
from scoring import entrant_counts, pages, selectors
from scoring.facts.imports import fact_set, facts_import
from scoring.models import Fact, Standing
from scoring.recompute import standings_recompute
from submissions import services as evidence_services
from submissions.models import Evidence
from tests.factories import DistrictFactory, UserFactory
from tests.scoring.test_services_standings import load_totals

pytestmark = pytest.mark.django_db
JUNE_27 = date(2023, 6, 27)  # 1.2 is due on 30 June: 3 working days
JUNE_25_2021 = date(2021, 6, 25)  # a Friday; the contest below has 1.1 due on Wednesday 30 June


def board(rubric, today=JUNE_27, page=1):
    return dashboard.dashboard(rubric, today=today, calendar=work_calendar(), page=page)


def link(rubric, code: str, criterion: str, page: str = "") -> Evidence:
    """A link submitted by the province's own staff, as the upload page does (the same link twice is refused)."""
    unit = Unit.objects.get(code=code)
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
    return evidence_services.evidence_submit(
        user=user, rubric=rubric, unit=unit, criterion_code=criterion, url=f"https://example.org/{code}{page}"
    )


def facts_only(rubric, code: str) -> Criterion:
    """The criterion asks for no evidence (its facts come from a system of record): a fact is its submission."""
    Criterion.objects.filter(rubric=rubric, code=code).update(evidence_th="", evidence_en="")
    return Criterion.objects.get(rubric=rubric, code=code)


def test_missing_evidence_counts_each_entrant_once_from_visible_evidence(rubric):
    """Imported facts for all 76 leave the provinces that sent nothing counted as missing."""
    facts_import(
        rubric=rubric,
        rows=[
            {"province": p.code, "criterion": "1.1", "fact": "done", "value": "yes"} for p in Unit.objects.provinces()
        ],
    )
    link(rubric, "TH-50", "1.1")
    link(rubric, "TH-57", "1.1")
    link(rubric, "TH-57", "1.1", "/2")  # a second item: counted once
    link(rubric, "TH-12", "1.2")
    withdrawn = link(rubric, "TH-13", "1.2")
    evidence_services.evidence_withdraw(user=withdrawn.created_by, evidence=withdrawn)

    counts = {m["criterion"].code: (m["missing"], m["submitted"]) for m in board(rubric)["missing"]}

    assert counts.pop("1.1") == (74, 2) and counts.pop("1.2") == (75, 1)
    assert set(counts.values()) == {(76, 0)}
    assert_same_as_the_schedule(rubric)


def test_where_no_evidence_is_asked_a_recorded_fact_or_evidence_counts_once(rubric):
    criterion = facts_only(rubric, "1.1")
    facts_import(
        rubric=rubric,
        rows=[{"province": code, "criterion": "1.1", "fact": "done", "value": "yes"} for code in ("TH-50", "TH-83")],
    )
    # An empty value is "not recorded"; a district is no entrant of the national contest: neither counts.
    Fact.objects.create(rubric=rubric, unit=Unit.objects.get(code="TH-57"), criterion=criterion, name="x")
    district = DistrictFactory(parent=Unit.objects.get(code="TH-50"))
    Fact.objects.create(rubric=rubric, unit=district, criterion=criterion, name="done", value="yes")
    link(rubric, "TH-50", "1.1")  # a fact too: counted once
    link(rubric, "TH-57", "1.1")
    facts_import(rubric=rubric, rows=[{"province": "TH-14", "criterion": "1.2", "fact": "done", "value": "yes"}])

    counts = {m["criterion"].code: (m["missing"], m["submitted"]) for m in board(rubric)["missing"]}

    assert counts.pop("1.1") == (73, 3) and counts.pop("1.2") == (76, 0)  # 1.2 asks for evidence
    assert set(counts.values()) == {(76, 0)}
    assert_same_as_the_schedule(rubric)


def assert_same_as_the_schedule(rubric):
    """The same sendings as the schedule (and so the reminders) reads them: an entrant has sent a criterion
    when one of its rounds was met, counted row by row over the 76 entrants."""
    met = {(o.unit_id, o.criterion) for o in contest_obligations(rubric) if o.is_met}
    entrants = set(Standing.objects.filter(rubric=rubric).values_list("unit_id", flat=True))
    for c in Criterion.objects.filter(rubric=rubric):
        marks = entrant_counts.summary(rubric, [], []).marks
        assert entrant_counts.submitted_counts(rubric, marks).get(c.pk, 0) == sum((p, c.code) in met for p in entrants)


def test_a_fact_written_after_the_count_is_counted_on_the_next_view(rubric):
    facts_only(rubric, "1.1")
    assert board(rubric)["missing"][0]["submitted"] == 0
    fact_set(rubric=rubric, unit=Unit.objects.get(code="TH-50"), criterion_code="1.1", name="done",
                      value="yes")  # fmt: skip
    assert board(rubric)["missing"][0]["submitted"] == 1


def test_due_soon_names_the_first_twelve_by_code_and_counts_the_rest(client, central_user, rubric, monkeypatch):
    link(rubric, "TH-14", "1.2")
    link(rubric, "TH-12", "1.2")

    work = dashboard.work_now(rubric, today=JUNE_27, calendar=work_calendar(), reminder_days=3)
    (item,) = work["due_soon"]

    waiting = Standing.objects.filter(rubric=rubric).exclude(unit__code__in=["TH-12", "TH-14"])
    first = sorted(waiting.values_list("unit__code", flat=True))[:12]
    assert (item["criterion"].code, item["left"], item["missing"], item["more"]) == ("1.2", 3, 74, 62)
    assert [p["code"] for p in item["provinces"]] == first
    client.force_login(central_user)
    monkeypatch.setattr(dashboard_views.timezone, "localdate", lambda: JUNE_27)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert "และอีก ๖๒ ราย" in html and "and 62 more" not in html and Unit.objects.get(code=first[-1]).name_th in html


def test_every_page_shows_the_gaps_computed_over_all_entrants(rubric, monkeypatch):
    codes = list(Unit.objects.filter(results__rubric=rubric).order_by("code").values_list("code", flat=True))
    load_totals(rubric, {code: (i * 7) % 26 for i, code in enumerate(codes[:40])})
    Criterion.objects.filter(rubric=rubric, code="1.4").update(deadline=date(2023, 6, 1))  # closed on the day
    monkeypatch.setattr(pages, "PAGE_SIZE", 10)
    results = selectors.standings(rubric)
    expected = dashboard.tier_gaps(list(results), list(rubric.award_tiers.all()), list(rubric.criteria.all()), JUNE_27)

    shown = []
    for page in range(1, 9):
        ctx = board(rubric, page=page)
        assert (ctx["page"], ctx["pages"]) == (page, 8)
        shown += [(row["r"].pk, row["gap"]) for row in ctx["rows"]]

    assert [pk for pk, _ in shown] == [r.pk for r in results]
    assert {pk: gap for pk, gap in shown} == expected
    assert sum(g.tier is not None and g.points > 0 for _, g in shown) > 30  # the gaps are not all alike


def test_dimension_spread_is_the_fifth_each_entrant_falls_in(rubric):
    results = Standing.objects.filter(rubric=rubric)
    results.update(dimensions={"1": "0"})
    values = ["3.99", "4", "4.01", "7.99", "8", "11.99", "12", "15.99", "16", "19.99", "20", "0.01", None]
    for code, value in zip(sorted(results.values_list("unit__code", flat=True)), values, strict=False):
        results.filter(unit__code=code).update(dimensions={} if value is None else {"1": value})
    dimensions = list(rubric.dimensions.all())

    spread = entrant_counts.summary(rubric, [], dimensions).spread

    # As the chart always counted: min(int(points / maximum × 5), 4).
    assert spread[0] == [63 + 3, 3, 2, 2, 3]
    assert spread[1] == [76, 0, 0, 0, 0]  # no points in dimension 2 at all
    bars = dashboard.distributions(dimensions, spread)[0]["bars"]
    assert bars[0]["label"] == "0–4" and bars[0]["h"] == 80 and [b["count"] for b in bars] == [66, 3, 2, 2, 3]


def test_a_fifth_edge_with_places_is_exact(rubric):
    """A maximum of 7 puts the edges at 1.4, 2.8, 4.2 and 5.6: points on an edge fall in the fifth above it,
    a hundredth below it in the fifth below (no binary rounding either way)."""
    dimension = rubric.dimensions.get(code="1")
    dimension.max_points = Decimal(7)
    dimension.save()
    results = Standing.objects.filter(rubric=rubric)
    results.update(dimensions={"1": "0"})
    values = ["1.39", "1.4", "2.79", "2.8", "4.19", "4.2", "5.59", "5.6", "7"]
    for code, value in zip(sorted(results.values_list("unit__code", flat=True)), values, strict=False):
        results.filter(unit__code=code).update(dimensions={"1": value})

    spread = entrant_counts.summary(rubric, [], [dimension]).spread

    assert spread == [[76 - 9 + 1, 2, 2, 2, 2]]


def test_summary_counts_stale_entrants_and_award_holders(rubric):
    codes = sorted(Unit.objects.filter(results__rubric=rubric).values_list("code", flat=True))
    load_totals(rubric, {codes[0]: 20, codes[1]: 15, codes[2]: 15})
    Standing.objects.filter(rubric=rubric, unit__code=codes[5]).update(change_seq=999)
    tiers = list(rubric.award_tiers.all())

    got = entrant_counts.summary(rubric, tiers, [])

    assert (got.entrants, got.stale) == (76, 1)
    assert got.holders == {"winner": 1, "runner_up_1": 2, "runner_up_2": 0, "honourable": 0}
    assert got.lowest == {"winner": Decimal(20), "runner_up_1": Decimal(15)}


def contest_of(n: int, chiang_mai):
    """Seed 001's website contest among n district offices of Chiang Mai, with 1.1 due on 30 June 2021."""
    districts = [DistrictFactory(parent=chiang_mai) for _ in range(n)]
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    slug = f"cm-web-{n}"
    data["contest"] = {**data["contest"], "slug": slug, "organiser": "50", "entrants": [d.code for d in districts]}
    data["dimensions"][0]["criteria"][0]["deadline"] = "2021-06-30"
    rubric = services.rubric_load(data=data)
    rows = [
        {"province": d.code, "criterion": "2.1", "fact": "points", "value": str(i % 20)}
        for i, d in enumerate(districts)
    ]
    facts_import(rubric=rubric, rows=rows)
    standings_recompute(rubric_id=rubric.pk, full=True)
    link_user = UserFactory(role=Role.OFFICE_STAFF, role__unit=districts[0])
    evidence_services.evidence_submit(
        user=link_user, rubric=rubric, unit=districts[0], criterion_code="3.1", url="https://example.org/x"
    )
    return rubric


@pytest.mark.parametrize("n", [3, 30])
def test_dashboard_query_count_is_the_same_for_3_or_30_entrants(n, chiang_mai, django_assert_num_queries):
    rubric = contest_of(n, chiang_mai)
    board(rubric, today=JUNE_25_2021)  # counts the facts once for this process
    # tiers, dimensions, criteria, settings, snapshot, the tallies, the page's keys, its rows, the award places'
    # last key, the award holders, evidence without a fact, and the schedule's rounds (the moves)
    calendar = work_calendar()
    with django_assert_num_queries(12):
        ctx = dashboard.dashboard(rubric, today=JUNE_25_2021, calendar=calendar)
    assert len(ctx["rows"]) == n
    # who still owes the rounds due now: the moves, frozen results, the days of the Department's receipts, the
    # rounds counted in the database with their first entrants (schedule.tallies), their names (1.1 due in 3
    # working days), whether rounds are kept for these windows (schedule.kept: none here) and whether the
    # entrants are few enough to count live (up to one over the bound: they are, so counted live)
    with django_assert_num_queries(7):
        work = dashboard.work_now(rubric, today=JUNE_25_2021, calendar=calendar, reminder_days=3)
    assert work["due_soon"][0]["missing"] == n
    assert ctx["missing"][2]["submitted"] == 1  # 3.1: the one link


def test_a_contest_without_a_map_gets_no_fills_and_only_its_page(chiang_mai, monkeypatch):
    rubric = contest_of(30, chiang_mai)
    monkeypatch.setattr(pages, "PAGE_SIZE", 20)
    ctx = board(rubric, page=2)
    assert (ctx["by_province"], ctx["fills"], len(ctx["rows"]), ctx["pages"]) == (False, [], 10, 2)
