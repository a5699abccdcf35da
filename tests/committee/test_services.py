from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from committee import selectors, services
from committee.errors import CommitteeError, StaleVersion
from committee.models import ChangeKind, Judgment, ScoreChange, Source
from core.errors import YearFrozen
from scoring import snapshots
from scoring.models import Standing
from scoring.recompute import standings_recompute


def test_judgment_record_first_score_creates_version_1_and_audit_row(judge, members, chiang_mai):
    judgment = judge(members[0], chiang_mai, "4.1.1", points="3", note="เอกสารครบ")
    change = ScoreChange.objects.get()
    assert (judgment.points, judgment.version) == (D(3), 1)
    assert (change.kind, change.old_points, change.new_points, change.reason, change.source, change.changed_by) == (
        ChangeKind.JUDGMENT,
        None,
        D(3),
        "เอกสารครบ",
        Source.ADMIN,
        members[0],
    )


def test_judgment_record_marks_standing_dirty(judge, members, rubric, chiang_mai, phuket):
    before = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "change_seq"))
    judge(members[0], chiang_mai, "4.1.1", points="5")
    after = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "change_seq"))
    assert (after[chiang_mai.pk] - before[chiang_mai.pk], after[phuket.pk] - before[phuket.pk]) == (1, 0)


def test_judgment_record_points_not_allowed_level_refused(judge, members, chiang_mai):
    with pytest.raises(CommitteeError) as exc:
        judge(members[0], chiang_mai, "4.1.1", points="4")
    assert str(exc.value) == ("ตัวชี้วัด 4.1.1: คะแนน 4 ไม่ใช่ระดับที่กำหนด (0, 1, 3, 5)")
    assert Judgment.objects.count() == 0


def test_judgment_record_items_become_points_through_rule(judge, members, chiang_mai):
    judgment = judge(members[0], chiang_mai, "3.1", items=["2", "1"])
    assert (judgment.points, judgment.items) == (D(3), ["1", "2"])


def test_judgment_record_ladder_ticks_count_only_cumulative_steps(judge, members, chiang_mai):
    judgment = judge(members[0], chiang_mai, "1.3", items=["1", "2", "4"])
    assert (judgment.points, judgment.items) == (D(2), ["1", "2", "4"])


def test_judgment_record_unknown_item_refused(judge, members, chiang_mai):
    with pytest.raises(CommitteeError):
        judge(members[0], chiang_mai, "3.1", items=["9"])


def test_judgment_record_data_criterion_refused(judge, members, chiang_mai):
    with pytest.raises(CommitteeError) as exc:
        judge(members[0], chiang_mai, "3.3", points="5")
    assert exc.value.en == "criterion 3.3 is computed from data; record an override with a reason"


def test_judgment_record_concurrent_edit_second_writer_refused(judge, members, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[0], chiang_mai, "4.1.1", points="5", version=1)  # first tab saves
    with pytest.raises(StaleVersion) as exc:
        judge(members[0], chiang_mai, "4.1.1", points="1", version=1)  # second tab, same starting version
    assert str(exc.value).startswith("มีผู้แก้ไขก่อนหน้าคุณ")
    assert "someone saved this first" in exc.value.en
    judgment = Judgment.objects.get()
    assert (judgment.points, judgment.version, ScoreChange.objects.count()) == (D(5), 2, 2)


def test_judgment_record_second_first_score_refused(judge, members, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    with pytest.raises(StaleVersion):
        judge(members[0], chiang_mai, "4.1.1", points="5", version=0)


def test_judgment_record_unchanged_no_new_version(judge, members, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judgment = judge(members[0], chiang_mai, "4.1.1", points="3", version=1)
    assert (judgment.version, ScoreChange.objects.count()) == (1, 1)


def test_judgment_record_central_staff_refused(judge, central_user, chiang_mai):
    with pytest.raises(PermissionDenied):
        judge(central_user, chiang_mai, "4.1.1", points="3")


def test_judged_points_median_snapped_down(judge, members, rubric, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    assert selectors.judged_points(rubric) == {chiang_mai.pk: {"4.1.1": D(3)}}


def test_judged_points_chair_final_wins(judge, members, chair, rubric, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    services.chair_final_record(
        chair=chair,
        rubric=rubric,
        unit=chiang_mai,
        criterion_code="4.1.1",
        points="5",
        reason="มติที่ประชุม",
        expected_version=0,
    )
    assert selectors.judged_points(rubric) == {chiang_mai.pk: {"4.1.1": D(5)}}
    assert selectors.judged_explanations(rubric)[chiang_mai.pk]["4.1.1"]["en"] == "chair's final (2 members)"


def test_chair_final_cleared_returns_to_median(judge, members, chair, rubric, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    cell = {"chair": chair, "rubric": rubric, "unit": chiang_mai, "criterion_code": "4.1.1"}
    services.chair_final_record(**cell, points="5", reason="มติ", expected_version=0)
    services.chair_final_record(**cell, points=None, reason="ยกเลิก", expected_version=1)
    changes = list(ScoreChange.objects.filter(kind=ChangeKind.CHAIR_FINAL).values_list("old_points", "new_points"))
    assert selectors.judged_points(rubric) == {chiang_mai.pk: {"4.1.1": D(3)}}
    assert changes == [(D(5), None), (None, D(5))]


def test_chair_final_by_member_refused(members, rubric, chiang_mai):
    with pytest.raises(PermissionDenied):
        services.chair_final_record(
            chair=members[0],
            rubric=rubric,
            unit=chiang_mai,
            criterion_code="4.1.1",
            points="5",
            reason="x",
            expected_version=0,
        )


def test_override_record_reason_mandatory(members, rubric, chiang_mai):
    with pytest.raises(CommitteeError) as exc:
        services.override_record(
            member=members[0],
            rubric=rubric,
            unit=chiang_mai,
            criterion_code="3.3",
            points="4",
            reason="  ",
            expected_version=0,
        )
    assert exc.value.en == "a reason is required"


def test_override_record_audited_and_in_judged_points(members, rubric, chiang_mai):
    services.override_record(
        member=members[0],
        rubric=rubric,
        unit=chiang_mai,
        criterion_code="3.3",
        points="4",
        reason="ไฟล์นำเข้าผิด",
        expected_version=0,
    )
    change = ScoreChange.objects.get()
    assert (change.kind, change.new_points, change.reason) == (ChangeKind.OVERRIDE, D(4), "ไฟล์นำเข้าผิด")
    assert selectors.judged_points(rubric) == {chiang_mai.pk: {"3.3": D(4)}}


def test_override_on_judged_criterion_refused(members, rubric, chiang_mai):
    with pytest.raises(CommitteeError):
        services.override_record(
            member=members[0],
            rubric=rubric,
            unit=chiang_mai,
            criterion_code="4.1.1",
            points="5",
            reason="x",
            expected_version=0,
        )


def test_ensure_open_frozen_rubric_refused(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    with pytest.raises(YearFrozen) as exc:
        services.ensure_open(rubric)
    assert str(exc.value).startswith("ผลปี 2566 ตรึงไว้แล้ว")


def test_judgment_record_frozen_year_refused(judge, members, rubric, chiang_mai, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    with pytest.raises(YearFrozen):
        judge(members[0], chiang_mai, "4.1.1", points="3")
    assert (Judgment.objects.count(), ScoreChange.objects.count()) == (0, 0)
