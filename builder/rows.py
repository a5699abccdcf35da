"""The contest builder's rows: award tiers and prizes, and periods, as rows of boxes; a period's
own criteria (seed 004: each month's milestones) as a criterion code, its evidence texts and a rule form of
the kind's declared parameters (builder/rule_forms.py), as a contest's criteria are, and its deadline in that
period (a date central staff moved in one period only, gathered by `contest_spec.periods_gather`). An own
criterion may keep the contest's rule (SAME) and set only its texts or its deadline.

Rows are named `a<i>-<column>` (awards) and `p<k>-<column>` (periods), a period's own criteria
`p<k>c<j>-…`; a row removed is marked `<prefix>gone` and skipped, so no other row is renumbered. Awards or
periods the rows cannot say exactly (a key the rows have no box for) stay in the JSON text, unchanged, as
before (tests/builder/test_builder.py sends every shipped contest through and back)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.utils.datastructures import MultiValueDict

from builder.rule_data import put_rule
from builder.rule_forms import RuleForm
from core.numbers import ascii_digits, whole
from rulebook.dates import DateInputError, be_date, parse_date
from rulebook.rules import KINDS
from rulebook.rules.declare import DAY, DECIMAL, INT, TEXT, Param
from rulebook.rules.errors import Problem

AWARD = (
    Param("code", TEXT, "รหัสรางวัล", "code"),
    Param("name_th", TEXT, "ชื่อรางวัล", "name (th)"),
    Param("name_en", TEXT, "ชื่อภาษาอังกฤษ (ไม่บังคับ)", "name in English (optional)"),
    Param("count", INT, "จำนวน", "how many"),
    Param("prize", DECIMAL, "เงินรางวัล (บาท)", "prize (baht)"),
    Param("prize_th", TEXT, "สิ่งที่ได้รับ", "prize (th)"),
    Param("prize_en", TEXT, "สิ่งที่ได้รับ (อังกฤษ)", "prize (en)"),
)
PERIOD = (
    Param("code", TEXT, "รหัสรอบ (a-z 0-9 -)", "code"),
    Param("name_th", TEXT, "ชื่อรอบ", "name (th)"),
    Param("name_en", TEXT, "ชื่อภาษาอังกฤษ (ไม่บังคับ)", "name in English (optional)"),
    Param("deadline", DAY, "วันครบกำหนดของรอบ", "the period's deadline"),
)
OWN = ("evidence_th", "evidence_en")  # besides its rule and deadline, what a period may set on a criterion
OWN_DAY = Param("deadline", DAY, "วันครบกำหนดในรอบนี้", "deadline in this period")
SAME = "same"  # an own criterion's "kind" that keeps the contest's rule: the period sets no rule of its own
OWN_KIND = "milestones"  # a period's own rule is most often its month's milestones (seed 004)
# The prefix of the blank own criterion the page's script copies and numbers (static/scoring/builder.js); its
# boxes sit in a <template>, which is never posted.
BLANK_OWN = "p_c_-"
MOST = 60  # rows of a table; more is a typo in a count


def _count(raw: Any) -> int:
    number = whole(str(raw).strip() if raw is not None else "")
    return 0 if number is None else min(number, MOST)


def _text(column: Param, value: Any) -> str:
    if column.type == DAY:
        return be_date(str(value))
    return str(value)


def _fits(row: Any, columns: tuple[Param, ...], more: frozenset[str] = frozenset()) -> bool:
    """Whether the row's boxes say it exactly: known keys, each a string (a whole number for INT)."""
    if not isinstance(row, Mapping) or set(row) - {c.name for c in columns} - more:
        return False
    for c in columns:
        value = row.get(c.name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int if c.type == INT else str) or value == "":
            return False
    return True


def _own_fits(own: Any) -> bool:
    """Whether a period's own criteria fit their rows: a rule the forms know (or none: the contest's), texts,
    and a deadline as a date (a criterion without one in that period, null, has no box: JSON text)."""
    if not isinstance(own, Mapping):
        return False
    for entry in own.values():
        if not isinstance(entry, Mapping) or set(entry) - {"rule", OWN_DAY.name, *OWN}:
            return False
        rule = entry.get("rule", {"kind": SAME})
        if not isinstance(rule, Mapping) or rule.get("kind") not in KINDS.keys() | {SAME}:
            return False
        if not all(isinstance(entry.get(k, ""), str) and entry.get(k) != "" for k in (*OWN, OWN_DAY.name)):
            return False
    return True


