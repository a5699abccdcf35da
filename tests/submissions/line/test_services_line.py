"""Evidence sent from the LINE chat, each path through the services and the worker against the LINE stand-in:
an image set filed whole as one criterion's round, the rest of what is owed behind "more", a video once LINE has
prepared it, a file with its name, a file LINE no longer holds beside others kept, and each event delivered
twice or tapped twice filed once (docs/line.md, "Evidence from LINE")."""

from datetime import UTC, datetime

import pytest

from submissions import services
from submissions.line.chat import line_set_offer, line_sets_expire
from submissions.line.filing import Filed, line_set_file
from submissions.line.models import LineItem, LineSet, LineSetState
from submissions.models import Evidence, SentThrough
from tests.line_standin import content_event, message_id, postback_event

from .. import files
from .support import image_set, tap

pytestmark = pytest.mark.django_db
SENT = datetime(2022, 11, 28, 2, 55, tzinfo=UTC)  # 09:55 in Bangkok; the worker fetches at 10:00
FIRST_PAGE = [
    "๔.๒ ระดับความสำเร็จข",  # late: November's report
    "๑.๒ การเสริมสร้างควา",
    "๑.๓ สร้างความรู้ ควา",
    "๔.๑.๑ การจัดทำสารสนเ",
    "๔.๑.๒ ระยะเวลาส่งไฟล",
    "๑.๑ มีการสร้างความรู",
    "๕.๑ ความเป็นนวัตกรรม",
    "๕.๒ ประโยชน์ ผลลัพธ์",
    "๑.๔ สร้างความรู้ ควา",
    "๒.๑.๑ ผลการจัดเก็บข้",
    "๒.๑.๒ ระยะเวลาส่งคำร",
    "๒.๒.๑ ผลการบันทึกข้อ",
    "อื่น ๆ…",
]


def _at_sent(events: list[dict]) -> list[dict]:
    for event in events:
        event["timestamp"] = int(SENT.timestamp() * 1000)
    return events


def test_an_image_set_is_offered_once_whole_then_filed_as_the_round_tapped_at_the_time_line_says(
    chat, line_api, provincial_user
):
    line_user = provincial_user.line_link.line_user_id
    events = _at_sent(image_set(line_api, line_user, 3))

    chat(*events[:2])  # LINE sends an image set's pictures as separate events, in one webhook or several
    assert line_api.replies() == []
    chat(events[2])
    [offer] = line_api.replies()
    assert offer.text == "ได้รับ ๓ ไฟล์แล้ว เป็นหลักฐานของตัวชี้วัดใด กรุณาเลือกด้านล่างภายใน ๓๐ นาที"
    assert [c["label"] for c in offer.choices] == FIRST_PAGE
    assert offer.choices[0]["displayText"] == (
        "๔.๒ ระดับความสำเร็จของการใช้ประโยชน์ Big Data การพัฒนาชุมชน และแพลตฟอร์มบริการดิจิทัล Click ชุมชน (เลยกำหนด)"
    )

    chat(postback_event(line_user, tap(offer, "๔.๒")))
    rounds = line_api.replies()[-1]
    assert rounds.text == "เป็นหลักฐานของรอบใด"
    assert [c["label"] for c in rounds.choices] == ["๔.๒ ๑๕ ธ.ค. ๒๕๖๕", "๔.๒ ๑๕ พ.ย. ๒๕๖๕"]  # opened only

    chat(postback_event(line_user, tap(rounds, "๔.๒ ๑๕ พ.ย.")))

    kept = list(Evidence.objects.order_by("version"))
    assert [(e.version, e.sent_through, e.answers_round, e.created_at, e.created_by, e.file_kind) for e in kept] == [
        (v, SentThrough.LINE, 1, SENT, provincial_user, "image") for v in (1, 2, 3)
    ]
    told = line_api.replies()[-1]
    assert told.text == (
        "รับหลักฐาน ๔.๒ รายงานประจำเดือน (ขั้น ๔ และ ๘) พฤศจิกายน ๒๕๖๕ แล้ว ๓ ไฟล์\n"
        "http://localhost:8000/years/2566/provinces/TH-50/criteria/4.2/"
    )
    assert LineSet.objects.get().state == LineSetState.FILED


