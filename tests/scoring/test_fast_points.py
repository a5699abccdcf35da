"""The fast path of a rule kind (`Rule.fast_points`) gives the plain rule's points on every input:
for any parameters and any facts an office might type, it answers None (the plain rule decides) or exactly
`evaluate(...).points`. And it does answer for the common case, or it would prove nothing."""

from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulebook.rules import build_rule
from rulebook.rules.values import Context, Rounding
from rulebook.workdays import WorkCalendar

CTX = Context(calendar=WorkCalendar())
NAMES = ("n", "d", "m", "x")
# What an office types: counts, decimals, negatives, zero, Thai digits, thousands, blanks, words.
RAW = st.one_of(
    st.integers(min_value=-5, max_value=400).map(str),
    st.decimals(min_value=-5, max_value=400, places=3, allow_nan=False).map(str),
    st.sampled_from(["0", "", " ", "๑๒", "1,000", "12.5", "abc", " 7 ", "100", "99.995"]),
)
FACTS = st.dictionaries(st.sampled_from(NAMES), RAW, max_size=4)
POINTS = st.integers(min_value=0, max_value=30)


@st.composite
def ratios(draw):
    params = {"numerator": "n", "denominator": "d", "weight": str(draw(POINTS))}
    if draw(st.booleans()):
        params["if_zero"] = {"points": "0", "th": "ไม่มีเป้าหมาย", "en": "no target"}
    return build_rule("ratio", params, Decimal(params["weight"]))


@st.composite
def bands(draw):
    lower = draw(st.booleans())
    measure = draw(MEASURES)
    limits = sorted(draw(LIMITS), reverse=not lower)
    points = sorted(draw(POINTS_EACH[len(limits)]), reverse=True)
    key = "max" if lower else "min"
    params = {
        "measure": {**measure, **({"lower_is_better": True} if lower else {})},
        "bands": [{key: str(limit), "points": str(p)} for limit, p in zip(limits, points, strict=True)],
        "otherwise": "0",
    }
    if draw(st.booleans()) and "denominator" in measure:
        params["if_zero"] = {"points": "0", "th": "ไม่มีเป้าหมาย", "en": "no target"}
    rounding = Rounding(percent_places=draw(PLACES), mode=draw(MODES))
    return build_rule("bands", params, Decimal(max(points) or 1), rounding)


NUMBER = st.one_of(st.integers(min_value=0, max_value=300).map(str), RAW)
# Shares that fall exactly half a unit between two roundings (n/8 at 0 places, n/32 at 2; n × weight/8 and /40
# at the satang), and band limits on either side of them or between units: where half up, truncation and a
# limit's rounding toward the measure could go wrong.
HALVES = st.sampled_from([8, 32, 40]).flatmap(lambda d: st.integers(0, d).map(lambda n: {"n": str(n), "d": str(d)}))
EDGES = [Decimal(25 * k) / 2 for k in range(1, 8)] + [Decimal(k * 3125) / 1000 for k in range(1, 32)]
LIMIT = st.one_of(
    st.integers(1, 99).map(Decimal),
    st.sampled_from(EDGES),
    st.sampled_from(EDGES).map(lambda e: e.quantize(Decimal("0.01"))),
    st.sampled_from(EDGES).map(lambda e: e.to_integral_value(ROUND_HALF_UP)),
)
# The strategies an example draws from are made once, not again for each example: Hypothesis checks a new
# strategy's arguments and works out whether it can be empty, most of an example's cost when made afresh.
LIMITS = st.lists(LIMIT, min_size=1, max_size=4, unique=True)
POINTS_EACH = {n: st.lists(POINTS, min_size=n, max_size=n) for n in range(1, 5)}
PLACES, MODES = st.sampled_from([0, 2]), st.sampled_from(["half_up", "truncate"])
MEASURES = st.sampled_from(
    [
        {"numerator": "n", "denominator": "d"},
        {"numerator": "n", "denominator": "d", "may_exceed": True},
        {"numerator": "n", "minus": "m", "denominator": "d", "may_exceed": True},
        {"numerator": "n", "denominator_value": "250"},
        {"fact": "x", "max": "100"},
        {"numerators": ["n", "m", "x"], "denominator": "d", "rank": 2},
    ]
)
CELLS_MAX = 8
AGAIN = [st.integers(0, n) for n in range(CELLS_MAX + 1)]


@cache
def column_of(names: tuple[str, ...]) -> st.SearchStrategy:
    """A column's cells for a rule of these facts: mostly its own facts as counts (the fast path's case), at
    times anything at all, cells nobody filled (None)."""
    own = st.fixed_dictionaries({name: NUMBER for name in names})
    halves = HALVES if set(names) == {"n", "d"} else own
    return st.lists(st.one_of(own, own, halves, halves, FACTS, st.none()), max_size=CELLS_MAX)


def column(rule, data) -> list:
    """A column drawn for the rule, then some of its first cells again (the memo's answer)."""
    cells = data.draw(column_of(rule.fact_names()))
    return cells + cells[: data.draw(AGAIN[len(cells)])]


