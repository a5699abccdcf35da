"""Changing an open contest's rules (rubrics.revisions through services.contest_save): a reason is
required, dropping criteria that hold evidence or scores asks for confirmation and then archives them with
everything they hold, every change is recorded, and every entrant is rescored in-process (no mocks)."""

import copy
from decimal import Decimal

import pytest
from django.db.models import F

from committee import panels
from committee import services as committee_services
from committee.models import Judgment
from contests.models import Contest, ContestState
from people.models import Role
from rubrics import services
from rubrics.models import Criterion, Dimension, RubricChange
from rubrics.revisions import ChangeRefused
from rubrics.selectors import contest_file
from scoring.models import Standing
from scoring.recompute import standings_recompute
from submissions.models import Evidence
from tests.factories import DistrictFactory, UserFactory, office_contest
from tests.security.conftest import evidence_of, pdf_upload


@pytest.fixture
def world(db, chiang_mai, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    d1, d2, d3 = (DistrictFactory(parent=chiang_mai) for _ in range(3))
    rubric = office_contest("cm-web-2564", chiang_mai, d1, d2)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=d3)
    panels.panelist_appoint(by=organiser, contest=rubric.contest, user=panelist)
    evidence = evidence_of(pdf_upload("หลักฐาน"), user=staff, rubric=rubric, unit=d1, criterion_code="5.1")
    for code, points in (("1.1", "15"), ("5.1", "10")):
        committee_services.judgment_record(
            member=panelist, rubric=rubric, unit=d1, criterion_code=code, points=Decimal(points), expected_version=0
        )
    return {"rubric": rubric, "organiser": organiser, "d1": d1, "evidence": evidence}


def _without_5(rubric) -> dict:
    """The contest less its fifth dimension (criterion 5.1, 15 points), as the organiser would send it."""
    data = copy.deepcopy(contest_file(rubric))
    data["dimensions"] = [d for d in data["dimensions"] if d["code"] != "5"]
    data["total_points"] = "85"
    return data


def _points(data: dict, code: str, points: str) -> dict:
    data = copy.deepcopy(data)
    for dim in data["dimensions"]:
        for c in dim["criteria"]:
            if c["code"] == code:
                c["max_points"] = points
                dim["max_points"] = points
    data["total_points"] = str(sum(Decimal(d["max_points"]) for d in data["dimensions"]))
    return data


def test_an_open_contest_changed_without_a_reason_is_refused_and_nothing_changes(world):
    rubric, organiser = world["rubric"], world["organiser"]
    assert rubric.contest.state == ContestState.OPEN
    with pytest.raises(ChangeRefused) as refused:
        services.contest_save(user=organiser, data=_points(contest_file(rubric), "1.1", "25"))
    assert refused.value.needs == {"reason"}
    assert refused.value.messages == ["การประกวดเปิดแล้ว กรุณาระบุเหตุผลของการแก้ไข (ผู้เข้าประกวดทุกรายจะถูกคิดคะแนนใหม่)"]
    assert Criterion.objects.get(rubric=rubric, code="1.1").max_points == Decimal("20")
    assert not RubricChange.objects.exists()


def test_saving_it_unchanged_needs_no_reason_and_records_nothing(world):
    services.contest_save(user=world["organiser"], data=contest_file(world["rubric"]))
    assert not RubricChange.objects.exists()


def test_a_change_with_a_reason_is_recorded_and_every_entrant_rescored(world, django_capture_on_commit_callbacks):
    rubric, organiser = world["rubric"], world["organiser"]
    with django_capture_on_commit_callbacks(execute=True):
        services.contest_save(user=organiser, data=_points(contest_file(rubric), "1.1", "25"), reason="ตามหนังสือจังหวัด")
    change = RubricChange.objects.get()
    assert (change.contest, change.user, change.state, change.reason) == (
        rubric.contest, organiser, ContestState.OPEN, "ตามหนังสือจังหวัด"
    )  # fmt: skip
    assert change.changes["periods"][0]["criteria"]["changed"][0]["fields"] == [
        {"field": "max_points", "old": "20.00", "new": "25.00"}
    ]
    stale = Standing.objects.filter(rubric=rubric).exclude(computed_seq=F("change_seq"))
    assert not stale.exists()  # rescored after commit, in-process


