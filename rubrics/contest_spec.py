"""A rubric file whole: parse_rubric's rubric (plain Python, rulebook.spec) and its "contest" block
(docs/rubric-format.md, docs/contests.md), every problem of both listed before anything is saved. Only the
block's shape: which office and units its codes name is the loader's to look up (rubrics.services)."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.codes import NATIONAL_PREFIX, code_problem, national_code, period_problem
from contests.models import Combine, Level
from core.labels import both
from rubrics.hooks import contest_block_problems
from rulebook.dates import fiscal_year
from rulebook.rubric import RubricSpec
from rulebook.rules.errors import Label, Where
from rulebook.rules.fields import Reader
from rulebook.spec import Read, RubricError, parse_rubric

CONTEST = Where("การประกวด", "contest", field="contest")
KEYS = frozenset({"slug", "organiser", "entrant_level", "entrants", "combine", "periods", "nominates", "nominee"})
PROVINCE_CODE = re.compile(r"[0-9]{2}")  # the organiser: a provincial office's DOPA code, e.g. "50"
UNIT_CODE = re.compile(r"[0-9]{2,8}")  # an entrant: DOPA code of a province, district, subdistrict or village
MOST_PERIODS = 60
PERIOD_NAME_MAX = 100  # ContestPeriod.period_name_th / _en
# What a period may set for itself on a criterion (seed 004: April's milestones are not July's).
# Its deadline too, where the period has no one date for all its criteria (docs/contests.md).
PERIOD_CRITERION_KEYS = frozenset({"rule", "evidence_th", "evidence_en", "deadline"})


def is_national(block: Mapping[str, Any]) -> bool:
    """The Department's contest among the provincial offices: no organiser, provinces entering."""
    return block.get("organiser") is None and block.get("entrant_level", Level.PROVINCE) == Level.PROVINCE


def parse_rubric_file(data: Mapping[str, Any]) -> RubricSpec:
    """The file's rubric, its contest block checked too; RubricError lists every problem of both."""
    if not isinstance(data, Mapping):
        return parse_rubric(data)  # which refuses it
    r = Reader()
    check_contest(r, data.get("contest"), data.get("year"))
    read: Read = {}
    try:
        spec = parse_rubric(dict(data), read=read)
    except RubricError as exc:
        raise RubricError(exc.problems + r.errors) from exc
    _period_criteria(r, data, spec, read)
    block = data.get("contest")
    if not (isinstance(block, Mapping) and block.get("nominates") is True):
        for c in spec.criteria():
            if c.nominee:  # its page's nominee form answers it: a contest without nominees has none
                where = Where(
                    f"เกณฑ์ {c.code}", f"Criterion {c.code}", dimension=c.dimension, criterion=c.code, field="nominee"
                )
                r.fail(
                    where,
                    "หลักฐานเป็นผู้ได้รับการเสนอชื่อได้เฉพาะการประกวดที่ให้เสนอชื่อบุคคล (contest.nominates)",
                    "the nominee is the evidence only in a contest that takes nominees (contest.nominates)",
                )
    if r.errors:
        raise RubricError(r.errors)
    return spec


def period_data(data: Mapping[str, Any], period: Mapping[str, Any] | None) -> dict[str, Any]:
    """The file's rubric as one period scores it: the period's own `criteria` (a rule, evidence texts) in
    place of the file's, every other criterion as the file gives it."""
    own = period.get("criteria") if isinstance(period, Mapping) else None
    if not isinstance(own, Mapping) or not own:
        return dict(data)
    # New dicts only along the way to a changed criterion: a copy of the whole file for each of 60 periods
    # was most of the cost of reading a contest with periods.
    out = dict(data)
    if isinstance(data.get("dimensions"), list):
        out["dimensions"] = [
            {**dimension, "criteria": [_changed(criterion, own) for criterion in dimension.get("criteria") or []]}
            if isinstance(dimension, Mapping)
            else dimension
            for dimension in data["dimensions"]
        ]
    return out


