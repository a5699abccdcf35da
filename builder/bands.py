"""Level bands in boxes: a rubric's or a dimension's `level_bands` ("๐–๒๒ → ๑ … ๘๙–๑๑๐ → ๕",
seed 003's missions) as rows of three boxes, from, to and level, instead of JSON typed by hand.

The rows are posted as lists (`{prefix}band_min`, `…band_max`, `…band_level`), so the page may add a row by
copying one, with no numbering to keep; a row left blank is no band. rulebook.spec checks the bands."""

from __future__ import annotations

from typing import Any

from django.utils.datastructures import MultiValueDict

from core.numbers import whole

KEYS = ("min", "max", "level")


def bands_to_form(bands: Any, prefix: str, form: MultiValueDict) -> bool:
    """Puts the bands in their boxes; False (and nothing put) when they are not rows of exactly from, to and
    level, which then stay in the JSON box as written, to be refused there with their reason."""
    if not isinstance(bands, list) or not bands:
        return False
    if not all(isinstance(b, dict) and set(b) == set(KEYS) for b in bands):
        return False
    for key in KEYS:
        form.setlist(f"{prefix}band_{key}", [str(b[key]) for b in bands])
    return True


def bands_from_form(post: MultiValueDict, prefix: str) -> list[dict[str, Any]]:
    """The bands typed, blank rows left out; a level is a whole number as the format writes it."""
    columns = [post.getlist(f"{prefix}band_{key}") for key in KEYS]
    found = []
    for low, high, level in zip(*columns, strict=False):
        low, high, level = low.strip(), high.strip(), level.strip()
        if low or high or level:
            found.append({"min": low, "max": high, "level": level if (number := whole(level)) is None else number})
    return found


def band_rows(post: MultiValueDict, prefix: str) -> list[tuple[str, str, str]]:
    """The rows the page shows: each band typed, then a blank one to type the next into."""
    rows = list(zip(*(post.getlist(f"{prefix}band_{key}") for key in KEYS), strict=False))
    return [*rows, ("", "", "")]