def to_form(
    data: Mapping[str, Any], rest: dict[str, Any], contest_rest: dict[str, Any] | None, form: MultiValueDict
) -> None:
    """Moves awards and periods the rows can say out of `rest` and `contest_rest` (the JSON text's) into the
    form's rows."""
    awards = rest.pop("awards", [])
    if not (isinstance(awards, list) and all(_fits(a, AWARD) for a in awards)):
        rest["awards"] = awards  # as JSON text, as it came
    else:
        form["awards"] = str(len(awards))
        if "awards" in data:
            form["awards_key"] = "on"  # [] comes back as [], an absent list stays absent
        for i, award in enumerate(awards):
            _row(form, f"a{i}-", AWARD, award)
    if contest_rest is None:
        return  # no contest block (the national rubric): no periods
    had = "periods" in contest_rest
    periods = contest_rest.pop("periods", [])
    if not (
        isinstance(periods, list)
        and all(_fits(p, PERIOD, frozenset({"criteria"})) and _own_fits(p.get("criteria", {})) for p in periods)
    ):
        contest_rest["periods"] = periods
    else:
        form["periods"] = str(len(periods))
        if had:
            form["periods_key"] = "on"
        for k, period in enumerate(periods):
            _row(form, f"p{k}-", PERIOD, period)
            own = period.get("criteria")
            if own is not None:
                form[f"p{k}-own"] = "on"  # an empty {} comes back as {}
            own = own or {}
            form[f"p{k}-crits"] = str(len(own))
            for j, (code, entry) in enumerate(own.items()):
                q = f"p{k}c{j}-"
                form[f"{q}code"] = code
                for name in OWN:
                    if name in entry:
                        form[f"{q}{name}"] = entry[name]
                _row(form, q, (OWN_DAY,), entry)
                if "rule" not in entry:
                    form[f"{q}kind"] = form[f"{q}kind_was"] = SAME
                    continue
                form[f"{q}kind"] = form[f"{q}kind_was"] = entry["rule"]["kind"]
                put_rule(form, f"{q}r-", entry["rule"])


def _row(form: MultiValueDict, prefix: str, columns: tuple[Param, ...], row: Mapping[str, Any]) -> None:
    for c in columns:
        if row.get(c.name) is not None:
            form[f"{prefix}{c.name}"] = _text(c, row[c.name])


@dataclass
class OwnCriterion:
    prefix: str
    kind: str
    rule_form: RuleForm | None  # None: the contest's rule (SAME)
    codes: list[str]  # the contest's criteria it may be for


@dataclass
class PeriodRows:
    prefix: str
    index: int
    crit_count: int  # its own criteria's rows, removed ones too (their numbers stay)
    boxes: list[tuple[str, str, str, str]]
    criteria: list[OwnCriterion] = field(default_factory=list)


