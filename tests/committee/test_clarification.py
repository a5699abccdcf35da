from django.urls import reverse

from committee import selectors
from committee.clarify import clarification_open
from committee.models import Clarification, ClarificationStatus, MessageKind
from contests.models import Unit
from people.models import Role

from ..factories import UserFactory


def test_clarification_round_end_to_end(client, members, provincial_user, rubric, chiang_mai, phuket):
    score_url = reverse("admin:committee_score", args=[2566, "TH-50", "1.1"])
    client.force_login(members[0])
    client.post(score_url, {"action": "clarify_open", "message": "ขอหลักฐานการอบรมฉบับเต็ม"})
    clar = Clarification.objects.get()
    assert clar.status == ClarificationStatus.OPEN

    # The province's home page sees it through the selector; another province does not.
    shown = selectors.open_clarifications_for_unit(chiang_mai, rubric)
    assert [(c.criterion.code, [m.body for m in c.messages.all()]) for c in shown] == [
        ("1.1", ["ขอหลักฐานการอบรมฉบับเต็ม"])
    ]
    assert selectors.open_clarifications_for_unit(phuket, rubric) == []

    client.force_login(provincial_user)
    page = reverse("committee:clarification", args=[clar.pk])
    assert "ขอหลักฐานการอบรมฉบับเต็ม" in client.get(page).content.decode()
    response = client.post(page, {"message": "แนบรายงานฉบับเต็มแล้ว"})
    clar.refresh_from_db()
    assert (response.status_code, clar.status) == (302, ClarificationStatus.ANSWERED)

    client.force_login(members[0])
    client.post(score_url, {"action": "clarify_close", "clarification": clar.pk, "message": "ครบแล้ว"})
    clar.refresh_from_db()
    kinds = [(m.kind, m.author_id) for m in clar.messages.order_by("id")]
    assert clar.status == ClarificationStatus.CLOSED
    assert kinds == [
        (MessageKind.QUESTION, members[0].pk),
        (MessageKind.REPLY, provincial_user.pk),
        (MessageKind.CLOSE, members[0].pk),
    ]
    assert selectors.open_clarifications_for_unit(chiang_mai, rubric) == []

    # The criterion is scored again after the round, as usual.
    response = client.post(score_url, {"action": "judge", "points": "5", "expected_version": 0})
    assert response.status_code == 302


def test_clarification_second_running_round_refused(client, members):
    client.force_login(members[0])
    url = reverse("admin:committee_score", args=[2566, "TH-50", "1.1"])
    client.post(url, {"action": "clarify_open", "message": "คำถามแรก"})
    response = client.post(url, {"action": "clarify_open", "message": "คำถามที่สอง"})
    assert (response.status_code, Clarification.objects.count()) == (200, 1)
    assert "มีคำขอชี้แจงที่ยังไม่ปิดอยู่แล้ว" in response.content.decode()


def test_clarification_reply_closed_round_refused(client, members, provincial_user):
    client.force_login(members[0])
    url = reverse("admin:committee_score", args=[2566, "TH-50", "1.1"])
    client.post(url, {"action": "clarify_open", "message": "คำถาม"})
    clar = Clarification.objects.get()
    client.post(url, {"action": "clarify_close", "clarification": clar.pk})
    client.force_login(provincial_user)
    response = client.post(reverse("committee:clarification", args=[clar.pk]), {"message": "ตอบช้า"})
    assert (response.status_code, clar.messages.count()) == (200, 2)


def test_clarification_other_province_staff_cannot_reply(client, members, phuket):
    client.force_login(members[0])
    client.post(
        reverse("admin:committee_score", args=[2566, "TH-50", "1.1"]), {"action": "clarify_open", "message": "q"}
    )
    clar = Clarification.objects.get()
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket))
    response = client.post(reverse("committee:clarification", args=[clar.pk]), {"message": "ไม่ใช่ของเรา"})
    assert (response.status_code, clar.messages.count()) == (404, 1)


def test_clarification_shown_on_province_home_only_to_its_province(
    client, members, provincial_user, rubric, chiang_mai
):
    clarification_open(
        member=members[0], rubric=rubric, unit=chiang_mai, criterion_code="3.2", message="ขอทะเบียนครุภัณฑ์ฉบับล่าสุด"
    )
    client.force_login(provincial_user)
    html = client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()
    assert "คณะกรรมการขอคำชี้แจงเพิ่มเติม" in html
    assert "ขอทะเบียนครุภัณฑ์ฉบับล่าสุด" in html
    other = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-83"))
    client.force_login(other)
    assert "ขอทะเบียนครุภัณฑ์" not in client.get(reverse("submissions:unit", args=[2566, "TH-83"])).content.decode()
