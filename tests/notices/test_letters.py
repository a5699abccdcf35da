"""A notice reads as a short official message in every channel: the portal named once in its subject, a
"เรียน", a request and a link to the page it is about, Thai digits beside Thai dates, no "ของคุณ", and no
inbox line or LINE push opening with the whole contest name. Here is each channel as it arrives, word for word."""

import datetime as dt

import pytest

from notices import outbox
from notices.channels.line.models import LineLink
from notices.models import Kind, Notice
from notices.services import notice_record
from people.models import Role
from rubrics import timetable
from rubrics.letters import Letter
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reloaded")]  # sends wait for commits
SITE = "http://localhost:8000"  # CDD4_PUBLIC_URL in the tests
CONTEST = "โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖"


@pytest.fixture
def office(line_api, chiang_mai):
    person = UserFactory(
        username="somying", first_name="สมหญิง", last_name="ใจดี", email="somying@example.org",
        role=Role.OFFICE_STAFF, role__unit=chiang_mai,
    )  # fmt: skip
    LineLink.objects.create(user=person, line_user_id=f"U{person.pk:032x}")
    return person


def test_a_moved_deadline_arrives_by_e_mail_as_a_letter_news_first(rubric, central_user, office, mailoutbox):
    rubric.criteria.filter(code="4.1.2").update(deadline=dt.date(2023, 6, 30))
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="4.1.2", deadline=dt.date(2023, 6, 15),
        reason="ตามที่จังหวัดขอ", letter=Letter("มท ๐๔๑๐.๔/ว ๕๘๒๑", dt.date(2023, 6, 1)), also=[],
    )  # fmt: skip
    (mail,) = [m for m in mailoutbox if m.to == ["somying@example.org"]]
    assert mail.subject == "เลื่อนกำหนดส่ง ๔.๑.๒ เร็วขึ้นเป็น ๑๕ มิ.ย. ๒๕๖๖"
    link = Notice.objects.get().link
    assert mail.body == (
        "เรียน สมหญิง ใจดี สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่\n"
        "\n"
        "เลื่อนกำหนดส่ง ๔.๑.๒ เร็วขึ้นเป็น ๑๕ มิถุนายน ๒๕๖๖\n"
        f"การประกวด: {CONTEST}\n"
        "กำหนดเดิม: ๓๐ มิถุนายน ๒๕๖๖\n"
        "เหตุผล: ตามที่จังหวัดขอ\n"
        "ตามหนังสือ ที่ มท ๐๔๑๐.๔/ว ๕๘๒๑ ลงวันที่ ๑ มิถุนายน ๒๕๖๖\n"
        "ขอให้ท่านตรวจสอบกำหนดใหม่ และส่งหลักฐานของตัวชี้วัดนี้ภายในกำหนด\n"
        f"ดำเนินการได้ที่: {SITE}{link}\n"
        "\n"
        "จึงเรียนมาเพื่อโปรดดำเนินการ\n"
        "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ กรมการพัฒนาชุมชน\n"
        "\n"
        "--\n"
        f"ท่านกำหนดวิธีรับการแจ้งเตือนได้ที่: {SITE}/notices/\n"
    )
    assert "ของคุณ" not in mail.body and "4.1.2" not in mail.body.replace(link, "")  # the link keeps the URL's code


def test_the_same_notice_on_line_begins_with_the_news_then_the_contest(rubric, central_user, office, line_api):
    rubric.criteria.filter(code="4.1.2").update(deadline=dt.date(2023, 6, 30))
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="4.1.2", deadline=dt.date(2023, 7, 14), reason="อุทกภัย", also=[]
    )
    (push,) = [p for p in line_api.pushes() if p.body["to"] == f"U{office.pk:032x}"]
    assert push.text == (
        "ขยายกำหนดส่ง ๔.๑.๒ ออกไปเป็น ๑๔ ก.ค. ๒๕๖๖\n"
        f"{CONTEST}\n"
        "กำหนดเดิม: ๓๐ มิถุนายน ๒๕๖๖\n"
        "เหตุผล: อุทกภัย\n"
        "ขอให้ท่านตรวจสอบกำหนดใหม่ และส่งหลักฐานของตัวชี้วัดนี้ภายในกำหนด\n"
        f"{SITE}{Notice.objects.get().link}"
    )


