"""What a rule gives and takes, apart from the rule itself: a score and its explanation, the context it is
scored in (the calendar, a size group, the deadline), how a rubric rounds a percentage, and what a fact's cell
takes. Plain values, no behaviour of a kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any, NamedTuple

from core.i18n import pick
from rulebook.rules.errors import Label
from rulebook.workdays import WorkCalendar

NO_DATA = ("ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")
# What a provincial officer reads per criterion: short enough to read at a glance.
MAX_EXPLANATION = 300


class Score:
    """Points and their explanation, Thai and English. `Score.later` keeps the text unbuilt until it is read:
    a full recompute needs only the points of 145,100 cells, a person reads one entrant's text.
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

    def __str__(self) -> str:  # a page's `{{ score }}`: the explanation in its language
        return pick(self.th, self.en)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Score):
            return NotImplemented
        return self.points == other.points and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.points, self.text))

    def __repr__(self) -> str:
        return f"Score(points={self.points!r}, th={self.th!r}, en={self.en!r})"


def fit(text: str, limit: int = MAX_EXPLANATION) -> str:
    """Shortens the reasons, never the result ("→ N คะแนน" stays)."""
    if len(text) <= limit:
        return text
    body, arrow, tail = text.rpartition(" → ")
    if not arrow:
        return text[: limit - 1] + "…"
    return body[: limit - len(tail) - len(arrow) - 1].rstrip() + "…" + arrow + tail


def refused(th: str, en: str) -> Score:
    """Facts that cannot be used score 0, and the explanation says so like every other zero."""
    return Score(Decimal(0), f"{th} → 0 คะแนน", f"{en} → 0 points")


@dataclass(frozen=True)
class Context:
    calendar: WorkCalendar
    size_group: str = ""
    deadline: date | None = None
    # The day it is scored on: a rule that scores a period not yet begun says so (Rule.scored_from); None
    # scores every period as if it had begun (a rule's tests, the builder's preview).
    today: date | None = None


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
    """What a fact's cell takes, as the rule parses it: said on the fact template next to the
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
