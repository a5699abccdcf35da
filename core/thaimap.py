"""The one map of Thailand and the one award palette, for the dashboard and the PDF alike.

Source: static/scoring/vendor/svg-maps-thailand/thailand.json, @svg-maps/thailand 2.0.0 by Tae Noppakun
Wongsrinoppakun (CC BY 4.0; LICENSE.md and CREDIT.txt beside it), outlines keyed by ISO 3166-2 code.
Bangkok (no provincial office) and Lake Songkhla are drawn but never coloured.
"""

from __future__ import annotations

import json
from functools import cache

from django.conf import settings
from django.utils.html import escape

MAP_FILE = settings.BASE_DIR / "static" / "scoring" / "vendor" / "svg-maps-thailand" / "thailand.json"
CREDIT = "แผนที่: @svg-maps/thailand โดย Tae Noppakun Wongsrinoppakun (CC BY 4.0)"
# By tier order (winner first): gold, silver, bronze, then the honourable mention; printable in colour
# and still distinct in greyscale. The dashboard's legend and map and the PDF's map all read it.
PALETTE = ("#d4a017", "#a8a9ad", "#b0703c", "#5a9e6f", "#4a8fcf", "#c27ba0")
NO_AWARD = "#e4e4e4"
NOT_A_PROVINCE = "#d9d9d9"
WATER = "#ffffff"
LABEL = "แผนที่ประเทศไทยแสดงจังหวัดที่ได้รับรางวัล"
# The map file names its shapes in English; a Thai page names them in Thai (the rest come from the units).
OTHER_TH = {"Bangkok": "กรุงเทพมหานคร", "Lake Songkha": "ทะเลสาบสงขลา"}


@cache
def thailand_map() -> dict:
    """{"viewBox", "provinces": [{"code", "name", "d"}], "other": [...]}; read once per process."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def tier_colours(tier_codes: list[str]) -> dict[str, str]:
    """Tier code → colour, by the tiers' order in the rubric."""
    return {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(tier_codes)}


def map_svg(*, fills: dict[str, str], names: dict[str, str] | None = None, height: str = "100%") -> str:
    """Inline SVG markup for documents: each province (by ISO code) in its fill, the rest light grey; each
    shape titled by `names` (code → Thai name) where given, else by the map file's name."""
    data = thailand_map()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{data["viewBox"]}" height="{height}" '
        f'role="img" aria-label="{LABEL}"><title>{LABEL}</title>'  # the title is a tagged PDF's /Alt (WeasyPrint)
    ]
    shapes = [(p, fills.get(p["code"], NO_AWARD)) for p in data["provinces"]]
    shapes += [(o, NOT_A_PROVINCE if o.get("code") else WATER) for o in data["other"]]
    for shape, fill in shapes:
        parts.append(
            f'<path d="{shape["d"]}" fill="{fill}" stroke="#555" stroke-width="0.6">'
            f"<title>{escape(_title(shape, names))}</title></path>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _title(shape: dict, names: dict[str, str] | None) -> str:
    if names is None:
        return shape["name"]
    return names.get(shape.get("code", "")) or OTHER_TH.get(shape["name"], shape["name"])
