"""Deadlines in one's own calendar: a private address made (after the owner's password, the owner told), made
again and revoked on "บัญชีของฉัน" (stopped by every remedy: tests/accounts/test_remedies.py); its feed (RFC
5545) read by two independent parsers: each obligation the person or their office owes as an all-day event with a
Thai title, a link, an alarm N working days before, a UID that stays and a SEQUENCE that grows when the date moves;
nothing of anyone else's, no evidence, no scores; refused once the account closes."""

import re
from datetime import date, timedelta

import icalendar
import pytest
import vobject
from django.core.cache import cache
from django.urls import reverse

from accounts.models import AccountEvent, CalendarAddress, Event
from contests.models import Contest, Unit
from notices.models import Kind, Mode, Preference, Receipt
from people.models import Conflict, Role
from rubrics import timetable
from tests.accounts.support import app_code
from tests.accounts.test_second_factor import enrol, signed_in
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the reads counted per person, and the feeds kept


@pytest.fixture
def june_27(clock):
    clock(2023, 6, 27, 10, 0)  # Tue; 1.2's second report is due Fri 30 June


@pytest.fixture
def cm(chiang_mai):
    return UserFactory(username="cm", role=Role.OFFICE_STAFF, role__unit=chiang_mai)


def make_address(client, user) -> str:
    client.force_login(user)
    response = client.post(reverse("accounts:calendar_make"), {"password": PASSWORD})
    assert response.status_code == 200
    (path,) = re.findall(r'value="http://[^/"]+(/calendar/[^"]+\.ics)"', response.content.decode())
    client.logout()
    return path


def feed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events(body: bytes) -> dict[str, icalendar.Event]:
    """UID → event, as the icalendar package reads the feed."""
    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(body).walk("VEVENT")}


def vevents(body: bytes) -> dict:
    """UID → (day, SEQUENCE, summary, URL), as vobject (a parser of its own) reads the feed."""
    calendar = vobject.readOne(body.decode())
    return {
        e.uid.value: (e.dtstart.value, int(e.sequence.value), e.summary.value, e.url.value)
        for e in calendar.contents.get("vevent", [])
    }


def test_the_address_is_shown_once_and_is_a_secret_not_the_user_id(client, cm):
    path = make_address(client, cm)
    secret = path.removeprefix("/calendar/").removesuffix(".ics")
    assert len(secret) >= 40 and str(cm.pk) != secret
    assert CalendarAddress.objects.get(user=cm).secret_hash != secret  # stored as a keyed hash only
    client.force_login(cm)
    page = client.get(reverse("accounts:account")).content.decode()
    assert "สร้างแล้ว" in page and secret not in page
    assert AccountEvent.objects.filter(user=cm, kind=Event.CALENDAR_MADE).count() == 1


def test_the_owner_s_feed_lists_their_office_s_rounds_in_thai_with_a_link_and_an_alarm(client, cm, june_27):
    path = make_address(client, cm)
    body = feed(client, path)
    found = events(body)
    assert found and all(":TH-50:" in uid for uid in found)  # the office's own, nobody else's
    second = found[next(uid for uid in found if ":TH-50:1.2:2@" in uid)]
    assert second["summary"] == (
        "ส่งหลักฐาน ๑.๒ การเสริมสร้างความตระหนักในการรักษาความมั่นคงปลอดภัยด้านเทคโนโลยีสารสนเทศ รายงานครั้งที่ ๒"
    )
    assert second.decoded("dtstart") == date(2023, 6, 30) and second.decoded("dtend") == date(2023, 7, 1)
    assert second["url"] == "http://localhost:8000" + reverse("submissions:criterion", args=["2566", "TH-50", "1.2"])
    (alarm,) = second.walk("VALARM")
    assert alarm["action"] == "DISPLAY"
    assert alarm.decoded("trigger") == timedelta(days=-3, hours=9)  # Tue 27 June 09:00: 3 working days before
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["prodid"] == "-//Community Development Department//CDD 4.0 portal//TH"
    assert calendar["version"] == "2.0" and all("dtstamp" in e for e in found.values())


def test_a_feed_read_in_november_keeps_every_deadline_to_the_end_of_the_year(client, cm, clock):
    """Read on 28 November 2565, the office's feed holds 1.2's reports of 31 March and 30 June and 4.2's monthly
    reports to its last of 3 August: the whole year ahead, however far off."""
    clock(2022, 11, 28, 10, 0)

    found = events(feed(client, make_address(client, cm)))

    def days(code: str) -> list[date]:
        return sorted(e.decoded("dtstart") for uid, e in found.items() if f":TH-50:{code}:" in uid)

    assert days("1.2") == [date(2023, 3, 31), date(2023, 6, 30)]
    assert len(days("4.2")) == 11 and days("4.2")[-1] == date(2023, 8, 3)  # November's, late, to the last


