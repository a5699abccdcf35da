import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from contests.models import Unit
from people.models import Role
from rubrics.models import Criterion, RubricChange
from scoring.models import Fact, Standing
from tests.factories import UserFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rubric_deadline_moves_deadline_and_rescores(rubric, central_user, django_capture_on_commit_callbacks):
    Fact.objects.create(
        rubric=rubric,
        unit=Unit.objects.get(code="TH-50"),
        criterion=rubric.criteria.get(code="2.1.2"),
        name="received_on",
        value="2023-04-12",
        source="admin",
    )
    with django_capture_on_commit_callbacks(execute=True):
        out = run(
            "rubric_deadline", "2566", "2.1.2", "2023-04-12", "--reason", "หนังสือกรม", "--by", central_user.username
        )
    assert "กำหนดส่ง 12 เม.ย. 2566" in out
    assert Criterion.objects.get(rubric=rubric, code="2.1.2").deadline == date(2023, 4, 12)
    assert Standing.objects.get(rubric=rubric, unit__code="TH-50").criteria["2.1.2"] == "4"


def test_rubric_deadline_records_the_letter_and_who_ran_it(rubric, central_user):
    run(
        "rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย", "--letter", "มท 0410.4/ว 6001",
        "--letter-date", "25/05/2566", "--by", central_user.username,
    )  # fmt: skip
    change = RubricChange.objects.get()
    assert (change.user, change.reason, change.letter_number, change.letter_date) == (
        central_user,
        "อุทกภัย",
        "มท 0410.4/ว 6001",
        date(2023, 5, 25),
    )


def test_rubric_deadline_refuses_when_nobody_can_be_named(rubric, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "nobody-here")
    with pytest.raises(CommandError, match="nobody-here"):
        run("rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย")
    assert not RubricChange.objects.exists()


def test_rubric_deadline_by_someone_who_does_not_run_the_contest_is_refused(rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    with pytest.raises(CommandError, match="ไม่มีสิทธิ์เลื่อนกำหนดส่ง"):
        run("rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย", "--by", staff.username)
    assert not RubricChange.objects.exists()


def test_rubric_deadline_bad_date_refused(rubric, central_user):
    with pytest.raises(CommandError, match="อ่านวันที่ “12/04/2566x” ไม่ได้"):
        run("rubric_deadline", "2566", "2.1.2", "12/04/2566x", "--by", central_user.username)


def test_import_facts_csv_with_bom(rubric, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        "province,criterion,fact,value\nเชียงใหม่,3.3,computers_total,40\nTH-50,3.3,computers_with_antivirus,๓๙\n",
        encoding="utf-8-sig",
    )
    out = run("import_facts", str(path), "--year", "2566")
    assert "สร้าง/create 2" in out
    assert Fact.objects.filter(unit__code="TH-50").count() == 2


def test_import_facts_xlsx_errors_name_rows_and_import_nothing(rubric, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["province", "criterion", "fact", "value"])
    ws.append(["TH-50", "1.1", "done", "yes"])
    ws.append(["TH-83", "3.3", "computers_total", 100])
    ws.append(["TH-83", "3.3", "computers_with_antivirus", 101])
    path = tmp_path / "facts.xlsx"
    wb.save(path)
    with pytest.raises(CommandError) as exc:
        run("import_facts", str(path), "--year", "2566")
    assert "แถวที่ 4" in str(exc.value)
    assert Fact.objects.count() == 0


def test_import_facts_dry_run_writes_nothing(rubric, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text("province,criterion,fact,value\nTH-50,1.1,done,yes\n", encoding="utf-8")
    out = run("import_facts", str(path), "--year", "2566", "--dry-run")
    assert "TH-50 1.1 done: ∅ → yes" in out
    assert Fact.objects.count() == 0


def test_standings_json_lists_76(rubric):
    rows = json.loads(run("standings", "--year", "2566", "--format", "json"))
    assert len(rows) == 76
    assert set(rows[0]) >= {"rank", "province", "total", "dimensions", "criteria", "explanations", "award", "tied"}


def test_import_facts_row_numbers_count_blank_lines(rubric, tmp_path):
    path = tmp_path / "facts.csv"
    path.write_text(
        "province,criterion,fact,value\nTH-50,1.1,done,yes\n\n,,,\nTH-50,1.2,done,maybe\n", encoding="utf-8"
    )
    with pytest.raises(CommandError) as exc:
        run("import_facts", str(path), "--year", "2566")
    assert "แถวที่ 5:" in str(exc.value)
