"""A tie at an award line is told as the standings hold it (scoring.ranking.ties_tell): a regional stage ranks each
region apart, so entrants of two regions at the same place are two ties, never one naming all of them."""

from notices.models import Kind, Notice
from rubrics.selectors import rubric_spec
from rulebook.engine import Placing
from scoring.models import Standing
from scoring.ranking import ties_tell
from tests.factories import SubdistrictFactory
from tests.stages.test_stage_ranking import built, chain  # noqa: F401  (the regional stage of seed 002, judged)


def test_ties_at_the_same_place_in_two_regions_are_two_ties(chain):  # noqa: F811
    rubric = chain.rubric
    karon = SubdistrictFactory(parent=chain.kathu, name_th="กะรน")  # beside Patong, in Phuket's region
    Standing.objects.create(rubric=rubric, unit=karon)
    tied = [chain.rim_nua, chain.nong_kwai, chain.patong, karon]
    place = {"rank": 1, "tied": True, "award": "regional_best", "award_tie": True}
    Standing.objects.filter(rubric=rubric, unit__in=tied).update(**place)
    rubric.rank_within = "region"  # as recompute.rubric_locked annotates it

    ties_tell(rubric, rubric_spec(rubric), {u.pk: Placing(u.pk, 1, True, "regional_best", True) for u in tied})

    named = sorted(Notice.objects.filter(kind=Kind.TIE_WAITING).values_list("params__units", flat=True))
    assert named == ["ป่าตอง, กะรน", "ริมเหนือ, หนองควาย"]
