"""The questions of a `requirements` rule, read from a rubric: what each asks, how it is answered
and what the document requires of the answer; a verdict as pages show it; a level's conditions. Plain data and
the checks that refuse a question the rule could not ask, Thai first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from core.numbers import is_whole
from rulebook.rules.errors import Label, RuleError
from rulebook.rules.facts import clean, fmt_num
from rulebook.rules.values import FactFormat

YES_NO_ANSWER, COUNT_ANSWER, CHOICE_ANSWER, YEAR_ANSWER = "yes_no", "count", "choice", "year"
ANSWERS = (YES_NO_ANSWER, COUNT_ANSWER, CHOICE_ANSWER, YEAR_ANSWER)
NUMBERS = (COUNT_ANSWER, YEAR_ANSWER)  # answers compared as numbers: "at least"
YEAR = FactFormat("year", "ปี พ.ศ. เช่น 2564", "a year B.E., e.g. 2564")
YEARS = (2400, 2800)  # B.E.: a Gregorian 2021 typed here is refused, not read as a year long past
ENTRANT, PANEL = "entrant", "panel"
CONFIRMED = "confirmed"  # the fact the panel's ticks are written to: the panel's questions it found met
UNDECIDED = ("ต้องพิจารณา", "needs a decision")
NONE = Label("", "")


@dataclass(frozen=True)
class Question:
    code: str
    text: Label
    answer: str  # YES_NO_ANSWER | COUNT_ANSWER | CHOICE_ANSWER | YEAR_ANSWER
    by: str  # ENTRANT | PANEL
    choices: tuple[str, ...] = ()  # a choice question's options, answered by number (1 …)
    need: str = ""  # as written: "yes", a least count, another count question's code, or choice numbers "1,2"
    choices_en: tuple[str, ...] = ()  # the options in English, where given ("choice 2" otherwise)
    unit: Label | None = None  # a count's unit, heading its column in the fact template

    def choice_text(self, value: object) -> Label:
        n = int(value)  # type: ignore[call-overload]
        if not 1 <= n <= len(self.choices):
            return Label(str(value), str(value))
        return Label(self.choices[n - 1], self.choices_en[n - 1] if self.choices_en else f"choice {n}")


@dataclass(frozen=True)
class Verdict:
    """One requirement as the entrant's page and the panel's screen show it: the question, the answer as a
    person reads it ("" when unanswered) and whether it holds (None: the question states no requirement)."""

    question: Question
    answer: Label
    met: bool | None
    reason: Label


@dataclass(frozen=True)
class Level:
    grade: str
    points: Decimal
    text: Label
    when: tuple[tuple[str, str], ...]  # (question code, value); value "" means the question's own need met


def figure(q: Question, value: Decimal) -> str:
    """A number as explanations say it: a count grouped (1,250), a year as a year (2564)."""
    return str(int(value)) if q.answer == YEAR_ANSWER else fmt_num(value)


def is_yes(text: str) -> bool:
    return clean(text).lower() in ("yes", "ใช่", "true", "มี")


def read_question(code: str, row: Mapping[str, Any]) -> Question:
    th = str(row["th"])
    answer, by = str(row["answer"]).strip(), str(row["by"]).strip()
    where = f"questions {code}"
    if answer not in ANSWERS:
        raise RuleError(
            f"{where}: answer ต้องเป็น yes_no, count, year หรือ choice แต่ได้รับ “{answer}”",
            f"{where}: answer must be yes_no, count, year or choice, got “{answer}”",
            field="questions",
        )
    if by not in (ENTRANT, PANEL):
        raise RuleError(
            f"{where}: by ต้องเป็น entrant หรือ panel แต่ได้รับ “{by}”",
            f"{where}: by must be entrant or panel, got “{by}”",
            field="questions",
        )
    if by == PANEL and answer != YES_NO_ANSWER:
        raise RuleError(
            f"{where}: คณะกรรมการตอบได้เฉพาะคำถาม ใช่/ไม่ใช่",
            f"{where}: the panel answers yes/no questions only",
            field="questions",
        )
    choices = tuple(c.strip() for c in str(row.get("choices") or "").split(";") if c.strip())
    if (answer == CHOICE_ANSWER) != bool(choices) or len(choices) == 1:
        raise RuleError(f"{where}: คำถามแบบเลือกต้องมีตัวเลือกอย่างน้อย 2 ข้อ (คั่นด้วย ;) และแบบอื่นไม่มีตัวเลือก",
                        f"{where}: a choice question needs at least 2 choices (separated by ;), others none",
                        field="questions")  # fmt: skip
    choices_en = tuple(c.strip() for c in str(row.get("choices_en") or "").split(";") if c.strip())
    if choices_en and len(choices_en) != len(choices):
        raise RuleError(
            f"{where}: ตัวเลือกภาษาอังกฤษต้องมีเท่ากับตัวเลือกภาษาไทย ({len(choices)} ข้อ)",
            f"{where}: give as many English choices as Thai ones ({len(choices)})",
            field="questions",
        )
    need = str(row.get("need") or "").strip()
    unit_th = str(row.get("unit") or "").strip()
    unit = Label(unit_th, str(row.get("unit_en") or unit_th).strip()) if unit_th else None
    return Question(code, Label(th, str(row.get("en") or th)), answer, by, choices, need, choices_en, unit)


def check_need(q: Question, questions: Mapping[str, Question]) -> None:
    where = f"questions {q.code}"
    if not q.need:
        return
    fine = True
    if q.answer == YES_NO_ANSWER:
        fine = clean(q.need).lower() in ("yes", "no", "ใช่", "ไม่ใช่", "true", "false", "มี", "ไม่มี")
    elif q.answer == CHOICE_ANSWER:
        parts = [p.strip() for p in q.need.split(",")]
        fine = all(is_whole(p) and 1 <= int(p) <= len(q.choices) for p in parts)
    elif q.need in questions:
        fine = questions[q.need].answer == q.answer in NUMBERS and q.need != q.code
    else:
        fine = is_whole(clean(q.need))
    if not fine:
        raise RuleError(
            f"{where}: need “{q.need}” ใช้ไม่ได้กับคำตอบแบบ {q.answer} (ใช่/ไม่ใช่: yes; "
            "จำนวนหรือปี: ตัวเลขหรือรหัสข้ออื่นแบบเดียวกัน; ตัวเลือก: หมายเลขตัวเลือก)",
            f"{where}: need “{q.need}” does not fit a {q.answer} answer (yes_no: yes; count or year: a number or "
            "another such question's code; choice: choice numbers)",
            field="questions",
        )


def read_level(row: Mapping[str, Any], index: int, questions: Mapping[str, Question]) -> Level:
    when: list[tuple[str, str]] = []
    for part in (p.strip() for p in str(row.get("when") or "").split(",")):
        if not part:
            continue
        code, _, value = (s.strip() for s in part.partition("="))
        q = questions.get(code)
        ok = q is not None and (not value or _value_fits(q, value)) and (value or q.need)
        if not ok:
            raise RuleError(
                f"levels {index}: เงื่อนไข “{part}” ต้องเป็นรหัสคำถามที่มีสิ่งที่กำหนด หรือ รหัส=คำตอบที่ตอบได้",
                f"levels {index}: condition “{part}” must be a question code with a need, or code=a possible answer",
                field="levels",
                row=index,
            )
        when.append((code, value))
    th = str(row.get("th") or "")
    return Level(str(row["grade"]), row["points"], Label(th, str(row.get("en") or th)), tuple(when))


def _value_fits(q: Question, value: str) -> bool:
    if q.answer == YES_NO_ANSWER:
        return clean(value).lower() in ("yes", "no", "ใช่", "ไม่ใช่")
    if q.answer == CHOICE_ANSWER:
        return is_whole(value) and 1 <= int(value) <= len(q.choices)
    return is_whole(clean(value))
