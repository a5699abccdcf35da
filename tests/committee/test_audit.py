from decimal import Decimal as D

from django.urls import reverse

from committee.models import ChangeKind, Judgment, ScoreChange, Source
from contests.models import Unit

SCORE = reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])


def _rows():
    return list(ScoreChange.objects.order_by("id").values_list("kind", "old_points", "new_points", "reason", "source"))


def test_audit_admin_judgment_then_chair_final(client, members, chair):
    client.force_login(members[0])
    client.post(SCORE, {"action": "judge", "points": "3", "note": "ครบถ้วน", "expected_version": 0})
    client.force_login(chair)
    client.post(SCORE, {"action": "final", "points": "5", "reason": "มติที่ประชุม", "expected_version": 0})
    assert _rows() == [
        (ChangeKind.JUDGMENT, None, D(3), "ครบถ้วน", Source.ADMIN),
        (ChangeKind.CHAIR_FINAL, None, D(5), "มติที่ประชุม", Source.ADMIN),
    ]


def test_audit_admin_override_of_data_criterion(client, members):
    client.force_login(members[0])
    url = reverse("admin:committee_score", args=[2566, "TH-50", "3.3"])
    client.post(url, {"action": "override", "points": "4", "reason": "นับเครื่องผิด", "expected_version": 0})
    client.post(url, {"action": "override", "points": "", "reason": "ข้อมูลแก้แล้ว", "expected_version": 1})
    assert _rows() == [
        (ChangeKind.OVERRIDE, None, D(4), "นับเครื่องผิด", Source.ADMIN),
        (ChangeKind.OVERRIDE, D(4), None, "ข้อมูลแก้แล้ว", Source.ADMIN),
    ]


def test_audit_admin_override_without_reason_refused_with_message(client, members):
    client.force_login(members[0])
    url = reverse("admin:committee_score", args=[2566, "TH-50", "3.3"])
    response = client.post(url, {"action": "override", "points": "4", "reason": "", "expected_version": 0})
    assert (response.status_code, _rows()) == (200, [])
    assert '<li class="error">ต้องระบุเหตุผล</li>' in response.content.decode()  # Thai alone


def test_admin_concurrent_edit_second_save_gets_message(client, members):
    client.force_login(members[0])
    client.post(SCORE, {"action": "judge", "points": "3", "expected_version": 0})
    first = client.post(SCORE, {"action": "judge", "points": "5", "expected_version": 1})
    second = client.post(SCORE, {"action": "judge", "points": "1", "expected_version": 1})
    assert (first.status_code, second.status_code) == (302, 200)
    assert "มีผู้แก้ไขก่อนหน้าคุณ" in second.content.decode()
    assert Judgment.objects.get().points == D(5)


def test_admin_history_shown_on_scoring_screen(client, members, chair):
    client.force_login(members[0])
    client.post(SCORE, {"action": "judge", "points": "3", "note": "บันทึกแรก", "expected_version": 0})
    client.force_login(chair)
    response = client.get(SCORE)
    assert [(h.changed_by, h.new_points) for h in response.context["history"]] == [(members[0], D(3))]


def test_admin_member_does_not_see_other_members_history(client, members):
    client.force_login(members[0])
    client.post(SCORE, {"action": "judge", "points": "3", "expected_version": 0})
    client.force_login(members[1])
    response = client.get(SCORE)
    assert (response.context["history"], response.context["judgments"]) == ([], [])


def test_admin_save_and_next_goes_to_next_with_evidence(client, members, sent):
    for code in ("TH-50", "TH-52"):
        sent(Unit.objects.get(code=code), "4.1.1")
    client.force_login(members[0])
    response = client.post(SCORE, {"action": "judge", "points": "3", "expected_version": 0, "save_next": "1"})
    # Same criterion, the next province by code that sent evidence: TH-51 sent nothing, nothing to judge.
    assert response.url == reverse("admin:committee_score", args=[2566, "TH-52", "4.1.1"])


def test_admin_items_criterion_ticks_saved(client, members):
    client.force_login(members[0])
    url = reverse("admin:committee_score", args=[2566, "TH-50", "3.1"])
    client.post(url, {"action": "judge", "items": ["1", "2", "3"], "expected_version": 0})
    assert list(Judgment.objects.values_list("points", "items")) == [(D(5), ["1", "2", "3"])]
