"""Pure data checks for contests/data/units.csv (no DB): the shape every load relies on."""

import json
from collections import Counter
from pathlib import Path

import pytest

from contests.units import UNITS_CSV, units_read

PROVINCES_JSON = Path(UNITS_CSV).parent / "provinces.json"


@pytest.fixture(scope="module")
def rows():
    return units_read()


def _counts(rows, width):
    codes = [code for code, _, _ in rows if len(code) == width]
    return len(codes), sum(1 for c in codes if not c.startswith("10"))


def test_exact_counts_by_level(rows):
    assert len(rows) == 8455
    assert _counts(rows, 2) == (77, 76)  # all provinces; without Bangkok
    assert _counts(rows, 4) == (927, 877)  # Bangkok's 50 khet
    assert _counts(rows, 6) == (7451, 7282)  # Bangkok's 169 khwaeng
    assert {len(code) for code, _, _ in rows} == {2, 4, 6}


def test_codes_unique_digits_and_every_parent_present(rows):
    codes = [code for code, _, _ in rows]
    known = set(codes)  # made once: made again for each of the 8,455 codes, it was most of the module's time
    assert len(known) == len(codes) and all(c.isdigit() for c in codes)
    assert [c for c in codes if len(c) > 2 and c[:-2] not in known] == []


def test_names_present_and_unique_under_one_parent(rows):
    assert [code for code, th, en in rows if not th or not en or th != th.strip() or "  " in th] == []
    by_parent = Counter((code[:-2], th) for code, th, _ in rows)
    assert [key for key, n in by_parent.items() if n > 1] == []


def test_the_76_offices_of_provinces_json_are_the_non_bangkok_provinces(rows):
    offices = {p["code"].removeprefix("TH-") for p in json.loads(PROVINCES_JSON.read_text(encoding="utf-8"))}
    assert offices == {code for code, _, _ in rows if len(code) == 2} - {"10"}
