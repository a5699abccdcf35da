"""Every refusal of the LINE door answers in Thai and keeps nothing: a LINE not linked, a group's message, a forged
or replayed webhook, nothing owed, a choice forged, another person's or expired, a year frozen, a type or a size
the criterion refuses, a person past their rate, and a LINE unlinked before its files are filed."""

import struct
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from notices.channels.line.models import LineLink
from people.models import Role
from scoring import snapshots
from scoring.recompute import standings_recompute
from submissions.line.filing import Filed, line_set_file
from submissions.line.models import LineItem, LineSet, LineSetState
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.line_standin import content_event, message_id, postback_event, sign, webhook_body

from .. import files
from ..conftest import stored_files
from .support import LINE_USER, image_set, linked, tap

pytestmark = pytest.mark.django_db
STRANGER = "U" + "d" * 32
REFUSED_CHOICE = "ตัวเลือกนี้หมดอายุแล้วหรือไม่ใช่ของท่าน ไม่ได้บันทึกไฟล์ใด กรุณาส่งไฟล์ใหม่"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()  # each person's files are counted in the cache


def _nothing_kept(media_root) -> bool:
    return not Evidence.objects.exists() and stored_files(media_root) == []


def test_a_line_not_linked_is_told_how_to_link_and_nothing_is_kept(chat, line_api, media_root):
    chat(*image_set(line_api, STRANGER, 2))

    assert [r.text for r in line_api.replies()] == [
        "LINE นี้ยังไม่ได้เชื่อมต่อกับบัญชีในพอร์ทัล สิ่งที่ส่งมาที่นี่จะไม่ถูกบันทึก หากต้องการส่งหลักฐานทาง LINE"
        " กด “เชื่อมต่อ LINE” ที่หน้า “บัญชีของฉัน” ในพอร์ทัล แล้วส่งรหัสที่แสดงมาที่นี่"
    ] * 2
    assert not LineSet.objects.exists() and line_api.fetched == [] and _nothing_kept(media_root)


def test_a_groups_message_is_never_kept_or_answered(chat, line_api, media_root):
    msg = message_id()
    line_api.hold(msg, files.jpeg(), "image/jpeg")

    chat(content_event(LINE_USER, "image", msg, group="C" + "1" * 32))

    assert line_api.taken == [] and not LineItem.objects.exists()


def test_a_forged_signature_does_nothing_and_a_replayed_webhook_nothing_more(client, chat, line_api, media_root):
    body = webhook_body(*image_set(line_api, LINE_USER, 1))
    forged = client.post(
        "/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body, "not-the-secret")
    )
    assert forged.status_code == 400 and not LineItem.objects.exists() and line_api.taken == []

    for _ in range(2):  # the same signed body twice: one set, one answer
        chat_body = client.post(
            "/line/webhook/", body, content_type="application/json", HTTP_X_LINE_SIGNATURE=sign(body)
        )
        assert chat_body.status_code == 200
    assert LineItem.objects.count() == 1


def test_an_account_that_owes_nothing_is_told_so_and_nothing_is_kept(chat, line_api, client, media_root):
    member = UserFactory(role=Role.COMMITTEE)
    LineLink.objects.filter(line_user_id=LINE_USER).update(user=member)

    chat(*image_set(line_api, LINE_USER, 1))

    assert [r.text for r in line_api.replies()] == ["ขณะนี้หน่วยงานของท่านไม่มีหลักฐานที่ต้องส่ง ไม่ได้บันทึกไฟล์ใด"]
    assert not LineSet.objects.exists() and not LineItem.objects.exists()


def _offered(chat, line_api) -> dict:
    chat(*image_set(line_api, LINE_USER, 2))
    return line_api.replies()[-1]


@pytest.mark.parametrize("how", ["forged", "another LINE", "expired"])
def test_a_choice_forged_anothers_or_expired_files_nothing(chat, line_api, clock, media_root, how):
    data = tap(_offered(chat, line_api), "๔.๑.๑")
    who = LINE_USER
    if how == "forged":
        data = data.replace("|4.1.1|", "|1.3|")
    elif how == "another LINE":
        who = STRANGER
        linked(UserFactory(role=Role.OFFICE_STAFF, role__unit=LineSet.objects.get().user.membership.unit), STRANGER)
    else:
        moment = timezone.now() + timedelta(minutes=31)
        clock(*moment.astimezone(timezone.get_current_timezone()).timetuple()[:5])

    chat(postback_event(who, data))

    assert line_api.replies()[-1].text == REFUSED_CHOICE
    assert LineSet.objects.get().state == LineSetState.OFFERED and _nothing_kept(media_root)


def _refusals() -> list[str]:
    return list(LineItem.objects.order_by("index").values_list("refusal", flat=True))