@settings(max_examples=800, deadline=None)
@given(rule=st.one_of(ratios(), bands()), data=st.data())
def test_a_columns_points_are_each_cells_plain_points(rule, data) -> None:
    """`column_points` (a recompute scores a criterion's cells of every entrant at once) gives each cell's plain
    points, in order and as they print: mostly the rule's own facts as counts (the fast path's case), sometimes
    anything at all, cells nobody filled (None), and repeated cells (the memo's answer)."""
    cells = column(rule, data)
    got = rule.column_points(cells, CTX)
    plain = [rule.evaluate(c or {}, CTX).points for c in cells]
    assert got == plain
    assert [str(p) for p in got] == [str(p) for p in plain]  # written to the standings as these texts


@settings(max_examples=800, deadline=None)
@given(rule=st.one_of(ratios(), bands()), data=st.data())
def test_a_columns_scores_are_each_cells_plain_scores(rule, data) -> None:
    """`column_scores` (the explanation pass builds a criterion's texts of every entrant at once) gives each
    cell's plain score: the same points, as they print, and the same Thai and English explanation."""
    cells = column(rule, data)
    got = [(str(s.points), s.th, s.en) for s in rule.column_scores(cells, CTX)]
    assert got == [(str(s.points), s.th, s.en) for s in (rule.evaluate(c or {}, CTX) for c in cells)]


def test_the_fast_path_answers_the_common_case() -> None:
    """Plain counts are scored without the plain rule's parsing (its parse cache stays empty); a cell it cannot
    read plainly goes to the plain rule."""
    ratio = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "30"}, Decimal(30))
    assert ratio.column_points([{"n": "2", "d": "3"}, {"n": "5", "d": "3"}], CTX) == [Decimal("20.00"), Decimal(30)]
    assert ratio._parsed == {}
    banded = build_rule(
        "bands",
        {"measure": {"numerator": "n", "denominator": "d"}, "bands": [{"min": "90", "points": "5"}], "otherwise": "1"},
        Decimal(5),
    )
    cells = [{"n": "95", "d": "100"}, {"n": "89", "d": "100"}, {"n": "899", "d": "1,000"}]
    assert banded.column_points(cells, CTX) == [Decimal(5), Decimal(1), Decimal(1)]
    assert sorted(banded._parsed) == [("d", "1,000"), ("n", "899")]  # the thousands comma: the plain rule read it
    banded._parsed.clear()
    assert [s.points for s in banded.column_scores(cells[:2], CTX)] == [Decimal(5), Decimal(1)]
    assert ratio.column_scores([{"n": "2", "d": "3"}], CTX)[0].points == Decimal("20.00")
    assert (ratio._parsed, banded._parsed) == ({}, {})  # the texts' common case is read without it too


EDGE_CELLS = [{"n": str(n), "d": str(d)} for d in (3, 7, 8, 32, 40, 400) for n in range(d + 1)]


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("places", [0, 2])
@pytest.mark.parametrize("mode", ["half_up", "truncate"])
def test_bands_fast_path_at_every_edge(lower: bool, places: int, mode: str) -> None:
    """Every share of n/3, n/7, n/8, n/32, n/40 and n/400 against a band at each limit near them, one band a
    point (so the points say which limit was met): half a unit, a limit between two units, on a unit."""
    limits = sorted({*EDGES, *(e.quantize(Decimal("0.01")) for e in EDGES), *map(Decimal, range(1, 100))})
    limits = limits if lower else limits[::-1]
    key = "max" if lower else "min"
    rule = build_rule(
        "bands",
        {
            "measure": {"numerator": "n", "denominator": "d", **({"lower_is_better": True} if lower else {})},
            "bands": [{key: str(m), "points": str(len(limits) - i)} for i, m in enumerate(limits)],
            "otherwise": "0",
        },
        Decimal(len(limits)),
        Rounding(percent_places=places, mode=mode),
    )
    assert rule.column_points(EDGE_CELLS, CTX) == [rule.evaluate(c, CTX).points for c in EDGE_CELLS]


def test_a_columns_same_cells_share_one_score() -> None:
    """A cell the plain rule reads (Thai digits) met again in the column is evaluated once: its entrants share
    one Score, so its text is rendered once however many report it."""
    ratio = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "30"}, Decimal(30))
    first, other, again = ratio.column_scores([{"n": "๒", "d": "3"}, {"n": "1", "d": "๓"}, {"n": "๒", "d": "3"}], CTX)
    assert (first is again, first is other, first.points, other.points) == (
        True,
        False,
        Decimal("20.00"),
        Decimal("10.00"),
    )


@pytest.mark.parametrize("weight", ["1", "3", "7", "2.5", "0.25", "15", "30"])
def test_ratio_fast_path_at_every_edge(weight: str) -> None:
    rule = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": weight}, Decimal(weight))
    got = rule.column_points(EDGE_CELLS, CTX)
    plain = [rule.evaluate(c, CTX).points for c in EDGE_CELLS]
    assert [str(p) for p in got] == [str(p) for p in plain]