def test_dropping_a_criterion_with_evidence_and_scores_asks_then_archives_it(world, django_capture_on_commit_callbacks):
    rubric, organiser, d1 = world["rubric"], world["organiser"], world["d1"]
    name = Criterion.objects.get(rubric=rubric, code="5.1").name_th
    with pytest.raises(ChangeRefused) as refused:
        services.contest_save(user=organiser, data=_without_5(rubric))
    assert refused.value.needs == {"confirm", "reason"}
    assert [h.text for h in refused.value.held] == [
        f"ตัวชี้วัด ๕ {name}: หลักฐาน ๑ ไฟล์, คะแนนกรรมการ ๑ รายการ, ประวัติการให้คะแนน ๑ รายการ"
    ]
    assert Criterion.objects.filter(rubric=rubric, code="5.1").exists()  # refused: nothing written

    with django_capture_on_commit_callbacks(execute=True):
        services.contest_save(user=organiser, data=_without_5(rubric), reason="ยกเลิกข้อ ๕", confirm=True)
    assert not Criterion.objects.filter(rubric=rubric, code="5.1").exists()
    kept = Criterion.all_objects.get(rubric=rubric, code="5.1")
    assert kept.archived_at is not None
    assert Dimension.all_objects.get(rubric=rubric, code="5").archived_at is not None
    evidence = Evidence.objects.get(pk=world["evidence"].pk)
    assert evidence.submission.criterion == kept
    assert Judgment.objects.filter(criterion=kept).count() == 1
    change = RubricChange.objects.get()
    assert [a["code"] for a in change.archived] == ["5.1"]
    assert change.changes["periods"][0]["criteria"]["removed"][0]["code"] == "5.1"
    result = Standing.objects.get(rubric=rubric, unit=d1)
    assert (result.total, sorted(result.criteria)) == (Decimal("15"), ["1.1", "2.1", "3.1", "4.1"])


def test_bringing_an_archived_criterion_back_restores_it_with_what_it_holds(world):
    rubric, organiser = world["rubric"], world["organiser"]
    whole = contest_file(rubric)
    services.contest_save(user=organiser, data=_without_5(rubric), reason="ยกเลิกข้อ ๕", confirm=True)
    services.contest_save(user=organiser, data=whole, reason="คืนข้อ ๕")
    back = Criterion.objects.get(rubric=rubric, code="5.1")
    assert back.pk == world["evidence"].submission.criterion_id
    assert contest_file(rubric)["dimensions"] == whole["dimensions"]
    assert RubricChange.objects.count() == 2


def test_a_draft_changes_without_a_reason_and_is_still_recorded(world):
    rubric, organiser = world["rubric"], world["organiser"]
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
    services.contest_save(user=organiser, data=_points(contest_file(rubric), "1.1", "25"))
    change = RubricChange.objects.get()
    assert (change.state, change.reason) == (ContestState.DRAFT, "")


def test_a_new_contest_is_recorded_as_created_a_draft_with_no_reason_asked(db, chiang_mai):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    data = {**contest_file(rubric), "contest": {**contest_file(rubric)["contest"]}}
    data["contest"]["slug"] = "cm-web-2565"
    services.contest_save(user=organiser, data=data)
    change = RubricChange.objects.get()
    assert (change.changes, change.reason, change.state) == ({"created": True}, "", "draft")


def test_a_frozen_contest_refuses_a_change_before_asking_anything(world):
    from rulebook.spec import RubricError
    from scoring.snapshots import standings_freeze

    rubric, organiser = world["rubric"], world["organiser"]
    standings_recompute(rubric_id=rubric.pk, full=True)
    standings_freeze(user=organiser, rubric=rubric)
    with pytest.raises(RubricError) as refused:
        services.contest_save(user=organiser, data=_without_5(rubric), reason="ยกเลิกข้อ ๕", confirm=True)
    assert not isinstance(refused.value, ChangeRefused)
    assert "ตรึง" in refused.value.messages[0]
    assert Criterion.objects.filter(rubric=rubric, code="5.1").exists()
    assert not RubricChange.objects.exists()
