"""Every criterion's explanation, for a spread of facts, reads the way a province understands it.

The spread is built per rule kind (none, refused, each level, each boundary); a kind this file does
not know fails the test, so a new rule kind cannot slip past these rules.
"""

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from core.thai import fmt_points
from rubrics.contest_spec import period_data
from rulebook.rules import KINDS, build_rule
from rulebook.rules.base import Rule
from rulebook.rules.deadlines import Deadlines
from rulebook.rules.ladder import Ladder
from rulebook.rules.measure import Measure
from rulebook.rules.milestones import Milestones
from rulebook.rules.ratio_bands import Bands, Ratio
from rulebook.rules.requirements import Requirements
from rulebook.rules.simple import Checklist, Choice, Done, Grade, ItemsCount, Points
from rulebook.rules.table import Table
from rulebook.rules.timeliness import Timeliness
from rulebook.rules.values import MAX_EXPLANATION, Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar

ROOT = Path(__file__).resolve().parents[2]
RUBRICS = [
    *sorted((ROOT / "rubrics" / "rubric_files").glob("*.json")),
    *sorted((Path(__file__).parents[1] / "rubrics").glob("*.json")),
]
CAL = WorkCalendar()
D = Decimal
THAI = re.compile(r"[\u0e00-\u0e7f]")


