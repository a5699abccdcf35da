"""A contest's fact template: what the XLSX holds, and reading it back through the facts import.

Seed 003's missions, run by Chiang Mai among two districts (แม่ริม, สันทราย). Its shared fact is tpmap_target,
the TPMAP target people that 1.1.1 (verified ÷ target × 30) and 1.4 (excluded people recorded ÷ target,
banded) both read: one column, written to both criteria."""

import io
import json

import pytest
from openpyxl import load_workbook

from core.errors import RowsError
from core.sheets.limits import SheetError
from rubrics import services
from scoring.facts.imports import facts_import, facts_import_file
from scoring.models import Fact, FactSource
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory

from .fact_sheets import fill, sheet_rows, template_bytes

DATA = "ข้อมูล facts"
ABOUT = "คำอธิบาย about"


@pytest.fixture
def missions(db, chiang_mai):
    mae_rim = DistrictFactory(parent=chiang_mai, dopa_code="5061", name_th="แม่ริม", name_en="Mae Rim")
    san_sai = DistrictFactory(parent=chiang_mai, dopa_code="5062", name_th="สันทราย", name_en="San Sai")
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    codes = [mae_rim.code, san_sai.code]
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": codes}
    return services.rubric_load(data=data), mae_rim, san_sai


def send(rubric, data: bytes, name: str = "filled.xlsx"):
    return facts_import_file(rubric=rubric, data=data, filename=name)


def refusals(rubric, data: bytes) -> list[str]:
    with pytest.raises(RowsError) as info:
        send(rubric, data)
    return [str(e) for e in info.value.errors]


def stored(rubric, name: str) -> dict[tuple[str, str], str]:
    facts = Fact.objects.filter(rubric=rubric, name=name)
    return {(f.unit.code, f.criterion.code): f.value for f in facts.select_related("unit", "criterion")}


def test_one_row_per_entrant_and_one_column_per_fact_named_in_thai_with_its_unit(missions):
    rubric, mae_rim, san_sai = missions
    data = template_bytes(rubric.contest)
    assert load_workbook(io.BytesIO(data)).sheetnames == [DATA, ABOUT]
    rows = sheet_rows(data, DATA)
    assert rows[0][0].startswith("การติดตามภารกิจสำคัญ") and "กรอกหนึ่งแถวต่ออำเภอ" in rows[0][0]
    thai, english, keys = rows[2], rows[3], rows[4]
    assert keys[:6] == ["entrant", "name", "verified", "tpmap_target", "households_with_plan", "households_verified"]
    assert keys.count("tpmap_target") == 1  # 1.1.1 and 1.4 read it: typed once
    assert thai[:4] == [
        "รหัสอำเภอ",
        "อำเภอ",
        "บุคคลเป้าหมายที่ตรวจสอบได้ภายใน ๓๑ ธ.ค. ๒๕๖๔ (คน)",
        "บุคคลเป้าหมายทั้งหมดจากระบบ TPMAP (คน)",
    ]
    assert english[:4] == [
        "district code",
        "district",
        "target people verified by 31 Dec 2021 (people)",
        "all TPMAP target people (people)",
    ]
    # A name that already says its unit is not told twice.
    assert thai[keys.index("overdue_repaid")] == "เงินยืมที่ผิดนัดได้รับชำระคืน (บาท)"
    # Only data: the committee's yes/no items (8.1.1, 8.1.2) have no column; mission 3 takes 5 channels.
    assert "done" not in keys and len(keys) == 2 + 46
    assert [row[:2] for row in rows[5:]] == [[mae_rim.code, "แม่ริม"], [san_sai.code, "สันทราย"]]
    assert all(v is None for row in rows[5:] for v in row[2:])  # nothing stored yet


def test_cells_keep_what_is_typed_and_offer_yes_or_no(missions):
    rubric, _, _ = missions
    ws = load_workbook(io.BytesIO(template_bytes(rubric.contest)))[DATA]
    keys = [c.value for c in ws[5]]
    column = keys.index("paid_out_on") + 1
    assert ws.cell(6, column).number_format == "@"  # "30/12/2564" stays text: Excel must not make it a date
    assert ws.cell(6, keys.index("verified") + 1).number_format == "General"
    flag = ws.cell(6, keys.index("extension_requested") + 1).coordinate
    offered = [v for v in ws.data_validations.dataValidation if flag in v.sqref]
    assert [(v.formula1, v.showErrorMessage) for v in offered] == [('"ใช่,ไม่ใช่"', False)]
    assert ws.freeze_panes == "C6"


