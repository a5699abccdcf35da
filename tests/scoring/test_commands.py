import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from scoring.models import Fact


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


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
