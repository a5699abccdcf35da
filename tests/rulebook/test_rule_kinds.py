"""Every registered rule kind answers the questions the committee and the evidence portal ask it, so a
new kind that misses one fails here instead of being silently counted as judged or shown without labels."""

import json
import random
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rubrics.contest_spec import period_data
from rulebook.rules import KINDS, Context, Rule, RuleError, build_rule
from rulebook.rules.errors import FactError, Label
from rulebook.rules.evidence import EvidenceExpected
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "rubrics" / "rubric_files"
# 2566 first: the tests below read the national rubric as RUBRICS[0].
RUBRICS = [
    SHIPPED / "2566.json",
    *sorted(p for p in SHIPPED.glob("*.json") if p.name != "2566.json"),
    *sorted((Path(__file__).parents[1] / "rubrics").glob("*.json")),
]
# No rubric we ship or test on grades by letter yet.
GRADE = build_rule("grade", {"kind": "grade", "grades": {"A": "5", "B": "4", "C": "3", "D": "3"}}, Decimal(5))


def _examples() -> dict[str, list[tuple[Rule, date | None]]]:
    """Every kind's rules in the rubrics, each with its criterion's deadline (timeliness scores by it), and
    the rules a period sets for itself (seed 004's months) with that period's deadline."""
    out: dict[str, list[tuple[Rule, date | None]]] = {"grade": [(GRADE, None)]}
    for path in RUBRICS:
        data = json.loads(path.read_text())
        for c in parse_rubric(data).criteria():
            out.setdefault(c.rule.kind, []).append((c.rule, c.deadline))
        for period in (data.get("contest") or {}).get("periods") or []:
            for c in parse_rubric(period_data(data, period)).criteria():
                if c.code in (period.get("criteria") or {}) or c.rule.kind == "milestones":
                    out.setdefault(c.rule.kind, []).append((c.rule, date.fromisoformat(period["deadline"])))
    return out


DATED = _examples()
EXAMPLES = {kind: [rule for rule, _ in found] for kind, found in DATED.items()}
# Today's answers, kind by kind: a new kind must be added here, with its own answer.
JUDGED = {
    "done": True,
    "items_count": True,
    "checklist": True,
    "choice": True,
    "grade": True,
    "points": True,
    "ladder": True,
    "ratio": False,
    "bands": False,
    "table": False,
    "timeliness": False,
    "deadlines": False,
    "milestones": False,
    "requirements": True,  # the panel ticks its questions; a rule whose every question the entrant answers is computed
}


def test_every_registered_kind_has_an_example_and_an_answer() -> None:
    assert set(EXAMPLES) == set(KINDS)
    assert set(JUDGED) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_says_whether_the_committee_judges_it(kind: str) -> None:
    # Declared on the kind itself: the base class gives no default to fall back on.
    assert isinstance(KINDS[kind].committee_judges, bool)
    assert KINDS[kind].committee_judges is JUDGED[kind]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_answers_every_question_with_a_well_typed_value(kind: str) -> None:
    for rule in EXAMPLES[kind]:
        facts = rule.fact_names()
        items = rule.tickable_items()
        assert isinstance(items, list)
        for code, label in items:
            assert isinstance(code, str) and code
            assert isinstance(label, Label) and label.th
        assert isinstance(rule.tick_fact, str)
        if items:
            assert rule.committee_judges and rule.tick_fact in facts
        labels = rule.level_labels()
        assert isinstance(labels, dict)
        levels = rule.levels()
        for points, text in labels.items():
            assert isinstance(points, Decimal) and isinstance(text, str) and text
            assert levels is not None and points in levels
        fact = rule.upload_time_fact()
        assert isinstance(fact, str)
        assert fact == "" or fact in facts


def test_kinds_scored_by_picking_a_level_name_their_levels() -> None:
    choice, ladder, done, grade, items_count = (
        EXAMPLES[k][0] for k in ("choice", "ladder", "done", "grade", "items_count")
    )
    assert choice.level_labels() == {p: label.th for p, label in choice.choices.items()}
    assert ladder.level_labels() == {s.points: f"ขั้นที่ {s.code}: {s.text.th}" for s in ladder.steps}
    assert done.level_labels() == {done.points: "ดำเนินการแล้ว"}
    assert grade.level_labels() == {Decimal(5): "ระดับ A", Decimal(4): "ระดับ B", Decimal(3): "ระดับ C"}
    assert items_count.level_labels()[items_count.by_count[0]] == "ทำได้ 0 ข้อ"


