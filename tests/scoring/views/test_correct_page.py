"""The freeze page's correction of published awards: offered once the results are published, and its form's wiring."""

import pytest
from django.urls import reverse

from scoring import demo, snapshots
from scoring.models import FreezeAction, FreezeEvent, Standing
from scoring.recompute import standings_recompute

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(rubric, central_user):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshot = snapshots.standings_freeze(user=central_user, rubric=rubric)
    snapshots.publication_publish(
        user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    return rubric


def test_the_freeze_page_offers_the_correction_only_once_published(client, rubric, central_user):
    client.force_login(central_user)
    assert 'id="correct"' not in client.get(reverse("scoring:freeze", args=[rubric.key])).content.decode()


def test_a_posted_correction_changes_the_award_and_leads_to_the_documents(client, published, central_user):
    rubric = published
    client.force_login(central_user)
    page = client.get(reverse("scoring:freeze", args=[rubric.key])).content.decode()
    assert 'id="correct"' in page and f'action="{reverse("scoring:correct", args=[rubric.key])}"' in page
    winner = Standing.objects.filter(rubric=rubric, rank=1).select_related("unit").get()
    response = client.post(
        reverse("scoring:correct", args=[rubric.key]),
        {"entrant": [winner.unit.code, ""], "award": ["", ""], "reason": "ข้อมูลผิดพลาด"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:results", args=[rubric.key]) + "#documents"
    winner.refresh_from_db()
    event = FreezeEvent.objects.get(rubric=rubric, action=FreezeAction.CORRECT)
    assert (winner.award, event.reason, event.by) == ("", "ข้อมูลผิดพลาด", central_user)


def test_a_correction_without_a_reason_keeps_the_award_and_says_why(client, published, central_user):
    rubric = published
    client.force_login(central_user)
    winner = Standing.objects.filter(rubric=rubric, rank=1).select_related("unit").get()
    response = client.post(
        reverse("scoring:correct", args=[rubric.key]), {"entrant": [winner.unit.code], "award": [""]}, follow=True
    )
    assert "ต้องระบุเหตุผลในการแก้ไขผลรางวัลที่ประกาศแล้ว" in response.content.decode()
    winner.refresh_from_db()
    assert winner.award != ""
