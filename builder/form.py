"""The contest builder's form: a whole contest, its dimensions and criteria, on one page.

The page keeps no draft: everything the office typed travels in the form and comes back, so nothing is saved
until `services.contest_save` (the same service as the JSON upload) takes the whole contest. `prefill.to_form`
fills the form from the rubric format (a shipped contest as a template, or one of the office's contests),
`Builder` reads it back into the rubric format. Award tiers and periods are rows (builder/rows.py), entrants
a chosen list (builder/entrants.py). What the page has no box for yet (rounding, bands) is carried
unchanged as JSON text, so a contest goes through the builder and back unchanged (tests/builder/test_builder.py)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.datastructures import MultiValueDict
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from builder.bands import bands_from_form
from builder.prefill import CONTEST, CRITERION, DATES, DIMENSION, TICKS, TOP
from builder.rounds import rounds_from_form
from builder.rows import Rows
from builder.rule_forms import RuleForm, filled_prefixes, too_many
from core.i18n import Text, either
from core.numbers import ascii_digits, whole
from core.thai import fmt_points
from rubrics.contest_spec import most_entrants, too_many_entrants
from rulebook.dates import DateInputError, check_window, fiscal_year, parse_date
from rulebook.rubric import CLOSED_DAY_AS_WRITTEN
from rulebook.rubric_json import rubric_json
from rulebook.rules import KINDS, Context, FactError, Rule, RuleError, build_rule
from rulebook.rules.errors import Problem
from rulebook.spec import RubricError
from rulebook.workdays import WorkCalendar, deadline_text

MAX_ROWS = 60  # dimensions of a contest, criteria of a dimension: more is a typo in a count, not a contest
MAX_CRITERIA = 300  # the whole contest's: the national rubric has 18, seed 003 25


@dataclass
class Problems:
    """Refusals, each shown beside what it is about: a box, a criterion, a dimension, or the contest."""

    at: dict[str, list[Text]] = field(default_factory=dict)

    def add(self, where: str, message: Text) -> None:
        self.at.setdefault(where, []).append(message)

    def __bool__(self) -> bool:
        return bool(self.at)


@dataclass
class CriterionRows:
    prefix: str
    kind: str
    rule_form: RuleForm
    max_points: Decimal | None
    preview: Any = None  # (facts form values, Score) once previewed
    sampled: bool = False  # the facts previewed are an example, not typed
    deadline_shown: str = ""  # the deadline in B.E., and where a closed day moves it
    refused: list[Text] = field(default_factory=list)  # why the facts typed were not tried


@dataclass
class DimensionRows:
    prefix: str
    criteria: list[CriterionRows]
    max_points: Decimal | None
    sum_text: str = ""
    sums_agree: bool = True


def _beside(prefix: str, field: str | None, boxes: tuple[str, ...]) -> str:
    """Where a refusal about a row's `field` is shown: beside its box if the row has one, else beside the row."""
    return f"{prefix}{field}" if field in boxes else prefix


def _count(raw: Any, extra: int = 0) -> int:
    number = whole(str(raw).strip() if raw is not None else "")
    return extra if number is None else min(number + extra, MAX_ROWS)


def _decimal(raw: Any) -> Decimal | None:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


