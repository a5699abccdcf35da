"""Contract shared by every rule kind: scores, facts, errors and the Rule base class."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar

from core.thai import fmt_num, thai_date, thai_num
from rulebook.dates import en_date
from rulebook.rules.declare import Param, check, names
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.rules.evidence import EvidenceExpected, evidence_read
from rulebook.rules.values import DEFAULT_ROUNDING, NO_DATA, TEXT, Context, FactFormat, Rounding, Score, refused

PARSED_KEEP = 20_000  # parsed fact texts a rule remembers (Rule.parse_fact)
PARSED_TEXT_MAX = 64  # and their length: entrants repeat short texts (a count, a date, "1,3"), not long ones
FACT_TEXT_MAX = 200  # a stored fact's length (Fact.value): a longer text is refused, never parsed nor kept
_UNSEEN = object()
NO_FACTS: Mapping[str, str] = MappingProxyType({})  # a cell nobody filled


class Rule:
    kind: ClassVar[str] = ""
    # What the kind is called and what each parameter is (rulebook/rules/declare.py), said once: the loader
    # refuses any other key (a typo) and checks a rule against it, the contest builder's form and preview and
    # the docs' parameter table are made from it.
    title: ClassVar[Label]
    parameters: ClassVar[tuple[Param, ...]] = ()
    # Thai/English names of the facts for messages; a rubric's "labels" param overrides them.
    default_labels: ClassVar[dict[str, Label]] = {}
    # The rubric's rounding of percentages; build_rule sets it per rubric (spec "rounding").
    rounding: Rounding = DEFAULT_ROUNDING
    # The parameter naming the fact that records when the office's sending was received (a date the
    # Department stamps, or an upload's time): with a value, the criterion counts as sent on every page,
    # count and reminder, as the standings count it. "" when the kind reads no receipt.
    receipt_param: ClassVar[str] = ""

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        unknown = sorted(set(params) - names(self.parameters) - {"kind", "labels", "evidence"})
        if unknown:
            raise RuleError(
                f"ไม่รู้จักพารามิเตอร์ {', '.join(unknown)} ของเกณฑ์ชนิด {self.kind}",
                f"unknown parameter(s) {', '.join(unknown)} for rule kind {self.kind}",
                field=unknown[0],
            )
        # The parameters as the declaration reads them (numbers Decimal, defaults filled): the kind reads these.
        self.given = check(self.parameters, params)
        self.max_points = max_points
        self._labels = dict(params.get("labels") or {})
        with about("labels"):
            self._units = {
                name: _unit(name, entry.get("unit"))
                for name, entry in self._labels.items()
                if isinstance(entry, Mapping)
            }
        self._label_memo: dict[str, Label] = {}
        self._parsed: dict[tuple[str, str], object] = {}
        with about("evidence"):
            self.evidence = evidence_read(params.get("evidence"))
        if self.evidence.times_from and type(self).upload_time_fact is Rule.upload_time_fact:
            raise RuleError(
                f"เกณฑ์ชนิด {self.kind} ไม่ได้อ่านเวลาที่อัปโหลด (evidence upload_times)",
                f"rule kind {self.kind} does not read upload times (evidence upload_times)",
                field="evidence",
            )

    # -- to be provided by subclasses -------------------------------------------------
    def named_dates(self) -> tuple[date, ...]:
        """The dates the rule's own parameters name (a step's or a condition's "by"): the rubric checks them
        against the contest's fiscal year, as its other dates (rulebook.spec)."""
        return ()

    def fact_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _parse(self, name: str, raw: str) -> object:
        raise NotImplementedError

    def _cross_check(self, parsed: Mapping[str, object]) -> list[FactError]:
        return []

    def levels(self) -> tuple[Decimal, ...] | None:
        raise NotImplementedError

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        raise NotImplementedError

    def highest(self) -> Decimal:
        """The best score reachable; continuous kinds override this."""
        levels = self.levels()
        assert levels is not None
        return max(levels)

    def fact_format(self, name: str) -> FactFormat:
        """What `name`'s value is (a count, a date, yes/no…); kinds that read numbers or dates say so."""
        return TEXT

    # -- what the committee and the evidence portal ask a rule: each kind answers for itself, so
    # nothing outside rulebook/rules branches on `kind` (tests/rulebook/test_rule_kinds.py asks every kind).
    # Whether a committee member scores it; False means computed from imported data (the committee may
    # only override). No default: a new kind must say, or it would silently be counted as judged.
    committee_judges: ClassVar[bool]
    # The fact a member's ticks are written to; "" when the rule is scored by picking a level.
    tick_fact: ClassVar[str] = ""

    def tickable_items(self) -> list[tuple[str, Label]]:
        """Items a member can tick, in rubric order, with their names; [] when scored by picking a level."""
        return []

    def level_labels(self) -> dict[Decimal, str]:
        """What each level means, for the member's level picker; levels left out show only their points."""
        return {}

    def verdict_only(self) -> bool:
        """A criterion of no points that only says whether an entrant meets what its document requires (a
        `requirements` rule of `max_points` 0): the one rule a rubric may give 0 points."""
        return False

    def may_need_decision(self) -> bool:
        """Whether some facts may fit none of the document's rows, leaving the verdict to the panel (decision 13)."""
        return False

    def needs_decision(self, facts: Mapping[str, str]) -> bool:
        """These facts fit none of the document's rows: the panel decides (shown on its matrix), never a silent 0."""
        return False

    def entrant_questions(self) -> list:
        """Questions the entrant answers on its criterion page (a `requirements` rule's); [] for other kinds."""
        return []

    def verdicts(self, facts: Mapping[str, str]) -> list:
        """Each stated requirement with its answer and whether it holds (`requirements`); [] for other kinds."""
        return []

    def evidence_expected(self) -> EvidenceExpected:
        """What evidence the criterion expects; kinds that read upload times refuse what they cannot use."""
        return self.evidence

    def upload_time_fact(self) -> str:
        """The fact an evidence upload's time feeds (the moment the last needed file arrived, uploads as
        `evidence_expected().times_from` says); "" when uploads do not feed this rule."""
        return ""

    def member_gives(self, name: str) -> bool:
        """Whether a committee member gives this fact (a judged rule's level or ticks) rather than an office's
        data: a judged rule's other facts are data (4.2's new downloads beside the ticked steps)."""
        return self.committee_judges and (not self.tick_fact or name == self.tick_fact)

    def data_facts(self) -> tuple[str, ...]:
        """The facts an office reports from its data: the columns of the contest's fact template. Neither a
        member's judgment nor a time the evidence uploads record (`upload_time_fact`)."""
        upload = self.upload_time_fact()
        return tuple(f for f in self.fact_names() if not self.member_gives(f) and f != upload)

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        """Plausible raw facts for `bootstrap --demo`, as an import would bring them (strings this rule
        parses), spread over the rule's levels. A committee-judged rule has none: its demo points are
        the committee demo's judgments. `deadline` is the criterion's, for kinds that score dates."""
        if self.committee_judges:
            return {}
        raise NotImplementedError

    # -- shared behaviour -------------------------------------------------------------
    def label(self, name: str) -> Label:
        # Asked for every fact of every entrant: a contest of 7,255 subdistricts asks half a million times.
        try:
            return self._label_memo[name]
        except KeyError:
            pass
        entry = self._labels.get(name) or {}
        default = self.default_labels.get(name, Label(name, name))
        th = entry.get("th") or default.th
        # English is optional wherever a person types: a Thai name alone stands for both.
        en = str(entry.get("en") or entry.get("th") or default.en)
        label = self._label_memo[name] = Label(th, en)
        return label

    def names(self, name: str) -> bool:
        """Whether the rubric's own `labels` name this fact (not just the kind's default name); Thai is enough."""
        entry = self._labels.get(name)
        return isinstance(entry, Mapping) and bool(entry.get("th"))

    def unit(self, name: str) -> Label | None:
        """The fact's unit from its `labels` entry ("unit": {"th": "ครัวเรือน", "en": "households"}), if given."""
        return self._units.get(name)

    def fact_text(self, name: str, raw: str) -> Label:
        """A stored fact as a province reads it in a document: its label and its value, dates the Thai
        way, item codes by their names, never a raw key or an ISO date."""
        label = self.label(name)
        try:
            value = self.parse_fact(name, raw)
        except FactError:  # stored before a rubric change made it unreadable: shown as it was typed
            return Label(f"{label.th}: {raw}", f"{label.en}: {raw}")
        th, en = self.value_text(name, value)
        return Label(f"{label.th}: {th}", f"{label.en}: {en}")

    def value_text(self, name: str, value: object) -> tuple[str, str]:
        """Thai and English text of a parsed value; kinds with named items override `item_names`."""
        if isinstance(value, datetime):
            return f"{thai_date(value.date(), short=True)} {value:%H:%M} น.", f"{en_date(value.date())} {value:%H:%M}"
        if isinstance(value, date):
            return thai_date(value, short=True), en_date(value)
        if isinstance(value, bool):
            return ("ใช่", "yes") if value else ("ไม่ใช่", "no")
        if isinstance(value, Decimal):
            return thai_num(value), fmt_num(value)
        if isinstance(value, frozenset | set | list | tuple):
            return self.item_names(sorted(str(v) for v in value)) if value else ("ไม่มี", "none")
        return str(value), str(value)

    def item_names(self, codes: list[str]) -> tuple[str, str]:
        return ", ".join(codes), ", ".join(codes)

    def unlabelled(self) -> list[str]:
        """Facts this rule reads that have no Thai and English name: a province would see a raw key."""
        return [name for name in self.fact_names() if not self.names(name) and name not in self.default_labels]

    def parse_fact(self, name: str, raw: str) -> object:
        """A fact's value, or FactError. Parsing depends only on the rule and the text, and entrants
        report the same texts again and again (a target of 250, a date): each is parsed once per process."""
        found = self._known(name, raw)
        if isinstance(found, FactError):  # a fresh exception: re-raising one instance grows its traceback
            raise FactError(found.fact, found.th, found.en)
        return found

    def _known(self, name: str, raw: str) -> object:
        """The parsed value or its FactError, from the cache of texts this rule has met."""
        if len(raw) > FACT_TEXT_MAX:  # e.g. a million digits typed in a preview: refused before any cache
            label = self.label(name)
            return FactError(
                name,
                f"{label.th} ยาวเกิน {FACT_TEXT_MAX} ตัวอักษร",
                f"{label.en} is longer than {FACT_TEXT_MAX} characters",
            )
        key = (name, raw)
        found = self._parsed.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._parse_fresh(name, raw)
            if len(raw) > PARSED_TEXT_MAX:  # kept, 20,000 such texts would hold megabytes per rule
                return found
            if len(self._parsed) >= PARSED_KEEP:  # a long-lived worker meets many values: stay bounded
                self._parsed.clear()
            self._parsed[key] = found
        return found

    def _parse_fresh(self, name: str, raw: str) -> object:
        try:
            return self._checked_parse(name, raw)
        except FactError as error:
            return error

    def _checked_parse(self, name: str, raw: str) -> object:
        if name not in self.fact_names():
            expected = ", ".join(self.fact_names())
            raise FactError(
                name,
                f"ไม่รู้จักข้อมูล “{name}” ในเกณฑ์นี้ (ใช้ได้: {expected})",
                f"unknown fact “{name}” for this criterion (expected: {expected})",
            )
        return self._parse(name, raw)

    def check(self, facts: Mapping[str, str]) -> list[FactError]:
        return self._parse_all(present(facts))[1]

    def _parse_all(self, facts: Mapping[str, str]) -> tuple[dict[str, object], list[FactError]]:
        errors: list[FactError] = []
        parsed: dict[str, object] = {}
        known = self._parsed
        for name, raw in facts.items():
            # A text met before is read straight from the cache (`_known`'s own first step, a call less a fact:
            # 272,942 facts a 10,000 villages explained); only texts no longer than PARSED_TEXT_MAX are kept.
            found = known.get((name, raw), _UNSEEN)
            if found is _UNSEEN:
                found = self._known(name, raw)
            if isinstance(found, FactError):
                errors.append(FactError(found.fact, found.th, found.en))
            else:
                parsed[name] = found
        # Cross-fact checks only make sense once every single fact is readable.
        return parsed, errors or self._cross_check(parsed)

    def no_data(self, ctx: Context) -> Score:
        return Score(Decimal(0), *NO_DATA)

    def scored_from(self, deadline: date | None) -> date | None:
        """The first day a period is scored by this rule (its deadline is the period's); None: from the start.
        A contest's combined standing leaves out a period none of whose rules has begun (scoring.contest_results)."""
        return None

    def begun(self, ctx: Context) -> bool:
        first = self.scored_from(ctx.deadline)
        return first is None or ctx.today is None or ctx.today >= first

    def column_points(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Decimal]:
        """`evaluate(...).points` of each cell of a column: this criterion's facts of many entrants, None where
        one has none (a recompute). Entrants often report the same values (a date, a yes), so each
        distinct cell is evaluated once. A kind may answer the common case faster, if a property test proves
        its points equal (tests/scoring/test_fast_points.py)."""
        return [score.points for score in Rule.column_scores(self, cells, ctx)]

    def column_scores(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Score]:
        """`evaluate(...)` of each cell of a column, its explanation included (the pass that builds the texts of
        thousands of entrants, a criterion at a time: `engine.Scorer.explain_many`). Each distinct cell is
        evaluated once; a kind may answer the common case faster, if a property test proves its scores equal,
        texts included (tests/scoring/test_fast_points.py)."""
        memo: dict[tuple, Score] = {}
        out = []
        for cell in cells:
            key = tuple(cell.items()) if cell else ()
            found = memo.get(key)
            if found is None:
                found = memo[key] = self.evaluate(cell or NO_FACTS, ctx)
            out.append(found)
        return out

    def _fill(
        self,
        out: list,
        cells: Sequence[Mapping[str, str] | None],
        ctx: Context,
        plain: Callable[[Rule, Sequence[Mapping[str, str] | None], Context], list] | None = None,
    ) -> list:
        """A fast path's column completed: the cells it left (None) scored by the plain rule (`plain`: its
        points, `Rule.column_points`, or its scores, `Rule.column_scores`)."""
        rest = [i for i, found in enumerate(out) if found is None]
        if rest:
            for i, found in zip(rest, (plain or Rule.column_points)(self, [cells[i] for i in rest], ctx), strict=True):
                out[i] = found
        return out

    def evaluate(self, facts: Mapping[str, str], ctx: Context) -> Score:
        """Never raises on bad facts: the committee must see every province, with the reason."""
        return self._score(present(facts), ctx)

    def _score(self, facts: Mapping[str, str], ctx: Context) -> Score:
        parsed, errors = self._parse_all(facts)
        if errors:
            return refused("; ".join(e.th for e in errors), "; ".join(e.en for e in errors))
        if not facts:
            return self.no_data(ctx)
        try:
            return self._evaluate(parsed, ctx)
        except FactError as error:
            return refused(error.th, error.en)


