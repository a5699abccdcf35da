"""Thailand coloured by award tier, from static/awards/thailand.svg (@svg-maps/thailand, CC BY 4.0).

The SVG names provinces in English; its one spelling that differs from ours is mapped below.
Bangkok (no provincial office) and Lake Songkhla are drawn but never coloured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape

SVG_PATH = Path(settings.BASE_DIR) / "static" / "awards" / "thailand.svg"
CREDIT = "แผนที่: @svg-maps/thailand โดย Tae Noppakun Wongsrinoppakun (CC BY 4.0)"
SPELLING = {"Buriram": "Buri Ram"}
NOT_A_PROVINCE = {"Bangkok", "Lake Songkha"}
# By tier order (winner first); printable in colour and still distinct in greyscale.
PALETTE = ["#b8860b", "#6d7b8d", "#a0522d", "#4a8fcf", "#7bb661", "#c27ba0"]
NO_AWARD = "#ececec"
WATER = "#ffffff"
_PATH = re.compile(r'<path\s+id="([^"]+)"\s+aria-label="([^"]+)"\s+d="([^"]+)"', re.S)
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


@dataclass(frozen=True)
class Shape:
    svg_id: str
    name_en: str
    d: str


@cache
def shapes() -> tuple[str, tuple[Shape, ...]]:
    text = SVG_PATH.read_text(encoding="utf-8")
    view_box = _VIEWBOX.search(text).group(1)
    found = tuple(Shape(i, SPELLING.get(n, n), " ".join(d.split())) for i, n, d in _PATH.findall(text))
    return view_box, found


def tier_colours(tier_codes: list[str]) -> dict[str, str]:
    return {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(tier_codes)}


def map_svg(*, awards_by_name_en: dict[str, str], colours: dict[str, str], height: str = "100%") -> str:
    """Inline SVG markup: each province filled with its tier's colour, the rest light grey."""
    view_box, found = shapes()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" height="{height}" '
        'role="img" aria-label="แผนที่ประเทศไทยแสดงจังหวัดที่ได้รับรางวัล / Thailand by award">'
    ]
    for shape in found:
        if shape.name_en == "Lake Songkha":
            fill = WATER
        elif shape.name_en in NOT_A_PROVINCE:
            fill = "#d9d9d9"
        else:
            fill = colours.get(awards_by_name_en.get(shape.name_en, ""), NO_AWARD)
        parts.append(
            f'<path d="{shape.d}" fill="{fill}" stroke="#555" stroke-width="0.6">'
            f"<title>{escape(shape.name_en)}</title></path>"
        )
    parts.append("</svg>")
    return "".join(parts)