def test_a_year_frozen_after_the_offer_refuses_each_file_and_keeps_none(
    chat, line_api, rubric, central_user, media_root
):
    offer = _offered(chat, line_api)
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)

    chat(postback_event(LINE_USER, tap(offer, "๔.๑.๑")))

    frozen = "ส่วนกลางตรึงผลปี 2566 แล้ว ไม่รับหลักฐานเพิ่มและถอนหลักฐานไม่ได้จนกว่าจะยกเลิกการตรึงผล"
    assert _refusals() == [frozen, frozen]
    assert line_api.replies()[-1].text == (
        f"ไม่ได้บันทึก ภาพที่ ๑: {frozen}\nไม่ได้บันทึก ภาพที่ ๒: {frozen}\n"
        "http://localhost:8000/years/2566/provinces/TH-50/criteria/4.1.1/"
    )
    assert _nothing_kept(media_root)


def test_a_type_the_criterion_refuses_is_said_and_not_kept(chat, line_api, media_root):
    clip = message_id()
    line_api.hold(clip, files.jpeg(), "image/jpeg")
    chat(content_event(LINE_USER, "image", clip))

    chat(postback_event(LINE_USER, tap(line_api.replies()[-1], "๔.๑.๒")))  # takes a PDF and a video

    assert _refusals() == [
        "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๔.๑.๒ รับเฉพาะ PDF, วีดิทัศน์ (MP4, MOV, M4V, 3GP) (ตรวจจากเนื้อหาไฟล์ ไม่ใช่นามสกุล)"
        " วีดิทัศน์ชนิดอื่นให้บันทึกเป็น MP4 ก่อน หรือส่งที่อยู่บน YouTube หรือ Facebook ทางช่อง “ส่งลิงก์” ในหน้านี้"
    ]
    assert _nothing_kept(media_root)


def test_an_audio_clip_waits_for_line_then_meets_the_upload_pages_types(chat, line_api, media_root):
    clip = message_id()
    m4a = struct.pack(">I", 24) + b"ftypM4A " + struct.pack(">I", 0) + b"M4A isom" + struct.pack(">I", 16) + b"mdat"
    line_api.hold(clip, m4a + b"\x00" * 8, "audio/x-m4a", transcoding="processing")
    chat(content_event(LINE_USER, "audio", clip))
    chat(postback_event(LINE_USER, tap(line_api.replies()[-1], "๔.๑.๑")), run=False)
    line_set = LineSet.objects.get()
    assert line_set_file(set_id=line_set.pk) == Filed.WAITING
    line_api.held[clip].transcoding = "succeeded"

    assert line_set_file(set_id=line_set.pk) == Filed.DONE

    assert line_api.fetched == [clip]
    assert _refusals() == [  # no audio: the upload page's types
        "ชนิดไฟล์ไม่ถูกต้อง: ตัวชี้วัด ๔.๑.๑ รับเฉพาะ PDF, JPG, PNG, Word (DOCX), Excel (XLSX), PowerPoint (PPTX),"
        " วีดิทัศน์ (MP4, MOV, M4V, 3GP) (ตรวจจากเนื้อหาไฟล์ ไม่ใช่นามสกุล) วีดิทัศน์ชนิดอื่นให้บันทึกเป็น MP4 ก่อน"
        " หรือส่งที่อยู่บน YouTube หรือ Facebook ทางช่อง “ส่งลิงก์” ในหน้านี้"
    ]
    assert _nothing_kept(media_root)


def test_a_file_over_its_kinds_size_is_refused_and_not_kept(chat, line_api, settings, media_root):
    settings.CDD4_UPLOAD_LIMITS_MB = {**settings.CDD4_UPLOAD_LIMITS_MB, "image": 0}
    chat(*image_set(line_api, LINE_USER, 1))

    chat(postback_event(LINE_USER, tap(line_api.replies()[-1], "๔.๑.๑")))

    assert _refusals() == ["ไฟล์ใหญ่เกินกำหนด (ไฟล์ประเภทนี้ไม่เกิน ๐ B)"]
    assert _nothing_kept(media_root)


def test_files_past_a_persons_rate_are_refused_and_not_noted(chat, line_api, settings):
    settings.CDD4_LINE_EVIDENCE_RATE = "2/3600"

    chat(*image_set(line_api, LINE_USER, 3))

    assert LineItem.objects.count() == 2
    assert line_api.replies()[-1].text == ("ส่งไฟล์มากเกินไปในชั่วโมงนี้ ไม่ได้บันทึกไฟล์ใด กรุณาส่งใหม่ภายหลัง หรืออัปโหลดในพอร์ทัล")


def test_a_line_unlinked_before_filing_files_nothing(chat, line_api, media_root, provincial_user):
    queued = chat(postback_event(LINE_USER, tap(_offered(chat, line_api), "๔.๑.๑")), run=False)
    LineLink.objects.all().delete()

    assert len(queued) == 1 and line_set_file(set_id=LineSet.objects.get().pk) == Filed.DONE

    assert _refusals() == ["LINE นี้ไม่ได้เชื่อมต่อกับบัญชีที่ส่งไฟล์แล้ว"] * 2
    assert line_api.fetched == [] and _nothing_kept(media_root)
