import pytest
from django.urls import reverse

from committee import services
from committee.errors import Conflicted
from committee.models import Judgment


@pytest.fixture
def conflicted(central_user, members, chiang_mai):
    """members[0] is from Chiang Mai: conflicted with it."""
    services.conflict_set(by=central_user, member=members[0], unit=chiang_mai, conflicted=True, reason="บ้านเกิด")
    return members[0]


def test_conflict_member_cannot_record_judgment(judge, conflicted, chiang_mai):
    with pytest.raises(Conflicted):
        judge(conflicted, chiang_mai, "4.1.1", points="3")
    assert Judgment.objects.count() == 0


def test_conflict_matrix_hides_province_row(client, conflicted, chiang_mai, phuket):
    client.force_login(conflicted)
    response = client.get(reverse("admin:committee_matrix"))
    codes = [p.code for p, _ in response.context["rows"]]
    assert (len(codes), "TH-50" in codes, "TH-83" in codes) == (75, False, True)
    assert "เชียงใหม่" not in response.content.decode()


def test_conflict_scoring_screen_404(client, conflicted):
    client.force_login(conflicted)
    assert client.get(reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])).status_code == 404


def test_conflict_scoring_screen_post_404_writes_nothing(client, conflicted):
    client.force_login(conflicted)
    url = reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])
    response = client.post(url, {"action": "judge", "points": "3", "expected_version": 0})
    assert (response.status_code, Judgment.objects.count()) == (404, 0)


def test_conflict_api_post_404_and_list_hides(api, judge, conflicted, members, chiang_mai, phuket):
    judge(conflicted, phuket, "4.1.1", points="3")
    api.force_authenticate(conflicted)
    url = reverse("api-judgments", args=[2566])
    response = api.post(url, {"province": "TH-50", "criterion": "4.1.1", "points": "3", "expected_version": 0})
    listed = [row["province"] for row in api.get(url).json()]
    assert (response.status_code, listed) == (404, ["TH-83"])


def test_conflict_chair_changelist_hides_conflicted_province(
    client, judge, central_user, chair, members, chiang_mai, phuket
):
    judge(members[1], chiang_mai, "4.1.1", points="3")
    judge(members[1], phuket, "4.1.1", points="5")
    services.conflict_set(by=central_user, member=chair, unit=chiang_mai, conflicted=True)
    client.force_login(chair)
    response = client.get(reverse("admin:committee_judgment_changelist"))
    assert [j.unit.code for j in response.context["cl"].result_list] == ["TH-83"]


def test_conflict_next_unscored_skips_province(client, conflicted, sent, chiang_mai, phuket):
    sent(chiang_mai, "1.1")
    sent(phuket, "1.1")
    client.force_login(conflicted)
    response = client.get(reverse("admin:committee_next"))
    # Criterion 1.1 first, provinces by code: Chiang Mai (TH-50) comes first but is the member's conflict.
    assert response.url == reverse("admin:committee_score", args=[2566, "TH-83", "1.1"])


def test_conflict_cleared_province_visible_again(client, central_user, conflicted, chiang_mai):
    services.conflict_set(by=central_user, member=conflicted, unit=chiang_mai, conflicted=False)
    client.force_login(conflicted)
    assert client.get(reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])).status_code == 200


def test_for_member_provincial_staff_see_no_scores_only_own_clarifications(
    judge, members, provincial_user, rubric, chiang_mai
):
    from committee.models import Clarification, ScoreChange

    judge(members[0], chiang_mai, "4.1.1", points="3")
    services.clarification_open(member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="q")
    counts = (
        Judgment.objects.for_member(provincial_user).count(),
        ScoreChange.objects.for_member(provincial_user).count(),
        Clarification.objects.for_member(provincial_user).count(),
    )
    assert counts == (0, 0, 1)


def _unit_choices(client, user) -> list[str]:
    page = client.get(reverse("admin:committee_judgment_changelist"))
    unit_filter = next(f for f in page.context["cl"].filter_specs if f.parameter_name == "province")
    return [code for code, _ in unit_filter.lookup_choices]


def test_the_unit_filter_offers_the_units_the_rows_are_about_never_a_conflicted_one(
    client, judge, members, central_user, chiang_mai, phuket
):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], phuket, "4.1.1", points="1")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    client.force_login(central_user)
    # Central staff may see all 76 provinces; the rows are about two (เชียงใหม่, ภูเก็ต: in Thai order).
    assert _unit_choices(client, central_user) == ["TH-50", "TH-83"]
    services.conflict_set(by=central_user, member=members[1], unit=chiang_mai, conflicted=True, reason="บ้านเกิด")
    client.force_login(members[1])
    assert _unit_choices(client, members[1]) == ["TH-83"]