def test_events_delivered_twice_and_a_choice_tapped_twice_file_once(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    events = image_set(line_api, line_user, 2)
    chat(*events)
    chat(*events)  # LINE redelivers what it did not see answered
    [offer] = line_api.replies()
    choice = postback_event(line_user, tap(offer, "๔.๑.๑"))

    chat(choice)
    chat(choice)
    chat(*events)

    assert Evidence.objects.count() == 2
    assert LineItem.objects.count() == 2
    assert [r.text.split(" ไฟล์")[0] for r in line_api.replies()] == ["ได้รับ ๒", "รับหลักฐาน ๔.๑.๑ แล้ว ๒"]
    assert line_api.fetched == [e["message"]["id"] for e in events]  # each fetched once


def test_more_shows_the_rest_of_what_is_owed(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    chat(*image_set(line_api, line_user, 1))
    [offer] = line_api.replies()

    chat(postback_event(line_user, tap(offer, "อื่น ๆ")))

    more = line_api.replies()[-1]
    assert more.text == "ตัวชี้วัดใด"
    labels = [c["label"] for c in more.choices]
    assert labels[0] == "๒.๒.๒ ระยะเวลาการบัน" and "อื่น ๆ…" not in labels and not set(labels) & set(FIRST_PAGE)


def test_a_video_waits_for_line_to_prepare_it_then_is_filed(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    video = message_id()
    line_api.hold(video, files.mp4(), "video/mp4", transcoding="processing")
    chat(content_event(line_user, "video", video))
    [offer] = line_api.replies()
    assert len(chat(postback_event(line_user, tap(offer, "๔.๑.๑")), run=False)) == 1  # the worker queued
    line_set = LineSet.objects.get()

    assert line_set_file(set_id=line_set.pk) == Filed.WAITING
    assert line_api.fetched == [] and not Evidence.objects.exists()

    line_api.held[video].transcoding = "succeeded"
    assert line_set_file(set_id=line_set.pk) == Filed.DONE
    assert line_set_file(set_id=line_set.pk) == Filed.NOTHING

    [evidence] = Evidence.objects.all()
    assert (evidence.file_kind, evidence.sent_through) == ("video", SentThrough.LINE)
    assert line_api.replies()[-1].text.startswith("รับหลักฐาน ๔.๑.๑ แล้ว ๑ ไฟล์\n")


def test_a_video_line_never_prepares_is_refused_at_the_last_try_and_not_kept(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    video = message_id()
    line_api.hold(video, files.mp4(), "video/mp4", transcoding="processing")
    chat(content_event(line_user, "video", video))
    chat(postback_event(line_user, tap(line_api.replies()[-1], "๔.๑.๑")), run=False)

    assert line_set_file(set_id=LineSet.objects.get().pk, waits=False) == Filed.DONE

    assert LineItem.objects.get().refusal == ("LINE เตรียมวิดีโอหรือคลิปเสียงนี้ไม่สำเร็จ กรุณาส่งใหม่ หรืออัปโหลดในพอร์ทัล")
    assert line_api.fetched == [] and not Evidence.objects.exists()


def test_an_image_set_short_of_its_total_is_offered_once_it_has_waited_and_a_late_picture_is_sent_back(
    chat, line_api, provincial_user, clock
):
    line_user = provincial_user.line_link.line_user_id
    events = image_set(line_api, line_user, 3)
    chat(*events[:2])
    line_set = LineSet.objects.get()
    assert not line_set_offer(set_id=line_set.pk, whole=False)  # not yet waited
    clock(2022, 11, 28, 10, 1)

    assert line_set_offer(set_id=line_set.pk, whole=False)
    assert line_set_offer(set_id=line_set.pk, whole=False) is False  # offered once

    assert line_api.replies()[0].text.startswith("ได้รับ ๒ ไฟล์แล้ว")
    chat(events[2])
    assert line_api.replies()[-1].text == "ภาพนี้มาถึงหลังจากเสนอตัวเลือกของชุดภาพแล้ว กรุณาส่งภาพนี้ใหม่"
    chat(postback_event(line_user, tap(line_api.replies()[0], "๔.๑.๑")))
    assert Evidence.objects.count() == 2


def test_sets_never_filed_are_dropped_a_day_later_and_filed_ones_kept(chat, line_api, provincial_user, clock):
    line_user = provincial_user.line_link.line_user_id
    chat(*image_set(line_api, line_user, 1, set_id="A"))
    chat(postback_event(line_user, tap(line_api.replies()[-1], "๔.๑.๑")))
    chat(*image_set(line_api, line_user, 1, set_id="B", first_shade=50))  # offered, never tapped
    clock(2022, 11, 29, 9, 59)
    assert line_sets_expire() == 0

    clock(2022, 11, 29, 10, 1)

    assert line_sets_expire() == 2  # the set B and its picture
    assert list(LineSet.objects.values_list("state", flat=True)) == [LineSetState.FILED]


def test_a_file_keeps_its_name_and_one_line_no_longer_holds_is_refused_beside_it(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    report, gone = message_id(), message_id()
    line_api.hold(report, files.pdf_new(), "application/pdf")
    chat(content_event(line_user, "file", report, file_name="รายงานเดือนพฤศจิกายน.pdf", size=200))
    chat(postback_event(line_user, tap(line_api.replies()[-1], "๔.๑.๑")))
    chat(content_event(line_user, "image", gone))  # sent, never held: LINE answers 404
    chat(postback_event(line_user, tap(line_api.replies()[-1], "๔.๑.๒")))  # 4.1.1 is sent: no longer owed

    [evidence] = Evidence.objects.all()
    assert (evidence.original_name, evidence.file_kind, evidence.sent_through) == (
        "รายงานเดือนพฤศจิกายน.pdf",
        "pdf",
        SentThrough.LINE,
    )
    assert line_api.replies()[-1].text == (
        "ไม่ได้บันทึก ภาพที่ ๑: LINE ไม่เก็บไฟล์นี้แล้ว (LINE เก็บไฟล์ที่ส่งมาไว้ในระยะเวลาจำกัด) กรุณาส่งใหม่\n"
        "http://localhost:8000/years/2566/provinces/TH-50/criteria/4.1.2/"
    )


def test_the_office_withdraws_a_version_from_line_as_it_withdraws_an_upload(chat, line_api, provincial_user):
    line_user = provincial_user.line_link.line_user_id
    chat(*image_set(line_api, line_user, 1))
    chat(postback_event(line_user, tap(line_api.replies()[-1], "๔.๑.๑")))
    evidence = Evidence.objects.get()

    services.evidence_withdraw(user=provincial_user, evidence=evidence)

    evidence.refresh_from_db()
    assert evidence.withdrawn_by == provincial_user
    assert not Evidence.objects.visible().exists()