def _unit(name: str, raw: Any) -> Label | None:
    if raw is None:
        return None
    if not (
        isinstance(raw, Mapping)
        and set(raw) == {"th", "en"}
        and all(isinstance(v, str) and v.strip() for v in raw.values())
    ):
        raise RuleError(
            f'labels {name}: unit ต้องเป็น {{"th": "...", "en": "..."}} เช่น {{"th": "ครัวเรือน", "en": "households"}}',
            f'labels {name}: unit must be {{"th": "...", "en": "..."}}, e.g. {{"th": "ครัวเรือน", "en": "households"}}',
        )
    return Label(raw["th"], raw["en"])


def demo_pick(rng: random.Random, choices: int) -> int:
    """Which of `choices` levels (best first) a demo entrant reaches: the better ones more often, as in a
    real contest where most offices do the work and a few fall behind."""
    return rng.choices(range(choices), weights=range(choices + 1, 1, -1))[0]


def demo_text(value: Decimal) -> str:
    """A demo number the way an office types it: 1200, 93.5, never 1.2E+3."""
    return format(value, "f")


def present(facts: Mapping[str, str]) -> dict[str, str]:
    """Blank cells in an import mean "not reported", not "zero"."""
    return {k: v for k, v in facts.items() if v is not None and (v if type(v) is str else str(v)).strip()}


def missing(name: str, label: Label) -> FactError:
    return FactError(name, f"ยังไม่มีข้อมูล{label.th}", f"{label.en} not reported yet")