def measure_values(measure: Measure, target: Decimal) -> dict[str, str]:
    """Facts that make the measure exactly `target` (a percentage or a value read directly)."""
    if measure.fact:
        return {measure.fact: fmt_points(target)}
    if measure.numerators:  # the ranked count and the better ones at the target, the others blank (none)
        return {n: str(int(target * 100)) for n in measure.numerators[: measure.rank]} | {measure.denominator: "10000"}
    if measure.constant is not None:  # e.g. 12 databases: the nearest whole count at or above target
        count = min(int(-(-target * measure.constant // 100)), int(measure.constant))
        return {measure.numerator: str(max(count, 0))}
    if measure.minus == measure.denominator:  # growth: (now − before) ÷ before
        return {measure.numerator: fmt_points(10000 + target * 100), measure.denominator: "10000"}
    if measure.minus:  # reduction: (before − now) ÷ before
        return {measure.numerator: "10000", measure.minus: fmt_points(10000 - target * 100)}
    return {measure.numerator: str(int(target * 100)), measure.denominator: "10000"}


def zero_facts(rule: Bands | Table | Ratio) -> list[dict[str, str]]:
    """The rubric's own "nothing to divide by" case, when it has one."""
    return [{rule.if_zero.fact: "0"}] if rule.if_zero else []


def spread(rule: Rule) -> list[dict[str, str]]:
    if isinstance(rule, Done):
        return [{"done": "yes"}, {"done": "no"}, {"done": "maybe"}]
    if isinstance(rule, ItemsCount | Checklist):
        codes = list(rule.items)
        return [{"items": ",".join(codes[:n]) or "-"} for n in range(len(codes) + 1)] + [{"items": "zz"}]
    if isinstance(rule, Choice):
        return [{"level": fmt_points(p)} for p in rule.levels()] + [{"level": "0.5"}]
    if isinstance(rule, Grade):
        return [{"grade": g} for g in rule.grades] + [{"grade": "Z"}]
    if isinstance(rule, Points):
        return [{"points": "0"}, {"points": fmt_points(rule.max_points)}, {"points": "999"}]
    if isinstance(rule, Ratio):
        return [
            {rule.numerator: n, rule.denominator: d} for n, d in (("0", "40"), ("13", "40"), ("40", "40"), ("1", "0"))
        ] + [{rule.numerator: "4.5", rule.denominator: "10"}, *zero_facts(rule)]
    if isinstance(rule, Bands):
        out = []
        step = D("0.01") if rule.measure.lower else D("-0.01")  # just missing the band
        for minimum, _ in rule.bands:
            out += [measure_values(rule.measure, minimum), measure_values(rule.measure, minimum + step)]
        return [*out, {name: "-1" for name in rule.measure.facts}, *zero_facts(rule)]
    if isinstance(rule, Table):
        out = []
        for mins, _ in rule.rows:
            for below in (D(0), D("0.01")):
                facts: dict[str, str] = {}
                for key, m in rule.measures.items():
                    facts |= measure_values(m, mins.get(key, D(0)) + (below if m.lower else -below))
                out.append(facts)
        return [*out, {name: "x" for name in rule.facts}, *zero_facts(rule)]
    if isinstance(rule, Ladder):
        codes = [s.code for s in rule.steps if s.fact is None]
        out = [{"steps": ",".join(codes[:n]) or "-"} for n in range(len(codes) + 1)]
        for step in rule.steps:
            if step.fact:
                target = step.min if step.min is not None else max(step.min_by_size.values())
                for value in (target, target - 1):
                    out.append({"steps": ",".join(codes), step.fact: fmt_points(value)})
        return [*out, {"steps": "99"}]
    if isinstance(rule, Timeliness):
        deadline = date(2023, 4, 12)  # the day before Songkran: holidays in every count
        days = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 14, 30, 200]
        return [{rule.fact: (deadline + timedelta(n)).isoformat()} for n in days] + [{rule.fact: "12/13/2566"}]
    if isinstance(rule, Deadlines):
        days = [by + timedelta(n) for by, _, _ in rule.steps for n in (0, 1)]
        flags = [{}, {rule.flag: "yes"}, {rule.flag: "no"}] if rule.flag else [{}]
        return [{rule.fact: d.isoformat(), **f} for d in days for f in flags] + [{rule.fact: "31/02/2565"}]
    if isinstance(rule, Milestones):
        out = []
        for level in rule.levels_:  # each level just met, and each of its conditions just missed
            met: dict[str, str] = {}
            for c in level.when:
                if c.of:
                    met |= {c.fact: "100", c.of: "100"} if c.min else {c.fact: "0", c.of: "100"}
                elif c.min is not None:
                    met[c.fact] = fmt_points(c.min)
                elif c.by_fact:
                    met |= {c.fact: "2023-04-12", c.by_fact: "2023-04-12"}
                else:
                    met[c.fact] = (c.by or date(2023, 4, 12)).isoformat()
            out.append(met)
            out += [met | {c.fact: "99" if c.min is not None else "2023-05-30"} for c in level.when]
        return [*out, {name: "x" for name in rule.counts} | {name: "31/02/2565" for name in rule.dates}]
    if isinstance(rule, Requirements):
        out = [{}]
        for q in rule.entrant_questions():  # each answer it can take, one question at a time, and one it cannot
            values = {
                "yes_no": ["yes", "no"],
                "count": ["0", "8"],
                "year": ["2563", "2564"],
                "choice": [str(n) for n in range(1, len(q.choices) + 1)],
            }
            out += [{q.code: v} for v in values[q.answer]] + [{q.code: "x"}]
        first = {
            q.code: {"yes_no": "yes", "count": "8", "year": "2564", "choice": "1"}[q.answer]
            for q in rule.entrant_questions()
        }
        ticks = [{rule.tick_fact: ",".join(rule.panel)}] if rule.panel else [{}]
        return [*out, *(first | t for t in ticks)]
    raise AssertionError(f"no spread of facts for rule kind {rule.kind}: add one here")


def cases() -> list[tuple[str, Rule, dict[str, str]]]:
    out = []
    for path in RUBRICS:
        spec = parse_rubric(json.loads(path.read_text(encoding="utf-8")))
        for c in spec.criteria():
            for facts in [{}, *spread(c.rule)]:
                out.append((f"{path.stem}:{c.code}", c.rule, facts))
        data = json.loads(path.read_text(encoding="utf-8"))
        for period in (data.get("contest") or {}).get("periods") or []:  # a month's own rule (seed 004)
            for c in parse_rubric(period_data(data, period)).criteria():
                if c.code in (period.get("criteria") or {}):
                    out += [(f"{path.stem}.{period['code']}:{c.code}", c.rule, f) for f in [{}, *spread(c.rule)]]
    grade = build_rule("grade", {"kind": "grade", "grades": {"A": "5", "B": "4", "C": "3", "D": "2"}}, D(5))
    out += [("grade", grade, facts) for facts in [{}, *spread(grade)]]
    return out


CASES = cases()


def test_every_rule_kind_is_exercised():
    assert {rule.kind for _, rule, _ in CASES} == set(KINDS)


@pytest.mark.parametrize(("where", "rule", "facts"), CASES, ids=[f"{w}-{i}" for i, (w, _, _) in enumerate(CASES)])
def test_explanation_reads_well(where, rule, facts):
    deadline = date(2023, 4, 12)
    score = rule.evaluate(facts, Context(calendar=CAL, size_group="medium", deadline=deadline))
    th, en = score.th, score.en
    points = fmt_points(score.points)
    # The result closes every explanation, zeros included.
    assert th.endswith(f"→ {points} คะแนน"), th
    assert en.endswith(f"→ {points} point{'' if score.points == 1 else 's'}"), en
    for text in (th, en):
        assert len(text) <= MAX_EXPLANATION, text
        assert not re.search(r"\d\.00\b", text), text  # counts and whole percentages without decimals
        assert not re.search(r"[≥<]\s*[\d.,]+\.01\b", text), text  # "more than 90%", never "≥ 90.01%"
    # Thai text: Thai dates and thresholds, never a raw fact key or an ISO date.
    assert not any(re.search(rf"\b{name}\b", th) for name in rule.fact_names()), th
    assert not re.search(r"\d{4}-\d{2}-\d{2}", th), th
    assert "%" not in th, th
    # English text: no Thai units or words (the platform's name "Click ชุมชน" is a name).
    assert not THAI.search(en.replace("Click ชุมชน", "")), en
    assert not re.search(r"\d{4}-\d{2}-\d{2}", en), en


def test_explanation_examples_in_both_languages():
    spec = parse_rubric(json.loads(RUBRICS[0].read_text(encoding="utf-8")))
    ctx = Context(calendar=CAL, size_group="medium", deadline=date(2023, 4, 26))
    received = spec.criterion("2.1.2").rule.evaluate({"received_on": "2/5/66"}, ctx)
    assert (received.points, received.th) == (
        D(2),
        "ส่ง ๒ พ.ค. ๒๕๖๖ หลังวันครบกำหนด ๒๖ เม.ย. ๒๕๖๖ 4 วันทำการ (ไม่เกิน 5 วันทำการ) → 2 คะแนน",
    )
    assert received.en == "submitted 2 May 2023, 4 working days after the deadline 26 Apr 2023 (at most 5) → 2 points"
    databases = spec.criterion("2.2.1").rule.evaluate({"databases_up_to_date": "11"}, ctx)
    assert databases.th == "ฐานข้อมูลที่เป็นปัจจุบัน ร้อยละ ๙๑.๖๗ มากกว่าร้อยละ ๙๐ แต่ไม่เกินร้อยละ ๙๙ → 4 คะแนน"
    nothing = spec.criterion("1.1").rule.evaluate({}, ctx)
    assert (nothing.th, nothing.en) == ("ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")


def test_long_reasons_are_shortened_but_the_result_stays():
    # A fact's text is at most 200 characters (longer is refused unread): a long name makes it long.
    labels = {"points": {"th": "คะแนน" * 30, "en": "points " * 30}}
    rule = build_rule("points", {"kind": "points", "labels": labels}, D(5))
    score = rule.evaluate({"points": "x" * 200}, Context(calendar=CAL))
    assert len(score.th) <= MAX_EXPLANATION and score.th.endswith("… → 0 คะแนน")
