"""The provincial contests of seeds 001–004, shipped as rubric files, scored by hand from the seeds' own
formulas (the arithmetic is in the comments). No database: spec, rules and engine are pure Python."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.engine import evaluate_entrant, rank
from rulebook.rubric import RubricSpec
from rulebook.rules import Context
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files"
CAL = WorkCalendar()
D = Decimal


def load(name: str, **changes: object) -> RubricSpec:
    data = json.loads((RUBRICS / f"{name}.json").read_text(encoding="utf-8"))
    return parse_rubric({**data, **changes})


def points(spec: RubricSpec, code: str, **facts: str) -> Decimal:
    c = spec.criterion(code)
    return c.rule.evaluate(facts, Context(calendar=CAL, deadline=c.deadline)).points


@pytest.mark.parametrize(
    ("name", "slug", "organiser", "level", "entrants"),
    [
        ("chonburi-web-2564", "chonburi-web-2564", "20", "district", 11),
        ("nongkhai-missions-2565", "nongkhai-missions-2565", "43", "district", 9),
        ("ubon-milestones-2568", "ubon-milestones-2568", "34", "district", 25),
        ("model-subdistrict-2565", "model-subdistrict-2565", None, "subdistrict", 0),
    ],
)
def test_seed_rubric_parses_and_exposes_its_contest(
    name: str, slug: str, organiser: str | None, level: str, entrants: int
) -> None:
    spec = load(name)
    assert spec.contest is not None
    assert (spec.contest["slug"], spec.contest["organiser"], spec.contest["entrant_level"]) == (slug, organiser, level)
    assert len(spec.contest.get("entrants", [])) == entrants
    assert len(set(spec.contest.get("entrants", []))) == entrants
    assert all(code[:2] == organiser for code in spec.contest.get("entrants", []))


def test_national_rubric_has_no_contest_block_and_rounds_half_up() -> None:
    spec = load("2566")
    assert spec.contest is None
    assert (spec.rounding.percent_places, spec.rounding.mode) == (2, "half_up")
    assert all(d.level_bands == () for d in spec.dimensions)


# -- seed 001: Chonburi district websites, 20/25/10/30/15, top 3 --------------------------------------
def committee(*marks: str) -> dict[str, dict[str, str]]:
    """One committee mark per dimension, whose single criterion is "<dimension>.1"."""
    return {f"{n}.1": {"points": m} for n, m in enumerate(marks, 1)}


def test_chonburi_shares_a_rank_and_flags_a_tie_at_the_third_award() -> None:
    # docs/decisions.md, decision 12: the letter gives no tie-break ("จำนวน ๓ รางวัล … รางวัลชนะเลิศ รองชนะเลิศอันดับหนึ่ง
    # รองชนะเลิศอันดับสอง" and nothing on equal marks), so equal totals share a rank and the panel decides.
    spec = load("chonburi-web-2564")
    assert spec.tie_break == ()
    marks = {
        "2001": ("20", "25", "10", "28", "12"),  # 20 + 25 + 10 + 28 + 12 = 95
        "2007": ("18", "22", "9", "27", "13"),  # 89
        "2004": ("15", "20", "5", "30", "10"),  # 80, criterion 4: 30
        "2009": ("20", "25", "5", "25", "5"),  # 80, criterion 4: 25; no order given, so still level with 2004
        "2002": ("10", "10", "5", "10", "5"),  # 40
    }
    scored = {code: evaluate_entrant(spec, committee(*m), size_group="", calendar=CAL) for code, m in marks.items()}
    assert {code: b.total for code, b in scored.items()} == {"2001": 95, "2007": 89, "2004": 80, "2009": 80, "2002": 40}
    placings = rank(scored, tie_break=spec.tie_break, awards=spec.awards)
    # (entrant, rank, tied, award, tie at an award line): 2004 and 2009 hold 3rd and 4th place together, one
    # award between them; both are listed under the third award and flagged, the code only orders the list.
    assert [(p.unit, p.rank, p.tied, p.award, p.award_tie) for p in placings] == [
        ("2001", 1, False, "winner", False),
        ("2007", 2, False, "runner_up_1", False),
        ("2004", 3, True, "runner_up_2", True),
        ("2009", 3, True, "runner_up_2", True),
        ("2002", 5, False, None, False),
    ]


# -- seed 003: Nong Khai, 8 missions, each banded into a level on its own score ------------------------
PHON_PHISAI = {
    # Mission 1: 1,180 × 30 ÷ 1,250 = 28.32
    "1.1.1": {"verified": "1,180", "tpmap_target": "1,250"},
    "1.1.2": {"households_with_plan": "400", "households_verified": "400"},  # 100% have a plan → 10
    "1.2.1": {"mentor_visits_fewest_month": "2"},  # "อย่างน้อยเดือนละ ๒ ครั้ง" → 10
    "1.2.2.1": {"income_helped": "37", "income_failed": "45"},  # 37 × 15 ÷ 45 = 12.333… → 12.33
    "1.2.2.2": {"other_helped": "0", "other_failed": "0"},  # none failing: full 10 (if_zero)
    "1.2.3": {"households_surviving": "70", "households_target": "400"},  # 17.5% ≥ 15 → 3
    "1.3.1": {"poverty_pr_channels": "3", "poverty_pr_fewest_week": "1"},  # once in some week < "สัปดาห์ละ ๒ ครั้ง" → 0
    "1.3.2": {"poverty_reports_fewest_month": "1"},  # "อย่างน้อยเดือนละ ๑ ครั้ง" → 10
    "1.4": {"excluded_recorded": "40", "tpmap_target": "1,250"},  # 3.2% ≥ 3 → 5 extra
    # Mission 2: paid out 15 Feb 2565 with an extension (≤ 28 Feb) → 30
    "2.1": {"paid_out_on": "15/02/2565", "extension_requested": "ใช่"},
    "2.2": {"complaints": "3", "complaints_handled": "3", "slowest_days": "12"},  # all, ≤ 15 days → 6
    "2.3": {"pr_fewest_month": "9"},  # ≥ 8 a month → 15
    "2.4": {"plots_successful": "52", "plots": "80"},  # 65% ≥ 60 → 10
    # Mission 3: 16 activities; channels 9,000 / 6,000 / 4,999 of 100,000 operators: the third channel's
    # 4.999% → 4.99 (truncated) < 5, so not "ทั้ง ๓ ช่องทาง … ไม่น้อยกว่าร้อยละ ๕"; the second's 6% ≥ 4 → 4
    "3.1": {
        "activities": "16",
        "online_channel_1": "9,000",
        "online_channel_2": "6,000",
        "online_channel_3": "4,999",
        "operators_new": "100,000",
    },
    # Mission 4: plan dated 20 Jan 2565 (by 31 Jan) → 50; 9 ÷ 40 = 22.5% ≥ 20 → 40
    "4.1": {"plan_on": "2022-01-20"},
    "4.2": {"activities_done": "9", "activities_planned": "40"},
    # Mission 5: 62,499.99 ÷ 250,000 = 24.999996% → 24.99 ≥ 20 → 3 (half-up would make it 25.00 → 4)
    "5.1": {"overdue_repaid": "62,499.99", "overdue": "250,000.00"},
    # Mission 6: (1,000,000 − 1,050,000) ÷ 1,000,000 = −5%: the debt grew → lowest band, 0
    "6.1": {"overdue_start": "1,000,000", "overdue_now": "1,050,000"},
    # Mission 7: (1,086,000 − 1,000,000) ÷ 1,000,000 = 8.6% ≥ 8 → 4
    "7.1": {"revenue": "1,086,000", "revenue_baseline": "1,000,000"},
    # Mission 8: 5 + 5 + 10 + 20 + 0 (no quarterly activity); 450 ÷ 444 = 101.35% ≥ 100 → 30
    "8.1.1": {"done": "yes"},
    "8.1.2": {"done": "yes"},
    "8.1.3": {"databases_updated": "12", "databases": "12"},  # "ทุกฐาน" → 10
    "8.2": {"click_pr_channels": "2", "click_pr_fewest_month": "1"},  # monthly, 2 channels → 20
    "8.3": {"click_activities_fewest_quarter": "0"},  # a quarter without an activity → 0
    "8.4": {"downloads": "450", "downloads_target": "444"},
}


def test_nongkhai_district_scores_each_mission_and_its_level() -> None:
    spec = load("nongkhai-missions-2565")
    b = evaluate_entrant(spec, PHON_PHISAI, size_group="", calendar=CAL)
    got = {k: s.points for k, s in b.criteria.items()}
    assert got == {
        "1.1.1": D("28.32"), "1.1.2": 10, "1.2.1": 10, "1.2.2.1": D("12.33"), "1.2.2.2": 10, "1.2.3": 3,
        "1.3.1": 0, "1.3.2": 10, "1.4": 5,
        "2.1": 30, "2.2": 6, "2.3": 15, "2.4": 10,
        "3.1": 4,
        "4.1": 50, "4.2": 40,
        "5.1": 3, "6.1": 0, "7.1": 4,
        "8.1.1": 5, "8.1.2": 5, "8.1.3": 10, "8.2": 20, "8.3": 0, "8.4": 30,
    }  # fmt: skip
    # 28.32 + 10 + 10 + 12.33 + 10 + 3 + 0 + 10 + 5 = 88.65: in "67–88" (level 4) since 89 is not reached
    assert b.dimensions == {
        "1": D("88.65"),
        "2": D(61),
        "3": D(4),
        "4": D(90),
        "5": D(3),
        "6": D(0),
        "7": D(4),
        "8": D(70),
    }
    assert b.dimension_levels == {"1": 4, "2": 4, "3": 4, "4": 5, "5": 3, "6": 1, "7": 4, "8": 4}
    assert b.total == D("320.65")
    assert b.level is None  # the seed bands each mission, not the sum


def test_nongkhai_rounding_is_the_rubrics_own() -> None:
    truncating = load("nongkhai-missions-2565")
    half_up = load("nongkhai-missions-2565", rounding={"percent_places": 2, "mode": "half_up"})
    otop = PHON_PHISAI["3.1"]
    # 4.999%: "ไม่น้อยกว่าร้อยละ ๕" is not met when truncated, and would be if rounded half-up
    assert (points(truncating, "3.1", **otop), points(half_up, "3.1", **otop)) == (4, 5)
    c = truncating.criterion("3.1")
    assert c.rule.evaluate(otop, Context(calendar=CAL)).th == (
        "กิจกรรมส่งเสริมช่องทางการตลาด ๑๖ ครั้ง ตั้งแต่ ๑๒ ครั้ง; ช่องทางออนไลน์อันดับ ๒ มีผู้ประกอบการเข้าร่วม ร้อยละ ๖ "
        "ตั้งแต่ร้อยละ ๔ (ไม่ถึง 5 คะแนน: ช่องทางออนไลน์อันดับ ๓ มีผู้ประกอบการเข้าร่วม ร้อยละ ๔.๙๙ น้อยกว่าร้อยละ ๕) → 4 คะแนน"
    )
    loans = PHON_PHISAI["5.1"]
    assert (points(truncating, "5.1", **loans), points(half_up, "5.1", **loans)) == (3, 4)


@pytest.mark.parametrize(
    ("paid", "extension", "expected"),
    [
        ("2021-12-30", "", 50),  # by 30 Dec 2564, no extension asked
        ("2021-12-30", "yes", 50),  # asked, but done by 30 Dec anyway: 1.1 still applies
        ("2021-12-31", "", 0),  # late without an extension: 1.5
        ("2021-12-31", "yes", 40),  # by 31 Jan 2565
        ("2022-01-31", "yes", 40),
        ("2022-02-01", "yes", 30),  # by 28 Feb 2565
        ("2022-03-31", "yes", 20),  # by 31 Mar 2565
        ("2022-04-01", "yes", 0),  # extended, still not done by 31 Mar: 1.5
    ],
)
def test_nongkhai_payout_deadline_is_chosen_by_the_extension_flag(paid: str, extension: str, expected: int) -> None:
    facts = {"paid_out_on": paid} | ({"extension_requested": extension} if extension else {})
    assert points(load("nongkhai-missions-2565"), "2.1", **facts) == expected


@pytest.mark.parametrize(
    ("complaints", "handled", "slowest", "expected"),
    [
        ("0", "0", "0", 10),  # 2.1 no complaints
        ("5", "5", "7", 8),  # all within 7 days
        ("5", "5", "8", 6),  # within 15
        ("5", "5", "30", 4),  # within 30
        ("5", "5", "31", 2),  # all handled, but slower than any level: the lowest
        ("5", "4", "3", 2),  # 2.5 not every complaint handled, however fast the others were
    ],
)
def test_nongkhai_complaints_fewer_days_score_more(complaints: str, handled: str, slowest: str, expected: int) -> None:
    facts = {"complaints": complaints, "complaints_handled": handled, "slowest_days": slowest}
    assert points(load("nongkhai-missions-2565"), "2.2", **facts) == expected


@pytest.mark.parametrize(
    ("revenue", "expected"),
    [("1,100,000", 5), ("1,099,999", 4), ("1,040,000", 2), ("1,039,999", 1), ("1,000,000", 1), ("900,000", 1)],
)
def test_nongkhai_textile_growth_negative_is_the_lowest_band(revenue: str, expected: int) -> None:
    # (revenue − 1,000,000) ÷ 1,000,000: 10% → 5, 9.9999% → 4, 4% → 2, 3.9999% → 1, 0% → 1, −10% → 1
    assert points(load("nongkhai-missions-2565"), "7.1", revenue=revenue, revenue_baseline="1,000,000") == expected


def test_nongkhai_no_overdue_loans_is_full_marks_and_a_reason() -> None:
    spec = load("nongkhai-missions-2565")
    score = spec.criterion("5.1").rule.evaluate({"overdue_repaid": "0", "overdue": "0"}, Context(calendar=CAL))
    assert score.points == 5
    assert score.en == "no overdue loans (loans overdue in 2021 (baht) is 0) → 5 points"


# -- seed 002: model subdistricts, five groups, two per province --------------------------------------
def test_model_subdistricts_two_per_province_and_a_tie_at_the_line_is_the_panels() -> None:
    # Seed 002 selects "จังหวัดละ 2 ตำบล" and gives no order for equal marks (decision 12).
    spec = load("model-subdistrict-2565")
    assert [(a.code, a.count) for a in spec.awards] == [("provincial_model", 2)]
    assert spec.tie_break == ()
    marks = {
        "430101": ("18", "15", "12", "16", "19"),  # 80, group 5: 19
        "430201": ("20", "16", "12", "17", "15"),  # 80, group 5: 15
        "430501": ("10", "10", "10", "10", "10"),  # 50
    }
    scored = {code: evaluate_entrant(spec, committee(*m), size_group="", calendar=CAL) for code, m in marks.items()}
    placings = rank(scored, tie_break=spec.tie_break, awards=spec.awards)
    # Tied inside the tier: both selected, no decision needed.
    assert [(p.unit, p.rank, p.award, p.award_tie) for p in placings] == [
        ("430101", 1, "provincial_model", False),
        ("430201", 1, "provincial_model", False),
        ("430501", 3, None, False),
    ]
    # 90, 80, 80: the second place is shared by two subdistricts, so the panel picks one of them.
    scored["430501"] = evaluate_entrant(
        spec, committee("18", "18", "18", "18", "18"), size_group="", calendar=CAL
    )  # 18 × 5 = 90
    placings = rank(scored, tie_break=spec.tie_break, awards=spec.awards)
    assert [(p.unit, p.rank, p.award, p.award_tie) for p in placings] == [
        ("430501", 1, "provincial_model", False),
        ("430101", 2, "provincial_model", True),
        ("430201", 2, "provincial_model", True),
    ]
    assert spec.criterion("5.1").rule.evidence_expected().types == frozenset(
        {"pdf", "docx", "pptx", "mp4", "png", "jpeg"}
    )
