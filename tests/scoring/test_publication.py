"""Publishing is a decision: preview, confirm, publish; a publication is withdrawn only with a reason."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from scoring import lifecycle, selectors, snapshots
from scoring.lifecycle import Refused, State
from scoring.models import FreezeAction, FreezeEvent, StandingsSnapshot
from scoring.recompute import standings_recompute

pytestmark = pytest.mark.django_db
PREVIEW = "/standings/2566/publish/"
RESULTS = "/standings/2566/results/"


@pytest.fixture
def frozen(rubric, central_user) -> StandingsSnapshot:
    standings_recompute(rubric_id=rubric.pk, full=True)
    return snapshots.standings_freeze(user=central_user, rubric=rubric)


def _publish(user, rubric, snapshot) -> StandingsSnapshot:
    return snapshots.publication_publish(
        user=user, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_publish_needs_the_confirmation(frozen, rubric, central_user):
    with pytest.raises(ValidationError) as exc:
        snapshots.publication_publish(
            user=central_user, rubric=rubric, confirmed=False, previewed_frozen_at=frozen.frozen_at.isoformat()
        )
    assert exc.value.messages == ["กรุณาทำเครื่องหมายยืนยันว่าตรวจผลแล้วก่อนประกาศ"]
    assert lifecycle.state(rubric) == State.FROZEN


def test_publish_refuses_results_frozen_again_after_the_preview(frozen, rubric, central_user):
    seen = frozen.frozen_at.isoformat()
    snapshots.standings_freeze(user=central_user, rubric=rubric)  # other rows than the preview showed
    with pytest.raises(ValidationError) as exc:
        snapshots.publication_publish(user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=seen)
    assert exc.value.messages == ["ผลที่ตรึงไว้เปลี่ยนไปหลังจากที่ดูตัวอย่าง กรุณาตรวจอีกครั้ง"]
    assert lifecycle.state(rubric) == State.FROZEN


def test_withdraw_needs_a_reason_and_a_publication(frozen, rubric, central_user):
    with pytest.raises(Refused) as exc:
        snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="ผิด")
    assert str(exc.value) == ("ถอนการประกาศผลไม่ได้: ผลตรึงไว้แล้ว ยังไม่ได้ประกาศ")
    _publish(central_user, rubric, frozen)
    with pytest.raises(ValidationError) as exc:
        snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="   ")
    assert exc.value.messages == ["ต้องระบุเหตุผลในการถอนการประกาศผล"]
    assert lifecycle.state(rubric) == State.PUBLISHED


def test_withdraw_is_audited_and_the_year_can_be_published_again(frozen, rubric, central_user):
    _publish(central_user, rubric, frozen)
    snapshot = snapshots.publication_withdraw(user=central_user, rubric=rubric, reason=" คะแนน 2.1.2 ผิด ")
    assert (snapshot.published_at, snapshot.published_by) == (None, None)
    assert lifecycle.state(rubric) == State.WITHDRAWN
    events = list(FreezeEvent.objects.values_list("action", "reason", "by"))
    assert events == [
        (FreezeAction.WITHDRAW, "คะแนน 2.1.2 ผิด", central_user.pk),
        (FreezeAction.PUBLISH, "", central_user.pk),
        (FreezeAction.FREEZE, "", central_user.pk),
    ]
    assert selectors.publication_withdrawn(rubric).reason == "คะแนน 2.1.2 ผิด"
    _publish(central_user, rubric, snapshot)
    assert lifecycle.state(rubric) == State.PUBLISHED
    assert selectors.publication_withdrawn(rubric) is None


def test_a_withdrawal_without_a_reason_cannot_be_stored(rubric, central_user):
    with pytest.raises(IntegrityError):
        FreezeEvent.objects.create(rubric=rubric, action=FreezeAction.WITHDRAW, by=central_user)


def test_preview_shows_the_rows_and_publishes_nothing(frozen, rubric, client, central_user):
    client.force_login(central_user)
    response = client.get(PREVIEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ตัวอย่าง ยังไม่ได้ประกาศ" in html and html.count("<tr><td>") == len(frozen.rows) == 76
    assert f'name="frozen_at" value="{frozen.frozen_at.isoformat()}"' in html
    assert lifecycle.state(rubric) == State.FROZEN
    assert client.get(RESULTS).status_code == 404


def test_preview_of_an_unfrozen_year_sends_back_to_the_results_page(rubric, client, central_user):
    client.force_login(central_user)
    response = client.get(PREVIEW, follow=True)
    assert response.redirect_chain == [(reverse("scoring:freeze", args=[2566]), 302)]
    assert _messages(response) == ["ต้องตรึงผลก่อนประกาศ"]


def test_post_without_the_tick_stays_on_the_preview(frozen, rubric, client, central_user):
    client.force_login(central_user)
    response = client.post(PREVIEW, {"frozen_at": frozen.frozen_at.isoformat()}, follow=True)
    assert response.redirect_chain == [(PREVIEW, 302)]
    assert _messages(response) == ["กรุณาทำเครื่องหมายยืนยันว่าตรวจผลแล้วก่อนประกาศ"]
    assert lifecycle.state(rubric) == State.FROZEN


def test_confirmed_post_publishes_then_withdraw_takes_the_page_down(frozen, rubric, client, central_user):
    client.force_login(central_user)
    response = client.post(PREVIEW, {"confirm": "1", "frozen_at": frozen.frozen_at.isoformat()}, follow=True)
    assert response.redirect_chain == [(RESULTS, 302)]
    assert _messages(response) == ["ประกาศผลแล้ว"]
    assert "ภูเก็ต" in response.content.decode()
    assert client.post("/standings/2566/withdraw/", {"reason": ""}).status_code == 302
    assert lifecycle.state(rubric) == State.PUBLISHED
    client.post("/standings/2566/withdraw/", {"reason": "ตรวจพบคะแนนผิด"})
    assert lifecycle.state(rubric) == State.WITHDRAWN
    client.logout()
    gone = client.get(RESULTS)
    html = gone.content.decode()
    assert gone.status_code == 410
    assert "ถอนการประกาศผลแล้ว" in html and "ภูเก็ต" not in html and "ตรวจพบคะแนนผิด" not in html


def test_dashboard_shows_who_withdrew_and_why(frozen, rubric, client, central_user):
    _publish(central_user, rubric, frozen)
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="ตรวจพบคะแนนผิด")
    client.force_login(central_user)
    html = client.get("/standings/2566/").content.decode()
    assert f"ถอนการประกาศผล · {central_user.username}: ตรวจพบคะแนนผิด" in html
    assert 'id="publish-preview"' in html