def test_the_second_sheet_explains_each_fact_and_the_rule_that_uses_it(missions):
    rubric, _, _ = missions
    rows = sheet_rows(template_bytes(rubric.contest), ABOUT)
    header = rows.index(
        [
            "รหัสข้อมูล / key",
            "ข้อมูล",
            "fact",
            "หน่วย / unit",
            "กรอกเป็น",
            "what to type",
            "ใช้ในเกณฑ์ / used by",
            "เกณฑ์ของเอกสาร / the document's rule",
        ]
    )
    by_key = {row[0]: row for row in rows[header + 1 :] if row and row[0]}
    target = by_key["tpmap_target"]
    assert target[1:6] == [
        "บุคคลเป้าหมายทั้งหมดจากระบบ TPMAP",
        "all TPMAP target people",
        "คน / people",
        "จำนวนเต็ม เช่น 1,250",
        "a whole number, e.g. 1,250",
    ]
    assert target[6].splitlines() == [  # the document's numbers, not the portal's codes 1.1.1 and 1.4
        "๑.๑ การตรวจสอบและรับรองข้อมูลบุคคล/ครัวเรือนเป้าหมายจากระบบ TPMAP (30 คะแนน)",
        "๔ กลุ่มคนที่ตกหล่น (Exclusion error) ได้รับการตรวจสอบและบันทึกในระบบ TPMAP เพิ่มขึ้น (Extra Point) (10 คะแนน)",
    ]
    assert "(คะแนน = ตรวจสอบได้ × ๓๐ ÷ เป้าหมาย)" in target[7]
    assert by_key["paid_out_on"][4:6] == ["วันที่ เช่น 18/04/2566 หรือ 2023-04-18", "a date, e.g. 18/04/2566 or 2023-04-18"]
    assert by_key["extension_requested"][3:5] == ["–", "ใช่ หรือ ไม่ใช่"]
    # The criteria a person scores are named, with why they are not in the template.
    # 8.1.1, by the document's number under mission ๘ (mission ๑ has a "๑.๑" too: the name tells them apart).
    mechanism = next(r for r in rows[header + 1 :] if r and r[0] == "๑.๑" and r[1].startswith("มีกลไกหรือคณะทำงาน"))
    assert mechanism[4:6] == ["คณะกรรมการเป็นผู้ให้คะแนน", "scored by the panel (the committee)"]


def test_a_filled_template_writes_a_shared_fact_to_every_criterion_that_reads_it(missions):
    rubric, mae_rim, san_sai = missions
    data = fill(
        template_bytes(rubric.contest),
        {
            DATA: {
                (mae_rim.code, "verified"): 90,
                (mae_rim.code, "tpmap_target"): 100,
                (san_sai.code, "paid_out_on"): "30/12/2564",
            }
        },
    )
    report = send(rubric, data)
    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    assert stored(rubric, "tpmap_target") == {(mae_rim.code, "1.1.1"): "100", (mae_rim.code, "1.4"): "100"}
    assert stored(rubric, "paid_out_on") == {(san_sai.code, "2.1"): "30/12/2564"}
    assert set(Fact.objects.filter(rubric=rubric).values_list("source", flat=True)) == {FactSource.IMPORT}
    standings_recompute(rubric_id=rubric.pk)
    result = rubric.results.get(unit=mae_rim)
    assert result.criteria["1.1.1"] == "27.00"  # 90 ÷ 100 × 30


def test_downloaded_again_it_holds_what_is_stored_and_sending_it_back_changes_nothing(missions):
    rubric, mae_rim, _ = missions
    send(
        rubric,
        fill(
            template_bytes(rubric.contest),
            {DATA: {(mae_rim.code, "verified"): 90, (mae_rim.code, "tpmap_target"): "1,000"}},
        ),
    )
    again = template_bytes(rubric.contest)
    row = sheet_rows(again, DATA)[5]
    assert row[2:4] == [90, "1,000"]  # a plain number as a number; "1,000" as it was typed
    report = send(rubric, again)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)


