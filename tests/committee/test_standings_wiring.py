"""Committee points must reach the standings. The engine side is tested here; the recompute wiring
(scoring.recompute.standings_recompute passing judged_points, through scoring.hooks.score_sources, as `overrides`) is
done in scoring/."""

from decimal import Decimal as D

from committee import selectors
from rubrics.selectors import rubric_spec, work_calendar
from rulebook import engine
from scoring.models import Standing
from scoring.recompute import standings_recompute
from scoring.selectors import facts_by_unit


def test_judged_points_accepted_by_engine_as_overrides(judge, members, rubric, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    overrides = selectors.judged_points(rubric, [chiang_mai.pk])[chiang_mai.pk]
    b = engine.evaluate_entrant(
        rubric_spec(rubric),
        facts_by_unit(rubric, [chiang_mai.pk]).get(chiang_mai.pk, {}),
        size_group=chiang_mai.size_group,
        calendar=work_calendar(),
        overrides=overrides,
    )
    assert (b.criteria["4.1.1"].points, b.dimensions["4"]) == (D(3), D(3))


def test_standings_recompute_uses_committee_points(judge, members, rubric, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="5")
    standings_recompute(rubric_id=rubric.pk, full=True)
    result = Standing.objects.get(rubric=rubric, unit=chiang_mai)
    assert result.criteria["4.1.1"] == "5"