def test_a_notice_for_information_asks_nothing_and_closes_for_information(office, mailoutbox):
    notice_record(
        kind=Kind.RESULTS_PUBLISHED, key="published", recipients=lambda: [office],
        params={"contest": CONTEST, "reason": ""}, link="/standings/2566/results/",
    )  # fmt: skip
    outbox.send_digests()
    (mail,) = mailoutbox
    assert mail.subject == "การแจ้งเตือนประจำวัน ๑ เรื่อง"
    assert mail.body == (
        "เรียน สมหญิง ใจดี สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่\n"
        "\n"
        "การแจ้งเตือนประจำวัน ๑ เรื่อง\n"
        "\n"
        "ประกาศผลการประกวดแล้ว\n"
        f"การประกวด: {CONTEST}\n"
        f"ดูรายละเอียดได้ที่: {SITE}/standings/2566/results/\n"
        "\n"
        "จึงเรียนมาเพื่อโปรดทราบ\n"
        "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ กรมการพัฒนาชุมชน\n"
        "\n"
        "--\n"
        f"ท่านกำหนดวิธีรับการแจ้งเตือนได้ที่: {SITE}/notices/\n"
    )


def test_a_person_who_reads_english_gets_the_same_news_in_arabic_digits(rubric, office):
    from django.utils import translation

    from notices import catalogue

    notice = Notice(kind=Kind.QUESTION_ASKED, params={"contest": CONTEST, "unit": "Chiang Mai", "code": "3.4"})
    with translation.override("en"):
        assert catalogue.title(notice) == "The committee asks Chiang Mai to clarify criterion 3.4"
    with translation.override("th"):
        assert catalogue.title(notice) == "คณะกรรมการขอคำชี้แจงจากChiang Mai เรื่องตัวชี้วัด ๓.๔"


def test_a_deadline_moved_onto_a_closed_day_is_said_with_the_working_day_it_falls_due_on():
    """As the criterion's page says it (rulebook.workdays.moved_suffix), in the reader's language."""
    from django.utils import translation

    from notices import catalogue

    params = {"contest": CONTEST, "code": "๑", "old": "2021-08-15", "new": "2021-07-18", "due": "2021-07-19"}
    closed = Notice(kind=Kind.DEADLINE_MOVED, params=params)
    with translation.override("th"):
        moved = "เลื่อนกำหนดส่ง ๑ เร็วขึ้นเป็น ๑๘ ก.ค. ๒๕๖๔ (วันหยุดราชการ) → เลื่อนเป็น ๑๙ ก.ค. ๒๕๖๔"
        assert catalogue.title(closed) == moved
        assert catalogue.title(Notice(kind=Kind.DEADLINE_MOVED, params={**params, "due": "2021-07-18"})) == (
            "เลื่อนกำหนดส่ง ๑ เร็วขึ้นเป็น ๑๘ ก.ค. ๒๕๖๔"
        )
    with translation.override("en"):
        moved = "Deadline of ๑ moved earlier, to ๑๘ ก.ค. ๒๕๖๔ (offices closed) → moved to ๑๙ ก.ค. ๒๕๖๔"
        assert catalogue.title(closed) == moved  # a notice's dates are Thai in either language


def test_every_kinds_news_leaves_the_contest_to_its_own_line():
    """The frame holds for every kind, those added later too: a news that names the contest would put it
    first again, as "พช. ๔.๐: โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๗๐: …" did."""
    from notices.catalogue import WORDINGS

    samples = [
        {"old": "2023-06-30", "new": "2023-06-15"},
        {"old": "2023-06-15", "new": "2023-06-30"},
        {"new": "2023-06-30"},
        {},
    ]
    for kind, wording in WORDINGS.items():
        texts = {str(wording.news(p)) for p in samples} if callable(wording.news) else {str(wording.news)}
        assert [t for t in texts | {str(wording.group or "")} if "%(contest)s" in t] == [], kind
