import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from rubrics import services
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_data
from rulebook.spec import RubricError
from scoring.facts.imports import fact_set, facts_import
from scoring.models import Standing
from scoring.standings import standings_rows

RUBRICS = Path(__file__).parents[1] / "rubrics"
FIRST_LOAD, RELOAD = 48, 59  # seed 001's queries: written new, then set against its file again


def load(name: str) -> dict:
    return json.loads((RUBRICS / name).read_text(encoding="utf-8"))


def test_rubric_load_seed001_website_contest_scores_and_ranks(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rubric = services.rubric_load(data=load("seed001_website.json"))
    rows = [
        {"province": "TH-20", "criterion": code, "fact": "points", "value": value}
        for code, value in [("1", "18"), ("2", "20"), ("3", "9"), ("4", "25"), ("5", "12.5")]
    ]
    with django_capture_on_commit_callbacks(execute=True):
        facts_import(rubric=rubric, rows=rows)
    top = standings_rows(rubric)[0]
    assert (top["province"], top["total"], top["award"], top["tied"]) == ("TH-20", "84.5", "winner", False)
    assert Criterion.objects.filter(rubric=rubric).count() == 5


def test_rubric_load_seed003_mission_reports_level(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rubric = services.rubric_load(data=load("seed003_mission1.json"))
    assert rubric.level_bands[0]["level"] == 1
    assert Standing.objects.filter(rubric=rubric, level=1).count() == 76


def test_rubric_load_twice_is_idempotent(rubric):
    data = rubric_data(rubric)
    services.rubric_load(data=data)
    assert rubric_data(ContestPeriod.objects.get(year=2566)) == data


def test_rubric_load_inconsistent_dimension_refused_and_nothing_changed(rubric):
    data = copy.deepcopy(rubric_data(rubric))
    dimension5 = data["dimensions"][4]
    dimension5["criteria"][1]["max_points"] = "5"  # the seed's own "6 + 5" slip
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=data)
    assert "มิติ 5" in str(exc.value) or "มิติที่ 5" in str(exc.value)
    assert "6 + 5 = 11" in str(exc.value)
    assert Criterion.objects.get(rubric=rubric, code="5.2").max_points == Decimal("4")


def test_rubric_load_cannot_drop_a_criterion_that_has_facts(rubric, chiang_mai):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="3.5", name="done", value="yes")
    data = copy.deepcopy(rubric_data(rubric))
    dimension3 = data["dimensions"][2]
    dimension3["criteria"] = [c for c in dimension3["criteria"] if c["code"] != "3.5"]
    dimension3["max_points"] = "20"
    data["total_points"] = "95"
    with pytest.raises(RubricError, match=r"3\.5"):
        services.rubric_load(data=data)
    assert Criterion.objects.filter(rubric=rubric, code="3.5").exists()


def test_a_rule_that_no_longer_reads_a_stored_fact_blanks_it_keeping_its_history(
    rubric, chiang_mai, django_capture_on_commit_callbacks
):
    """Seed 003's mission 3 went from one "online_channels" figure to a count per channel: the reloaded
    rubric must not leave the old figure where every import and recompute refuses it as unknown."""
    from scoring.models import Fact, FactChange

    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="3.5", name="done", value="yes")
    data = copy.deepcopy(rubric_data(rubric))
    dimension3 = data["dimensions"][2]
    by_code = {c["code"]: c for c in dimension3["criteria"]}
    by_code["3.5"]["rule"] = copy.deepcopy(by_code["3.4"]["rule"])  # now reads "items", not "done"
    with django_capture_on_commit_callbacks(execute=True):
        services.rubric_load(data=data, reason="ข้อ 3.5 นับรายการ")  # an open contest's change says why

    fact = Fact.objects.get(rubric=rubric, unit=chiang_mai, criterion__code="3.5", name="done")
    assert fact.value == ""
    change = FactChange.objects.filter(fact=fact).first()
    assert (change.old_value, change.new_value) == ("yes", "")
    with django_capture_on_commit_callbacks(execute=True):
        facts_import(
            rubric=ContestPeriod.objects.get(pk=rubric.pk),
            rows=[{"province": "TH-50", "criterion": "3.5", "fact": "items", "value": "1"}],
        )
    result = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    assert result.criteria["3.5"] == "1"  # items_count: one point an item


