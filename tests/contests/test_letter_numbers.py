"""A provincial office's letters are numbered by its province's abbreviation (pure data, no database)."""

import json
from pathlib import Path

from contests.letter_numbers import ABBREVIATIONS, letter_example
from contests.models import Unit

PROVINCES = Path(__file__).resolve().parents[2] / "contests" / "data" / "provinces.json"


def test_every_province_has_its_own_two_letter_abbreviation():
    codes = [p["code"] for p in json.loads(PROVINCES.read_text(encoding="utf-8"))]
    assert sorted(ABBREVIATIONS) == sorted(codes)
    assert len(set(ABBREVIATIONS.values())) == 76
    assert all(len(a) == 2 and all("\u0e01" <= ch <= "\u0e2e" for ch in a) for a in ABBREVIATIONS.values())


def test_an_office_letters_example_is_numbered_as_the_seeds_letters_are():
    """Seed 003's "นค ๐๐๑๙.๒/ว ๖๐๗" (Nong Khai), seed 004's "อบ ๐๐๑๙/ว ๕๙๙" (Ubon Ratchathani)."""
    assert letter_example(Unit(code="TH-43")) == "นค 0019/ว 1234"
    assert letter_example(Unit(code="TH-34")) == "อบ 0019/ว 1234"
    assert letter_example(Unit(code="TH-50")) == "ชม 0019/ว 1234"
    assert letter_example(Unit(code="5001")) == ""  # a district: its numbering is not known here
