"""What a document requires in words, asked as questions and answered by whoever the document says:
the entrant (its own figures, a yes or no, a choice, beside its evidence) or the panel (a yes it ticks once it has
read the evidence). A question may say what it requires (`need`); the rule turns the answers into a verdict:
every requirement met → `points`, otherwise `otherwise`, the unmet ones said in words; or, with `levels`, the
first level (best first) whose conditions the answers meet (seed 004, June). Answers that fit no level are left
to the panel (docs/decisions.md, decision 13): 0 points said as "ต้องพิจารณา", never a silent lowest level."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any, cast

from core.numbers import is_whole
from core.thai import thai_digits
from rulebook.rules.base import Rule, present
from rulebook.rules.declare import DECIMAL, ITEM, ITEM_NAMES, ITEMS, LEVEL, NAMES_IF_ANY, TABLE, TEXT, Param
from rulebook.rules.errors import FactError, Label
from rulebook.rules.facts import clean, parse_bool, parse_codes, parse_count, pts_en, pts_th
from rulebook.rules.questions import (
    CHOICE_ANSWER,
    CONFIRMED,
    COUNT_ANSWER,
    ENTRANT,
    NONE,
    NUMBERS,
    PANEL,
    UNDECIDED,
    YEAR,
    YEAR_ANSWER,
    YEARS,
    YES_NO_ANSWER,
    Level,
    Question,
    Verdict,
    check_need,
    figure,
    is_yes,
    read_level,
    read_question,
)  # fmt: skip
from rulebook.rules.values import CODES, COUNT, YES_NO, Context, FactFormat, Score

_QUESTION_COLUMNS = (
    ITEM_NAMES[0],
    NAMES_IF_ANY[1],
    Param("answer", TEXT, "คำตอบเป็น", "answered as", required=False, default=YES_NO_ANSWER,
          help_th="yes_no ใช่/ไม่ใช่, count จำนวน, year ปี พ.ศ., choice เลือกหนึ่งข้อ",
          help_en="yes_no, count, year (B.E.) or choice (one of the choices)"),
    Param("by", TEXT, "ผู้ตอบ", "answered by", required=False, default=ENTRANT,
          help_th="entrant ผู้เข้าประกวดตอบพร้อมหลักฐาน, panel คณะกรรมการติ๊ก (ใช่/ไม่ใช่เท่านั้น)",
          help_en="entrant (with its evidence) or panel (ticks; yes/no only)"),
    Param("choices", TEXT, "ตัวเลือก (คั่นด้วย ;)", "choices, separated by ;", required=False),
    Param("choices_en", TEXT, "ตัวเลือกภาษาอังกฤษ (คั่นด้วย ;)", "the choices in English, separated by ;", required=False),
    Param("unit", TEXT, "หน่วยของจำนวน", "a count's unit (Thai)", required=False),
    Param("unit_en", TEXT, "หน่วยภาษาอังกฤษ", "a count's unit (English)", required=False),
    Param("need", TEXT, "สิ่งที่เอกสารกำหนด", "what the document requires", required=False,
          help_th="ใช่/ไม่ใช่: yes; จำนวน: ตัวเลขขั้นต่ำ หรือรหัสข้อจำนวนอื่น (อย่างน้อยเท่าคำตอบนั้น); "
                  "ปี: ปีที่กำหนด (ต้องเป็นปีนั้น); ตัวเลือก: หมายเลขที่ผ่าน เช่น 1,2; ว่าง: ไม่ใช่เงื่อนไข",
          help_en="yes_no: yes; count: a least number, or another count question's code (at least its answer); "
                  "year: the year required (that year, no other); choice: the numbers that pass, e.g. 1,2; "
                  "blank: not a requirement"),
)  # fmt: skip


class Requirements(Rule):
    kind = "requirements"
    # The panel ticks its questions; a rule whose every question the entrant answers is computed (set per rule).
    committee_judges = True
    tick_fact = CONFIRMED
    default_labels = {CONFIRMED: Label("ข้อที่คณะกรรมการยืนยัน", "requirements the panel confirmed")}
    title = Label("เงื่อนไขตามเอกสาร (ถามตอบ)", "requirements the document states (questions)")
    parameters = (
        Param("questions", ITEMS, "คำถาม (ถ้อยคำตามเอกสาร)", "questions, in the document's words",
              columns=_QUESTION_COLUMNS, key_th="รหัสคำถาม", key_en="question code", least=1, each=ITEM),
        Param("points", DECIMAL, "คะแนนเมื่อผ่านทุกเงื่อนไข", "points when every requirement is met", required=False,
              help_th="ว่าง: คะแนนเต็ม (ไม่ใช้เมื่อมีระดับ)", help_en="blank: full points (unused with levels)"),
        Param("otherwise", DECIMAL, "คะแนนเมื่อไม่ผ่าน", "points when a requirement is not met", required=False,
              default="0"),
        Param("levels", TABLE, "ระดับจากคำตอบ (ดีที่สุดก่อน)", "levels from the answers, best first", required=False,
              columns=(
                  Param("grade", TEXT, "ระดับ", "grade"),
                  Param("points", DECIMAL, "คะแนน", "points"),
                  *NAMES_IF_ANY,
                  Param("when", TEXT, "เมื่อ (คั่นด้วย ,)", "when, separated by ,", required=False,
                        help_th="รหัสคำถาม (ผ่านตามที่กำหนด) หรือ รหัส=คำตอบ เช่น improved=yes, partners=1",
                        help_en="a question code (its need met) or code=answer, e.g. improved=yes, partners=1"),
              ), least=1, each=LEVEL),
    )  # fmt: skip

    def __init__(self, params: Mapping[str, Any], max_points: Decimal) -> None:
        super().__init__(params, max_points)
        self.questions = {code: read_question(code, row) for code, row in self.given["questions"].items()}
        for q in self.questions.values():
            check_need(q, self.questions)
        self.panel = tuple(code for code, q in self.questions.items() if q.by == PANEL)
        self.asked = tuple(code for code, q in self.questions.items() if q.by == ENTRANT)
        self.committee_judges = bool(self.panel)  # type: ignore[misc]
        self.pass_points = self.given.get("points", max_points)
        self.otherwise = self.given["otherwise"]
        rows = self.given.get("levels") or []
        self.levels_ = tuple(read_level(row, i, self.questions) for i, row in enumerate(rows, 1))

    # -- what the rule reads ----------------------------------------------------------------------------
    def fact_names(self) -> tuple[str, ...]:
        return ((CONFIRMED,) if self.panel else ()) + self.asked

    def label(self, name: str) -> Label:
        q = self.questions.get(name)
        return q.text if q is not None else super().label(name)

    def names(self, name: str) -> bool:
        return name in self.questions or super().names(name)

    def unit(self, name: str) -> Label | None:
        q = self.questions.get(name)
        return q.unit if q is not None else super().unit(name)

    def _parse(self, name: str, raw: str) -> object:
        if name == CONFIRMED:
            return parse_codes(name, self.label(name), raw, self.panel)
        q = self.questions[name]
        if q.answer == YES_NO_ANSWER:
            return parse_bool(name, q.text, raw)
        if q.answer == COUNT_ANSWER:
            return parse_count(name, q.text, raw)
        if q.answer == YEAR_ANSWER:
            text = clean(raw)
            if is_whole(text) and YEARS[0] <= int(text) <= YEARS[1]:
                return Decimal(text)
            raise FactError(name, f"{q.text.th} ต้องเป็นปี พ.ศ. เช่น 2564 แต่ได้รับ “{raw}”",
                            f"{q.text.en} must be a year B.E., e.g. 2564, got “{raw}”")  # fmt: skip
        text = clean(raw)
        if is_whole(text) and 1 <= int(text) <= len(q.choices):
            return Decimal(text)
        th = "; ".join(f"{n} {q.choice_text(n).th}" for n in range(1, len(q.choices) + 1))
        en = "; ".join(f"{n} {q.choice_text(n).en}" for n in range(1, len(q.choices) + 1))
        raise FactError(name, f"{q.text.th} ต้องเป็นหมายเลขตัวเลือก ({th}) แต่ได้รับ “{raw}”",
                        f"{q.text.en} must be a choice's number ({en}), got “{raw}”")  # fmt: skip

    def fact_format(self, name: str) -> FactFormat:
        q = self.questions.get(name)
        if q is None:
            return CODES
        if q.answer == COUNT_ANSWER:
            return COUNT
        if q.answer == YEAR_ANSWER:
            return YEAR
        if q.answer == YES_NO_ANSWER:
            return YES_NO
        th = "; ".join(f"{n} {q.choice_text(n).th}" for n in range(1, len(q.choices) + 1))
        en = "; ".join(f"{n} {q.choice_text(n).en}" for n in range(1, len(q.choices) + 1))
        return FactFormat("choice", f"หมายเลขตัวเลือก: {th}", f"a choice's number: {en}")

    def value_text(self, name: str, value: object) -> tuple[str, str]:
        q = self.questions.get(name)
        if q is not None and q.answer == CHOICE_ANSWER:
            return q.choice_text(value)
        if q is not None and q.answer == YEAR_ANSWER:  # a year is no amount: 2564, never 2,564
            return thai_digits(str(value)), str(value)
        return super().value_text(name, value)

    def item_names(self, codes: list[str]) -> tuple[str, str]:
        known = [self.questions[c] for c in self.panel if c in codes]
        return "; ".join(q.text.th for q in known), "; ".join(q.text.en for q in known)

    # -- what the panel and the entrant are shown --------------------------------------------------------
    def tickable_items(self) -> list[tuple[str, Label]]:
        return [(code, self.questions[code].text) for code in self.panel]

    def verdict_only(self) -> bool:
        return self.max_points == 0 and not self.levels_

    def entrant_questions(self) -> list[Question]:
        return [self.questions[code] for code in self.asked]

    def verdicts(self, facts: Mapping[str, str]) -> list[Verdict]:
        parsed, _ = self._parse_all({k: v for k, v in facts.items() if v not in ("", None)})
        return [self._verdict(q, parsed) for q in self.questions.values()]

    def levels(self) -> tuple[Decimal, ...]:
        found = {Decimal(0), self.otherwise}
        found |= {lv.points for lv in self.levels_} if self.levels_ else {self.pass_points}
        return tuple(sorted(found))

    def level_labels(self) -> dict[Decimal, str]:
        if not self.levels_:
            return {self.pass_points: "ผ่านทุกเงื่อนไข"}
        texts: dict[Decimal, str] = {}
        for lv in self.levels_:
            texts.setdefault(lv.points, f"ระดับ {lv.grade}" + (f": {lv.text.th}" if lv.text.th else ""))
        return texts

    # -- the verdict ---------------------------------------------------------------------------------------
    def _answer(self, q: Question, parsed: Mapping[str, object]) -> object:
        if q.by == PANEL:
            ticked = parsed.get(CONFIRMED)
            return None if ticked is None else q.code in ticked  # type: ignore[operator]
        return parsed.get(q.code)

    def _verdict(self, q: Question, parsed: Mapping[str, object]) -> Verdict:
        value = self._answer(q, parsed)
        if value is None:
            th, en = (
                ("คณะกรรมการยังไม่ได้ตรวจ", "not yet checked by the panel")
                if q.by == PANEL
                else ("ยังไม่ได้ตอบ", "not answered yet")
            )
            return Verdict(q, NONE, False if q.need else None, Label(f"{q.text.th}: {th}", f"{q.text.en}: {en}"))
        shown = Label(*self.value_text(q.code, value))
        if not q.need:  # a figure the others are measured by: said as every explanation says numbers
            th = figure(q, cast(Decimal, value)) if q.answer in NUMBERS else shown.th
            return Verdict(q, shown, None, Label(f"{q.text.th}: {th}", f"{q.text.en}: {shown.en}"))
        met, th, en = self._holds(q, value, parsed)
        return Verdict(q, shown, met, Label(th, en))

    def _holds(self, q: Question, value: object, parsed: Mapping[str, object]) -> tuple[bool, str, str]:
        if q.answer == YES_NO_ANSWER:
            want = is_yes(q.need)
            word = ("ใช่", "yes") if value else ("ไม่ใช่", "no")
            return value is want, f"{q.text.th}: {word[0]}", f"{q.text.en}: {word[1]}"
        if q.answer == CHOICE_ANSWER:
            allowed = {int(n) for n in q.need.split(",")}
            text = q.choice_text(value)
            return int(value) in allowed, f"{q.text.th}: {text.th}", f"{q.text.en}: {text.en}"  # type: ignore[call-overload]
        assert isinstance(value, Decimal)
        if q.need in self.questions:
            other = self.questions[q.need]
            target = parsed.get(q.need)
            if target is None:
                return (
                    False,
                    f"{q.text.th} {figure(q, value)}: ยังไม่ได้ตอบ{other.text.th}",
                    (f"{q.text.en} {figure(q, value)}: {other.text.en} not answered"),
                )
            assert isinstance(target, Decimal)
            met, sign = self._compare(q, value, target)
            return (
                met,
                f"{q.text.th} {figure(q, value)} {sign} {other.text.th} {figure(other, target)}",
                (f"{q.text.en} {figure(q, value)} {sign} {other.text.en} {figure(other, target)}"),
            )
        least = Decimal(q.need)
        met, sign = self._compare(q, value, least)
        return (
            met,
            f"{q.text.th} {figure(q, value)} {sign} {figure(q, least)}",
            (f"{q.text.en} {figure(q, value)} {sign} {figure(q, least)}"),
        )

    @staticmethod
    def _compare(q: Question, value: Decimal, need: Decimal) -> tuple[bool, str]:
        """A count needs at least `need`; a year is that year ("ข้อมูล จปฐ. ปี 2564" is 2564's data, not a
        later year's)."""
        if q.answer == YEAR_ANSWER:
            return value == need, "=" if value == need else "≠"
        return value >= need, "≥" if value >= need else "<"

    def _evaluate(self, parsed: Mapping[str, object], ctx: Context) -> Score:
        verdicts = [self._verdict(q, parsed) for q in self.questions.values()]
        if self.levels_:
            return self._leveled(verdicts, parsed)
        unmet = [v for v in verdicts if v.met is False]
        # A criterion of no points is a condition the entrant meets or not (seed 002): its text says so.
        gate = ("; เป็นเงื่อนไข ไม่มีคะแนน", "; a condition, worth no points") if self.verdict_only() else ("", "")
        if not unmet:
            met = [v.reason for v in verdicts if v.met]
            th, en = "; ".join(r.th for r in met), "; ".join(r.en for r in met)
            return Score(self.pass_points, f"ผ่านทุกเงื่อนไข ({th}){gate[0]} → {pts_th(self.pass_points)}",
                         f"every requirement met ({en}){gate[1]} → {pts_en(self.pass_points)}")  # fmt: skip
        th, en = "; ".join(v.reason.th for v in unmet), "; ".join(v.reason.en for v in unmet)
        return Score(self.otherwise, f"ไม่ผ่าน: {th}{gate[0]} → {pts_th(self.otherwise)}",
                     f"not met: {en}{gate[1]} → {pts_en(self.otherwise)}")  # fmt: skip

    def _level_met(self, verdicts: list[Verdict], parsed: Mapping[str, object]) -> Level | None:
        by_code = {v.question.code: v for v in verdicts}
        return next(
            (lv for lv in self.levels_ if all(self._condition(by_code[c], value, parsed) for c, value in lv.when)),
            None,
        )

    def may_need_decision(self) -> bool:
        return bool(self.levels_)

    def needs_decision(self, facts: Mapping[str, str]) -> bool:
        """Every question answered and no row of the document's table fits (decision 13)."""
        if not self.levels_:
            return False
        parsed, errors = self._parse_all(present(facts))
        verdicts = [self._verdict(q, parsed) for q in self.questions.values()]
        answered = all(v.answer.th for v in verdicts)
        return not errors and answered and self._level_met(verdicts, parsed) is None

    def _leveled(self, verdicts: list[Verdict], parsed: Mapping[str, object]) -> Score:
        answers = [v for v in verdicts if v.answer.th]
        th = "; ".join(f"{v.question.text.th}: {v.answer.th}" for v in answers) or "ยังไม่ได้ตอบ"
        en = "; ".join(f"{v.question.text.en}: {v.answer.en}" for v in answers) or "not answered"
        lv = self._level_met(verdicts, parsed)
        if lv is not None:
            return Score(lv.points, f"{th} → ระดับ {lv.grade} → {pts_th(lv.points)}",
                         f"{en} → grade {lv.grade} → {pts_en(lv.points)}")  # fmt: skip
        if len(answers) < len(verdicts):
            return Score(self.otherwise, f"{th} → ยังตอบไม่ครบ → {pts_th(self.otherwise)}",
                         f"{en} → not every question answered → {pts_en(self.otherwise)}")  # fmt: skip
        return Score(Decimal(0), f"{th}: ไม่ตรงระดับใดในเอกสาร → {UNDECIDED[0]} → {pts_th(Decimal(0))}",
                     f"{en}: fits no level of the document → {UNDECIDED[1]} → {pts_en(Decimal(0))}")  # fmt: skip

    def _condition(self, verdict: Verdict, value: str, parsed: Mapping[str, object]) -> bool:
        if not value:
            return verdict.met is True
        answer = self._answer(verdict.question, parsed)
        if answer is None:
            return False
        if verdict.question.answer == YES_NO_ANSWER:
            return answer is is_yes(value)
        return Decimal(clean(value)) == answer

    def demo_facts(self, rng: random.Random, *, deadline: date | None = None) -> dict[str, str]:
        """The entrant's answers, as a real year's: mostly meeting what is required. They are its data, so a rule
        the panel also ticks has them too; the ticks are the committee demo's."""
        out: dict[str, str] = {}
        for q in self.entrant_questions():
            if q.answer == YES_NO_ANSWER:
                out[q.code] = "yes" if rng.random() < 0.8 else "no"
            elif q.answer == CHOICE_ANSWER:
                out[q.code] = str(rng.choices(range(1, len(q.choices) + 1), weights=range(len(q.choices), 0, -1))[0])
            elif is_whole(clean(q.need)):  # a least count or year: mostly met, now and then one short
                out[q.code] = str(int(clean(q.need)) - (rng.random() < 0.2))
            elif q.answer == COUNT_ANSWER:
                out[q.code] = str(rng.randint(5, 15))
        for q in self.entrant_questions():  # "at least as many as another answer": mostly met, as in a real year
            if q.need in self.questions and q.need in out:
                out[q.code] = str(int(out[q.need]) - (rng.random() < 0.2))
        return out
