"""evaluate_entrant and rank: totals, committee overrides, bad facts, ties and award boundaries."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook.engine import Breakdown, Placing, Scorer, TieDecided, evaluate_entrant, rank, rank_key, rank_keys
from rulebook.rubric import AwardSpec
from rulebook.rules import Score
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar
from tests.scoring import shipped_rubric

HERE = Path(__file__).parents[1] / "rubrics"
RUBRIC = parse_rubric(shipped_rubric(letter_deadlines=True))
CAL = WorkCalendar()
D = Decimal

FULL = {
    "1.1": {"done": "yes"},
    "1.2": {"done": "yes"},
    "1.3": {"steps": "1,2,3"},
    "1.4": {"done": "no"},
    "2.1.1": {"households_collected": "9,700", "households_target": "10,000", "confidence_pct": "93"},
    "2.1.2": {"received_on": "2023-04-18"},
    "2.2.1": {"databases_up_to_date": "11"},
    "2.2.2": {"recorded_on": "2023-05-16"},
    "3.1": {"items": "1,2,3"},
    "3.2": {"items": "1,2"},
    "3.3": {"computers_with_antivirus": "48", "computers_total": "50"},
    "3.4": {"items": "1"},
    "3.5": {"done": "yes"},
    "4.1.1": {"level": "3"},
    "4.1.2": {"sent_at": "2023-05-31T23:30"},
    "4.2": {"steps": "2,4,6,10", "new_downloads": "3500"},
    "5.1": {"items": "new_or_improved"},
    "5.2": {"items": "communicated,used,feedback"},
}


def unit(facts: dict = FULL, size: str = "medium", **kw: object) -> Breakdown:
    return evaluate_entrant(RUBRIC, facts, size_group=size, calendar=CAL, **kw)  # type: ignore[arg-type]


def test_evaluate_entrant_full_breakdown() -> None:
    b = unit()
    assert {k: s.points for k, s in b.criteria.items()} == {
        "1.1": 5,
        "1.2": 5,
        "1.3": 3,
        "1.4": 0,
        "2.1.1": 4,
        "2.1.2": 3,
        "2.2.1": 4,
        "2.2.2": 5,
        "3.1": 5,
        "3.2": 3,
        "3.3": 4,
        "3.4": 1,
        "3.5": 5,
        "4.1.1": 3,
        "4.1.2": 3,
        "4.2": 6,
        "5.1": 3,
        "5.2": 3,
    }
    assert b.dimensions == {"1": D(13), "2": D(16), "3": D(18), "4": D(12), "5": D(6)}
    assert b.total == D(65)
    assert b.level is None


def test_evaluate_entrant_size_group_changes_4_2() -> None:
    assert unit(size="small").criteria["4.2"].points == 10
    assert unit(size="large").total == D(65)


def test_evaluate_entrant_no_facts_all_zero() -> None:
    b = unit({})
    assert b.total == 0
    assert b.criteria["1.1"] == Score(D(0), "ยังไม่มีข้อมูล → 0 คะแนน", "no data yet → 0 points")
    assert b.criteria["2.1.2"] == Score(D(0), "ยังไม่ส่ง → 0 คะแนน", "not submitted → 0 points")


def test_evaluate_entrant_invalid_fact_scores_zero_without_crashing() -> None:
    facts = FULL | {
        "3.3": {"computers_with_antivirus": "101", "computers_total": "100"},
        "1.1": {"done": "ok?"},
        "3.5": {"oops": "1"},
    }
    b = unit(facts)
    assert b.criteria["3.3"].th == "เครื่องที่ติดตั้งแอนติไวรัส 101 มากกว่าจำนวนเครื่องทั้งหมด 100 → 0 คะแนน"
    assert b.criteria["1.1"].points == 0
    assert b.criteria["3.5"].th.startswith("ไม่รู้จักข้อมูล “oops”")
    assert b.total == D(65) - 4 - 5 - 5


def test_evaluate_entrant_committee_override() -> None:
    b = unit(overrides={"2.1.1": D(6)})
    assert b.criteria["2.1.1"] == Score(
        D(6),
        "คะแนนจากคณะกรรมการ (คำนวณจากข้อมูลได้ 4) → 6 คะแนน",
        "set by the committee (computed from the data: 4) → 6 points",
    )
    assert b.dimensions["2"] == D(18)
    assert b.total == D(67)


def test_evaluate_entrant_override_on_continuous_rule() -> None:
    spec = parse_rubric(json.loads((HERE / "seed001_website.json").read_text()))
    b = evaluate_entrant(spec, {"1": {"points": "18"}}, size_group="", calendar=CAL, overrides={"2": D("22.5")})
    assert b.criteria["2"].th == "คะแนนจากคณะกรรมการ (คำนวณจากข้อมูลได้ 0) → 22.5 คะแนน"
    assert b.total == D("40.5")


@pytest.mark.parametrize(("code", "points"), [("1.1", D("2.5")), ("1.1", D(6)), ("3.1", D(2)), ("9.9", D(1))])
def test_evaluate_entrant_override_outside_levels_refused(code: str, points: Decimal) -> None:
    with pytest.raises(ValueError):
        unit(overrides={code: points})


@pytest.mark.parametrize(("code", "points"), [("1.1", D("2.5")), ("1.1", D(6)), ("3.1", D(2)), ("9.9", D(1))])
def test_scorer_refuses_the_same_overrides(code: str, points: Decimal) -> None:
    with pytest.raises(ValueError):
        Scorer(RUBRIC, CAL).score(FULL, size_group="medium", overrides={code: points})


# What an office may type in any cell: each criterion's own good values, others' values, junk and blanks.
CELL_VALUES = sorted({v for cell in FULL.values() for v in cell.values()} | {"", "0", "abc", "๑๒", "-3", "100"})


@st.composite
def cell(draw, code: str) -> dict:
    """A criterion's own facts, each its good value or any other value, some left out."""
    own = FULL[code]
    names = draw(st.lists(st.sampled_from(sorted(own)), unique=True, min_size=len(own) - 1))
    return {n: draw(st.sampled_from([own[n], *CELL_VALUES])) for n in names}


