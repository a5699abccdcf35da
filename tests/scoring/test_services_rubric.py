import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.spec import RubricError
from scoring import selectors, services
from scoring.facts.imports import fact_set, facts_import
from scoring.models import Criterion, ProvinceResult, Rubric
from scoring.standings import standings_rows

RUBRICS = Path(__file__).parents[1] / "rubrics"


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
    assert ProvinceResult.objects.filter(rubric=rubric, level=1).count() == 76


def test_rubric_load_twice_is_idempotent(rubric):
    data = selectors.rubric_data(rubric)
    services.rubric_load(data=data)
    assert selectors.rubric_data(Rubric.objects.get(year=2566)) == data


def test_rubric_load_inconsistent_dimension_refused_and_nothing_changed(rubric):
    data = copy.deepcopy(selectors.rubric_data(rubric))
    dimension5 = data["dimensions"][4]
    dimension5["criteria"][1]["max_points"] = "5"  # the seed's own "6 + 5" slip
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=data)
    assert "มิติ 5" in str(exc.value) or "มิติที่ 5" in str(exc.value)
    assert "6 + 5 = 11" in str(exc.value)
    assert Criterion.objects.get(rubric=rubric, code="5.2").max_points == Decimal("4")


def test_rubric_load_cannot_drop_a_criterion_that_has_facts(rubric, chiang_mai):
    fact_set(rubric=rubric, province=chiang_mai, criterion_code="3.5", name="done", value="yes")
    data = copy.deepcopy(selectors.rubric_data(rubric))
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

    fact_set(rubric=rubric, province=chiang_mai, criterion_code="3.5", name="done", value="yes")
    data = copy.deepcopy(selectors.rubric_data(rubric))
    dimension3 = data["dimensions"][2]
    by_code = {c["code"]: c for c in dimension3["criteria"]}
    by_code["3.5"]["rule"] = copy.deepcopy(by_code["3.4"]["rule"])  # now reads "items", not "done"
    with django_capture_on_commit_callbacks(execute=True):
        services.rubric_load(data=data, reason="ข้อ 3.5 นับรายการ")  # an open contest's change says why

    fact = Fact.objects.get(rubric=rubric, province=chiang_mai, criterion__code="3.5", name="done")
    assert fact.value == ""
    change = FactChange.objects.filter(fact=fact).first()
    assert (change.old_value, change.new_value) == ("yes", "")
    with django_capture_on_commit_callbacks(execute=True):
        facts_import(
            rubric=Rubric.objects.get(pk=rubric.pk),
            rows=[{"province": "TH-50", "criterion": "3.5", "fact": "items", "value": "1"}],
        )
    result = ProvinceResult.objects.get(rubric=rubric, province=chiang_mai)
    assert result.criteria["3.5"] == "1"  # items_count: one point an item