def test_a_blank_cell_changes_nothing(missions):
    rubric, mae_rim, _ = missions
    facts_import(
        rubric=rubric, rows=[{"province": mae_rim.code, "criterion": "2.3", "fact": "pr_fewest_month", "value": "12"}]
    )
    data = fill(
        template_bytes(rubric.contest), {DATA: {(mae_rim.code, "pr_fewest_month"): None, (mae_rim.code, "plots"): 8}}
    )
    assert send(rubric, data).created == 1
    assert stored(rubric, "pr_fewest_month") == {(mae_rim.code, "2.3"): "12"}


def test_values_two_criteria_hold_apart_are_left_blank_with_a_note(missions):
    rubric, mae_rim, _ = missions
    rows = [
        {"province": mae_rim.code, "criterion": "1.1.1", "fact": "tpmap_target", "value": "100"},
        {"province": mae_rim.code, "criterion": "1.4", "fact": "tpmap_target", "value": "120"},
    ]
    facts_import(rubric=rubric, rows=rows)
    ws = load_workbook(io.BytesIO(template_bytes(rubric.contest)))[DATA]
    cell = ws.cell(6, [c.value for c in ws[5]].index("tpmap_target") + 1)
    assert cell.value is None
    assert cell.comment.text.startswith("ค่าที่บันทึกไว้ไม่ตรงกัน: 1.1.1 = 100, 1.4 = 120 กรอกค่าที่ถูกต้อง")


def test_every_bad_cell_is_named_thai_first_and_nothing_is_written(missions):
    rubric, mae_rim, san_sai = missions
    data = fill(
        template_bytes(rubric.contest),
        {
            DATA: {
                (mae_rim.code, "verified"): "เก้าสิบ",
                (mae_rim.code, "tpmap_target"): 100,
                (san_sai.code, "tpmap_target"): 100,
                (san_sai.code, "excluded_recorded"): 120,  # 1.4: more excluded people recorded than its targets
                (san_sai.code, "paid_out_on"): "30/12/2580",  # 2037: a year's typo
            }
        },
    )
    assert refusals(rubric, data) == [
        "แถวที่ 6: แผ่นงาน “ข้อมูล facts” ช่อง C6: บุคคลเป้าหมายที่ตรวจสอบได้ภายใน ๓๑ ธ.ค. ๒๕๖๔ ต้องเป็นตัวเลข แต่ได้รับ “เก้าสิบ”",
        # The cross-check of 1.4 is named at the row's last cell of that criterion.
        "แถวที่ 7: แผ่นงาน “ข้อมูล facts” ช่อง Q7: "
        "คนตกหล่นที่ได้รับการตรวจสอบและบันทึกในระบบ TPMAP 120 "
        "มากกว่าบุคคลเป้าหมายทั้งหมดจากระบบ TPMAP 100",
        "แถวที่ 7: แผ่นงาน “ข้อมูล facts” ช่อง R7: "
        "เบิกจ่ายแล้วเสร็จทุกกิจกรรมเมื่อ: วันที่ “30/12/2580” อ่านได้เป็น ๓๐ "
        "ธ.ค. ๒๕๘๐ = 30 Dec 2037 ซึ่งห่างจากปีงบประมาณ (๑ ต.ค. ๒๕๖๔ – ๓๐ ก.ย. "
        "๒๕๖๕) เกิน ๑ ปี โปรดตรวจปี พ.ศ./ค.ศ.",
    ]
    assert not Fact.objects.filter(rubric=rubric).exists()


