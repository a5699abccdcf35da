import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from core.errors import YearFrozen
from rubrics import services
from rubrics.selectors import rubric_data
from rulebook.spec import RubricError
from scoring import selectors, snapshots
from scoring.facts.imports import facts_import
from scoring.lifecycle import Refused
from scoring.models import Fact, FreezeAction, FreezeEvent, StandingsSnapshot
from scoring.recompute import standings_recompute


@pytest.fixture
def frozen(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    return rubric


def test_freeze_refuses_fact_import_and_writes_nothing(frozen):
    with pytest.raises(YearFrozen) as exc:
        facts_import(rubric=frozen, rows=[{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}])
    # One message, in the active language (Thai by default), both languages from the catalogue (core.errors).
    assert (str(exc.value), exc.value.th, exc.value.en) == (
        "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล",
        "ผลปี 2566 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล",
        "the 2566 results are frozen: no changes until central staff unfreeze them",
    )
    assert Fact.objects.count() == 0


def test_freeze_refuses_deadline_change(frozen, central_user):
    with pytest.raises(CommandError, match="ตรึงไว้แล้ว"):
        call_command("rubric_deadline", "2566", "2.1.2", "2023-04-12", "--by", central_user.username)


def test_freeze_refuses_rubric_edit(frozen):
    with pytest.raises(RubricError, match="ตรึงไว้แล้ว"):
        services.rubric_load(data=rubric_data(frozen))


def test_freeze_api_fact_post_refused_with_message(frozen, api, central_user):
    api.force_authenticate(central_user)
    body = {"facts": [{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}]}
    response = api.post("/api/v1/years/2566/facts/", body, format="json")
    assert (response.status_code, response.json()["type"]) == (409, "client_error")  # the year's state, not the body
    [error] = response.json()["errors"]  # about the whole request: no row, no field
    assert (error["code"], error["attr"], "row" in error) == ("year_frozen", None, False)


def test_unfreeze_needs_a_reason(frozen, central_user):
    with pytest.raises(ValidationError):
        snapshots.standings_unfreeze(user=central_user, rubric=frozen, reason="  ")
    assert selectors.is_frozen(frozen)


def test_unfreeze_with_reason_reopens_and_is_audited(frozen, central_user):
    snapshots.standings_unfreeze(user=central_user, rubric=frozen, reason="แก้คะแนน 2.1.2 ตามหนังสือกรม")
    assert not selectors.is_frozen(frozen)
    events = list(FreezeEvent.objects.values_list("action", "reason", "by"))
    assert events == [
        (FreezeAction.UNFREEZE, "แก้คะแนน 2.1.2 ตามหนังสือกรม", central_user.pk),
        (FreezeAction.FREEZE, "", central_user.pk),
    ]
    facts_import(rubric=frozen, rows=[{"province": "TH-50", "criterion": "1.1", "fact": "done", "value": "yes"}])
    assert Fact.objects.count() == 1


def test_unfreeze_after_publication_refused(frozen, central_user):
    snapshot = frozen.snapshot
    snapshots.publication_publish(
        user=central_user, rubric=frozen, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    with pytest.raises(Refused, match=r"^ยกเลิกการตรึงผลไม่ได้: ประกาศผลแล้ว"):
        snapshots.standings_unfreeze(user=central_user, rubric=frozen, reason="x")
    assert selectors.is_frozen(frozen)


def test_unfreeze_view_central_only_and_needs_reason(frozen, client, central_user, committee_user):
    url = "/standings/2566/unfreeze/"
    client.force_login(committee_user)
    assert client.post(url, {"reason": "x"}).status_code == 403
    client.force_login(central_user)
    client.post(url, {"reason": ""})
    assert selectors.is_frozen(frozen)
    response = client.post(url, {"reason": "ตรวจพบข้อมูลผิด"})
    assert response.status_code == 302
    assert not selectors.is_frozen(frozen)


def test_the_freeze_page_says_where_the_results_stand_as_a_state_and_since_when(frozen, client, central_user):
    """The state reads as a state with its moment ("ตรึงผลแล้ว เมื่อ …"), the card's label before the date as a
    label ("ตรึงผลเมื่อ …"): one English word, two Thai ones."""
    frozen_at = dt.datetime(2023, 8, 21, 7, 5, tzinfo=dt.UTC)  # 14:05 in Bangkok
    StandingsSnapshot.objects.filter(rubric=frozen).update(frozen_at=frozen_at)
    client.force_login(central_user)

    page = client.get("/standings/2566/freeze/").content.decode()

    assert '<strong id="results-state">ตรึงผลแล้ว เมื่อ ๒๑ สิงหาคม ๒๕๖๖ ๑๔:๐๕ น.</strong>' in page
    assert "<p>ตรึงผลเมื่อ ๒๑ สิงหาคม ๒๕๖๖ ๑๔:๐๕ น." in page