def _changed(criterion: Any, own: Mapping[str, Any]) -> Any:
    """The criterion with what the period sets for it in place of the file's; the file's own when nothing."""
    changes = own.get(str(criterion.get("code"))) if isinstance(criterion, Mapping) else None
    return {**criterion, **copy.deepcopy(changes)} if isinstance(changes, Mapping) else criterion


def periods_gather(periods: list[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> tuple[dict[str, Any], list[dict]]:
    """period_data's inverse: each period's rubric (its block entry without criteria, its rubric data) back to
    one file's rubric and its `periods`, so a contest with periods is copied whole (the builder). The first
    period's rules are the file's; another period's differing rule or evidence texts are its own `criteria`.
    A period whose criteria all share one deadline gets it as its `deadline`; in the others each criterion's
    date is the file's (the one most of them give it, none if any gives none) or the period's own `criteria`
    (central staff move one period's deadline: rubrics.timetable.criterion_deadline_set), so that saving the
    copy keeps every period's dates."""
    base = copy.deepcopy(dict(periods[0][1]))
    gathered, undated = [], []
    for entry, data in periods:
        period = {k: v for k, v in entry.items() if v not in (None, "")}
        days = {c.get("deadline") for d in data.get("dimensions") or [] for c in d.get("criteria") or []}
        if len(days) == 1 and None not in days:
            period["deadline"] = days.pop()
        else:
            undated.append(data)  # its criteria keep their own deadlines: the file's, or its own
        gathered.append(period)
    first = {c["code"]: c for d in base["dimensions"] for c in d["criteria"]}
    dates: dict[str, list] = {}  # each criterion's dates in the periods without one of their own
    for data in undated:
        for d in data.get("dimensions") or []:
            for c in d.get("criteria") or []:
                dates.setdefault(c["code"], []).append(c.get("deadline"))
    for code, criterion in first.items():
        criterion["deadline"] = _file_deadline(dates.get(code, []))
    for period, (_, data) in zip(gathered, periods, strict=True):
        keys = sorted(PERIOD_CRITERION_KEYS - ({"deadline"} if "deadline" in period else set()))
        own: dict[str, dict] = {}
        for d in data.get("dimensions") or []:
            for c in d.get("criteria") or []:
                changes = {k: c.get(k) for k in keys if c.get(k) != first[c["code"]].get(k)}
                if changes:
                    own[c["code"]] = changes
        if own:
            period["criteria"] = own
    return base, gathered


def _file_deadline(dates: list[str | None]) -> str | None:
    """The file's deadline of a criterion from its dates in the periods without one date of their own: none if
    any gives none (a period's own date is then always a date, which the builder has a box for), else the date
    most of them give (the first of those on a tie); the other periods' dates are their own."""
    if not dates or None in dates:
        return None
    return max(dict.fromkeys(dates), key=dates.count)


def _period_criteria(r: Reader, data: Mapping[str, Any], spec: RubricSpec, read: Read) -> None:
    """Each period's own criteria name the file's criteria, set only what a period may, and make a rubric
    parse_rubric accepts (a rule's levels reach the criterion's maximum, its facts are named)."""
    block = data.get("contest")
    periods = block.get("periods") if isinstance(block, Mapping) else None
    if not isinstance(periods, list) or len(periods) > MOST_PERIODS:
        return  # more periods than a contest may have is refused already (check_contest), each not read again
    codes = {c.code for c in spec.criteria()}
    for i, period in enumerate(periods, 1):
        own = period.get("criteria") if isinstance(period, Mapping) else None
        if own is None:
            continue
        code = period.get("code")
        where = Where(f"รอบ “{code}”", f"period “{code}”", period=str(code or f"#{i}"), field="criteria")
        if not isinstance(own, Mapping) or not all(isinstance(v, Mapping) for v in own.values()):
            r.fail(where, "criteria ต้องเป็นออบเจกต์ {รหัสเกณฑ์: {...}}", "criteria must be {criterion code: {...}}")
            continue
        unknown = sorted(set(map(str, own)) - codes)
        if unknown:
            r.fail(where, f"ไม่มีเกณฑ์ {', '.join(unknown)}", f"no criterion {', '.join(unknown)}")
        keys = sorted({str(k) for v in own.values() for k in v} - PERIOD_CRITERION_KEYS)
        if keys:
            allowed = ", ".join(sorted(PERIOD_CRITERION_KEYS))
            r.fail(where, f"ไม่รู้จัก {', '.join(keys)} (ใช้ได้: {allowed})", f"unknown {', '.join(keys)} (known: {allowed})")
        if period.get("deadline") is not None:  # the loader gives every criterion of the period its one date
            for c in sorted(str(c) for c, v in own.items() if "deadline" in v):
                r.fail(
                    Where(f"เกณฑ์ {c}", f"Criterion {c}", criterion=c, field="deadline").within(where),
                    "รอบนี้มีวันครบกำหนดของรอบซึ่งใช้กับทุกเกณฑ์ของรอบแล้ว จึงกำหนด deadline ของเกณฑ์ในรอบนี้ไม่ได้",
                    "the period's own deadline is every criterion's in it: a criterion cannot have its own deadline",
                )
        if unknown or keys:
            continue
        try:
            parse_rubric(period_data(data, period), read=read)
        except RubricError as exc:
            r.errors.extend(p.within(where) for p in exc.problems)


def check_contest(r: Reader, block: Any, year: Any) -> None:
    """Records every problem of the block in `r`, Thai first; absent (None) is the national contest, and
    one that is no object parse_rubric refuses."""
    if not isinstance(block, Mapping):
        return
    unknown = sorted(map(str, set(block) - KEYS))
    if unknown:
        r.fail(CONTEST, f"ไม่รู้จัก {', '.join(unknown)}", f"unknown key(s) {', '.join(unknown)}")
    organiser, level = block.get("organiser"), block.get("entrant_level", Level.PROVINCE)
    if organiser is not None and not (isinstance(organiser, str) and PROVINCE_CODE.fullmatch(organiser)):
        r.fail(
            CONTEST,
            f'contest.organiser ต้องเป็นรหัสจังหวัด ๒ หลักของกรมการปกครอง เช่น "50" หรือ null แต่ได้รับ {organiser!r}',
            f'contest.organiser must be a two-digit DOPA province code such as "50", or null, got {organiser!r}',
        )
    if level not in Level.values:
        r.fail(
            CONTEST,
            f"contest.entrant_level ต้องเป็น province, district, subdistrict หรือ village แต่ได้รับ {level!r}",
            f"contest.entrant_level must be province, district, subdistrict or village, got {level!r}",
        )
    elif organiser is not None and level == Level.PROVINCE:
        r.fail(
            CONTEST,
            "การประกวดของจังหวัดมีผู้เข้าประกวดระดับอำเภอหรือตำบล",
            "a provincial office's contest is among districts or subdistricts",
        )
    _slug(r, block, year)
    _entrants(r, block.get("entrants"))
    if not isinstance(block.get("nominates", False), bool):
        r.fail(CONTEST, "contest.nominates ต้องเป็น true หรือ false", "contest.nominates must be true or false")
    for found in contest_block_problems(block):  # nominees: contest.nominee
        for th, en in found:
            r.fail(CONTEST, th, en)
    periods = _periods(r, block.get("periods"), national=is_national(block), year=year)
    _combine(r, block.get("combine"), bool(periods))


def _slug(r: Reader, block: Mapping[str, Any], year: Any) -> None:
    slug, national = block.get("slug"), is_national(block)
    if slug is None and national:
        return  # the loader names it cdd4-<year>
    where = Where(f"รหัสการประกวด “{slug}”", f"contest code “{slug}”", field="slug")
    problem = code_problem(slug)
    if problem:
        r.fail(where, *problem)
    elif national and isinstance(year, int) and slug != national_code(year):
        r.fail(
            where,
            f"การประกวดระดับประเทศ (ไม่มีผู้จัด ผู้เข้าประกวดระดับจังหวัด) ของปี {year} ใช้รหัส {national_code(year)}",
            f"the national contest (no organiser, provinces entering) of {year} is {national_code(year)}",
        )
    elif not national and isinstance(slug, str) and slug.startswith(NATIONAL_PREFIX):
        r.fail(
            where,
            f"รหัสที่ขึ้นต้นด้วย {NATIONAL_PREFIX} สงวนไว้สำหรับการประกวดระดับประเทศ",
            f"codes beginning with {NATIONAL_PREFIX} are reserved for the national contest",
        )


def most_entrants() -> int:
    """How many entrants a file may list (the setting CDD4_MOST_ENTRANTS): room for every village, some 75,000."""
    return settings.CDD4_MOST_ENTRANTS


def too_many_entrants(count: int):
    """The refusal of a list longer than the cap: one message wherever entrants are listed."""
    return format_lazy(TOO_MANY, count=f"{count:,}", most=f"{most_entrants():,}")


TOO_MANY = gettext_lazy(
    "contest.entrants lists {count} entrants, more than the {most} allowed (setting CDD4_MOST_ENTRANTS)"
)


def _entrants(r: Reader, entrants: Any) -> None:
    if entrants is None:
        return
    if isinstance(entrants, list) and len(entrants) > most_entrants():
        r.fail(CONTEST, *both(too_many_entrants(len(entrants))))
    elif not isinstance(entrants, list) or not all(isinstance(c, str) and UNIT_CODE.fullmatch(c) for c in entrants):
        r.fail(
            CONTEST,
            f'contest.entrants ต้องเป็นรายการรหัสหน่วยงานของกรมการปกครอง เช่น "5001" ไม่เกิน {most_entrants():,} รายการ',
            f'contest.entrants must be a list of DOPA unit codes such as "5001", at most {most_entrants():,}',
        )


def _periods(r: Reader, periods: Any, *, national: bool, year: Any) -> list[Mapping[str, Any]]:
    if periods is None:
        return []
    if not isinstance(periods, list) or not all(isinstance(p, Mapping) for p in periods):
        r.fail(CONTEST, "contest.periods ต้องเป็นรายการของออบเจกต์", "contest.periods must be a list of objects")
        return []
    if national and periods:
        # Its URLs are the year alone (/standings/2567/): one rubric, or `by_key` would find several.
        r.fail(CONTEST, "การประกวดระดับประเทศไม่แบ่งรอบ", "the national contest has no periods")
    if len(periods) > MOST_PERIODS:
        r.fail(CONTEST, f"รอบไม่เกิน {MOST_PERIODS} รอบ", f"at most {MOST_PERIODS} periods")
    for i, period in enumerate(periods, 1):
        code = period.get("code")
        where = Where(f"รอบที่ {i} “{code}”", f"period {i} “{code}”", period=str(code or f"#{i}"))
        problem = period_problem(code)
        if problem:
            r.fail(where, *problem)
        for key in ("name_th", "name_en"):
            r.name(period, key, where, required=False, most=PERIOD_NAME_MAX)
        r.day(period, "deadline", where, required=False, window=fiscal_year(year))
    r.unique([str(p.get("code")) for p in periods], CONTEST, Label("รอบ", "period"))
    return periods


def _combine(r: Reader, combine: Any, periods: bool) -> None:
    allowed = [Combine.SUM, Combine.MEAN, Combine.LATEST] if periods else [Combine.SINGLE]
    if combine is not None and combine not in allowed:
        names = ", ".join(allowed)
        r.fail(
            CONTEST,
            f"contest.combine ต้องเป็น {names} {'เมื่อมีรอบ' if periods else 'เมื่อไม่มีรอบ'} แต่ได้รับ {combine!r}",
            f"contest.combine must be {names} {'with periods' if periods else 'without periods'}, got {combine!r}",
        )
