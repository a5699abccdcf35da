"""An XLSX is read in bounded memory; a hostile sheet is refused before it costs any.

The sheets are written by hand (openpyxl would write an honest one): a cell in column XFD on each row,
a dimension claiming the whole grid, parts that unzip to far more than the file's size.
"""

import io
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from core.sheets.limits import MAX_COLUMNS, MAX_UNZIPPED_BYTES
from core.sheets.tabular import SheetError, read_rows

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEAD = ("province", "criterion", "fact", "value")
ROW = ("TH-50", "3.3", "computers_total", "40")


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def sheet(rows: list[str], dimension: str | None = None) -> str:
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{NS}">{declared}<sheetData>{"".join(rows)}</sheetData></worksheet>'


def row(n: int, values=ROW, extra: str = "") -> str:
    return (
        f'<row r="{n}">' + "".join(text(f"{c}{n}", v) for c, v in zip("ABCD", values, strict=True)) + extra + "</row>"
    )


def workbook(sheet_xml: str) -> bytes:
    """A real workbook from openpyxl with its first sheet's XML replaced."""
    plain = io.BytesIO()
    Workbook().save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = sheet_xml.encode() if name == "xl/worksheets/sheet1.xml" else src.read(name)
            dst.writestr(name, data)
    return out.getvalue()


def peak_of(work) -> tuple[object, int]:
    """What `work()` returned or raised, and the most memory it held at once (bytes)."""
    tracemalloc.start()
    try:
        result = work()
    except SheetError as exc:
        result = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, peak


MB = 1024 * 1024
XFD_ROWS = 300  # the old reader padded each to 16,384 cells: ~100 MB here, 2.4 GB in the report


def test_a_value_in_column_xfd_on_each_row_is_refused_at_the_first_in_bounded_memory():
    rows = [row(1, HEAD)] + [row(n, extra=text(f"XFD{n}", "x")) for n in range(2, XFD_ROWS + 2)]
    data = workbook(sheet(rows))  # no <dimension>: nothing declared, so only the reading can catch it

    refusal, peak = peak_of(lambda: read_rows(data, "facts.xlsx"))

    assert str(refusal) == (f"แถวที่ 2: มีข้อมูลถึงคอลัมน์ที่ 16,384 เกิน {MAX_COLUMNS} คอลัมน์ (ลบคอลัมน์ที่ไม่ใช้ออก)")
    assert peak < 8 * MB


def test_formatted_empty_cells_far_right_cost_nothing():
    """Excel writes a formatted empty cell as `<c r="XFD7" s="1"/>`: read past, never padded up to."""
    rows = [row(1, HEAD)] + [row(n, extra=f'<c r="XFD{n}" s="0"/>') for n in range(2, XFD_ROWS + 2)]
    data = workbook(sheet(rows))

    table, peak = peak_of(lambda: read_rows(data, "facts.xlsx", required=HEAD))

    assert (len(table), table[0], table.header) == (XFD_ROWS, dict(zip(HEAD, ROW, strict=True)), list(HEAD))
    assert peak < 8 * MB


def test_a_declared_dimension_past_the_limits_is_refused_before_any_row_is_read():
    rows = [row(1, HEAD)] + [row(n, extra=text(f"XFD{n}", "x")) for n in range(2, XFD_ROWS + 2)]
    data = workbook(sheet(rows, dimension=f"A1:XFD{XFD_ROWS + 1}"))

    refusal, peak = peak_of(lambda: read_rows(data, "facts.xlsx"))

    assert str(refusal).startswith(f"แถวที่ 1: มีข้อมูลถึงคอลัมน์ที่ 16,384 เกิน {MAX_COLUMNS} คอลัมน์")
    assert peak < 8 * MB


@pytest.mark.parametrize(
    ("dimension", "refusal"),
    [
        ("A1:D1048576", "ไฟล์มีข้อมูลเกิน 50,000 แถว (แบ่งเป็นหลายไฟล์)"),
        ("A1:AX40000", "ไฟล์มีข้อมูลเกิน 1,000,000 ช่อง (แบ่งเป็นหลายไฟล์ หรือลบคอลัมน์ที่ไม่ใช้)"),
    ],
    ids=["rows", "cells"],
)
def test_a_declared_grid_too_long_or_too_large_is_refused(dimension, refusal):
    data = workbook(sheet([row(1, HEAD), row(2)], dimension=dimension))

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.xlsx")

    assert str(exc.value).startswith(refusal)


