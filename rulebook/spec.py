"""Reads a rubric: parses and validates the JSON of docs/rubric-format.md into rulebook.rubric's shapes.

Central staff will type next year's rubric themselves, so parse_rubric collects *every*
problem (not just the first) and names where it is, Thai first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any

from core.errors import MAX_SHOWN, PortalError, in_language, more_than_shown
from core.i18n import Text, format_lazy, gettext_lazy, lazy
from core.thai import fmt_points
from rulebook.dates import FISCAL_YEARS, DateInputError, check_window, fiscal_year
from rulebook.rounds import Round, RoundsError, rounds_of
from rulebook.rubric import (
    CLOSED_DAY,
    CLOSED_DAY_MOVES,
    AwardSpec,
    CriterionSpec,
    DimensionSpec,
    LevelBand,
    RubricSpec,
    fact_columns,
)
from rulebook.rules import RuleError, build_rule
from rulebook.rules.errors import NOWHERE, Label, Problem, Where
from rulebook.rules.fields import Reader
from rulebook.rules.values import DEFAULT_ROUNDING, ROUNDING_MODES, Rounding


def _lines(found: list[Problem]) -> str:
    return "\n".join(p.shown for p in found)


_shown_lines = lazy(_lines, str)  # each problem in the page's language, one a line


class RubricError(PortalError):
    """Every problem of a rubric file: `problems` each with where it is (`Where`: the dimension's and criterion's
    codes, an award, a period, the key or the rule's parameter and row) and what, Thai and English, so a page
    puts each beside its box without reading its text; `messages` the same as the lines the portal prints
    ("เกณฑ์ 1.2: … / Criterion 1.2: …"). A refusal about nothing in particular may be given as such a line."""

    code = "rubric"

    def __init__(self, problems: Sequence[Problem | Text]) -> None:
        found = [p if isinstance(p, Problem) else Problem.said(p) for p in problems]
        if len(found) > MAX_SHOWN:  # the first few, and how many more
            more = more_than_shown(len(found) - MAX_SHOWN)
            found = [*found[:MAX_SHOWN], Problem(NOWHERE, in_language(more, "th"), in_language(more, "en"))]
        self.problems = found
        self.messages = [p.shown for p in found]  # each in the language of the request that raised it
        th, en = found[0].lines() if found else ("", "")
        super().__init__(th, en, text=_shown_lines(found))


def _shared_facts(r: Reader, criteria: list[CriterionSpec]) -> None:
    """A fact name is one value across the rubric (typed once on the template): criteria that share one must
    name it, with the same name and unit, so two different dates never share a kind's default name."""
    for column in fact_columns(criteria):
        if len(column.criteria) < 2:
            continue
        rules = [c.rule for c in column.criteria]
        named = all(rule.names(column.name) for rule in rules)
        if named and len({(rule.label(column.name), rule.unit(column.name)) for rule in rules}) == 1:
            continue
        codes = ", ".join(c.code for c in column.criteria)
        r.fail(
            RUBRIC,
            f"ข้อมูล “{column.name}” ใช้ในเกณฑ์ {codes}: ชื่อข้อมูลเดียวกันคือค่าเดียวกัน (กรอกช่องเดียวในแบบฟอร์ม)"
            " จึงต้องมีชื่อและหน่วยใน labels ตรงกันทุกเกณฑ์ ถ้าเป็นคนละค่าให้ตั้งชื่อข้อมูลต่างกัน",
            f"fact “{column.name}” is read by criteria {codes}: one name is one value (one cell of the fact"
            " template), so its labels (name and unit) must match in each; name the facts apart if they differ",
        )


RUBRIC = Where("เกณฑ์การประเมิน", "Rubric")
# The largest rubric so far has 25 criteria; each one is a few rows to write and to recompute.
MAX_CRITERIA = 500
# The columns' sizes, which PostgreSQL enforces: Dimension.code and Criterion.code hold 10 characters,
# AwardTier.code 30.
CODE_MAX, AWARD_CODE_MAX = 10, 30
NUMBER_MAX = 20  # Criterion.number
NAME_MAX, AWARD_NAME_MAX = 300, 200  # Rubric, Dimension names; AwardTier names (prize texts: 300)
POINTS_MAX, PRIZE_MAX = Decimal("99999.99"), Decimal("99999999.99")  # DecimalField(7, 2), (10, 2)
COUNT_MAX = 32767  # AwardTier.count, a PositiveSmallIntegerField
MOST_AWARDS = 100  # award tiers of a rubric: the national one has 4


def _criterion(
    r: Reader, data: Mapping[str, Any], dim: str, i: int, window: tuple[date, date] | None, rounding: Rounding
) -> CriterionSpec | None:
    code = str(data.get("code") or f"#{i}")
    where = Where(f"เกณฑ์ {code}", f"Criterion {code}", dimension=dim, criterion=code)
    r.code(data.get("code"), where, CODE_MAX)
    max_points = r.number(data, "max_points", where)
    if max_points is not None and max_points < 0:
        r.fail(where, "คะแนนเต็มต้องมากกว่า 0", "max_points must be more than 0", "max_points")
    r.fits(max_points, where, "max_points", POINTS_MAX)
    raw_rule = data.get("rule")
    rule = None
    if not isinstance(raw_rule, Mapping):
        r.fail(where, "ต้องมี “rule”", "“rule” is missing", "rule")
    elif max_points is not None:
        try:
            rule = build_rule(str(raw_rule.get("kind")), raw_rule, max_points, rounding)
        except RuleError as error:
            r.errors.append(Problem(where.at("rule", parameter=error.field, row=error.row), error.th, error.en))
    if max_points == 0 and (rule is None or not rule.verdict_only()):  # only a condition may be worth nothing
        r.fail(
            where,
            "คะแนนเต็มต้องมากกว่า 0 (0 ได้เฉพาะเกณฑ์ชนิดเงื่อนไขตามเอกสาร ที่ไม่มีระดับ)",
            "max_points must be more than 0 (0 only for a requirements rule without levels)",
            "max_points",
        )
        rule = None
    if rule is not None and window is not None:
        for day in rule.named_dates():
            try:
                check_window(day, day.isoformat(), window)
            except DateInputError as error:
                r.fail(where, f"“rule”: {error.th}", f"“rule”: {error.en}", "rule")
    if rule is not None:
        unlabelled = ", ".join(rule.unlabelled())
        if unlabelled:
            r.fail(
                where,
                f"ข้อมูล {unlabelled} ต้องมีชื่อภาษาไทยในช่อง “ชื่อข้อมูลและหน่วย” (labels) (ผู้เข้าประกวดจะเห็นชื่อนี้ในคำอธิบายคะแนน)",
                f"fact(s) {unlabelled} need a Thai name in “fact names and units” (labels)"
                " (entrants read it in explanations)",
            )
    if rule is not None and max_points is not None:
        top, levels = rule.highest(), rule.levels() or ()
        if top != max_points:
            r.fail(
                where,
                f"คะแนนสูงสุดที่ทำได้คือ {fmt_points(top)} ไม่เท่ากับคะแนนเต็ม {fmt_points(max_points)}",
                f"the highest reachable score is {fmt_points(top)}, not its maximum {fmt_points(max_points)}",
            )
        for level in levels:
            if not 0 <= level <= max_points:
                r.fail(
                    where,
                    f"ระดับคะแนน {fmt_points(level)} อยู่นอกช่วง 0–{fmt_points(max_points)}",
                    f"level {fmt_points(level)} is outside 0–{fmt_points(max_points)}",
                )
    extra = data.get("extra", False)
    if not isinstance(extra, bool):
        r.fail(where, "“extra” ต้องเป็น true หรือ false", "“extra” must be true or false", "extra")
    nominee = data.get("nominee", False)
    if not isinstance(nominee, bool):
        r.fail(where, "“nominee” ต้องเป็น true หรือ false", "“nominee” must be true or false", "nominee")
    # English optional: Thai alone is enough for a Thai office; a name reaches headers, the evidence texts do not.
    texts = {
        k: (r.name if k.startswith("name") else r.text)(data, k, where, required=k == "name_th")
        for k in ("name_th", "name_en", "evidence_th", "evidence_en", "channel_th", "channel_en")
    }
    deadline = r.day(data, "deadline", where, required=False, window=window)
    number = r.text(data, "number", where, required=False, most=NUMBER_MAX).strip()
    rounds = _rounds(r, data.get("rounds"), where, window)
    if rule is None or max_points is None:
        return None
    return CriterionSpec(
        code=code,
        number=number,
        dimension=dim,
        max_points=max_points,
        rule=rule,
        deadline=deadline,
        extra=extra is True,
        nominee=nominee is True,
        rounds=rounds,
        raw_rounds=tuple(data.get("rounds") or ()) if rounds else (),
        raw_rule=dict(raw_rule) if isinstance(raw_rule, Mapping) else {},
        **texts,
    )


# What the criteria of one file read to, kept while its periods' rubrics are read again (rubrics.contest_spec):
# a period's rubric shares the file's criteria but the few it sets itself, and a criterion read once costs
# nothing more. Kept by the criterion's object (held in the entry, so its id names no other while kept).
Read = dict[tuple, tuple[Mapping[str, Any], CriterionSpec | None, list[Problem]]]


def _criterion_once(
    r: Reader,
    data: Mapping[str, Any],
    dim: str,
    i: int,
    window: tuple[date, date] | None,
    rounding: Rounding,
    read: Read | None,
) -> CriterionSpec | None:
    """`_criterion`, or what the same criterion object at the same place, window and rounding read to before."""
    if read is None:
        return _criterion(r, data, dim, i, window, rounding)
    key = (id(data), dim, i, window, rounding.percent_places, rounding.mode)
    found = read.get(key)
    if found is not None:
        r.errors.extend(found[2])
        return found[1]
    before = len(r.errors)
    spec = _criterion(r, data, dim, i, window, rounding)
    read[key] = (data, spec, r.errors[before:])
    return spec


def _rounds(r: Reader, raw: Any, where: Where, window: tuple[date, date] | None) -> tuple[Round, ...]:
    try:
        return rounds_of(raw, window)
    except RoundsError as error:
        for th, en in error.problems:
            r.fail(where, th, en, "rounds")
        return ()


def _sum_text(parts: list[Decimal]) -> str:
    shown = " + ".join(fmt_points(p) for p in parts[:20]) + (f" + … ({len(parts):,})" if len(parts) > 20 else "")
    return f"{shown} = {fmt_points(sum(parts, Decimal(0)))}"


def _dimension(
    r: Reader,
    data: Mapping[str, Any],
    i: int,
    window: tuple[date, date] | None,
    rounding: Rounding,
    read: Read | None = None,
) -> DimensionSpec | None:
    code = str(data.get("code") or f"#{i}")
    where = Where(f"มิติที่ {code}", f"Dimension {code}", dimension=code)
    r.code(data.get("code"), where, CODE_MAX)
    max_points = r.number(data, "max_points", where)
    r.fits(max_points, where, "max_points", POINTS_MAX)
    names = (r.name(data, "name_th", where, most=NAME_MAX), r.name(data, "name_en", where, False, most=NAME_MAX))
    rows = r.items(data, "criteria", where)
    criteria = [_criterion_once(r, c, code, n, window, rounding, read) for n, c in enumerate(rows, 1)]
    bands = _bands(r, data.get("level_bands"), where)
    parts = [c.max_points for c in criteria if c and not c.extra]
    if max_points is None or None in criteria:
        return None
    if sum(parts, Decimal(0)) != max_points:
        r.fail(
            where,
            f"{_sum_text(parts)} ไม่เท่ากับ {fmt_points(max_points)} คะแนน",
            f"{_sum_text(parts)}, not {fmt_points(max_points)}",
        )
    return DimensionSpec(code, names[0], names[1], max_points, tuple(c for c in criteria if c), bands)


def _award(r: Reader, data: Mapping[str, Any], i: int) -> AwardSpec:
    where = Where(f"รางวัลที่ {i}", f"Award {i}", award=i)
    count = data.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= COUNT_MAX:
        r.fail(
            where,
            f"จำนวนรางวัล (count) ต้องเป็นจำนวนเต็มบวกไม่เกิน {COUNT_MAX} แต่ได้รับ {count!r}",
            f"count must be a positive integer up to {COUNT_MAX}, got {count!r}",
            "count",
        )
    # No amount is a prize of certificates alone: 0, not a refusal worded for developers.
    prize = r.number(data, "prize", where) if data.get("prize") not in (None, "") else Decimal(0)
    if prize is not None and prize < 0:
        r.fail(where, "เงินรางวัลต้องไม่ติดลบ", "prize must not be negative", "prize")
    r.fits(prize, where, "prize", PRIZE_MAX)
    return AwardSpec(
        r.text(data, "code", where, most=AWARD_CODE_MAX),
        r.name(data, "name_th", where, most=AWARD_NAME_MAX),
        r.name(data, "name_en", where, False, most=AWARD_NAME_MAX),
        count if isinstance(count, int) else 0,
        prize or Decimal(0),
        r.text(data, "prize_th", where, False, most=NAME_MAX),
        r.text(data, "prize_en", where, False, most=NAME_MAX),
    )


def _rounding(r: Reader, data: Any) -> Rounding:
    """The rubric's rounding of percentages; absent means the national manual's half-up to 2 places."""
    if data is None:
        return DEFAULT_ROUNDING
    where = Where("การปัดเศษ (rounding)", "rounding", field="rounding")
    places = data.get("percent_places", 2) if isinstance(data, Mapping) else None
    mode = data.get("mode", "half_up") if isinstance(data, Mapping) else None
    unknown = sorted(set(data) - {"percent_places", "mode"}) if isinstance(data, Mapping) else []
    if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 6 or mode not in ROUNDING_MODES:
        r.fail(
            where,
            'ต้องเป็น {"percent_places": 0–6, "mode": "half_up" หรือ "truncate"}',
            'must be {"percent_places": 0–6, "mode": "half_up" or "truncate"}',
        )
        return DEFAULT_ROUNDING
    if unknown:
        r.fail(where, f"ไม่รู้จัก {', '.join(unknown)}", f"unknown key(s) {', '.join(unknown)}")
    return Rounding(places, mode)


def _bands(r: Reader, data: Any, within: Where | None = None) -> tuple[LevelBand, ...]:
    where = Where("ระดับผลการดำเนินงาน (level_bands)", "level_bands", field="level_bands")
    if within:
        where = replace(within, th=f"{within.th} {where.th}", en=f"{within.en} {where.en}", field="level_bands")
    if data is None:
        return ()
    if not isinstance(data, list) or not all(isinstance(b, Mapping) for b in data):
        r.fail(where, "ต้องเป็นรายการหรือ null", "must be a list or null")
        return ()
    bands = []
    for b in data:
        low, high, level = r.number(b, "min", where), r.number(b, "max", where), b.get("level")
        if not isinstance(level, int) or low is None or high is None or low > high:
            r.fail(
                where,
                f"ช่วง {b!r} ต้องมี min ≤ max และ level เป็นจำนวนเต็ม",
                f"band {b!r} needs min ≤ max and an integer level",
            )
            continue
        bands.append(LevelBand(low, high, level))
    for a, b in pairwise(bands):
        if not (a.max < b.min and a.level < b.level):
            r.fail(
                where,
                f"ช่วงระดับ {a.level} และ {b.level} ต้องเรียงจากน้อยไปมากและไม่ทับกัน",
                f"bands {a.level} and {b.level} must ascend without overlapping",
            )
    return tuple(bands)


def _check_size(raw_dims: list[Mapping[str, Any]]) -> None:
    """Refused at once: every other check would be made once per criterion, each with its own messages. A
    dimension holds a criterion at least, so there are no more dimensions than criteria may be."""
    if len(raw_dims) > MAX_CRITERIA:
        raise RubricError(
            [
                format_lazy(
                    gettext_lazy("the rubric has {count:,} dimensions, more than {most}"),
                    count=len(raw_dims),
                    most=MAX_CRITERIA,
                )
            ]
        )
    count = sum(len(d["criteria"]) for d in raw_dims if isinstance(d.get("criteria"), list))
    if count > MAX_CRITERIA:
        raise RubricError(
            [
                format_lazy(
                    gettext_lazy("the rubric has {count:,} criteria, more than {max_criteria}"),
                    count=count,
                    max_criteria=MAX_CRITERIA,
                )
            ]
        )


def parse_rubric(data: dict, *, read: Read | None = None) -> RubricSpec:
    """The rubric `data` describes, or RubricError with every problem; `read`: the criteria read already for
    another rubric of the same file (its periods'), kept and reused (`_criterion_once`)."""
    r = Reader()
    if not isinstance(data, Mapping):
        raise RubricError([gettext_lazy("The rubric must be a JSON object")])
    year = data.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or year not in FISCAL_YEARS:
        r.fail(
            RUBRIC,
            f"ปี (year) ต้องเป็นปีงบประมาณ พ.ศ. {FISCAL_YEARS[0]}–{FISCAL_YEARS[-1]} เช่น 2566 แต่ได้รับ {year!r}",
            f"year must be a fiscal year B.E. {FISCAL_YEARS[0]}–{FISCAL_YEARS[-1]} such as 2566, got {year!r}",
            "year",
        )
        year = None
    names = (r.name(data, "name_th", RUBRIC, most=NAME_MAX), r.name(data, "name_en", RUBRIC, False, most=NAME_MAX))
    window = fiscal_year(year) if year is not None else None  # with no year the rubric is refused anyway
    starts, ends = r.day(data, "starts_on", RUBRIC, window=window), r.day(data, "ends_on", RUBRIC, window=window)
    if starts and ends and starts >= ends:
        r.fail(RUBRIC, "วันเริ่มต้องก่อนวันสิ้นสุด", "starts_on must be before ends_on", "ends_on")
    total = r.number(data, "total_points", RUBRIC)
    if total is not None and total <= 0:
        r.fail(RUBRIC, "คะแนนรวม (total_points) ต้องมากกว่า 0", "total_points must be more than 0", "total_points")
    r.fits(total, RUBRIC, "total_points", POINTS_MAX)
    raw_dims = r.items(data, "dimensions", RUBRIC)
    _check_size(raw_dims)
    rounding = _rounding(r, data.get("rounding"))
    dims = [_dimension(r, d, i, window, rounding, read) for i, d in enumerate(raw_dims, 1)]
    codes = [str(d.get("code")) for d in raw_dims]
    r.unique(codes, RUBRIC, Label("มิติ", "dimension"))
    rows = [c for d in raw_dims if isinstance(d.get("criteria"), list) for c in d["criteria"]]
    crit_codes = [str(c.get("code")) for c in rows if isinstance(c, Mapping)]
    r.unique(crit_codes, RUBRIC, Label("เกณฑ์", "criterion"))
    if total is not None and None not in dims and dims:
        parts = [d.max_points for d in dims if d]
        if sum(parts, Decimal(0)) != total:
            r.fail(
                Where("คะแนนรวม", "Total", field="total_points"),
                f"{_sum_text(parts)} ไม่เท่ากับ {fmt_points(total)} คะแนน",
                f"{_sum_text(parts)}, not {fmt_points(total)}",
            )
    # Only a rubric that states a tie-break order applies one (docs/decisions.md, decision 12): absent means none.
    _shared_facts(r, [c for d in dims if d for c in d.criteria])
    tie_break = data.get("tie_break", [])
    if not isinstance(tie_break, list) or len(set(map(str, tie_break))) != len(tie_break):
        r.fail(
            RUBRIC, "tie_break ต้องเป็นรายการรหัสมิติที่ไม่ซ้ำกัน", "tie_break must list distinct dimension codes", "tie_break"
        )
        tie_break = []
    known = set(codes)
    unknown = [str(c) for c in tie_break if str(c) not in known]
    if unknown:
        r.fail(
            RUBRIC,
            f"tie_break อ้างมิติที่ไม่มี: {', '.join(unknown)}",
            f"tie_break names unknown dimension(s): {', '.join(unknown)}",
            "tie_break",
        )
    raw_awards = r.items(data, "awards", RUBRIC)
    if len(raw_awards) > MOST_AWARDS:  # each is a row written one by one: refused before any is read
        raise RubricError(
            [format_lazy(gettext_lazy("at most {most} awards, not {count:,}"), most=MOST_AWARDS, count=len(raw_awards))]
        )
    awards = [_award(r, a, i) for i, a in enumerate(raw_awards, 1)]
    r.unique([a.code for a in awards], RUBRIC, Label("รางวัล", "award"))
    bands = _bands(r, data.get("level_bands"))
    closed_day = data.get("closed_day") or CLOSED_DAY_MOVES
    if closed_day not in CLOSED_DAY:
        r.fail(
            RUBRIC,
            f"closed_day ต้องเป็น {' หรือ '.join(CLOSED_DAY)}",
            f"closed_day must be {' or '.join(CLOSED_DAY)}",
            "closed_day",
        )
    contest = data.get("contest")
    if contest is not None and not isinstance(contest, Mapping):
        r.fail(RUBRIC, "contest ต้องเป็นออบเจกต์หรือ null", "contest must be an object or null", "contest")
    if r.errors:
        raise RubricError(r.errors)
    return RubricSpec(
        year, names[0], names[1], starts, ends, total, tuple(map(str, tie_break)),  # type: ignore[arg-type]
        bands, tuple(awards), tuple(d for d in dims if d), rounding,
        dict(contest) if isinstance(contest, Mapping) else None, closed_day,
    )  # fmt: skip
