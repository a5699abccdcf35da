import pytest
from django.urls import reverse

from committee import services
from contests.models import Unit


def _final(chair, rubric, unit):
    services.chair_final_record(
        chair=chair, rubric=rubric, unit=unit, criterion_code="1.1", points="5", reason="มติ", expected_version=0
    )


def _home(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("submissions:home")).content.decode()


@pytest.mark.django_db
def test_chair_home_counts_disagreements_waiting_for_a_final_not_own_scores(client, rubric, chair, members, judge):
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    judge(members[0], chiang_mai, "1.1", points="5")
    judge(members[1], chiang_mai, "1.1", points="0")  # a spread
    judge(members[0], phuket, "1.1", points="5")
    judge(members[1], phuket, "1.1", points="0")  # another
    judge(members[0], phuket, "1.2", points="5")
    judge(members[1], phuket, "1.2", points="5")  # agreed: nothing for the chair

    html = _home(client, chair)

    assert "กรรมการเห็นต่าง ๒ ช่อง รอคะแนนสรุปของประธาน ๒ ช่อง" in html
    assert "status=disagree" in html
    assert "ให้คะแนนอีก" not in html  # the chair's own member scores are not the chair's job here

    _final(chair, rubric, phuket)
    assert "กรรมการเห็นต่าง ๒ ช่อง รอคะแนนสรุปของประธาน ๑ ช่อง" in _home(client, chair)


@pytest.mark.django_db
def test_chair_home_says_when_every_disagreement_has_a_final(client, rubric, chair, members, judge):
    chiang_mai = Unit.objects.get(code="TH-50")
    judge(members[0], chiang_mai, "1.1", points="5")
    judge(members[1], chiang_mai, "1.1", points="0")
    _final(chair, rubric, chiang_mai)

    html = _home(client, chair)

    assert "ให้คะแนนสรุปครบทุกช่องที่กรรมการเห็นต่าง (๑ ช่อง)" in html
    assert 'data-todo="finals-done"' in html


@pytest.mark.parametrize("n", [1, 6])
@pytest.mark.django_db
def test_chair_home_query_count_constant(client, chair, members, judge, django_assert_num_queries, n):
    for unit in Unit.objects.filter(code__in=["TH-50", "TH-83", "TH-57", "TH-65", "TH-34", "TH-90"])[:n]:
        judge(members[0], unit, "1.1", points="5")
        judge(members[1], unit, "1.1", points="0")
    client.force_login(chair)
    # 6, and 6 for the chair's line: the years judged, frozen or not, the chair's units, the members'
    # scores, the finals, the overrides (committee.todo.disagreements); +1 the bell's unread count (notices), +2
    # the lock asked again about them (a notice of each with its contest and unit, the chair's conflicts)
    with django_assert_num_queries(15):
        html = client.get(reverse("submissions:home")).content.decode()
    assert f"กรรมการเห็นต่าง {'๑' if n == 1 else '๖'} ช่อง" in html
