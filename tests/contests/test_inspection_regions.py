"""The 18 inspection regions (เขตตรวจราชการ) as data: every provincial CDD office in exactly one region.
Which region is right is not tested here: the mapping is unverified (contests/data/INSPECTION-REGIONS-SOURCE.md)."""

import json
from collections import Counter

from contests.regions import DATA, inspection_regions, region_of


def test_eighteen_regions_cover_the_76_provinces_once():
    units = {p["code"] for p in json.load(open("contests/data/provinces.json", encoding="utf-8"))}
    seen = Counter(code for region in inspection_regions() for code in region.provinces)
    assert [r.number for r in inspection_regions()] == list(range(1, 19))
    assert set(seen) == units and len(units) == 76
    assert max(seen.values()) == 1


def test_the_file_says_it_is_unverified_and_where_to_read_why():
    assert "UNVERIFIED" in json.loads(DATA.read_text(encoding="utf-8"))["source"]
    assert "Not verified against the order itself" in (DATA.parent / "INSPECTION-REGIONS-SOURCE.md").read_text()


def test_a_province_is_found_and_bangkok_is_in_none():
    assert region_of("TH-50").name_th == "เขตตรวจราชการที่ 15"
    assert region_of("TH-10") is None