def test_a_change_updates_its_rows_in_place_and_brings_an_archived_criterion_back(rubric, chiang_mai):
    """The rows are written in bulk (one read, one UPDATE, one INSERT): each keeps its id, takes its new name
    and place, and a criterion dropped while it held a fact comes back from the archive with that fact."""
    from django.utils import timezone

    from rubrics.models import Dimension
    from scoring.models import Fact

    data = copy.deepcopy(rubric_data(rubric))  # 3.5 in it: brought back below
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="3.5", name="done", value="yes")
    Criterion.objects.filter(rubric=rubric, code="3.5").update(archived_at=timezone.now())
    ids = dict(Criterion.all_objects.filter(rubric=rubric).values_list("code", "pk"))
    dimension_ids = dict(Dimension.objects.filter(rubric=rubric).values_list("code", "pk"))
    first = data["dimensions"][0]["criteria"]
    first[0]["name_th"] = "การเชื่อมต่ออินเทอร์เน็ตของสำนักงาน"
    first[0], first[1] = first[1], first[0]
    data["dimensions"][1]["name_en"] = "Digital services"

    services.rubric_load(data=data, reason="ชื่อและลำดับตัวชี้วัด")

    rows = {c.code: c for c in Criterion.objects.filter(rubric=rubric)}
    assert {code: row.pk for code, row in rows.items()} == ids
    assert dict(Dimension.objects.filter(rubric=rubric).values_list("code", "pk")) == dimension_ids
    assert (rows["1.1"].name_th, rows["1.2"].order, rows["1.1"].order) == (
        "การเชื่อมต่ออินเทอร์เน็ตของสำนักงาน",
        1,
        2,
    )
    assert Dimension.objects.get(rubric=rubric, code="2").name_en == "Digital services"
    assert rows["3.5"].archived_at is None
    assert Fact.objects.get(rubric=rubric, criterion=rows["3.5"], name="done").value == "yes"


def test_a_rubric_is_saved_in_as_many_queries_whatever_its_number_of_criteria(db):
    """Seed 001's website contest as shipped (5 criteria) and with each criterion cut in five (25): a new
    contest costs the same number of queries either way (rows go in bulk, stale facts are found in one query)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    def queries(data: dict) -> int:
        with transaction.atomic(), CaptureQueriesContext(connection) as done:
            services.rubric_load(data=data)
            transaction.set_rollback(True)
        return len(done.captured_queries)

    small = load("seed001_website.json")
    large = copy.deepcopy(small)
    for dimension in large["dimensions"]:
        dimension["criteria"] = [
            {**c, "code": f"{c['code']}.{part}", "max_points": str(Decimal(c["max_points"]) / 5)}
            for c in dimension["criteria"]
            for part in range(1, 6)
        ]
    assert sum(len(d["criteria"]) for d in large["dimensions"]) == 25

    assert queries(large) == queries(small)


def test_a_contests_first_load_asks_none_of_a_reloads_checks(db, django_assert_num_queries):
    """A new contest holds no criteria, dimensions, award tiers, facts or scores to set against its file: its first
    load writes it and asks nothing of what a reload checks (drops, stranded scores, facts its rules no longer
    read); the same file loaded again asks them all, and changes nothing."""
    data = load("seed001_website.json")
    with django_assert_num_queries(FIRST_LOAD):
        rubric = services.rubric_load(data=data)
    with django_assert_num_queries(RELOAD):
        assert services.rubric_load(data=data) == rubric
    assert Criterion.objects.filter(rubric=rubric).count() == 5
