"""Pure data checks for contests/data/provinces.json (no DB, no Django)."""
# rename-fields: leave (the national dataset of the 76 provinces)

import json
import re
from collections import Counter
from pathlib import Path

import pytest

DATA_PATH = Path(__file__).resolve().parents[2] / "contests" / "data" / "provinces.json"
THAI_RE = re.compile(r"^[\u0E00-\u0E7F]+$")
CODE_RE = re.compile(r"^TH-\d{2}$")
KEYS = {"code", "name_th", "name_en", "size_group", "region", "aliases_th"}


@pytest.fixture(scope="module")
def provinces():
    with DATA_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def by_code(provinces):
    return {p["code"]: p for p in provinces}


def test_count_and_keys(provinces):
    assert len(provinces) == 76
    for p in provinces:
        assert set(p) == KEYS, p


def test_codes_unique_sorted_and_no_bangkok(provinces):
    codes = [p["code"] for p in provinces]
    assert len(set(codes)) == 76
    assert codes == sorted(codes)
    assert "TH-10" not in codes
    assert all(CODE_RE.match(c) for c in codes)


def test_names_unique_and_non_empty(provinces):
    th = [p["name_th"] for p in provinces]
    en = [p["name_en"] for p in provinces]
    assert len(set(th)) == 76
    assert len(set(en)) == 76
    assert "กรุงเทพมหานคร" not in th
    for p in provinces:
        assert THAI_RE.match(p["name_th"]), p["name_th"]
        assert p["name_en"].strip() and p["name_en"].isascii(), p["name_en"]
        assert isinstance(p["aliases_th"], list)
        for alias in p["aliases_th"]:
            assert THAI_RE.match(alias), alias
            assert alias != p["name_th"]


def test_aliases_do_not_collide(provinces):
    all_names = [p["name_th"] for p in provinces]
    all_names += [a for p in provinces for a in p["aliases_th"]]
    dupes = [n for n, c in Counter(all_names).items() if c > 1]
    assert not dupes


def test_size_group_counts(provinces):
    counts = Counter(p["size_group"] for p in provinces)
    assert counts == {"small": 17, "medium": 36, "large": 23}


def test_region_counts(provinces):
    counts = Counter(p["region"] for p in provinces)
    assert counts == {
        "north": 9,
        "northeast": 20,
        "central": 21,
        "east": 7,
        "west": 5,
        "south": 14,
    }


@pytest.mark.parametrize(
    ("code", "name_th", "name_en", "size_group", "region"),
    [
        ("TH-50", "เชียงใหม่", "Chiang Mai", "large", "north"),
        ("TH-83", "ภูเก็ต", "Phuket", "small", "south"),
        ("TH-41", "อุดรธานี", "Udon Thani", "large", "northeast"),
        ("TH-38", "บึงกาฬ", "Bueng Kan", "small", "northeast"),
        ("TH-11", "สมุทรปราการ", "Samut Prakan", "large", "central"),
        ("TH-96", "นราธิวาส", "Narathiwat", "medium", "south"),
        ("TH-14", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya", "medium", "central"),
        ("TH-39", "หนองบัวลำภู", "Nong Bua Lam Phu", "medium", "northeast"),
        ("TH-63", "ตาก", "Tak", "medium", "west"),
        ("TH-58", "แม่ฮ่องสอน", "Mae Hong Son", "small", "north"),
        ("TH-20", "ชลบุรี", "Chon Buri", "large", "east"),
    ],
)
def test_spot_checks(by_code, code, name_th, name_en, size_group, region):
    p = by_code[code]
    assert p["name_th"] == name_th
    assert p["name_en"] == name_en
    assert p["size_group"] == size_group
    assert p["region"] == region


def test_seed_misspelling_aliases(by_code):
    assert "อุตรธานี" in by_code["TH-41"]["aliases_th"]
    assert {"กรุงศรีอยุธยา", "อยุธยา"} <= set(by_code["TH-14"]["aliases_th"])