class Builder:
    """The builder's posted form: `data()` is the contest in the rubric format; `problems` what is wrong with
    it before the service is asked (boxes that cannot be read, rules the loader refuses, sums that differ)."""

    def __init__(self, post: MultiValueDict, *, add_dimension: bool = False, add_criterion: int | None = None):
        self.post = post
        self.problems = Problems()
        self.window = fiscal_year(post.get("year"))  # every date typed is checked against it (rulebook.dates)
        self.filled = filled_prefixes(post)  # read once for every rule form: the parse stays linear in the form
        self.dimensions: list[DimensionRows] = []
        self._cap("dims", "มิติ", "dimensions", MAX_ROWS)
        for i in range(_count(post.get("dims"), 1 if add_dimension else 0)):
            dim_p = f"d{i}-"
            more = 1 if add_criterion == i else 0
            if add_dimension and i == _count(post.get("dims")):
                more = 1  # a new dimension starts with one criterion
            criteria = []
            self._cap(f"{dim_p}crits", f"ตัวชี้วัดของมิติที่ {i + 1}", f"criteria in dimension {i + 1}", MAX_ROWS)
            room = MAX_CRITERIA - sum(len(d.criteria) for d in self.dimensions)
            if _count(post.get(f"{dim_p}crits"), more) > room:
                self.problems.add(
                    "", format_lazy(_("at most {max_criteria} criteria in all"), max_criteria=MAX_CRITERIA)
                )
            for j in range(min(_count(post.get(f"{dim_p}crits"), more), max(room, 0))):
                p = f"d{i}c{j}-"
                kind = post.get(f"{p}kind") or "done"
                kind = kind if kind in KINDS else "done"
                top = _decimal(post.get(f"{p}max_points"))
                # A kind just changed starts from its own empty form; otherwise the posted rows are read.
                bound = post.get(f"{p}kind_was") == kind
                form = RuleForm(
                    post if bound else None, prefix=f"{p}r", kind=kind, max_points=top or Decimal(0), filled=self.filled
                )
                criteria.append(CriterionRows(p, kind, form, top))
            self.dimensions.append(DimensionRows(dim_p, criteria, _decimal(post.get(f"{dim_p}max_points"))))
        maxima = {post.get(f"{c.prefix}code"): c.max_points for d in self.dimensions for c in d.criteria}
        # Awards and periods.
        self.rows = Rows(post, maxima, action=post.get("action", ""), window=self.window, filled=self.filled)
        for name, most in self.rows.over.items():
            self.problems.add(name, too_many(most))

    def _cap(self, name: str, th: str, en: str, most: int) -> None:
        """More rows asked for than the page builds: said at the top, Thai first (the rest are not read)."""
        raw = str(self.post.get(name) or "")
        if ascii_digits(raw) and (len(raw) > 6 or int(raw) > most):
            self.problems.add("", format_lazy(_("at most {most} {what}"), most=most, what=either(th, en)))

    # -- reading the form back --------------------------------------------------------------------
    def data(self) -> dict[str, Any]:
        out = self._more("more", "")
        for k in TOP:
            self._box(out, k, k, "")
        if bands := bands_from_form(self.post, ""):
            out["level_bands"] = bands
        if (year := whole(str(out.get("year", "")).strip())) is not None:
            out["year"] = year
        contest = out.get("contest")
        if contest is not None or any(self.post.get(k) for k in CONTEST):
            contest = dict(contest) if isinstance(contest, Mapping) else {}
            for k in CONTEST:
                self._box(contest, k, k, "")
            if not self.post.get("entrants_all"):
                contest["entrants"] = [c for c in self.post.getlist("entrants") if c] + [
                    c for c in (self.post.get("entrants_more") or "").replace(",", " ").split() if c
                ]
                if len(contest["entrants"]) > (most := most_entrants()):  # refused before the loader reads them
                    self.problems.add("", too_many_entrants(len(contest["entrants"])))
                    contest["entrants"] = contest["entrants"][:most]
            out["contest"] = contest
        out["dimensions"] = [self._dimension(dim) for dim in self.dimensions]
        self.rows.read(out, self.problems.add)
        return out

    def _dimension(self, dim: DimensionRows) -> dict[str, Any]:
        data = self._more(f"{dim.prefix}more", dim.prefix)
        for k in DIMENSION:
            self._box(data, k, f"{dim.prefix}{k}", dim.prefix)
        if bands := bands_from_form(self.post, dim.prefix):
            data["level_bands"] = bands
        data["criteria"] = [self._criterion(c) for c in dim.criteria]
        return data

    def _criterion(self, c: CriterionRows) -> dict[str, Any]:
        data = self._more(f"{c.prefix}more", c.prefix)
        for k in CRITERION:
            self._box(data, k, f"{c.prefix}{k}", c.prefix)
        for tick in TICKS:
            if self.post.get(f"{c.prefix}{tick}"):
                data[tick] = True
        if rounds := rounds_from_form(self.post, c.prefix, self.window, self.problems.add):
            data["rounds"] = rounds
        if c.rule_form.is_bound and c.rule_form.is_valid():
            data["rule"] = c.rule_form.rule()
        elif c.rule_form.is_bound:
            for name, errors in c.rule_form.errors.items():
                for message in (m for error in errors.as_data() for m in error.messages):
                    self.problems.add(c.rule_form.add_prefix(name) if name != "__all__" else c.prefix, message)
            data.setdefault("rule", {"kind": c.kind})
        else:
            data.setdefault("rule", {"kind": c.kind})
        return data

    def _box(self, out: dict[str, Any], key: str, name: str, where: str) -> None:
        raw = (self.post.get(name) or "").strip()
        if not raw:
            return
        if key in DATES:
            try:
                raw = parse_date(raw, window=self.window).isoformat()
            except DateInputError as error:
                self.problems.add(name, str(error))
        out[key] = raw

    def _more(self, name: str, where: str) -> dict[str, Any]:
        raw = (self.post.get(name) or "").strip()
        if not raw:
            return {}
        try:
            return rubric_json(raw)  # refuses what is not one object, or nests past any rubric's depth
        except RubricError as error:
            for message in error.messages:
                self.problems.add(name, message)
            return {}

    # -- what the page shows as it is typed -------------------------------------------------------
    def check_sums(self, report: bool = True) -> None:
        """Each dimension against its criteria (extra points aside), the total against the dimensions.
        `report` False: the sums only, no refusal (a form just opened shows no error before anyone acts)."""
        total = Decimal(0)
        for dim in self.dimensions:
            parts = [c.max_points or Decimal(0) for c in dim.criteria if not self.post.get(f"{c.prefix}extra")]
            got = sum(parts, Decimal(0))
            dim.sum_text = " + ".join(fmt_points(p) for p in parts) + f" = {fmt_points(got)}"
            agrees = dim.max_points is not None and got == dim.max_points
            # Nothing typed yet (no points for the dimension or its criteria): neutral, never red before any input.
            dim.sums_agree = agrees or (dim.max_points is None and got == 0)
            if report and not agrees:
                want = fmt_points(dim.max_points) if dim.max_points is not None else "?"
                self.problems.add(
                    f"{dim.prefix}max_points",
                    format_lazy(
                        _("the criteria add up to {sum}, not the dimension's {want}"), sum=dim.sum_text, want=want
                    ),
                )
            total += dim.max_points or Decimal(0)
        self.total_text = fmt_points(total)
        asked = _decimal(self.post.get("total_points"))
        if report and (asked is None or asked != total):
            shown = fmt_points(asked) if asked is not None else "?"
            self.problems.add(
                "total_points",
                format_lazy(
                    _("the dimensions add up to {fmt_points}, not the total {shown}"),
                    fmt_points=fmt_points(total),
                    shown=shown,
                ),
            )

    def place(self, problems: list[Problem]) -> None:
        """The loader's refusals beside what they are about, found by where they say they are (`Where`: the
        dimension's and criterion's codes, the key), never by their text: a key with a box of its own beside
        that box, the rest beside its criterion or dimension, what is about no part of them at the top (or
        beside a top box)."""
        dims = {self._code(dim.prefix, i): dim for i, dim in enumerate(self.dimensions, 1)}
        for problem in problems:
            where, place = problem.where, ""
            dim = dims.get(where.dimension or "") if where.dimension is not None else None
            if dim is not None and where.criterion is not None:
                crits = {self._code(c.prefix, j): c.prefix for j, c in enumerate(dim.criteria, 1)}
                found = crits.get(where.criterion)
                place = _beside(found, where.field, CRITERION) if found else dim.prefix
            elif dim is not None:
                place = _beside(dim.prefix, where.field, (*DIMENSION, "level_bands"))
            elif where.dimension is None and where.criterion is None and where.field in (*TOP, "level_bands"):
                place = str(where.field)
            self.problems.add(place, problem.shown)

    def _code(self, prefix: str, n: int) -> str:
        """A row's code as the loader names it: as typed, or "#n" when the box is blank (rulebook.spec)."""
        return (self.post.get(f"{prefix}code") or "").strip() or f"#{n}"

    def calendar(self, base: WorkCalendar) -> WorkCalendar:
        """The holidays as the contest being built reads a deadline on a closed day (its "closed_day" box)."""
        return WorkCalendar(base.overrides, moves=self.post.get("closed_day") != CLOSED_DAY_AS_WRITTEN)

    def show_deadlines(self, calendar: WorkCalendar) -> None:
        """Each deadline typed, as an office will read it: B.E., and moved when offices are closed that day."""
        for dim in self.dimensions:
            for c in dim.criteria:
                raw = (self.post.get(f"{c.prefix}deadline") or "").strip()
                try:
                    c.deadline_shown = deadline_text(parse_date(raw), calendar) if raw else ""
                except DateInputError:
                    c.deadline_shown = ""

    def preview(self, c: CriterionRows, calendar: WorkCalendar, *, sample: bool = False) -> None:
        """The points and explanation the criterion's rule gives the facts typed under it (with `sample`, a
        plausible example when none are typed): nothing is saved."""
        if not (c.rule_form.is_bound and c.rule_form.is_valid()):
            return
        try:
            rule = build_rule(c.kind, c.rule_form.rule(), c.max_points or Decimal(0))
        except RuleError:
            return
        facts = {name: self.post.get(f"{c.prefix}fact-{name}", "") for name in rule.fact_names()}
        deadline = None
        raw = (self.post.get(f"{c.prefix}deadline") or "").strip()
        if raw:
            try:
                deadline = parse_date(raw, window=self.window)
            except DateInputError:
                deadline = None
        c.sampled = sample and not any(facts.values())
        if c.sampled:  # nothing typed yet: the explanation an entrant with plausible figures would read
            facts.update(rule.demo_facts(random.Random(28), deadline=deadline))
        c.refused = [] if c.sampled else self._dates_refused(rule, facts)
        score = None if c.refused else rule.evaluate(facts, Context(calendar=calendar, deadline=deadline))
        c.preview = (
            [(name, rule.label(name), rule.fact_format(name), facts[name]) for name in rule.fact_names()],
            score,
        )

    def _dates_refused(self, rule: Rule, facts: Mapping[str, str]) -> list[Text]:
        """Dates typed in the preview are checked as an entrant's are (within the fiscal year ±1): a date of
        year 2 against a deadline of 9999 would otherwise count working days across eight thousand years."""
        out = []
        for name, raw in facts.items():
            try:
                value = rule.parse_fact(name, raw) if raw else None
            except FactError:
                continue  # the rule's own explanation says what is wrong with it
            if not isinstance(value, date):
                continue
            label = rule.label(name)
            if self.window is None:
                out.append(
                    format_lazy(
                        _("{label}: give the fiscal year (B.E.) first to try a date"), label=either(label.th, label.en)
                    )
                )
                continue
            try:
                check_window(value.date() if isinstance(value, datetime) else value, raw, self.window)
            except DateInputError as error:
                out.append(format_lazy("{}: {}", either(label.th, label.en), error))
        return out