ENTRANT = st.lists(st.sampled_from(sorted(FULL)), unique=True).flatmap(
    lambda codes: st.fixed_dictionaries({code: cell(code) for code in codes})
)
OVERRIDES = st.lists(st.sampled_from([("1.1", D(0)), ("1.1", D(5)), ("2.1.1", D(6)), ("2.1.1", D(0))])).map(dict)


@given(st.lists(st.tuples(ENTRANT, st.sampled_from(["small", "medium", "large"]), OVERRIDES), max_size=6))
def test_scorer_gives_evaluate_entrants_points(entrants: list) -> None:
    """A recompute's points (`Scorer`, no text) are the page's (`evaluate_entrant`), entrant after entrant
    through one scorer's memo, committee overrides included."""
    scorer = Scorer(RUBRIC, CAL)
    for facts, size, overrides in entrants:
        b = unit(facts, size, overrides=overrides)
        t = scorer.score(facts, size_group=size, overrides=overrides)
        assert t.criteria == {k: s.points for k, s in b.criteria.items()}
        assert (t.dimensions, t.total, t.level, t.dimension_levels) == (
            b.dimensions,
            b.total,
            b.level,
            b.dimension_levels,
        )


@given(st.lists(st.tuples(ENTRANT, st.sampled_from(["small", "medium", "large"]), OVERRIDES), max_size=6))
def test_explain_many_gives_evaluate_entrants_scores_with_their_texts(entrants: list) -> None:
    """The explanation pass's scores (`Scorer.explain_many`, a criterion's cells of every entrant at once) are
    the page's (`evaluate_entrant`): the criteria in the rubric's order, each with its points and both texts,
    committee overrides included."""
    many = Scorer(RUBRIC, CAL).explain_many(entrants)
    for (facts, size, overrides), mine in zip(entrants, many, strict=True):
        b = unit(facts, size, overrides=overrides)
        assert [(k, s.points, s.th, s.en) for k, s in mine.items()] == [
            (k, s.points, s.th, s.en) for k, s in b.criteria.items()
        ]


def test_seed001_scores_a_district_exactly() -> None:
    spec = parse_rubric(json.loads((HERE / "seed001_website.json").read_text()))
    facts = {
        "1": {"points": "18"},
        "2": {"points": "22.5"},
        "3": {"points": "10"},
        "4": {"points": "27"},
        "5": {"points": "12"},
    }
    b = evaluate_entrant(spec, facts, size_group="", calendar=CAL)
    assert (b.dimensions, b.total) == ({"web": D("89.5")}, D("89.5"))
    assert b.criteria["2"] == Score(
        D("22.5"), "กรรมการให้ 22.5 จาก 25 คะแนน → 22.5 คะแนน", "the committee gave 22.5 of 25 → 22.5 points"
    )