def test_the_feed_asks_to_be_read_again_every_six_hours_as_rfc_5545_durations(client, cm):
    """ical.js refuses a feed whose X-PUBLISHED-TTL is no duration ("6:00:00")."""
    calendar = icalendar.Calendar.from_ical(feed(client, make_address(client, cm)))
    assert calendar["x-published-ttl"].to_ical() == b"PT6H"
    assert calendar["refresh-interval"].to_ical() == b"PT6H"


def test_the_alarm_counts_working_days_back_over_songkran(client, cm, clock):
    clock(2023, 4, 3, 10, 0)
    found = events(feed(client, make_address(client, cm)))
    # 4.2's report of 15 April 2566 (a Saturday, in Songkran) falls due on Tue 18 April: Thu 13 to Mon 17 are
    # closed, so three working days before it is Mon 10 April, eight days back.
    report = next(e for e in found.values() if e.decoded("dtstart") == date(2023, 4, 18))
    (alarm,) = report.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-8, hours=9)


def test_a_moved_date_is_the_same_event_on_its_new_day_with_a_higher_sequence(
    client, cm, central_user, rubric, june_27
):
    path = make_address(client, cm)
    uid = next(u for u in events(feed(client, path)) if ":TH-50:1.1:0@" in u)
    before = vevents(feed(client, path))[uid]
    assert before[0] == date(2023, 8, 3)  # 31 July 2566 and 1–2 August closed: due the Thursday after
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.1", deadline=date(2023, 7, 14), reason="ตามหนังสือกรม"
    )
    after_vobject = vevents(feed(client, path))[uid]
    after_icalendar = events(feed(client, path))[uid]
    assert after_vobject[0] == after_icalendar.decoded("dtstart") == date(2023, 7, 14)
    assert after_vobject[1] == after_icalendar["sequence"] == before[1] + 1


def test_the_feed_carries_no_evidence_and_no_scores(client, cm, chiang_mai, rubric, june_27):
    from submissions import services as evidence_services

    evidence_services.evidence_submit(
        user=cm, rubric=rubric, unit=chiang_mai, criterion_code="1.2", url="https://example.org/secret-report"
    )
    body = feed(client, make_address(client, cm)).decode()
    assert "secret-report" not in body and "คะแนน" not in body
    sent = events(body.encode())[next(u for u in events(body.encode()) if ":TH-50:1.2:2@" in u)]
    assert str(sent["summary"]).startswith("เสร็จแล้ว: ") and not sent.walk("VALARM")  # met: no alarm


def test_a_feed_read_again_once_the_evidence_is_sent_says_it_is_done(client, cm, chiang_mai, rubric, june_27):
    """The feed kept from the first read is not the second's: what it says changed."""
    from submissions import services as evidence_services

    path = make_address(client, cm)
    uid = next(u for u in events(feed(client, path)) if ":TH-50:1.2:2@" in u)
    evidence_services.evidence_submit(
        user=cm, rubric=rubric, unit=chiang_mai, criterion_code="1.2", url="https://example.org/report"
    )
    assert str(events(feed(client, path))[uid]["summary"]).startswith("เสร็จแล้ว: ")


def test_a_feed_written_again_keeps_each_unchanged_event_as_it_was_written(client, cm, chiang_mai, rubric, clock):
    """Only the events that changed are written again (accounts.calendar_feed.calendar_ics' kept blocks): the
    others keep the moment they were written, the changed one says the new one; both parsers read the whole."""
    from submissions import services as evidence_services

    clock(2023, 6, 27, 10, 0)
    path = make_address(client, cm)
    before = events(feed(client, path))
    clock(2023, 6, 27, 11, 30)
    evidence_services.evidence_submit(
        user=cm, rubric=rubric, unit=chiang_mai, criterion_code="1.2", url="https://example.org/report"
    )
    body = feed(client, path)
    after = events(body)
    written = {uid for uid, e in after.items() if e.decoded("dtstamp") != before[uid].decoded("dtstamp")}
    assert written == {"2566:TH-50:1.2:2@localhost"}  # 1.2's second report, now met; ten more events kept
    assert len(after) == 11 and {uid: str(e["summary"]) for uid, e in after.items() if uid not in written} == {
        uid: str(e["summary"]) for uid, e in before.items() if uid not in written
    }
    assert set(vevents(body)) == set(after)


def test_a_committee_member_s_feed_holds_their_judging_and_no_office_s_evidence(client, rubric, chiang_mai, june_27):
    Contest.objects.filter(pk=rubric.contest_id).update(judging_deadline=date(2023, 8, 31))
    member = UserFactory(username="member", role=Role.COMMITTEE)
    conflicted = UserFactory(username="conflicted", role=Role.COMMITTEE)
    Conflict.objects.create(member=conflicted, unit=chiang_mai)
    for person in (member, conflicted):
        found = vevents(feed(client, make_address(client, person)))
        assert list(found) == [f"2566:judging:{person.pk}@localhost"]
        (day, _, summary, _) = found[f"2566:judging:{person.pk}@localhost"]
        assert day == date(2023, 8, 31) and summary.startswith("ให้คะแนนให้เสร็จ")