class Rows:
    """The posted rows: what the page shows (`awards`, `periods`) and `read` them into the rubric format."""

    def __init__(
        self,
        post: MultiValueDict,
        maxima: Mapping[str | None, Decimal | None],  # by criterion code as posted (None: no code box posted)
        *,
        action: str = "",
        window: tuple[date, date] | None = None,
        filled: frozenset[str] | None = None,
    ) -> None:
        """`window`: the contest's fiscal year, as dates are checked; `filled`: the form's `filled_prefixes`."""
        self.post, self.window = post, window
        self.over: dict[str, int] = {}  # a count asking for more rows than MOST → MOST
        what, _, where = action.partition(":")
        given = self._count("awards")
        used = next((i + 1 for i in reversed(range(given)) if any(post.get(f"a{i}-{c.name}") for c in AWARD)), 0)
        self.award_count = used + 1  # a blank row under the last to add one without script
        self.awards = [f"a{i}-" for i in range(self.award_count) if not post.get(f"a{i}-gone")]
        self.periods: list[PeriodRows] = []
        self.codes = [code for code in maxima if code]
        self.period_count = self._count("periods") + (1 if what == "add_period" else 0)
        for k in range(self.period_count):
            p = f"p{k}-"
            if post.get(f"{p}gone"):
                continue
            more = 1 if what == "add_period_criterion" and where == str(k) else 0
            period = PeriodRows(p, k, self._count(f"{p}crits") + more, _boxes(p, PERIOD))
            for j in range(period.crit_count):
                q = f"p{k}c{j}-"
                if post.get(f"{q}gone"):
                    continue
                kind = post.get(f"{q}kind") or OWN_KIND
                kind = kind if kind in KINDS or kind == SAME else "done"
                top = maxima.get(post.get(f"{q}code") or "") or Decimal(0)
                bound = post.get(f"{q}kind_was") == kind
                form = None
                if kind != SAME:
                    form = RuleForm(post if bound else None, prefix=f"{q}r", kind=kind, max_points=top, filled=filled)
                chosen = post.get(f"{q}code") or ""
                codes = self.codes if not chosen or chosen in self.codes else [*self.codes, chosen]
                period.criteria.append(OwnCriterion(q, kind, form, codes))
            self.periods.append(period)

    def _count(self, name: str) -> int:
        raw = str(self.post.get(name) or "")
        if ascii_digits(raw) and (len(raw) > 6 or int(raw) > MOST):
            self.over[name] = MOST
        return _count(raw)

    def read(self, out: dict[str, Any], problems: Callable[[str, str], None]) -> None:
        """The rows into `out` (the rubric format): `awards`, and `contest.periods`, refusals to `problems`."""
        if "awards" in self.post:
            awards = [a for a in (self._row(p, AWARD, problems) for p in self.awards) if a]
            if awards or self.post.get("awards_key"):
                out["awards"] = awards
        if "periods" in self.post:
            periods = []
            for period in self.periods:
                row = self._row(period.prefix, PERIOD, problems)
                own = {}
                for c in period.criteria:
                    code = (self.post.get(f"{c.prefix}code") or "").strip()
                    entry: dict[str, Any] = {}
                    if c.rule_form is None:
                        pass  # the contest's rule
                    elif c.rule_form.is_bound and c.rule_form.is_valid():
                        entry["rule"] = c.rule_form.rule()
                    else:
                        for name, errors in c.rule_form.errors.items():
                            for e in errors:
                                problems(c.rule_form.add_prefix(name) if name != "__all__" else c.prefix, str(e))
                        entry["rule"] = {"kind": c.kind}
                    entry.update({n: v.strip() for n in OWN if (v := self.post.get(f"{c.prefix}{n}") or "").strip()})
                    entry.update(self._row(c.prefix, (OWN_DAY,), problems))
                    if code:
                        own[code] = entry
                if own or self.post.get(f"{period.prefix}own"):
                    row["criteria"] = own
                if row:
                    periods.append(row)
            if periods or self.post.get("periods_key"):
                out.setdefault("contest", {})["periods"] = periods

    def _row(self, prefix: str, columns: tuple[Param, ...], problems: Callable[[str, str], None]) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for c in columns:
            name = f"{prefix}{c.name}"
            raw = (self.post.get(name) or "").strip()
            if not raw:
                continue
            if c.type == DAY:
                try:
                    raw = parse_date(raw, window=self.window).isoformat()
                except DateInputError as error:
                    problems(name, str(error))
            elif c.type == INT and (number := whole(raw, most_digits=6)) is not None:
                raw = number  # anything else goes on as typed: the loader refuses it, naming the award
            row[c.name] = raw
        return row

    def place(self, found: list[Problem], problems: Callable[[str, str], None]) -> list[Problem]:
        """The loader's refusals about an award or a period (its own criterion's beside that criterion's rule)
        beside its row, found by where they say they are (`Where.award`, `.period`, `.criterion`), never by
        their text; the rest are returned for the contest's criteria and dimensions."""
        filled = [p for p in self.awards if any(self.post.get(f"{p}{c.name}") for c in AWARD)]
        awards = dict(enumerate(filled, 1))
        periods: dict[str, PeriodRows] = {}
        for k, period in enumerate(self.periods, 1):
            code = (self.post.get(f"{period.prefix}code") or "").strip() or f"#{k}"
            periods.setdefault(code, period)
        rest = []
        for problem in found:
            where, place = problem.where, None
            if where.award is not None:
                place = awards.get(where.award)
            elif where.period is not None and where.period in periods:
                period = periods[where.period]
                own = {(self.post.get(f"{c.prefix}code") or "").strip(): c.prefix for c in period.criteria}
                place = own.get(where.criterion or "", period.prefix) if where.criterion else period.prefix
                if place != period.prefix and where.field == OWN_DAY.name:
                    place = f"{place}{OWN_DAY.name}"  # beside its box
            if place is None:
                rest.append(problem)
            else:
                problems(place, problem.shown)
        return rest

    @cached_property
    def blank_own(self) -> OwnCriterion:
        """A period's own criterion as "+ กำหนดเกณฑ์เฉพาะรอบนี้" asks the server for it, for the page to copy."""
        form = RuleForm(None, prefix=f"{BLANK_OWN}r", kind=OWN_KIND, max_points=Decimal(0))
        return OwnCriterion(BLANK_OWN, OWN_KIND, form, self.codes)

    def award_boxes(self) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
        return [(p, _boxes(p, AWARD)) for p in self.awards]


def _boxes(prefix: str, columns: tuple[Param, ...]) -> list[tuple[str, str, str, str]]:
    """(name, th, en, the box's kind) for the builder's `box` tag."""
    kinds = {DAY: "date", DECIMAL: "decimal", INT: "decimal"}
    return [(f"{prefix}{c.name}", c.th, c.en, kinds.get(c.type, "text")) for c in columns]


def step(post: MultiValueDict, action: str) -> MultiValueDict:
    """A row removed (`remove:<prefix>`) is marked gone; nothing else changes."""
    what, _, prefix = action.partition(":")
    if what != "remove" or not re.fullmatch(r"(a\d+|p\d+(c\d+)?)-", prefix):
        return post
    post = post.copy()
    post[f"{prefix}gone"] = "1"
    return post
