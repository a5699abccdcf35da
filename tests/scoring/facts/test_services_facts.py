from decimal import Decimal

import pytest

from scoring.facts.imports import FactImportError, fact_set, facts_import
from scoring.models import Fact, FactChange, Standing


def row(unit, criterion, fact, value):
    return {"province": unit, "criterion": criterion, "fact": fact, "value": value}


def test_facts_import_valid_rows_creates_facts_with_audit(rubric, central_user):
    report = facts_import(
        rubric=rubric,
        rows=[row("TH-50", "3.3", "computers_total", "40"), row("TH-50", "3.3", "computers_with_antivirus", "39")],
        user=central_user,
    )
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    fact = Fact.objects.get(unit__code="TH-50", criterion__code="3.3", name="computers_with_antivirus")
    assert fact.value == "39"
    change = FactChange.objects.get(fact=fact)
    assert (change.old_value, change.new_value, change.changed_by) == (None, "39", central_user)


def test_facts_import_bad_rows_reports_row_numbers_and_writes_nothing(rubric):
    rows = [
        row("TH-50", "1.1", "done", "yes"),  # row 2: fine, but the file fails as a whole
        row("Atlantis", "1.1", "done", "yes"),  # 3
        row("TH-50", "9.9", "done", "yes"),  # 4
        row("TH-50", "2.2.1", "databases_up_to_date", "many"),  # 5
        row("TH-83", "3.3", "computers_total", "100"),
        row("TH-83", "3.3", "computers_with_antivirus", "101"),  # 7: 101 of 100
        row("TH-50", "2.1.2", "received_on", "2023-02-30"),  # 8
        row("TH-50", "1.1", "colour", "blue"),  # 9
    ]
    with pytest.raises(FactImportError) as exc:
        facts_import(rubric=rubric, rows=rows)
    assert [e.row for e in exc.value.errors] == [3, 4, 5, 7, 8, 9]
    assert "ไม่พบจังหวัด 'Atlantis'" in str(exc.value.errors[0])
    assert "101" in exc.value.errors[3].th
    assert Fact.objects.count() == 0


def test_facts_import_bangkok_refused_as_no_provincial_office(rubric):
    with pytest.raises(FactImportError) as exc:
        facts_import(rubric=rubric, rows=[row("กรุงเทพมหานคร", "1.1", "done", "yes")])
    assert exc.value.errors[0].en == "Bangkok has no provincial office"


@pytest.mark.parametrize("name", ["TH-41", "th41", "อุดรธานี", "อุตรธานี", "Udon Thani", " อุดรธานี "])
def test_facts_import_province_named_any_known_way(rubric, name):
    facts_import(rubric=rubric, rows=[row(name, "1.1", "done", "yes")])
    assert Fact.objects.get().unit.code == "TH-41"


def test_facts_import_duplicate_row_refused(rubric):
    with pytest.raises(FactImportError) as exc:
        facts_import(rubric=rubric, rows=[row("TH-50", "1.1", "done", "yes"), row("TH-50", "1.1", "done", "no")])
    assert str(exc.value.errors[0]) == "แถวที่ 3: ซ้ำกับแถวที่ 2"


def test_facts_import_dry_run_reports_changes_and_writes_nothing(rubric):
    facts_import(rubric=rubric, rows=[row("TH-50", "1.1", "done", "no")])
    report = facts_import(
        rubric=rubric, rows=[row("TH-50", "1.1", "done", "yes"), row("TH-83", "1.1", "done", "yes")], dry_run=True
    )
    assert (report.created, report.updated) == (1, 1)
    assert report.changes[0] == (2, "TH-50", "1.1", "done", "no", "yes")
    assert Fact.objects.get(unit__code="TH-50").value == "no"
    assert Fact.objects.count() == 1


def test_facts_import_update_keeps_history(rubric, central_user):
    facts_import(rubric=rubric, rows=[row("TH-50", "2.2.1", "databases_up_to_date", "9")])
    facts_import(rubric=rubric, rows=[row("TH-50", "2.2.1", "databases_up_to_date", "11")], user=central_user)
    history = list(FactChange.objects.values_list("old_value", "new_value"))
    assert history == [("9", "11"), (None, "9")]


def test_facts_import_empty_value_means_not_recorded(rubric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        facts_import(rubric=rubric, rows=[row("TH-50", "2.2.2", "recorded_on", "")])
    result = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    assert result.criteria["2.2.2"] == "0"


def test_facts_import_rescores_touched_province_after_commit(rubric, django_capture_on_commit_callbacks):
    rows = [
        row("TH-50", "3.3", "computers_total", "100"),
        row("TH-50", "3.3", "computers_with_antivirus", "97"),
        row("TH-50", "1.1", "done", "yes"),
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        facts_import(rubric=rubric, rows=rows)
    # One recompute for the three rows, queued after commit; the schedule's rounds' count after it, as it hears it.
    queued = [f"{c.func.__module__}.{c.func.__name__}" for c in callbacks]
    assert queued == ["scoring.coalesce.schedule", "schedule.tasks._rounds_keep_send"]
    result = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    assert result.criteria["3.3"] == "4"
    assert result.total == Decimal("9")
    assert result.computed_seq == result.change_seq
    assert result.explanations["3.3"]["th"] == ("เครื่องที่ติดตั้งแอนติไวรัส ร้อยละ ๙๗ มากกว่าร้อยละ ๙๕ แต่ไม่เกินร้อยละ ๙๙ → 4 คะแนน")


def test_fact_set_runs_the_import_checks(rubric, chiang_mai):
    with pytest.raises(FactImportError) as exc:
        fact_set(rubric=rubric, unit=chiang_mai, criterion_code="2.2.1", name="databases_up_to_date", value="13")
    assert exc.value.errors[0].row == 1
    assert Fact.objects.count() == 0