def test_a_cell_outside_the_contest_is_refused_where_it_is(missions, chiang_mai):
    rubric, mae_rim, _ = missions
    book = load_workbook(io.BytesIO(template_bytes(rubric.contest)))
    ws = book[DATA]
    ws.cell(6, 3).value = 5
    ws.append(["9999", "อำเภอที่ไม่มี", 5])  # row 8: not an entrant
    ws.append([mae_rim.code, "แม่ริม", 7])  # row 9: mae_rim's second row
    ws.cell(6, 49).value = "x"  # under no key
    ws.cell(5, 50).value = "done"  # a judged fact: no column of this template
    out = io.BytesIO()
    book.save(out)
    found = refusals(rubric, out.getvalue())
    assert found[0].startswith(
        "แถวที่ 5: แผ่นงาน “ข้อมูล facts” ช่อง AX5: ไม่มีข้อมูล “done” ในแบบฟอร์มของการประกวดนี้ (มี: verified, tpmap_target,"
    )
    assert found[1:] == [
        "แถวที่ 6: แผ่นงาน “ข้อมูล facts” ช่อง AW6: ช่องนี้ไม่อยู่ใต้รหัสข้อมูลใดในแถวที่ 5",
        "แถวที่ 8: แผ่นงาน “ข้อมูล facts” ช่อง A8: “9999” ไม่ใช่ผู้เข้าประกวดนี้",
        f"แถวที่ 9: แผ่นงาน “ข้อมูล facts” ช่อง A9: {mae_rim.code} ซ้ำกับแถวที่ 6",
    ]


def test_an_empty_template_is_refused_with_what_to_do(missions):
    rubric, _, _ = missions
    with pytest.raises(SheetError) as info:
        send(rubric, template_bytes(rubric.contest))
    assert str(info.value).startswith("ไม่มีค่าใดในแบบฟอร์ม (กรอกค่าใต้แถวรหัสข้อมูลแล้วส่งใหม่)")


def test_a_list_of_rows_in_xlsx_is_still_the_plain_import(missions):
    rubric, mae_rim, _ = missions
    from core.sheets.exporter import Table, to_xlsx

    sheet = to_xlsx(Table("facts", ["entrant", "criterion", "fact", "value"], [[mae_rim.code, "2.4", "plots", "8"]]))
    assert send(rubric, sheet).created == 1
    assert stored(rubric, "plots") == {(mae_rim.code, "2.4"): "8"}


# -- a contest with periods: one sheet each, read back all or none ----------------------------------------
@pytest.fixture
def monthly(db, chiang_mai):
    """Seed 003's missions scored twice, in two periods, so the template has data sheets per period."""
    units = [
        DistrictFactory(parent=chiang_mai, dopa_code=f"506{n}", name_th=name)
        for n, name in ((1, "แม่ริม"), (2, "สันทราย"))
    ]
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    periods = [
        {"code": "2565-01", "name_th": "มกราคม ๒๕๖๕", "name_en": "January 2022"},
        {"code": "2565-02", "name_th": "กุมภาพันธ์ ๒๕๖๕", "name_en": "February 2022"},
    ]
    data["contest"] = {
        **data["contest"],
        "slug": "cm-monthly-2565",
        "organiser": "50",
        "entrants": [u.code for u in units],
        "periods": periods,
        "combine": "sum",
    }
    return services.rubric_load(data=data), units


def test_one_sheet_per_period_each_read_into_its_own_period(monthly):
    first, (mae_rim, _) = monthly
    data = template_bytes(first.contest)
    titles = load_workbook(io.BytesIO(data)).sheetnames
    assert titles == ["2565-01 มกราคม ๒๕๖๕", "2565-02 กุมภาพันธ์ ๒๕๖๕", ABOUT]
    assert (
        sheet_rows(data, titles[1])[0][0].startswith("การติดตามภารกิจสำคัญ")
        and "กุมภาพันธ์ ๒๕๖๕" in sheet_rows(data, titles[1])[0][0]
    )
    data = fill(data, {titles[0]: {(mae_rim.code, "plots"): 8}, titles[1]: {(mae_rim.code, "plots"): 9}})
    assert send(first, data).created == 2
    second = first.contest.rubrics.get(period="2565-02")
    assert (stored(first, "plots"), stored(second, "plots")) == (
        {(mae_rim.code, "2.4"): "8"},
        {(mae_rim.code, "2.4"): "9"},
    )