def test_ticks_name_the_fact_they_feed() -> None:
    ladder, checklist = EXAMPLES["ladder"][0], EXAMPLES["checklist"][0]
    assert (ladder.tick_fact, checklist.tick_fact) == ("steps", "items")
    assert [code for code, _ in ladder.tickable_items()] == [s.code for s in ladder.steps if s.fact is None]
    assert checklist.tickable_items() == list(checklist.items.items())


def test_shipped_rubric_says_what_evidence_each_criterion_expects() -> None:
    shipped = parse_rubric(json.loads(RUBRICS[0].read_text()))
    wants = {c.code: c.rule.evidence_expected() for c in shipped.criteria()}
    assert wants["4.1.1"] == EvidenceExpected(frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx", "mp4"}))
    assert wants["4.1.2"] == EvidenceExpected(frozenset({"pdf", "mp4"}), False, ("4.1.1", "4.1.2"), ("pdf", "video"))
    assert wants["5.1"] == EvidenceExpected(frozenset({"pdf", "docx"}), innovation_report=True)
    assert wants["5.2"] == EvidenceExpected(frozenset({"pdf", "docx"}))
    assert wants["1.1"] == EvidenceExpected()
    fed = {c.code: c.rule.upload_time_fact() for c in shipped.criteria() if c.rule.upload_time_fact()}
    assert fed == {"4.1.2": "sent_at"}


def test_only_a_kind_that_reads_upload_times_may_be_fed_by_them() -> None:
    times = {"upload_times": {"from": ["1.1"], "needs": ["pdf"]}}
    with pytest.raises(RuleError) as refused:
        build_rule("done", {"points": "5", "evidence": times}, Decimal(5))
    assert refused.value.en == "rule kind done does not read upload times (evidence upload_times)"


@pytest.mark.parametrize(
    ("evidence", "en"),
    [
        ("pdf", "evidence must be an object"),
        ({"type": ["pdf"]}, "evidence: unknown key(s) type"),
        ({"types": []}, "evidence types must be a list of strings"),
        ({"types": ["pfd"]}, "evidence types: unknown pfd (known: docx, jpeg, mp4, pdf, png, pptx, xlsx)"),
        (
            {"upload_times": {"from": ["4.1.1"], "needs": ["mp4"]}},
            "evidence needs: unknown mp4 (known: image, office, pdf, video)",
        ),
        ({"innovation_report": "yes"}, "evidence innovation_report must be true or false"),
        ({"upload_times": {"from": ["4.1.1"]}}, "evidence upload_times needs from and needs"),
    ],
)
def test_bad_evidence_objects_are_refused_with_a_reason(evidence: object, en: str) -> None:
    with pytest.raises(RuleError) as refused:
        build_rule("done", {"points": "5", "evidence": evidence}, Decimal(5))
    assert refused.value.en == en


CAL = WorkCalendar()
DEMO_SEEDS = range(40)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_kind_gives_demo_facts_it_reads_and_scores(kind: str) -> None:
    for rule, deadline in DATED[kind]:
        ctx = Context(calendar=CAL, size_group="medium", deadline=deadline)
        points = set()
        for seed in DEMO_SEEDS:
            facts = rule.demo_facts(random.Random(seed), deadline=deadline)
            assert facts == rule.demo_facts(random.Random(seed), deadline=deadline)  # the same demo every run
            if rule.committee_judges:  # judged: the committee demo's judgments give its points, from its data
                assert set(facts) <= set(rule.data_facts())
                continue
            assert all(isinstance(v, str) and v for v in facts.values())
            assert set(facts) <= set(rule.fact_names())
            assert rule.check(facts) == []
            score = rule.evaluate(facts, ctx)
            assert 0 <= score.points <= rule.highest()
            points.add(score.points)
        # A condition worth no points (seed 002's) only says met or not: it has no levels to spread over.
        if (
            not rule.committee_judges
            and not rule.verdict_only()
            and (deadline or kind not in ("timeliness", "milestones"))
        ):
            # Spread over the rule's levels, not one value for every entrant.
            assert len(points) >= 2 and max(points) > 0


def test_timeliness_without_a_deadline_has_no_demo_date() -> None:
    rule = next(r for r, deadline in DATED["timeliness"] if deadline is None)
    assert rule.demo_facts(random.Random(1)) == {}


def test_milestones_scored_by_the_periods_deadline_have_no_demo_without_one() -> None:
    rule = next(r for r, deadline in DATED["milestones"] if deadline is None)  # seed 004's file-wide rule
    assert rule.demo_facts(random.Random(1)) == {}
    assert len(DATED["milestones"]) == 1 + 5  # and each month that computes its letter, with its 20th


def test_deadlines_demo_asks_for_an_extension_only_where_a_step_needs_one() -> None:
    rule = EXAMPLES["deadlines"][0]
    seen = set()
    for seed in DEMO_SEEDS:
        facts = rule.demo_facts(random.Random(seed))
        day = date.fromisoformat(facts[rule.fact])
        step = next((s for s in rule.steps if day <= s[0]), None)
        if step is not None and not step[2]:
            assert facts[rule.flag] == "no"
        seen.add(step[1] if step else None)
    assert None in seen and len(seen) >= 4


def test_a_fact_text_is_parsed_once_and_a_bad_one_refused_every_time(monkeypatch) -> None:
    # Thousands of entrants report the same texts: the rule remembers each parse (bounded), and a
    # refused text is refused again with the same reason, never read as the last good value.
    labels = {"done": {"th": "ครัวเรือนที่ทำ", "en": "households done"}, "all": {"th": "ครัวเรือน", "en": "households"}}
    rule = build_rule(
        "ratio",
        {"kind": "ratio", "numerator": "done", "denominator": "all", "weight": "5", "labels": labels},
        Decimal(5),
    )
    assert rule.parse_fact("all", "1,250") == Decimal(1250)
    assert rule.parse_fact("all", "1,250") == Decimal(1250)
    for _ in range(2):
        with pytest.raises(FactError) as refused:
            rule.parse_fact("all", "ten")
        assert refused.value.en == "households must be a number, got “ten”"
    monkeypatch.setattr("rulebook.rules.base.PARSED_KEEP", 3)
    for n in range(10):
        assert rule.parse_fact("done", str(n)) == Decimal(n)
    assert len(rule._parsed) <= 3


# -- the fact template's questions: which facts are an office's data, and what each cell takes ----
SAMPLES = {  # the examples each format's text gives, which the rule must then accept
    "count": ["1,250", "1250"],
    "number": ["93.5", "1"],
    "amount": ["12,500.50"],
    "date": ["18/04/2566", "2023-04-18"],
    "moment": ["18/04/2566", "2023-04-18 14:30"],
    "yes_no": ["ใช่", "ไม่ใช่"],
    "choice": ["1", "๒"],
    "year": ["2564", "๒๕๖๔"],  # a choice question's number: every one has at least two
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_data_fact_says_what_to_type_and_takes_its_own_example(kind: str) -> None:
    for rule in EXAMPLES[kind]:
        data = rule.data_facts()
        assert set(data) <= set(rule.fact_names())
        assert not (set(data) & {rule.tick_fact, rule.upload_time_fact()} - {""})
        if rule.committee_judges and not rule.tick_fact:
            assert data == ()  # the level or the yes a member gives is no office's data
        for name in data:
            fmt = rule.fact_format(name)
            assert fmt.code in SAMPLES and fmt.th and fmt.en, (kind, name)
            for sample in SAMPLES[fmt.code]:
                rule.parse_fact(name, sample)


def test_which_facts_are_data_kind_by_kind() -> None:
    national = {c.code: c.rule for c in parse_rubric(json.loads(RUBRICS[0].read_text())).criteria()}
    assert national["4.2"].data_facts() == ("new_downloads",)  # the ladder's ticked steps are the committee's
    assert national["4.1.2"].data_facts() == ()  # sent_at: the evidence upload's own time
    assert national["2.1.2"].data_facts() == ("received_on",)
    assert national["1.1"].data_facts() == ()
    formats = {name: national["2.1.1"].fact_format(name).code for name in national["2.1.1"].data_facts()}
    assert formats == {"households_collected": "count", "households_target": "count", "confidence_pct": "number"}


@pytest.mark.parametrize("path", RUBRICS[: len(list(SHIPPED.glob("*.json")))], ids=lambda p: p.stem)
def test_every_shipped_number_has_its_unit(path: Path) -> None:
    # The template heads each column with the fact's unit: a count, a number or an amount without one would
    # leave an office guessing (people or households? baht or thousands?).
    spec = parse_rubric(json.loads(path.read_text()))
    missing = [c.name for c in spec.fact_columns if c.format.code in ("count", "number", "amount") and c.unit is None]
    assert missing == []


@pytest.mark.parametrize(
    "unit",
    [{"th": "คน"}, "คน", {"th": "คน", "en": ""}, {"th": "คน", "en": "people", "short": "p"}],
)
def test_a_unit_needs_thai_and_english(unit: object) -> None:
    labels = {"verified": {"th": "ตรวจสอบได้", "en": "verified", "unit": unit}, "target": {"th": "เป้า", "en": "target"}}
    params = {"kind": "ratio", "numerator": "verified", "denominator": "target", "weight": "30", "labels": labels}
    with pytest.raises(RuleError) as info:
        build_rule("ratio", params, Decimal(30))
    assert (
        info.value.th
        == 'labels verified: unit ต้องเป็น {"th": "...", "en": "..."} เช่น {"th": "ครัวเรือน", "en": "households"}'
    )
    labels["verified"]["unit"] = {"th": "คน", "en": "people"}
    assert build_rule("ratio", params, Decimal(30)).unit("verified") == Label("คน", "people")


# -- milestones (seed 004): what a rubric may and may not say ---------------------------------------------------
MILESTONE_LABELS = {
    "uses": {"th": "การขอใช้ข้อมูล", "en": "data uses", "unit": {"th": "ครั้ง", "en": "times"}},
    "sent": {"th": "วันที่ส่งรายงาน", "en": "report sent"},
}


def milestones(*levels: dict, **extra: object) -> Rule:
    params = {"kind": "milestones", "labels": MILESTONE_LABELS, "levels": list(levels), **extra}
    return build_rule("milestones", params, Decimal(5))


def level(grade: str, points: str, *when: dict) -> dict:
    return {"grade": grade, "points": points, "th": f"ระดับ {grade}", "en": f"grade {grade}", "when": list(when)}


USED = {"fact": "uses", "min": "1"}
EITHER = "levels 1 when 1: use min (with of, optionally), or by, or by_fact, one of them"


@pytest.mark.parametrize(
    ("levels", "extra", "en"),
    [
        ((level("A", "5"), level("B", "4", USED)), {}, "levels 1: a level without conditions must be last"),
        ((level("A", "5", USED | {"by": "deadline"}),), {}, EITHER),
        ((level("A", "5", {"fact": "uses", "of": "sent"}),), {}, EITHER),
        ((level("A", "5", USED), level("B", "4", {"fact": "uses"})), {}, "uses cannot be both a count and a date"),
        ((level("B", "4", USED), level("A", "5")), {}, "levels must run from most points down"),
        ((level("A", "5", USED),), {"missing": "C"}, "missing must be one of the levels (A)"),
        ((level("A", "5", {"fact": "sent", "by": "31/02/2568"}),), {}, "levels 1 when 1 by: "),
    ],
)
def test_milestones_refuse_what_cannot_be_read(levels: tuple[dict, ...], extra: dict, en: str) -> None:
    with pytest.raises(RuleError) as refused:
        milestones(*levels, **extra)
    assert refused.value.en.startswith(en)


def test_milestones_take_the_first_level_met_and_move_a_closed_deadline() -> None:
    rule = milestones(
        level("A", "5", {"fact": "uses", "min": "1"}, {"fact": "sent", "by": "deadline"}),
        level("B", "4", {"fact": "uses", "min": "1"}, {"fact": "sent"}),
        level("C", "3"),
        missing="C",
    )
    ctx = Context(calendar=CAL, deadline=date(2025, 9, 20))  # a Saturday: Monday 22 Sep is still in time
    assert [rule.evaluate(f, ctx).points for f in (
        {"uses": "1", "sent": "22/09/2568"}, {"uses": "1", "sent": "23/09/2568"}, {"uses": "0", "sent": "1/09/2568"}, {}
    )] == [5, 4, 3, 3]  # fmt: skip
    assert rule.evaluate({}, ctx).en == "no report (nothing reported yet), counted as grade C → 3 points"
    assert (rule.fact_format("uses").code, rule.fact_format("sent").code) == ("count", "date")
    assert rule.data_facts() == ("uses", "sent") and not rule.committee_judges
    assert rule.level_labels() == {
        Decimal(5): "ระดับ A: ระดับ A",
        Decimal(4): "ระดับ B: ระดับ B",
        Decimal(3): "ระดับ C: ระดับ C",
    }
