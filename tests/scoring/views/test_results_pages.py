"""Freezing, publishing and an office's own standing: who may, what the frozen results keep, and what each
reader is shown or sent on to."""

import pytest
from django.urls import reverse

from contests.models import Unit
from core.errors import YearFrozen
from rubrics.models import YearSettings
from scoring.facts.imports import fact_set
from scoring.models import Standing

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(rubric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fact_set(rubric=rubric, unit=Unit.objects.get(code="TH-83"), criterion_code="1.1", name="done", value="yes")
    return rubric


def test_only_central_staff_see_the_publication_preview(client, rubric, provincial_user, committee_user):
    url = reverse("scoring:publish", args=[2566])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/login" in anonymous["Location"]
    for who in (provincial_user, committee_user):
        client.force_login(who)
        assert client.get(url).status_code == 403


@pytest.mark.parametrize("who", ["provincial_user", "committee_user"])
@pytest.mark.parametrize("action", ["scoring:freeze", "scoring:publish", "scoring:withdraw", "rubrics:settings"])
def test_only_central_staff_freeze_publish_or_change_settings(client, rubric, request, who, action):
    client.force_login(request.getfixturevalue(who))
    assert client.post(reverse(action, args=[2566]), {"visible": "1"}).status_code == 403
    assert not YearSettings.objects.exists()


def test_provincial_staff_see_own_standing_figures_only_when_enabled(client, provincial_user, central_user, scored):
    client.force_login(provincial_user)
    url = reverse("scoring:mine", args=[2566])
    response = client.get(url)
    assert response.status_code == 200 and "ยังไม่เปิด" in response.content.decode()  # its own page, nothing yet
    client.force_login(central_user)
    client.post(reverse("rubrics:settings", args=[2566]), {"visible": "1", "reminder_working_days": "5"})
    assert YearSettings.objects.get().reminder_working_days == 5
    client.force_login(provincial_user)
    html = client.get(url).content.decode()
    assert "เชียงใหม่" in html and "ภูเก็ต" not in html and "ข้อมูล ณ" in html


def test_committee_has_no_own_standing_page_and_is_sent_to_the_scoring_matrix(client, committee_user, rubric):
    client.force_login(committee_user)
    response = client.get(reverse("scoring:mine", args=[2566]))
    assert (response.status_code, response["Location"]) == (302, "/admin/committee/judgment/matrix/?year=2566")


def test_freeze_stores_snapshot_that_later_changes_do_not_touch(
    client, central_user, provincial_user, scored, django_capture_on_commit_callbacks
):
    client.force_login(central_user)
    assert client.get(reverse("scoring:results", args=[2566])).status_code == 404
    unconfirmed = client.post(reverse("scoring:freeze", args=[2566]), follow=True)
    assert "ทำเครื่องหมายยืนยันก่อนตรึงผล" in unconfirmed.content.decode() and not hasattr(scored, "snapshot")
    client.post(reverse("scoring:freeze", args=[2566]), {"confirm": "1"})
    scored.refresh_from_db()
    snapshot = scored.snapshot
    assert len(snapshot.rows) == 76 and snapshot.rows[0]["province"] == "TH-83" and snapshot.published_at is None
    with pytest.raises(YearFrozen), django_capture_on_commit_callbacks(execute=True):
        fact_set(rubric=scored, unit=Unit.objects.get(code="TH-50"), criterion_code="1.1", name="done", value="yes")
    snapshot.refresh_from_db()
    assert snapshot.rows[0]["total"] == "5" and snapshot.rows[1]["total"] == "0"
    confirm = {"confirm": "1", "frozen_at": snapshot.frozen_at.isoformat()}
    client.post(reverse("scoring:publish", args=[2566]), confirm)
    snapshot.refresh_from_db()
    assert snapshot.published_at is not None
    client.post(reverse("scoring:freeze", args=[2566]), {"confirm": "1"})  # refused after publication
    snapshot.refresh_from_db()
    assert snapshot.rows[1]["total"] == "0"
    client.logout()
    html = client.get(reverse("scoring:results", args=[2566])).content.decode()
    assert "ภูเก็ต" in html and "ข้อมูล ณ" in html
    client.force_login(provincial_user)  # published results are visible even with the live standings closed
    assert "ผลที่ประกาศแล้ว" in client.get(reverse("scoring:mine", args=[2566])).content.decode()


def test_freeze_refused_while_results_are_stale(client, central_user, rubric):
    Standing.objects.filter(rubric=rubric, unit__code="TH-50").update(change_seq=999)
    client.force_login(central_user)
    response = client.post(reverse("scoring:freeze", args=[2566]), {"confirm": "1"}, follow=True)
    assert "ยังคำนวณคะแนนไม่เสร็จ" in response.content.decode()
    assert not hasattr(rubric, "snapshot") or rubric.snapshot is None
