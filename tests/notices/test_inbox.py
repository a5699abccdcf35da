"""The inbox and the bell: a person's own notices only, read and unread, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from committee import clarify
from core.thai import thai_digits
from notices.models import DeliveryState, Kind, Notice, Receipt
from notices.selectors import PAGE, inbox_entries, inbox_sections, unread_count
from notices.services import notice_record

pytestmark = pytest.mark.django_db


def tell(people, n: int, who=("cm",)):
    for i in range(n):
        notice_record(
            kind=Kind.QUESTION_ASKED, key=f"q{i}", recipients=lambda: [people[w] for w in who],
            params={"contest": "ประกวด", "unit": "เชียงใหม่", "code": f"4.1.{i}"}, link="/committee/clarifications/1/",
        )  # fmt: skip


@pytest.mark.parametrize("count", [1, 12])
def test_the_inbox_lists_the_persons_notices_in_the_same_queries_however_many(
    people, client, count, django_assert_num_queries
):
    tell(people, count)
    client.force_login(people["cm"])
    # session, user, what the notices are about (the lock asked again: none names a contest here), the inbox's lone
    # notices, its groups (none here), the person's channel choices, the bell's unread count; the menu's 3
    with django_assert_num_queries(10):
        html = client.get(reverse("notices:inbox")).content.decode()
    assert html.count('class="unread"') == count and "เชียงใหม่" in html
    assert f'<span class="count">{count}</span>'.replace(str(count), "๑๒" if count == 12 else "๑") in html


def test_older_notices_are_a_link_away_and_each_page_costs_the_same_queries(people, client, django_assert_num_queries):
    tell(people, PAGE + 3)
    client.force_login(people["cm"])
    html = client.get(reverse("notices:inbox")).content.decode()
    assert html.count('<li id="line-') == PAGE and "๔.๑.๒<" not in html  # the three oldest wait
    assert f'<a href="?pages=2#line-{PAGE + 1}">ดูการแจ้งเตือนที่เก่ากว่า</a>' in html
    with django_assert_num_queries(10):  # as the first page's
        html = client.get(reverse("notices:inbox"), {"pages": "2"}).content.decode()
    assert html.count('<li id="line-') == PAGE + 3 and f'id="line-{PAGE + 1}"' in html and "๔.๑.๐<" in html
    assert "?pages=3" not in html  # nothing older
    for asked in ("0", "-1", "two", "", "2.5"):  # anything but a count of pages is the first page
        html = client.get(reverse("notices:inbox"), {"pages": asked}).content.decode()
        assert html.count('<li id="line-') == PAGE and "?pages=2" in html


def test_another_persons_notice_is_neither_listed_nor_marked_read_by_them(people, client):
    tell(people, 1, who=("member",))
    client.force_login(people["pk"])
    assert "4.1.0" not in client.get(reverse("notices:inbox")).content.decode()
    theirs = Receipt.objects.get(user=people["member"])
    response = client.post(reverse("notices:read"), {"receipt": theirs.pk})
    assert response.status_code == 302 and response["Location"] == reverse("notices:inbox")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_a_notice_marks_it_read_and_follows_its_link_and_mark_all_read_empties_the_bell(people, client):
    tell(people, 3)
    client.force_login(people["cm"])
    first = Receipt.objects.filter(user=people["cm"]).first()
    response = client.post(reverse("notices:read"), {"receipt": first.pk})
    assert response["Location"] == "/committee/clarifications/1/"
    assert Receipt.objects.filter(user=people["cm"], read_at__isnull=True).count() == 2
    client.post(reverse("notices:read"))
    assert Receipt.objects.filter(user=people["cm"], read_at__isnull=True).count() == 0
    assert 'class="count"' not in client.get(reverse("notices:inbox")).content.decode()


def test_the_choice_per_channel_is_kept_for_the_person_alone(people, client):
    client.force_login(people["cm"])
    client.post(reverse("notices:preferences"), {"mode-email": "digest", "mode-fax": "none"})
    assert list(people["cm"].notice_preferences.values_list("channel", "mode")) == [("email", "digest")]
    html = client.get(reverse("accounts:account")).content.decode()
    assert 'value="digest" checked' in html


def received(people, rubric, unit, codes, who=("member",), at=None):
    """Evidence received from `unit` for each code, told to `who` (as each upload tells every judge)."""
    for i, code in enumerate(codes):  # a version each: the same code twice is two uploads
        notice = notice_record(
            kind=Kind.EVIDENCE_RECEIVED, key=f"e{rubric.pk}:{unit.code}:{code}:{i}:{at}", contest=rubric.contest,
            unit=unit, about=code, recipients=lambda: [people[w] for w in who],
            params={"contest": "ประกวด", "unit": unit.name_th, "code": code}, link=f"/evidence/{unit.code}/{code}/",
        )  # fmt: skip
        if at is not None:
            Notice.objects.filter(pk=notice.pk).update(created_at=at)


@pytest.mark.parametrize("count", [3, 40])
def test_a_days_evidence_on_one_contest_is_one_inbox_line_holding_each_notice_and_the_bell_counts_it_once(
    people, rubric, chiang_mai, phuket, client, count, django_assert_num_queries
):
    received(people, rubric, chiang_mai, [f"1.{i}" for i in range(count)])
    received(people, rubric, phuket, ["5.1"])
    tell(people, 1, who=("member",))  # a question between them stays a line of its own
    client.force_login(people["member"])
    # session, user, what the notices are about, the lock asked again about them (a notice of each with its contest
    # and unit, the member's conflicts), the inbox's lone notices, its groups, their notices, the channel choices,
    # the bell; a member's menu's 1
    with django_assert_num_queries(11):
        html = client.get(reverse("notices:inbox")).content.decode()
    group = f"ได้รับหลักฐาน {thai_digits(count + 1)} รายการ จาก ๒ หน่วยงาน</summary>"
    assert html.count(group) == 1 and html.count('class="unread"') == 2
    assert html.count("เชียงใหม่: ตัวชี้วัด ๑.") == count and html.count("ภูเก็ต: ตัวชี้วัด ๕.๑") == 1
    assert '<span class="count">๑</span>' in html  # the question alone: the evidence is for information
    first = Receipt.objects.get(user=people["member"], notice__about="1.0")
    assert client.post(reverse("notices:read"), {"receipt": first.pk})["Location"] == "/evidence/TH-50/1.0/"


def test_marking_a_group_read_marks_that_days_notices_of_that_contest_only_and_nobody_elses(
    people, rubric, chiang_mai, client
):
    yesterday = timezone.now() - timedelta(days=1)
    received(people, rubric, chiang_mai, ["1.1", "1.2"], who=("member", "chair"))
    received(people, rubric, chiang_mai, ["2.1", "2.2"], who=("member",), at=yesterday)
    client.force_login(people["member"])
    html = client.get(reverse("notices:inbox")).content.decode()
    today = timezone.localdate().isoformat()
    assert html.count('name="group"') == 2 and f'value="evidence_received:{rubric.contest.pk}:{today}"' in html
    client.post(reverse("notices:read"), {"group": f"evidence_received:{rubric.contest.pk}:{today}"})
    unread = Receipt.objects.filter(read_at__isnull=True)
    assert sorted(unread.filter(user=people["member"]).values_list("notice__about", flat=True)) == ["2.1", "2.2"]
    assert unread.filter(user=people["chair"]).count() == 2
    for bogus in ["question_asked:1:" + today, f"evidence_received:x:{today}", "evidence_received:1:yesterday", ":"]:
        client.post(reverse("notices:read"), {"group": bogus})
    assert unread.filter(user=people["member"]).count() == 2


def test_the_first_days_bell_counts_what_needs_the_member_and_the_inbox_puts_it_first(
    people, rubric, chiang_mai, phuket, client
):
    """What needs action ("เชียงใหม่ ตอบคำขอชี้แจงตัวชี้วัด 3.4 แล้ว") stands apart from the many receipts
    ("ได้รับหลักฐาน …") a member gets on the first day, never lost among them."""
    received(people, rubric, chiang_mai, [f"1.{i}" for i in range(14)])
    received(people, rubric, phuket, ["5.1"])
    notice_record(
        kind=Kind.QUESTION_ANSWERED, key="answered", recipients=lambda: [people["member"]], contest=rubric.contest,
        unit=chiang_mai, params={"contest": rubric.contest.name_th, "unit": "เชียงใหม่", "code": "3.4"},
        link="/committee/",
    )  # fmt: skip
    received(people, rubric, phuket, ["5.2"])  # newer than the answer: still below it
    client.force_login(people["member"])
    html = client.get(reverse("notices:inbox")).content.decode()
    assert '<span class="count">๑</span>' in html and 'aria-label="การแจ้งเตือน: รอท่านดำเนินการ ๑ เรื่อง"' in html
    needs, fyi = html.split('id="needs-you"')[1].split('id="for-information"')
    assert "เชียงใหม่ ตอบคำขอชี้แจงตัวชี้วัด ๓.๔ แล้ว</button>" in needs and "ได้รับหลักฐาน" not in needs
    assert f'<p class="notice-contest">{rubric.contest.name_th}</p>' in needs  # the contest after the news
    assert 'class="notices fyi"' in fyi and fyi.count("ได้รับหลักฐาน ๑๖ รายการ จาก ๒ หน่วยงาน</summary>") == 1


def test_a_question_answered_waits_for_the_office_no_more_and_a_question_after_it_does(rubric, people, chiang_mai):
    """An answered question's notice stayed under "รอท่านดำเนินการ" and in the bell after the office answered it."""
    cm = people["cm"]
    thread = clarify.clarification_open(
        member=people["member"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="ขอรูปเพิ่ม"
    )
    assert unread_count(cm) == 1 and [len(part) for part in inbox_sections(inbox_entries(cm))] == [1, 0]

    clarify.clarification_reply(user=cm, clarification=thread, message="แนบแล้ว")

    assert unread_count(cm) == 0 and [len(part) for part in inbox_sections(inbox_entries(cm))] == [0, 1]
    asked = Notice.objects.get(kind=Kind.QUESTION_ASKED)
    assert set(asked.receipts.values_list("deliveries__state", flat=True)) == {DeliveryState.MET}  # not sent now
    clarify.clarification_reply(user=people["member"], clarification=thread, message="ขอเพิ่มอีกรูป")
    needs, fyi = inbox_sections(inbox_entries(cm))
    assert [e.receipts[0].notice.params["code"] for e in needs + fyi] == ["4.1.1", "4.1.1"]
    assert [e.settled is None for e in needs + fyi] == [True, False] and unread_count(cm) == 1