def test_seed003_mission1_scores_a_district_with_extra_points() -> None:
    spec = parse_rubric(json.loads((HERE / "seed003_mission1.json").read_text()))
    facts = {
        "1.1": {"verified": "900,000", "tpmap_target": "983,316"},
        "1.2": {"done": "yes"},
        "2.1": {"done": "yes"},
        "2.2.1": {"income_helped": "450", "income_failed": "500"},
        "2.2.2": {"other_helped": "300", "other_failed": "400"},
        "2.3": {"survived": "120,000", "target_households": "568,047"},
        "3.1": {"done": "yes"},
        "3.2": {"done": "no"},
        "4": {"excluded_found": "20,000", "tpmap_target": "983,316"},
    }
    b = evaluate_entrant(spec, facts, size_group="", calendar=CAL)
    assert {k: s.points for k, s in b.criteria.items()} == {
        "1.1": D("27.46"),
        "1.2": 10,
        "2.1": 10,
        "2.2.1": D("13.50"),
        "2.2.2": D("7.50"),
        "2.3": 4,
        "3.1": 10,
        "3.2": 0,
        "4": 3,
    }
    assert b.criteria["1.1"].th == "บุคคลเป้าหมายที่ตรวจสอบได้ 900,000 ÷ บุคคลเป้าหมายทั้งหมด 983,316 × 30 → 27.46 คะแนน"
    assert b.criteria["2.3"].th == "ร้อยละครัวเรือนที่อยู่รอดได้ ๒๑.๑๓ ตั้งแต่ร้อยละ ๒๐ แต่น้อยกว่าร้อยละ ๒๕ → 4 คะแนน"
    assert b.dimensions == {"1": D("37.46"), "2": D("35.00"), "3": D(10), "4": D(3)}
    assert (b.total, b.level) == (D("85.46"), 4)


# -- ranking ---------------------------------------------------------------------------------
TIE = ("5", "4", "3", "2", "1")


def bd(d1: str, d2: str = "0", d3: str = "0", d4: str = "0", d5: str = "0") -> Breakdown:
    dims = {"1": D(d1), "2": D(d2), "3": D(d3), "4": D(d4), "5": D(d5)}
    return Breakdown({}, dims, sum(dims.values(), D(0)), None)


def places(breakdowns: dict[str, Breakdown]) -> list[tuple[str, int, bool, str | None, bool]]:
    return [
        (p.unit, p.rank, p.tied, p.award, p.award_tie) for p in rank(breakdowns, tie_break=TIE, awards=RUBRIC.awards)
    ]


def test_rank_ties_share_a_rank_and_list_by_code() -> None:
    result = places({"TH-90": bd("80"), "TH-30": bd("85"), "TH-20": bd("85"), "TH-10": bd("90")})
    assert result == [
        ("TH-10", 1, False, "winner", False),
        ("TH-20", 2, True, "runner_up_1", True),
        ("TH-30", 2, True, "runner_up_1", True),
        ("TH-90", 4, False, "honourable", False),
    ]


@pytest.mark.parametrize("dim", ["5", "4", "3", "2"])
def test_rank_tie_break_cascade(dim: str) -> None:
    # Both total 50, equal on every dimension earlier in the cascade; B is higher on `dim` and
    # lower on the next one. (With equal totals and 5-4-3-2 equal, dimension 1 is equal too.)
    a = {"1": "10", "2": "10", "3": "10", "4": "10", "5": "10"}
    b = dict(a)
    b[dim] = "11"
    later = TIE[TIE.index(dim) + 1]
    b[later] = "9"
    result = places({"TH-A": bd(*(a[k] for k in "12345")), "TH-B": bd(*(b[k] for k in "12345"))})
    assert [(p, r, t) for p, r, t, _, _ in result] == [("TH-B", 1, False), ("TH-A", 2, False)]


def test_rank_dimension_5_beats_higher_dimension_1() -> None:
    result = places({"TH-A": bd("20", "20", "20", "20", "5"), "TH-B": bd("15", "20", "20", "20", "10")})
    assert [p for p, *_ in result] == ["TH-B", "TH-A"]