def test_another_office_sees_only_its_own(client, cm, phuket, june_27):
    pk = UserFactory(username="pk", role=Role.OFFICE_STAFF, role__unit=phuket)
    assert all(":TH-83:" in uid for uid in events(feed(client, make_address(client, pk))))


def test_a_new_address_stops_the_old_and_revoking_stops_both(client, cm):
    first = make_address(client, cm)
    second = make_address(client, cm)
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200
    client.force_login(cm)
    assert client.post(reverse("accounts:calendar_revoke")).status_code == 302
    client.logout()
    assert client.get(second).status_code == 404
    assert AccountEvent.objects.filter(user=cm, kind=Event.CALENDAR_REVOKED).count() == 1


def test_a_closed_account_s_address_is_gone(client, cm):
    path = make_address(client, cm)
    cm.is_active = False
    cm.save(update_fields=["is_active"])
    assert client.get(path).status_code == 410


def test_anonymous_cannot_make_one_and_a_guessed_address_is_not_found(client):
    response = client.post(reverse("accounts:calendar_make"), {"password": PASSWORD})
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.get("/calendar/" + "A" * 43 + ".ics").status_code == 404
    assert client.get("/calendar/short.ics").status_code == 404


def test_a_calendar_reading_too_often_is_told_to_wait_and_a_new_address_starts_no_new_count(client, cm, settings):
    settings.CDD4_CALENDAR_RATE = "2/3600"
    path = make_address(client, cm)
    assert [client.get(path).status_code for _ in range(3)] == [200, 200, 429]
    assert int(client.get(path)["Retry-After"]) > 0
    assert client.get(make_address(client, cm)).status_code == 429  # counted per person, not per address


def test_the_feed_s_units_are_named(client, cm, june_27):
    body = feed(client, make_address(client, cm))
    second = next(e for uid, e in events(body).items() if ":TH-50:1.2:2@" in uid)
    assert Unit.objects.get(code="TH-50").name_th in str(second["description"])


def test_a_panelist_s_feed_holds_the_judging_of_the_office_contest_they_sit_on(client, central_user, clock):
    import json

    from committee.models import Panelist
    from rubrics import services
    from tests.factories import DistrictFactory

    clock(2021, 7, 20, 10, 0)
    chonburi = Unit.objects.get(code="TH-20")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [DistrictFactory(parent=chonburi).code]}
    rubric = services.rubric_load(data=data)
    Contest.objects.filter(pk=rubric.contest_id).update(judging_deadline=date(2021, 8, 31))
    panelist = UserFactory(username="panelist", role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chonburi))
    Panelist.objects.create(contest=rubric.contest, user=panelist, appointed_by=central_user)
    outsider = UserFactory(username="outsider", role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-83"))
    found = vevents(feed(client, make_address(client, panelist)))
    assert f"{rubric.key}:judging:{panelist.pk}@localhost" in found
    assert not any(rubric.key in uid for uid in vevents(feed(client, make_address(client, outsider))))


def test_an_address_is_made_only_after_the_owners_own_password(client, cm):
    client.force_login(cm)
    someone_elses = UserFactory(username="someone", password="another-password-2570")
    asked = client.post(reverse("accounts:calendar_make"))
    wrong = client.post(reverse("accounts:calendar_make"), {"password": "not-the-password"})
    theirs = client.post(reverse("accounts:calendar_make"), {"password": "another-password-2570"})

    for refused in (asked, wrong, theirs):
        assert refused.status_code == 400 and ".ics" not in refused.content.decode()
    assert "รหัสผ่านไม่ถูกต้อง" in wrong.content.decode()
    assert not CalendarAddress.objects.exists()
    assert AccountEvent.objects.filter(user=cm, kind=Event.FAILURE).count() == 2  # counted as sign-ins are
    make_address(client, cm)
    assert list(CalendarAddress.objects.values_list("user", flat=True)) == [cm.pk] != [someone_elses.pk]


def test_a_current_code_from_the_app_makes_an_address_instead_of_the_password(client, central_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    enrol(signed_in(client, central_user), central_user)
    made = client.post(reverse("accounts:calendar_make"), {"token": app_code(central_user)})
    assert made.status_code == 200 and CalendarAddress.objects.filter(user=central_user).exists()


def test_the_owner_is_told_by_e_mail_and_in_the_inbox_when_an_address_is_made(
    client, cm, mailoutbox, django_capture_on_commit_callbacks
):
    cm.email = "cm@example.org"
    cm.save(update_fields=["email"])
    Preference.objects.create(user=cm, channel="email", mode=Mode.NONE)  # a thief's first step: mail off
    with django_capture_on_commit_callbacks(execute=True):
        make_address(client, cm)
    [receipt] = Receipt.objects.filter(notice__kind=Kind.CALENDAR_MADE)
    assert receipt.user == cm and receipt.notice.link == "/accounts/me/#calendar"
    [mail] = mailoutbox
    assert mail.to == ["cm@example.org"] and mail.subject == "มีการสร้างที่อยู่ปฏิทินสำหรับบัญชีของท่าน"
    assert "หากท่านไม่ได้สร้างเอง" in mail.body
