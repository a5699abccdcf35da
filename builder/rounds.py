"""A criterion's rounds in boxes (rulebook.rounds): each round a row of its names and its date, or a monthly
series (the day of the month, from and to), instead of JSON typed by hand.

The rows are posted as lists (`{prefix}round_label_th`, …), as the level bands are (builder/bands.py); a row
left blank is no round. What the rows cannot hold stays in the criterion's JSON box as written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.datastructures import MultiValueDict

from core.numbers import whole
from rulebook.dates import DateInputError, be_date, parse_date
from rulebook.rounds import MOST, RoundsError, rounds_of

KEYS = ("label_th", "label_en", "due", "day", "from", "to")
ONE = frozenset({"label_th", "due"})
SERIES = frozenset({"label_th", "day", "from", "to"})


def _fits(entry: Any) -> bool:
    """One round or one series, with nothing the rows have no box for."""
    if not isinstance(entry, dict) or not isinstance(entry.get("label_th"), str):
        return False
    if not isinstance(entry.get("label_en", ""), str):
        return False
    keys = set(entry) - {"label_en"}
    if keys == ONE:
        return isinstance(entry["due"], str)
    if keys == SERIES:
        day = entry["day"]
        return type(day) is int and isinstance(entry["from"], str) and isinstance(entry["to"], str)
    return False


def rounds_to_form(rounds: Any, prefix: str, form: MultiValueDict) -> bool:
    """Puts the rounds in their rows; False (and nothing put) when some entry does not fit them."""
    if not isinstance(rounds, list) or not rounds or not all(_fits(e) for e in rounds):
        return False
    for key in KEYS:
        values = [e.get(key, "") for e in rounds]
        if key == "due":
            values = [be_date(v) if v else "" for v in values]
        form.setlist(f"{prefix}round_{key}", [str(v) for v in values])
    return True


def _entry(row: dict[str, str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"label_th": row["label_th"]}
    if row["label_en"]:
        entry["label_en"] = row["label_en"]
    if row["due"] or not (row["day"] or row["from"] or row["to"]):
        try:
            entry["due"] = parse_date(row["due"]).isoformat()
        except DateInputError:
            entry["due"] = row["due"]  # refused below, with the round's number
        return entry
    entry["day"] = whole(row["day"]) or row["day"]
    entry["from"], entry["to"] = row["from"], row["to"]
    return entry


def rounds_from_form(
    post: MultiValueDict, prefix: str, window: tuple | None, refuse: Callable[[str, str], None]
) -> list[dict[str, Any]]:
    """The rounds typed, blank rows left out; what rulebook.rounds refuses is said beside them, Thai first.
    Rows past one more than a criterion may have are not read: rulebook.rounds refuses the count as it is."""
    columns = [post.getlist(f"{prefix}round_{key}") for key in KEYS]
    found: list[dict[str, Any]] = []
    for values in zip(*columns, strict=False):
        row = dict(zip(KEYS, (v.strip() for v in values), strict=True))
        if any(row.values()):
            found.append(_entry(row))
        if len(found) > MOST:
            break
    try:
        rounds_of(found, window)
    except RoundsError as error:
        for th, en in error.problems:
            refuse(f"{prefix}rounds", f"{th} / {en}")
    return found


def round_rows(post: MultiValueDict, prefix: str) -> list[tuple[str, ...]]:
    """The rows the page shows: each round typed, then a blank one to type the next into."""
    rows = list(zip(*(post.getlist(f"{prefix}round_{key}") for key in KEYS), strict=False))
    return [*rows, ("",) * len(KEYS)]
