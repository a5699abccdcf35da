"""A day's evidence in a digest: the receipts of one contest are one item (a line for each unit with its codes,
the inbox as its link), in the e-mail and in the one LINE message, which never cuts anything unsaid; and an
upload is told as of when it was sent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.line import TEXT_MAX
from accounts.line_channel import digest_text
from contests.models import Unit
from notices import outbox
from notices.models import Kind, Notice
from tests.notices.test_inbox import received, tell

pytestmark = pytest.mark.django_db
INBOX = "http://localhost:8000/notices/"  # CDD4_PUBLIC_URL in the tests


def test_the_email_digest_holds_a_contests_evidence_as_one_item_with_a_line_for_each_unit(
    people, rubric, chiang_mai, phuket, mailoutbox
):
    received(people, rubric, chiang_mai, ["1.1", "1.2", "1.1"])
    received(people, rubric, phuket, ["5.1"])
    assert outbox.send_digests() == 1
    (mail,) = mailoutbox
    assert mail.to == ["member@example.org"] and mail.subject == "พช. ๔.๐: การแจ้งเตือนวันนี้ ๔ เรื่อง"
    item = "ประกวด: ได้รับหลักฐาน ๔ รายการ จาก ๒ หน่วยงาน\nเชียงใหม่: ตัวชี้วัด 1.1, 1.2, 1.1\nภูเก็ต: ตัวชี้วัด 5.1\n"
    assert mail.body.startswith(item + INBOX + "\n")


def test_a_line_digest_too_long_for_one_message_is_cut_at_a_line_and_says_how_many_are_not_shown_whole(people, rubric):
    units = list(Unit.objects.filter(code__startswith="TH-").order_by("code")[:76])
    for unit in units:
        received(people, rubric, unit, [f"4.1.{c}" for c in range(1, 11)])  # a line of about 90 characters
    tell(people, 1, who=("member",))
    notices = list(Notice.objects.order_by("created_at", "pk"))
    text = digest_text(notices)
    assert len(text) <= TEXT_MAX
    assert len(notices) == 761 and text.startswith(
        "พช. ๔.๐: การแจ้งเตือน ๗๖๑ เรื่อง\n\n• ประกวด: ได้รับหลักฐาน ๗๖๐ รายการ จาก ๗๖ หน่วยงาน\n"
    )
    assert text.endswith("…แสดงไม่ครบอีก ๒ เรื่อง ดูทั้งหมดได้ที่พอร์ทัล: " + INBOX)
    shown = text.count(": ตัวชี้วัด 4.1.1, 4.1.2, 4.1.3, 4.1.4, 4.1.5, 4.1.6, 4.1.7, 4.1.8, 4.1.9, 4.1.10\n")
    assert 10 < shown < 76  # the units that fit, each line whole


def test_a_line_digest_that_fits_is_whole(people, rubric, chiang_mai):
    received(people, rubric, chiang_mai, ["1.1", "1.2"])
    tell(people, 1, who=("member",))
    text = digest_text(list(Notice.objects.order_by("created_at", "pk")))
    assert text == (
        "พช. ๔.๐: การแจ้งเตือน ๓ เรื่อง\n\n"
        f"• ประกวด: ได้รับหลักฐาน ๒ รายการ จาก ๑ หน่วยงาน\nเชียงใหม่: ตัวชี้วัด 1.1, 1.2\n{INBOX}\n\n"
        "• ประกวด: คณะกรรมการขอคำชี้แจงจากเชียงใหม่ เรื่องตัวชี้วัด 4.1.0\nhttp://localhost:8000/committee/clarifications/1/"
    )


def test_an_upload_sent_at_a_past_moment_is_told_as_of_that_moment(people, rubric, chiang_mai):
    from submissions.services import evidence_submit

    sent = timezone.now() - timedelta(days=9, hours=3)
    version = evidence_submit(
        user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://example.org/a", now=sent
    )
    (notice,) = Notice.objects.all()
    assert notice.created_at == version.created_at == sent and notice.kind == Kind.EVIDENCE_RECEIVED
