"""A CSV's checks are linear and its table bounded (core.sheets.tabular, core.sheets.limits)."""

import tracemalloc

import pytest

from core.sheets.limits import MAX_CELLS, MAX_COLUMNS
from core.sheets.tabular import SheetError, read_rows


def test_a_header_of_40000_columns_is_refused_at_the_first_row():
    """It took 16 s: the duplicate check counted the whole header once per column."""
    data = (",".join(f"c{i}" for i in range(40_000)) + "\r\n" + "x\r\n").encode()

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.csv")

    assert str(exc.value) == (f"แถวที่ 1: มีข้อมูลถึงคอลัมน์ที่ 40,000 เกิน {MAX_COLUMNS} คอลัมน์ (ลบคอลัมน์ที่ไม่ใช้ออก)")


def test_a_long_row_under_a_short_header_is_refused_where_it_is():
    data = ("province,criterion,fact,value\r\nTH-50,1.1,done,yes\r\n" + "," * MAX_COLUMNS + "\r\n").encode()

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.csv")

    assert str(exc.value).startswith(f"แถวที่ 3: มีข้อมูลถึงคอลัมน์ที่ {MAX_COLUMNS + 1} เกิน {MAX_COLUMNS} คอลัมน์")


def test_a_wide_header_over_many_short_rows_is_refused_before_the_rows_become_dicts():
    """50 named columns over 20,001 one-cell rows: each row would be a 50-key dict (1,000,050 cells)."""
    rows = MAX_CELLS // MAX_COLUMNS + 1
    data = (",".join(f"c{i}" for i in range(MAX_COLUMNS)) + "\r\n" + "x\r\n" * rows).encode()

    tracemalloc.start()
    try:
        with pytest.raises(SheetError) as exc:
            read_rows(data, "facts.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert str(exc.value).startswith(f"ไฟล์มีข้อมูลเกิน {MAX_CELLS:,} ช่อง")
    assert peak < 12 * 1024 * 1024  # the dicts alone would hold ~100 MB


def test_a_repeated_header_is_named_once_in_the_sheet_s_order():
    data = b"value,province,criterion,fact,Province,Value\r\nTH-50,1.1,done,yes,x,y\r\n"

    with pytest.raises(SheetError) as exc:
        read_rows(data, "facts.csv")

    assert str(exc.value) == "หัวตารางซ้ำ: value"