def test_rank_tie_break_order_is_configurable() -> None:
    breakdowns = {"TH-A": bd("20", "20", "20", "20", "5"), "TH-B": bd("15", "20", "20", "20", "10")}
    result = rank(breakdowns, tie_break=("1",), awards=RUBRIC.awards)
    assert [p.unit for p in result] == ["TH-A", "TH-B"]


def test_rank_full_tie_never_settled() -> None:
    result = places({"TH-B": bd("10", "10", "10", "10", "10"), "TH-A": bd("10", "10", "10", "10", "10")})
    assert result == [("TH-A", 1, True, "winner", True), ("TH-B", 1, True, "winner", True)]


def test_rank_tie_at_13th_14th_boundary_flagged() -> None:
    units = {f"TH-{n:02d}": bd(str(100 - n)) for n in range(1, 13)}  # ranks 1..12
    units |= {"TH-51": bd("50"), "TH-50": bd("50"), "TH-60": bd("40")}
    result = places(units)
    assert result[11] == ("TH-12", 12, False, "honourable", False)
    assert result[12:] == [
        ("TH-50", 13, True, "honourable", True),
        ("TH-51", 13, True, "honourable", True),
        ("TH-60", 15, False, None, False),
    ]


def test_rank_tie_inside_honourable_mentions_not_flagged() -> None:
    units = {f"TH-{n:02d}": bd(str(100 - n)) for n in range(1, 5)}
    units |= {"TH-06": bd("50"), "TH-05": bd("50")}
    result = places(units)
    assert result[4:] == [("TH-05", 5, True, "honourable", False), ("TH-06", 5, True, "honourable", False)]


def test_rank_without_a_tie_break_order_shares_ranks_decision_12() -> None:
    # docs/decisions.md, decision 12, its own example: totals 94, 89, 86, 84, 84, 80 rank 1, 2, 3, 4, 4, 6. The two
    # 84s differ on dimension 5 (10 against 0), which a rubric without an order never looks at.
    totals = {
        "TH-A": bd("20", "20", "20", "20", "14"),  # 94
        "TH-B": bd("20", "20", "20", "20", "9"),  # 89
        "TH-C": bd("20", "20", "20", "20", "6"),  # 86
        "TH-E": bd("20", "20", "20", "14", "10"),  # 84, dimension 5: 10
        "TH-D": bd("20", "20", "20", "24", "0"),  # 84, dimension 5: 0
        "TH-F": bd("20", "20", "20", "20", "0"),  # 80
    }
    awards = [AwardSpec("winner", "ชนะเลิศ", "Winner", 1, D(0), "", ""), *RUBRIC.awards[1:3]]  # 3 awards
    result = rank(totals, tie_break=(), awards=awards)
    assert [(p.unit, p.rank, p.tied, p.award, p.award_tie) for p in result] == [
        ("TH-A", 1, False, "winner", False),
        ("TH-B", 2, False, "runner_up_1", False),
        ("TH-C", 3, False, "runner_up_2", False),
        ("TH-D", 4, True, None, False),  # listed by code inside the tie, never ordered by it
        ("TH-E", 4, True, None, False),
        ("TH-F", 6, False, None, False),
    ]
    # With four awards the tie sits on the last award line: both are listed and flagged for the panel.
    four = [*awards, AwardSpec("honourable", "ชมเชย", "Honourable", 1, D(0), "", "")]
    result = rank(totals, tie_break=(), awards=four)
    assert [(p.unit, p.rank, p.award, p.award_tie) for p in result][3:5] == [
        ("TH-D", 4, "honourable", True),
        ("TH-E", 4, "honourable", True),
    ]
    # The same totals under the national order (decision 7) are parted by dimension 5.
    assert [p.unit for p in rank(totals, tie_break=TIE, awards=four)][3:5] == ["TH-E", "TH-D"]


def test_rank_returns_placings() -> None:
    assert rank({"TH-10": bd("1")}, tie_break=TIE, awards=[]) == [Placing("TH-10", 1, False, None, False)]


POINTS = st.decimals(min_value=-1000, max_value=1000, places=4, allow_nan=False, allow_infinity=False)