def test_a_value_on_the_last_row_of_the_grid_is_refused_without_building_the_rows_between():
    data = workbook(sheet([row(1, HEAD), row(1_048_576)]))

    refusal, peak = peak_of(lambda: read_rows(data, "facts.xlsx"))

    assert str(refusal).startswith("ไฟล์มีข้อมูลเกิน 50,000 แถว")
    assert peak < 8 * MB


def test_parts_that_unzip_past_the_limit_are_refused_unread():
    padding = " " * (MAX_UNZIPPED_BYTES + 1)  # compresses to a few dozen KB
    data = workbook(sheet([row(1, HEAD), row(2)]).replace("<sheetData>", padding + "<sheetData>"))
    assert len(data) < 200_000

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.xlsx")

    assert str(exc.value) == ("ไฟล์ XLSX เมื่อแตกไฟล์แล้วใหญ่เกิน 40 MB (แบ่งเป็นหลายไฟล์ หรือส่งเป็น CSV UTF-8)")


def test_a_cell_stuffed_with_elements_is_refused():
    runs = "<r><t>a</t></r>" * 600  # rich-text runs: each is two elements
    data = workbook(sheet([row(1, HEAD), f'<row r="2"><c r="A2" t="inlineStr"><is>{runs}</is></c></row>']))

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.xlsx")

    assert str(exc.value) == ("ไฟล์ XLSX เสียหาย เปิดไม่ได้")


def test_rows_out_of_order_are_refused():
    data = workbook(sheet([row(1, HEAD), row(3), row(2)]))

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.xlsx")

    assert str(exc.value) == "ไฟล์ XLSX เสียหาย เปิดไม่ได้"


def test_blank_rows_keep_the_numbering_and_a_late_formula_needs_its_saved_value():
    formula = '<row r="5"><c r="A5"><f>1+1</f></c></row>'
    data = workbook(sheet([row(1, HEAD), row(3), formula]))

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.xlsx")

    assert str(exc.value).startswith("แถวที่ 5: ช่อง A5 เป็นสูตรที่ยังไม่มีผลลัพธ์")
    table = read_rows(workbook(sheet([row(1, HEAD), row(3)])), "facts.xlsx")
    assert table == [{"province": "", "criterion": "", "fact": "", "value": ""}, dict(zip(HEAD, ROW, strict=True))]


def _book(*sheets: tuple[str, list[list]]) -> bytes:
    book = Workbook()
    for n, (title, rows) in enumerate(sheets):
        ws = book.active if n == 0 else book.create_sheet()
        ws.title = title
        for r in rows:
            ws.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_every_sheet_is_read_with_its_name_for_a_template_of_periods():
    from core.sheets.xlsx import xlsx_sheets

    data = _book(("2568-04 เมษายน", [["entrant", "name"], ["3401", None, 5]]), ("คำอธิบาย", [[None], ["ข้อมูล"]]))
    assert xlsx_sheets(data) == [
        ("2568-04 เมษายน", [["entrant", "name"], ["3401", None, 5]]),
        ("คำอธิบาย", [[], ["ข้อมูล"]]),
    ]


def test_too_many_sheets_or_too_many_values_across_them_are_refused(monkeypatch):
    from core.sheets import limits as sheet_limits
    from core.sheets.xlsx import xlsx_sheets

    many = _book(*[(f"s{n}", [["x"]]) for n in range(sheet_limits.MAX_SHEETS + 1)])
    with pytest.raises(
        SheetError, match=f"ไฟล์ XLSX มี {sheet_limits.MAX_SHEETS + 1} แผ่นงาน เกิน {sheet_limits.MAX_SHEETS}"
    ):
        xlsx_sheets(many)
    monkeypatch.setattr(sheet_limits, "MAX_CELLS", 5)
    with pytest.raises(SheetError, match="ไฟล์มีข้อมูลเกิน 5 ช่อง"):
        xlsx_sheets(_book(("a", [[1, 2, 3]]), ("b", [[4, 5, 6]])))  # 3 each, 6 in the book