def test_a_bad_cell_in_one_period_keeps_every_period_unwritten(monthly):
    first, (mae_rim, _) = monthly
    titles = load_workbook(io.BytesIO(template_bytes(first.contest))).sheetnames
    data = fill(
        template_bytes(first.contest),
        {titles[0]: {(mae_rim.code, "plots"): 8}, titles[1]: {(mae_rim.code, "plots"): "แปด"}},
    )
    assert refusals(first, data) == ["แถวที่ 6: แผ่นงาน “2565-02 กุมภาพันธ์ ๒๕๖๕” ช่อง Y6: แปลงทั้งหมด ต้องเป็นตัวเลข แต่ได้รับ “แปด”"]
    assert not Fact.objects.filter(rubric__contest=first.contest).exists()


def test_a_sheet_named_for_no_period_is_refused(monthly):
    first, (mae_rim, _) = monthly
    book = load_workbook(
        io.BytesIO(fill(template_bytes(first.contest), {"2565-01 มกราคม ๒๕๖๕": {(mae_rim.code, "plots"): 8}}))
    )
    book["2565-02 กุมภาพันธ์ ๒๕๖๕"].title = "มีนาคม"
    out = io.BytesIO()
    book.save(out)
    assert refusals(first, out.getvalue()) == [
        "แถวที่ 5: แผ่นงาน “มีนาคม” ช่อง A5: "
        "ชื่อแผ่นงานต้องขึ้นต้นด้วยรหัสรอบของการประกวดนี้ (2565-01 มกราคม "
        "๒๕๖๕, 2565-02 กุมภาพันธ์ ๒๕๖๕)"
    ]


def test_a_period_left_blank_is_not_touched_even_when_frozen(monthly, central_user):
    from scoring import snapshots

    first, (mae_rim, _) = monthly
    second = first.contest.rubrics.get(period="2565-02")
    standings_recompute(rubric_id=first.pk)
    snapshots.standings_freeze(user=central_user, rubric=first)
    titles = load_workbook(io.BytesIO(template_bytes(first.contest))).sheetnames
    assert send(first, fill(template_bytes(first.contest), {titles[1]: {(mae_rim.code, "plots"): 9}})).created == 1
    assert stored(second, "plots") == {(mae_rim.code, "2.4"): "9"}
    with pytest.raises(RowsError, match="ผลปี 2565 ตรึงไว้แล้ว"):
        send(first, fill(template_bytes(first.contest), {titles[0]: {(mae_rim.code, "plots"): 9}}))


def test_a_contest_the_panel_scores_entirely_takes_no_data(db, chiang_mai):
    from tests.factories import office_contest

    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    data = template_bytes(rubric.contest)
    rows = sheet_rows(data, DATA)
    assert rows[4] == ["entrant", "name"] and len(rows) == 6
    about = sheet_rows(data, ABOUT)
    assert [None, "ทุกเกณฑ์ให้คะแนนโดยคณะกรรมการ ไม่มีข้อมูลต้องกรอก", "the panel scores every criterion: no data"] in [
        r[:3] for r in about
    ]
    with pytest.raises(SheetError, match="การประกวดนี้ไม่มีข้อมูลที่ต้องกรอก: ทุกเกณฑ์ให้คะแนนโดยคณะกรรมการ"):
        send(rubric, data)


def test_the_command_takes_the_template_too(missions, tmp_path):
    from django.core.management import call_command

    rubric, mae_rim, _ = missions
    path = tmp_path / "filled.xlsx"
    path.write_bytes(fill(template_bytes(rubric.contest), {DATA: {(mae_rim.code, "plots"): 8}}))
    out = io.StringIO()
    call_command("import_facts", str(path), "--contest", "cm-missions-2565", "--dry-run", stdout=out)
    assert out.getvalue().splitlines() == [
        f"  แถว/row 6: {mae_rim.code} 2.4 plots: ∅ → 8",
        "จะ/would สร้าง/create 1, แก้ไข/update 0, ไม่เปลี่ยน/unchanged 0",
    ]
    assert not Fact.objects.filter(rubric=rubric).exists()
    call_command("import_facts", str(path), "--contest", "cm-missions-2565", stdout=io.StringIO())
    assert stored(rubric, "plots") == {(mae_rim.code, "2.4"): "8"}