@given(a=st.tuples(POINTS, POINTS, POINTS), b=st.tuples(POINTS, POINTS, POINTS))
def test_rank_key_orders_as_total_then_tie_break_dimensions(a, b) -> None:
    # The stored key must sort exactly as (total, tie-break dimensions) do, and tie exactly when they are equal.
    def key(values):
        return rank_key(values[0], {"2": values[1], "1": values[2]}, ("2", "1"))

    assert (key(a) > key(b)) == (a > b)
    assert (key(a) == key(b)) == (a == b)


def test_rank_key_missing_dimension_counts_as_zero() -> None:
    assert rank_key(D("50"), {}, ("5",)) == rank_key(D("50.00"), {"5": D("0")}, ("5",))


def test_rank_keys_ranks_as_rank_does() -> None:
    breakdowns = {"TH-90": bd("80"), "TH-30": bd("85"), "TH-20": bd("85"), "TH-10": bd("90"), "TH-40": bd("0")}
    keys = {code: rank_key(b.total, b.dimensions, TIE) for code, b in breakdowns.items()}
    totals = {code: b.total for code, b in breakdowns.items()}
    assert rank_keys(keys, totals, awards=RUBRIC.awards) == rank(breakdowns, tie_break=TIE, awards=RUBRIC.awards)
    # Decision 10: an entrant without points holds no award, whatever its place.
    assert rank_keys(keys, totals, awards=RUBRIC.awards)[-1] == Placing("TH-40", 5, False, None, False)


def _boundary_tie() -> tuple[dict[str, str], dict[str, D], str]:
    """TH-20 and TH-30 tie on 85 across the runner-up line (places 2 and 3 of 3 runner-up ones: 2, 3)."""
    breakdowns = {"TH-90": bd("80"), "TH-30": bd("85"), "TH-20": bd("85"), "TH-10": bd("90")}
    keys = {code: rank_key(b.total, b.dimensions, ()) for code, b in breakdowns.items()}
    return keys, {code: b.total for code, b in breakdowns.items()}, keys["TH-20"]


AWARDS_3 = [AwardSpec("winner", "ชนะเลิศ", "Winner", 1, D(0), "", ""), *RUBRIC.awards[1:3]]  # winner, 1st, 2nd


def _ranked(decided) -> list[tuple[str, int, bool, str | None, bool]]:
    keys, totals, _ = _boundary_tie()
    result = rank_keys(keys, totals, awards=AWARDS_3, decided=decided)
    return [(p.unit, p.rank, p.tied, p.award, p.award_tie) for p in result]


def test_rank_keys_boundary_tie_awaits_a_decision() -> None:
    assert _ranked({}) == [
        ("TH-10", 1, False, "winner", False),
        ("TH-20", 2, True, "runner_up_1", True),
        ("TH-30", 2, True, "runner_up_1", True),
        ("TH-90", 4, False, None, False),
    ]


def test_rank_keys_decided_order_gives_each_tied_entrant_its_own_place() -> None:
    key = _boundary_tie()[2]
    decided = {(key, frozenset({"TH-20", "TH-30"})): TieDecided(shared=False, order=("TH-30", "TH-20"))}
    assert _ranked(decided) == [
        ("TH-10", 1, False, "winner", False),
        ("TH-30", 2, True, "runner_up_1", False),
        ("TH-20", 3, True, "runner_up_2", False),
        ("TH-90", 4, False, None, False),
    ]


def test_rank_keys_decided_shared_place_gives_both_the_better_award() -> None:
    key = _boundary_tie()[2]
    decided = {(key, frozenset({"TH-20", "TH-30"})): TieDecided(shared=True)}
    assert _ranked(decided) == [
        ("TH-10", 1, False, "winner", False),
        ("TH-20", 2, True, "runner_up_1", False),
        ("TH-30", 2, True, "runner_up_1", False),
        ("TH-90", 4, False, None, False),
    ]


def test_rank_keys_decision_for_another_tie_does_not_hold() -> None:
    # The same two entrants at another total, or a decision naming another set, leave the tie open.
    key = _boundary_tie()[2]
    other_total = rank_key(D("84"), {}, ())
    assert _ranked({(other_total, frozenset({"TH-20", "TH-30"})): TieDecided(shared=True)})[1][4] is True
    assert _ranked({(key, frozenset({"TH-20", "TH-90"})): TieDecided(shared=True)})[1][4] is True
