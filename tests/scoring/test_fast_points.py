"""The fast path of a rule kind (`Rule.fast_points`, issue #30) gives the plain rule's points on every input:
for any parameters and any facts an office might type, it answers None (the plain rule decides) or exactly
`evaluate(...).points`. And it does answer for the common case, or it would prove nothing."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.rules import build_rule
from scoring.rules.base import Context, Rounding
from scoring.workdays import WorkCalendar

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
    measure = draw(
        st.sampled_from(
            [
                {"numerator": "n", "denominator": "d"},
                {"numerator": "n", "denominator": "d", "may_exceed": True},
                {"numerator": "n", "minus": "m", "denominator": "d", "may_exceed": True},
                {"numerator": "n", "denominator_value": "250"},
                {"fact": "x", "max": "100"},
                {"numerators": ["n", "m", "x"], "denominator": "d", "rank": 2},
            ]
        )
    )
    limits = sorted(draw(st.lists(st.integers(1, 99), min_size=1, max_size=4, unique=True)), reverse=not lower)
    points = sorted(draw(st.lists(POINTS, min_size=len(limits), max_size=len(limits))), reverse=True)
    key = "max" if lower else "min"
    params = {
        "measure": {**measure, **({"lower_is_better": True} if lower else {})},
        "bands": [{key: str(limit), "points": str(p)} for limit, p in zip(limits, points, strict=True)],
        "otherwise": "0",
    }
    if draw(st.booleans()) and "denominator" in measure:
        params["if_zero"] = {"points": "0", "th": "ไม่มีเป้าหมาย", "en": "no target"}
    rounding = Rounding(
        percent_places=draw(st.sampled_from([0, 2])), mode=draw(st.sampled_from(["half_up", "truncate"]))
    )
    return build_rule("bands", params, Decimal(max(points) or 1), rounding)


NUMBER = st.one_of(st.integers(min_value=0, max_value=300).map(str), RAW)


@settings(max_examples=600, deadline=None)
@given(rule=st.one_of(ratios(), bands()), data=st.data())
def test_fast_points_are_the_plain_rules_or_none(rule, data) -> None:
    # Mostly the rule's own facts, mostly counts (the common case), sometimes anything at all.
    own = {name: data.draw(NUMBER) for name in rule.fact_names()}
    facts = data.draw(st.one_of(st.just(own), st.just(own), st.just(own), FACTS))
    fast = rule.fast_points(facts, CTX)
    assert fast is None or fast == rule.evaluate(facts, CTX).points


def test_the_fast_path_answers_the_common_case() -> None:
    ratio = build_rule("ratio", {"numerator": "n", "denominator": "d", "weight": "30"}, Decimal(30))
    assert (
        ratio.fast_points({"n": "2", "d": "3"}, CTX)
        == Decimal("20.00")
        == ratio.evaluate({"n": "2", "d": "3"}, CTX).points
    )
    banded = build_rule(
        "bands",
        {"measure": {"numerator": "n", "denominator": "d"}, "bands": [{"min": "90", "points": "5"}], "otherwise": "1"},
        Decimal(5),
    )
    assert [banded.fast_points({"n": n, "d": "100"}, CTX) for n in ("95", "89")] == [Decimal(5), Decimal(1)]
    assert banded.fast_points({"n": "95"}, CTX) is None  # a fact missing: the plain rule says so
