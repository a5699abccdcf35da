"""Contract shared by every rule kind: scores, facts, errors and the Rule base class."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar, NamedTuple

from core.thai import fmt_num, thai_date, thai_num
from rulebook.dates import en_date
from rulebook.rules.declare import Param, check, names
from rulebook.rules.errors import FactError, Label, RuleError, about
from rulebook.workdays import WorkCalendar


class Score:
    """Points and their explanation, Thai and English. `Score.later` keeps the text unbuilt until it is read:
    a full recompute needs only the points of 145,100 cells (issue #30), a person reads one entrant's text.
    Every text is fitted to MAX_EXPLANATION characters, its result kept ("→ N คะแนน")."""

    __slots__ = ("_args", "_render", "_text", "points")

    def __init__(self, points: Decimal, th: str, en: str) -> None:
        self.points = points
        self._text: tuple[str, str] | None = (fit(th), fit(en))
        self._render: Any = None
        self._args: tuple = ()

    @classmethod
    def later(cls, points: Decimal, render: Any, *args: Any) -> Score:
        """Points now; `render(*args)` gives (th, en) when the text is first read, once."""
        score = cls.__new__(cls)
        score.points, score._text, score._render, score._args = points, None, render, args
        return score

    @property
    def text(self) -> tuple[str, str]:
        if self._text is None:
            th, en = self._render(*self._args)
            # Fitted here, once, rather than wrapped in a second Score per evaluated cell (145,100 in a full recompute).
            self._text, self._render, self._args = (fit(th), fit(en)), None, ()
        return self._text

    @property
    def th(self) -> str:  # explanation, Thai
        return self.text[0]

    @property
    def en(self) -> str:  # explanation, English
        return self.text[1]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Score):
            return NotImplemented
        return self.points == other.points and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.points, self.text))

    def __repr__(self) -> str:
        return f"Score(points={self.points!r}, th={self.th!r}, en={self.en!r})"


@dataclass(frozen=True)
class Context:
    calendar: WorkCalendar
    size_group: str = ""
    deadline: date | None = None


@dataclass(frozen=True)
class Rounding:
    """How a rubric rounds a measured percentage before comparing it: a property of the rubric, because
    the national manual rounds 97.005% up (decision 1) while seed 003's "ไม่น้อยกว่าร้อยละ ๕" must not let
    4.999% pass."""

    percent_places: int = 2
    mode: str = "half_up"  # or "truncate"

    def apply(self, value: Decimal) -> Decimal:
        return value.quantize(self._quantum, rounding=self._mode)

    @cached_property
    def _quantum(self) -> Decimal:  # made once, not per measured value (145,100 of them in a full recompute)
        return Decimal(1).scaleb(-self.percent_places)

    @cached_property
    def _mode(self) -> str:
        return ROUND_DOWN if self.mode == "truncate" else ROUND_HALF_UP

    def text(self) -> Label:
        if self.mode == "truncate":
            return Label(f"ตัดทศนิยมเหลือ {self.percent_places} ตำแหน่ง", f"truncated to {self.percent_places} dp")
        return Label(f"ปัดเศษเหลือ {self.percent_places} ตำแหน่ง", f"rounded half-up to {self.percent_places} dp")


ROUNDING_MODES = ("half_up", "truncate")
DEFAULT_ROUNDING = Rounding()


class FactFormat(NamedTuple):
    """What a fact's cell takes, as the rule parses it: said on the fact template (issue #27) next to the
    fact's name and unit, so nobody has to learn it from the rubric's JSON."""

    code: str
    th: str
    en: str


COUNT = FactFormat("count", "จำนวนเต็ม เช่น 1,250", "a whole number, e.g. 1,250")
NUMBER = FactFormat("number", "ตัวเลข มีทศนิยมได้ เช่น 93.5", "a number, decimals allowed, e.g. 93.5")
AMOUNT = FactFormat("amount", "จำนวนเงิน มีสตางค์ได้ เช่น 12,500.50", "an amount, satang allowed, e.g. 12,500.50")
DATE = FactFormat("date", "วันที่ เช่น 18/04/2566 หรือ 2023-04-18", "a date, e.g. 18/04/2566 or 2023-04-18")
MOMENT = FactFormat(
    "moment",
    "วันที่ หรือวันที่และเวลา เช่น 18/04/2566 หรือ 2023-04-18 14:30",
    "a date, or a date and time, e.g. 18/04/2566 or 2023-04-18 14:30",
)
YES_NO = FactFormat("yes_no", "ใช่ หรือ ไม่ใช่", "yes or no")
CODES = FactFormat("codes", "รหัสรายการคั่นด้วยจุลภาค เช่น 1,3 (ไม่มี: -)", "item codes with commas, e.g. 1,3 (none: -)")
TEXT = FactFormat("text", "ตามที่เกณฑ์กำหนด", "as the criterion says")


@dataclass(frozen=True)
class EvidenceExpected:
    """What evidence a criterion expects: its rule's optional "evidence" object (docs/rubric-format.md)."""

    types: frozenset[str] | None = None  # file types accepted; None: the evidence portal's default set
    innovation_report: bool = False  # the innovation report form is filed under this criterion
    # Upload times feed `upload_time_fact`: the criteria whose uploads count and the file kinds that must
    # all be in (the fact is the moment the last one arrived). Empty: uploads do not feed this rule.
    times_from: tuple[str, ...] = ()
    times_need: tuple[str, ...] = ()


NO_DATA = ("ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")
# What a provincial officer reads per criterion: short enough to read at a glance.
MAX_EXPLANATION = 300
PARSED_KEEP = 20_000  # parsed fact texts a rule remembers (Rule.parse_fact)
PARSED_TEXT_MAX = 64  # and their length: entrants repeat short texts (a count, a date, "1,3"), not long ones
FACT_TEXT_MAX = 200  # a stored fact's length (Fact.value): a longer text is refused, never parsed nor kept
_UNSEEN = object()
NO_FACTS: Mapping[str, str] = MappingProxyType({})  # a cell nobody filled


def fit(text: str, limit: int = MAX_EXPLANATION) -> str:
    """Shortens the reasons, never the result ("→ N คะแนน" stays)."""
    if len(text) <= limit:
        return text
    body, arrow, tail = text.rpartition(" → ")
    if not arrow:
        return text[: limit - 1] + "…"
    return body[: limit - len(tail) - len(arrow) - 1].rstrip() + "…" + arrow + tail


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
            self.evidence = _evidence(params.get("evidence"))
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
        `requirements` rule of `max_points` 0, issue #40): the one rule a rubric may give 0 points."""
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
        # English is optional wherever a person types (issue #39): a Thai name alone stands for both.
        en = entry.get("en") or (entry.get("th") if entry.get("th") else default.en)
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
        for name, raw in facts.items():
            found = self._known(name, raw)
            if isinstance(found, FactError):
                errors.append(FactError(found.fact, found.th, found.en))
            else:
                parsed[name] = found
        # Cross-fact checks only make sense once every single fact is readable.
        return parsed, errors or self._cross_check(parsed)

    def no_data(self, ctx: Context) -> Score:
        return Score(Decimal(0), *NO_DATA)

    def column_points(self, cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list[Decimal]:
        """`evaluate(...).points` of each cell of a column: this criterion's facts of many entrants, None where
        one has none (a recompute, issue #30). Entrants often report the same values (a date, a yes), so each
        distinct cell is evaluated once. A kind may answer the common case faster, if a property test proves
        its points equal (tests/scoring/test_fast_points.py)."""
        memo: dict[tuple, Decimal] = {}
        out = []
        for cell in cells:
            key = tuple(cell.items()) if cell else ()
            found = memo.get(key)
            if found is None:
                found = memo[key] = self.evaluate(cell or NO_FACTS, ctx).points
            out.append(found)
        return out

    def _fill(self, out: list[Decimal | None], cells: Sequence[Mapping[str, str] | None], ctx: Context) -> list:
        """A fast path's column completed: the cells it left (None) scored by the plain rule."""
        rest = [i for i, found in enumerate(out) if found is None]
        if rest:
            for i, found in zip(rest, Rule.column_points(self, [cells[i] for i in rest], ctx), strict=True):
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


# The rubric format's words for evidence (docs/rubric-format.md): file types a criterion accepts, and the
# kinds of file upload times wait for; a typo would refuse every upload, so it is refused when loaded.
FILE_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx", "mp4"})
FILE_KINDS = frozenset({"pdf", "image", "office", "video"})


def _strings(value: Any, what: str, known: frozenset[str] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"evidence {what} ต้องเป็นรายการข้อความ", f"evidence {what} must be a list of strings")
    unknown = sorted(set(value) - known) if known is not None else []
    if unknown:
        names, allowed = ", ".join(unknown), ", ".join(sorted(known or ()))
        raise RuleError(
            f"evidence {what}: ไม่รู้จัก {names} (ใช้ได้: {allowed})", f"evidence {what}: unknown {names} (known: {allowed})"
        )
    return tuple(value)


def _evidence(raw: Any) -> EvidenceExpected:
    if raw is None:
        return EvidenceExpected()
    if not isinstance(raw, Mapping):
        raise RuleError("evidence ต้องเป็นออบเจกต์", "evidence must be an object")
    unknown = sorted(set(raw) - {"types", "innovation_report", "upload_times"})
    if unknown:
        raise RuleError(f"evidence ไม่รู้จัก {', '.join(unknown)}", f"evidence: unknown key(s) {', '.join(unknown)}")
    report = raw.get("innovation_report", False)
    if not isinstance(report, bool):
        raise RuleError(
            "evidence innovation_report ต้องเป็น true หรือ false", "evidence innovation_report must be true or false"
        )
    types = None if raw.get("types") is None else frozenset(_strings(raw["types"], "types", FILE_TYPES))
    times = raw.get("upload_times")
    if times is None:
        return EvidenceExpected(types, report)
    if not isinstance(times, Mapping) or set(times) != {"from", "needs"}:
        raise RuleError("evidence upload_times ต้องมี from และ needs", "evidence upload_times needs from and needs")
    return EvidenceExpected(
        types, report, _strings(times["from"], "from"), _strings(times["needs"], "needs", FILE_KINDS)
    )


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


def refused(th: str, en: str) -> Score:
    """Facts that cannot be used score 0, and the explanation says so like every other zero."""
    return Score(Decimal(0), f"{th} → 0 คะแนน", f"{en} → 0 points")


def present(facts: Mapping[str, str]) -> dict[str, str]:
    """Blank cells in an import mean "not reported", not "zero"."""
    return {k: v for k, v in facts.items() if v is not None and (v if type(v) is str else str(v)).strip()}


def missing(name: str, label: Label) -> FactError:
    return FactError(name, f"ยังไม่มีข้อมูล{label.th}", f"{label.en} not reported yet")
