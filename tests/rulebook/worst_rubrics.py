"""The worst rubric files of at most 2 MB we could make, each aimed at one cost of reading a rubric file
(bench/rubric_worst.py times them; tests/rubrics/test_rubric_worst.py holds their CPU time down). Plain JSON bytes,
made without a database from the shipped rubrics."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MOST_BYTES = 2 * 1024 * 1024  # CDD4_IMPORT_LIMITS_MB["rubric"]
MOST_CRITERIA = 500  # rulebook.spec.MAX_CRITERIA
MOST_PERIODS = 60  # rubrics.contest_spec.MOST_PERIODS


def shipped(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "rubrics" / "rubric_files" / f"{name}.json").read_text(encoding="utf-8"))


def _bytes(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _filled(data: dict[str, Any], grow: Callable[[dict[str, Any], int], None]) -> bytes:
    """`data` with `grow(data, n)` adding n of something, as many as keep the file within 2 MB: the size grows
    by the same bytes with each one, so two sizes give n, a few steps down make it fit."""

    def size(n: int) -> int:
        trial = copy.deepcopy(data)
        grow(trial, n)
        return len(_bytes(trial))

    empty, hundred = size(0), size(100)
    each = max((hundred - empty) / 100, 1)
    n = int((MOST_BYTES - empty) / each)
    while (over := size(n) - MOST_BYTES) > 0:
        n -= int(over / each) + 1
    grow(data, n)
    return _bytes(data)


def _office(criteria: int) -> dict[str, Any]:
    """Chonburi's website contest with `criteria` criteria of one point each, in one dimension."""
    data = shipped("chonburi-web-2564")
    first = data["dimensions"][0]["criteria"][0]
    rows = [
        {**first, "code": f"1.{i}", "max_points": "1", "rule": {"kind": "points"}, "evidence_th": "", "evidence_en": ""}
        for i in range(1, criteria + 1)
    ]
    data["dimensions"] = [{**data["dimensions"][0], "max_points": str(criteria), "criteria": rows}]
    data["total_points"] = str(criteria)
    return data


SERIES = {"label_th": "รายงาน", "day": 15, "from": "0001-01", "to": "9999-12"}


def series() -> bytes:
    """One criterion whose rounds are monthly series over every year a date may have."""
    data = _office(1)

    def grow(d: dict[str, Any], n: int) -> None:
        d["dimensions"][0]["criteria"][0]["rounds"] = [SERIES] * n

    return _filled(data, grow)


def series_capped() -> bytes:
    """The most criteria, each with 24 series of 24 months inside its contest's window."""
    data = _office(MOST_CRITERIA)
    inside = [{**SERIES, "from": "2020-10", "to": "2022-09"}] * 24
    for criterion in data["dimensions"][0]["criteria"]:
        criterion["rounds"] = inside
    return _bytes(data)


def periods() -> bytes:
    """The most criteria, and periods that each give one criterion a rule of its own."""
    data = _office(MOST_CRITERIA)

    def grow(d: dict[str, Any], n: int) -> None:
        own = {"1.1": {"rule": {"kind": "points"}}}
        d["contest"]["periods"] = [{"code": f"p{i}", "criteria": own} for i in range(n)]

    return _filled(data, grow)


def dimensions() -> bytes:
    """Dimensions without criteria, named again by the tie-break."""
    data = _office(1)

    def grow(d: dict[str, Any], n: int) -> None:
        d["dimensions"] = d["dimensions"][:1] + [{"code": f"D{i}", "name_th": "x", "criteria": []} for i in range(n)]
        d["tie_break"] = [f"D{i}" for i in range(n)]

    return _filled(data, grow)


def awards() -> bytes:
    data = _office(1)
    tier = data["awards"][0]

    def grow(d: dict[str, Any], n: int) -> None:
        d["awards"] = [{**tier, "code": f"a{i}"} for i in range(n)]

    return _filled(data, grow)


def rules() -> bytes:
    """The most criteria, each one of the national rubric's with the lists of its rule as long as fit."""
    national = [c for d in shipped("2566")["dimensions"] for c in d["criteria"]]
    data = _office(MOST_CRITERIA)
    chosen = [national[i % len(national)] for i in range(MOST_CRITERIA)]
    data["dimensions"][0]["criteria"] = [
        {**c, "code": f"1.{i}", "deadline": None, "rounds": []} for i, c in enumerate(chosen, 1)
    ]
    total = sum(Decimal(c["max_points"]) for c in chosen)
    data["dimensions"][0]["max_points"] = data["total_points"] = str(total)

    def grow(d: dict[str, Any], n: int) -> None:
        for criterion, source in zip(d["dimensions"][0]["criteria"], chosen, strict=True):
            rule = copy.deepcopy(source["rule"])
            for key, value in rule.items():
                if isinstance(value, list) and value:
                    rule[key] = (value * (n // len(value) + 1))[:n]
            criterion["rule"] = rule

    return _filled(data, grow)


def rules_in_periods() -> bytes:
    """`rules`' criteria as small as they come, and the most periods, each giving every criterion its own rule:
    each period's rubric is read again whole."""
    national = [c for d in shipped("2566")["dimensions"] for c in d["criteria"]]
    data = _office(1)
    chosen = [national[i % len(national)] for i in range(MOST_CRITERIA)]
    data["dimensions"][0]["criteria"] = [
        {**c, "code": f"1.{i}", "deadline": None, "rounds": [], "evidence_th": "", "evidence_en": ""}
        for i, c in enumerate(chosen, 1)
    ]
    total = sum(Decimal(c["max_points"]) for c in chosen)
    data["dimensions"][0]["max_points"] = data["total_points"] = str(total)
    own = {f"1.{i}": {"rule": c["rule"]} for i, c in enumerate(chosen, 1) if i <= 40}

    def grow(d: dict[str, Any], n: int) -> None:
        d["contest"]["periods"] = [{"code": f"p{i}", "criteria": own} for i in range(min(n, MOST_PERIODS))]

    return _filled(data, grow)


WORST: dict[str, Callable[[], bytes]] = {
    "series": series,
    "series_capped": series_capped,
    "periods": periods,
    "dimensions": dimensions,
    "awards": awards,
    "rules": rules,
    "rules_in_periods": rules_in_periods,
}
