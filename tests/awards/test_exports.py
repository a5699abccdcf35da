import csv
import io

from openpyxl import load_workbook

from contests.models import Unit
from core.sheets import exporter
from people.models import Role
from scoring.facts.imports import fact_set
from tests.factories import UserFactory


def test_safe_cell_formula_neutralised():
    cells = ['=HYPERLINK("http://x")', "+cmd", "-2+3", "@SUM(A1)", "\t=1", "-5", "+3.5", "-", "เชียงใหม่", 7]
    assert [exporter.safe_cell(c) for c in cells] == [
        '\'=HYPERLINK("http://x")',
        "'+cmd",
        "'-2+3",
        "'@SUM(A1)",
        "'\t=1",
        "-5",
        "+3.5",
        "-",
        "เชียงใหม่",
        7,
    ]


def test_standings_xlsx_round_trip_keeps_thai(demo_standings):
    data, ctype, name = exporter.export(demo_standings, "standings", "xlsx")
    assert (ctype, name) == (exporter.XLSX_TYPE, "cdd4-2566-standings.xlsx")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("อันดับ / rank", "รหัสจังหวัด / province code", "จังหวัด / province")
    assert len(rows) == 77
    assert {r[2] for r in rows[1:]} == set(Unit.objects.values_list("name_th", flat=True))
    header = list(rows[0])
    assert "ข้อ 2.1.1" in header and "คำอธิบาย 5.2" in header
    winner = rows[1]
    assert winner[0] == 1 and winner[header.index("รางวัล / award")] == "ชนะเลิศ"


def test_standings_csv_starts_with_bom_and_reads_back_thai(demo_standings):
    data, ctype, _ = exporter.export(demo_standings, "standings", "csv")
    assert data[:3] == b"\xef\xbb\xbf"
    assert ctype == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 77
    assert rows[0][2] == "จังหวัด / province"


def test_fact_changes_sheet_neutralises_formula_in_user_name(rubric, chiang_mai):
    user = UserFactory(username="@SUM")
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="1.1", name="done", value="yes", user=user)
    data, _, _ = exporter.export(rubric, "fact-changes", "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][1:] == ["TH-50", "เชียงใหม่", "1.1", "done", "", "yes", "admin", "'@SUM"]
    book = load_workbook(io.BytesIO(exporter.export(rubric, "fact-changes", "xlsx")[0]))
    assert list(book.active.iter_rows(values_only=True))[1][8] == "'@SUM"


def test_facts_sheet_has_every_fact(rubric, chiang_mai):
    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="3.3", name="computers_total", value="40")
    rows = list(
        load_workbook(io.BytesIO(exporter.export(rubric, "facts", "xlsx")[0])).active.iter_rows(values_only=True)
    )
    assert rows[0][:4] == ("province", "criterion", "fact", "value")
    assert [r[:5] for r in rows[1:]] == [("TH-50", "3.3", "computers_total", "40", "เชียงใหม่")]


def _judged(rubric, unit):
    from committee import services as committee

    member, chair = UserFactory(role=Role.COMMITTEE, username="=cmd"), UserFactory(role=Role.CHAIR, username="chair")
    cell = {"rubric": rubric, "unit": unit, "criterion_code": "3.1"}
    committee.judgment_record(member=member, **cell, items=["1"], note="-ขาดรายงาน", expected_version=0)
    committee.judgment_record(member=member, **cell, items=["1", "2"], note="เพิ่มแล้ว", expected_version=1)
    committee.chair_final_record(chair=chair, **cell, points="5", reason="มติที่ประชุม", expected_version=0)


def test_judgments_sheet_members_scores_then_chair_finals(rubric, chiang_mai):
    _judged(rubric, chiang_mai)
    data, ctype, name = exporter.export(rubric, "judgments", "xlsx")
    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert (ctype, name, rows[0][:6]) == (
        exporter.XLSX_TYPE,
        "cdd4-2566-judgments.xlsx",
        ("province", "จังหวัด / province name", "criterion", "ประเภท / kind", "กรรมการ / member", "คะแนน / points"),
    )
    assert [r[:9] for r in rows[1:]] == [
        ("TH-50", "เชียงใหม่", "3.1", "คะแนนกรรมการ / member's score", "'=cmd", 3, "1,2", "เพิ่มแล้ว", 2),
        ("TH-50", "เชียงใหม่", "3.1", "คะแนนสรุปของประธาน / chair's final score", "chair", 5, None, "มติที่ประชุม", 1),
    ]


def test_judgment_changes_csv_has_bom_whole_history_and_neutralised_formulas(rubric, chiang_mai):
    _judged(rubric, chiang_mai)
    data, ctype, name = exporter.export(rubric, "judgment-changes", "csv")
    assert (data[:3], ctype, name) == (b"\xef\xbb\xbf", exporter.CSV_TYPE, "cdd4-2566-judgment-changes.csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    cell, judged, admin = ["TH-50", "เชียงใหม่", "3.1"], "คะแนนกรรมการ / member's score", "หน้าผู้ดูแล / admin"
    assert [r[1:] for r in rows[1:]] == [
        [*cell, judged, "'=cmd", "", "1.00", "", "1", "'-ขาดรายงาน", admin, "'=cmd"],
        [*cell, judged, "'=cmd", "1.00", "3.00", "1", "1,2", "เพิ่มแล้ว", admin, "'=cmd"],
        [*cell, "คะแนนสรุปของประธาน / chair's final", "", "", "5.00", "", "", "มติที่ประชุม", admin, "chair"],
    ]


def test_judgment_sheets_reachable_from_api_for_central_only(api, rubric, chiang_mai):
    _judged(rubric, chiang_mai)
    statuses = []
    sheets = [e.identifier for e in exporter.year_sheets()]
    for role in (Role.CHAIR, Role.CENTRAL):
        api.force_authenticate(UserFactory(role=role))
        statuses += [api.get(f"/api/v1/years/2566/exports/{s}.xlsx").status_code for s in sheets]
    assert statuses == [403] * 5 + [200] * 5
