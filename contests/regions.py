"""The 18 inspection regions (เขตตรวจราชการ): which region a province is in, read from
`contests/data/inspection_regions.json` (its source and how far it was verified: INSPECTION-REGIONS-SOURCE.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "inspection_regions.json"


@dataclass(frozen=True)
class InspectionRegion:
    number: int
    name_th: str
    name_en: str
    provinces: tuple[str, ...]  # ISO 3166-2:TH codes


@cache
def inspection_regions() -> tuple[InspectionRegion, ...]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        InspectionRegion(r["number"], r["name_th"], r["name_en"], tuple(r["provinces"])) for r in data["regions"]
    )


@cache
def _by_province() -> dict[str, InspectionRegion]:
    return {code: region for region in inspection_regions() for code in region.provinces}


def region_of(province_code: str) -> InspectionRegion | None:
    """The inspection region of a province (ISO code, "TH-50"); None for Bangkok, which has no CDD office."""
    return _by_province().get(province_code)
