"""What to do now, at the top of each role's home: an office's next deadlines, what is late and
what came back; a judge's items left; a tie that waits on whoever runs the contest."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.thai import thai_date
from people.models import Role
from rubrics.models import ContestPeriod, Criterion
from rubrics.timetable import criterion_deadline_set
from scoring.demo import demo_present_year, present_year
from scoring.models import Standing
from submissions.models import Submission, SubmissionStatus
from tests.factories import UserFactory

from . import files


def _todo(html: str) -> list[tuple[str, str]]:
    """(key, text) of each line of the card, in order; [] when there is no card."""
    card = re.search(r'<section class="card todo".*?</section>', html, re.S)
    if card is None:
        return []
    lines = re.findall(r'data-todo="([^"]+)">(.*?)</li>', card.group(0), re.S)
    return [(key, " ".join(re.sub(r"<[^>]+>", " ", text).split())) for key, text in lines]


LATE_DAYS = 40  # how long ago the six dated criteria were due


def _page(client, rubric) -> list[tuple[str, str]]:
    return _todo(client.get(reverse("submissions:unit", args=[rubric.key, "TH-50"])).content.decode())


@pytest.fixture
def ahead(db) -> ContestPeriod:
    """B.E. 2566's rules run again in the present fiscal year (as the demo runs them), so that a deadline ahead of
    today lies within the rubric's year, which its rules require: 1.2 due in 10 days and 1.1 in 28, the other six
    dated criteria past, ten without a deadline; no rounds (B.E. 2566's are all past, so its card says none of
    them). Written in place, with a new revision for the rubric, so no parsed copy read before (the process's
    cache) is used."""
    today = timezone.localdate()
    present = demo_present_year(today=today)
    present.criteria.update(rounds=[])
    present.criteria.exclude(deadline=None).update(deadline=today - timedelta(LATE_DAYS))
    present.criteria.filter(code="1.1").update(deadline=today + timedelta(28))
    present.criteria.filter(code="1.2").update(deadline=today + timedelta(10))
    ContestPeriod.objects.filter(pk=present.pk).update(revision=uuid.uuid4())
    present.refresh_from_db()
    return present


def test_an_office_is_told_what_is_late_then_its_nearest_deadlines(owner_client, ahead):
    lines = _page(owner_client, ahead)

    # Six criteria are past their deadlines, two ahead, ten have none (the manual sets none): the first late
    # one, the two dated ones nearest first, then one without a date, the rest counted.
    assert [key for key, _ in lines] == ["late", "next", "next", "next", "more"]
    assert lines[0][1].startswith("เลยกำหนดแล้ว ยังส่งได้: ๑.๓ ")
    due = thai_date(timezone.localdate() - timedelta(LATE_DAYS))
    assert f"และอีก ๕ ตัวชี้วัด กำหนด {due} · เลยกำหนด" in lines[0][1]
    assert lines[1][1].startswith("ส่งหลักฐาน ๑.๒ ")
    assert lines[1][1].endswith("วันทำการ") and "· เหลือ " in lines[1][1]
    assert lines[2][1].startswith("ส่งหลักฐาน ๑.๑ ")
    assert lines[3][1].startswith("ส่งหลักฐาน ๑.๔ ") and "กำหนด" not in lines[3][1]
    assert lines[4][1] == "ยังไม่ส่งอีก ๙ ตัวชี้วัด (ดูตารางด้านล่าง)"
    assert not re.search(r"[0-9]", " ".join(text for _, text in lines))


def test_a_sent_criterion_leaves_the_card(owner_client, ahead):
    owner_client.post(
        reverse("submissions:upload", args=[ahead.key, "TH-50", "1.2"]),
        {"file": files.upload("a.pdf", files.pdf_new())},
        headers={"accept": "application/json"},
    )

    lines = _page(owner_client, ahead)

    assert [key for key, _ in lines] == ["late", "next", "next", "next", "more"]
    assert lines[1][1].startswith("ส่งหลักฐาน ๑.๑ ")
    assert lines[4][1] == "ยังไม่ส่งอีก ๘ ตัวชี้วัด (ดูตารางด้านล่าง)"


def test_what_the_committee_returned_comes_first(owner_client, ahead, chiang_mai):
    owner_client.post(
        reverse("submissions:upload", args=[ahead.key, "TH-50", "1.1"]),
        {"file": files.upload("a.pdf", files.pdf_new())},
        headers={"accept": "application/json"},
    )
    Submission.objects.filter(rubric=ahead, unit=chiang_mai, criterion__code="1.1").update(
        status=SubmissionStatus.RETURNED
    )

    lines = _page(owner_client, ahead)

    assert lines[0][0] == "returned"
    assert lines[0][1].startswith("ชี้แจงหรือส่งเพิ่ม: ๑.๑ ")


def test_everything_sent_says_so(owner_client, rubric, chiang_mai):
    for code in Criterion.objects.filter(rubric=rubric).values_list("code", flat=True):
        owner_client.post(
            reverse("submissions:link", args=[2566, "TH-50", code]),
            {"url": f"https://example.org/{code}"},
        )

    assert _page(owner_client, rubric) == [("all-sent", "ส่งหลักฐานครบทุกตัวชี้วัดแล้ว")]


def test_only_the_office_s_own_staff_get_the_card(client, central_user, ahead):
    client.force_login(central_user)

    assert _page(client, ahead) == []


def test_a_judge_is_told_how_many_items_are_left_and_led_to_the_next(client, rubric, chiang_mai, phuket):
    from submissions import services as evidence

    for unit in (chiang_mai, phuket):  # 4.1.1 is judged by the committee; two provinces sent for it
        staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
        evidence.evidence_submit(
            user=staff, rubric=rubric, unit=unit, criterion_code="4.1.1", url="https://example.org/4.1.1"
        )
    member = UserFactory(role=Role.COMMITTEE)
    client.force_login(member)

    lines = _todo(client.get("/").content.decode())

    assert lines == [("score", f"ให้คะแนนอีก ๒ จาก ๒ รายการที่มีหลักฐาน: {rubric.name_th}")]
    link = re.search(r'data-todo="score"><a href="([^"]+)"', client.get("/").content.decode()).group(1)
    assert link == reverse("admin:committee_next") + "?year=2566"


def test_a_tie_at_an_award_line_waits_on_central_staff_not_on_an_office(client, rubric, chiang_mai, central_user):
    Standing.objects.update_or_create(rubric=rubric, unit=chiang_mai, defaults={"award_tie": True})
    client.force_login(central_user)

    first = client.get("/", follow=True).content.decode()  # central's first page: the running contest's dashboard
    ties = re.search(r'<p class="ties warn" id="award-ties">.*?</p>', first, re.S).group(0)
    assert "เชียงใหม่" in ties and f'href="{reverse("scoring:ties", args=[rubric.key])}"' in ties

    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    assert _todo(client.get("/").content.decode()) == []


def test_a_district_entering_two_contests_sees_each_one_s_next_steps_under_its_name(client, phuket):
    from tests.factories import DistrictFactory, office_contest

    district = DistrictFactory(parent=phuket)
    year = present_year(timezone.localdate())
    first = office_contest("pk-web-a", phuket, district, mark="(ก)", year=year)
    second = office_contest("pk-web-b", phuket, district, mark="(ข)", year=year)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))

    html = client.get("/").content.decode()

    card = re.search(r'<section class="card todo".*?</section>', html, re.S).group(0)
    groups = re.findall(r'<h3 class="todo-group">(.*?)</h3>', card)
    assert groups == [first.name_th, second.name_th]  # as the contests are listed: year, then slug
    # seed 001's website contest: five criteria without a deadline, the first three named, two counted
    assert [key for key, _ in _todo(html)] == ["next", "next", "next", "more"] * 2
    page = reverse("submissions:unit", args=[first.key, district.code])
    assert f'href="{page}#criteria">ยังไม่ส่งอีก ๒ ตัวชี้วัด</a>' in card


def test_a_finished_year_s_contest_leaves_the_home_to_this_year_s(client, phuket):
    """The seed year's contest is still open (late evidence is taken) and its page still lists what it lacks,
    but the home is about this year: nothing "๑๒๘๖ working days late" from a year long over."""
    from tests.factories import DistrictFactory, office_contest

    district = DistrictFactory(parent=phuket)
    old = office_contest("pk-web-2564", phuket, district)
    now = office_contest("pk-web-now", phuket, district, year=present_year(timezone.localdate()))
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))

    html = client.get("/").content.decode()

    assert re.findall(r'<h3 class="todo-group">(.*?)</h3>', html) == [now.name_th]
    assert old.name_th in html  # still listed among the office's contests, a click away
    page = client.get(reverse("submissions:unit", args=[old.key, district.code])).content.decode()
    assert [key for key, _ in _todo(page)] == ["next", "next", "next", "more"]


def test_an_item_numbered_again_by_another_mission_is_named_with_its_mission(client, phuket):
    """Seed 003 numbers each mission's items from 1: the card says which mission's "๑" is due."""
    import json

    from rubrics import services
    from rulebook.moved import moved
    from tests.factories import DistrictFactory

    district = DistrictFactory(parent=phuket)
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    data = moved(data, year=2565, years=present_year(timezone.localdate()) - 2565)
    data["contest"] = {**data["contest"], "organiser": "83", "entrants": [district.code]}
    rubric = services.rubric_load(data=data)
    rubric.criteria.update(deadline=None)  # the card then lists them in the rubric's order, whatever today is
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))

    html = client.get(reverse("submissions:unit", args=[rubric.key, district.code])).content.decode()

    # Missions 1 and 8 both have a "๑.๑" and a "๑.๒"; only mission 1 has a "๒.๑".
    assert [text for _, text in _todo(html)][:3] == [
        "ส่งหลักฐาน มิติ ๑ · ๑.๑ การตรวจสอบและรับรองข้อมูลบุคคล/ครัวเรือนเป้าหมายจากระบบ TPMAP",
        "ส่งหลักฐาน มิติ ๑ · ๑.๒ การจัดทำแผนครัวเรือน ร้อยละ ๑๐๐ ของบุคคล/ครัวเรือนที่ได้รับการต…",
        "ส่งหลักฐาน ๒.๑ ทีมพี่เลี้ยงลงพื้นที่ติดตามให้คำแนะนำรายครัวเรือนอย่างน้อยเดือนละ …",
    ]


def test_each_criterion_is_one_line_the_most_urgent_first(owner_client, ahead, central_user):
    """A monthly report with a round already missed and the next two weeks away comes right after what is late,
    named by the month missed (not the next month), before a moved deadline ten days away; a moved criterion is
    said by its move alone, not again as "next"."""
    today = timezone.localdate()
    ahead.criteria.filter(code="4.2").update(
        rounds=[
            {"label_th": "รายงานเดือนก่อน", "label_en": "Last month", "due": (today - timedelta(20)).isoformat()},
            {"label_th": "รายงานเดือนนี้", "label_en": "This month", "due": (today + timedelta(14)).isoformat()},
        ],
        deadline=today + timedelta(14),
    )
    ContestPeriod.objects.filter(pk=ahead.pk).update(revision=uuid.uuid4())
    ahead.refresh_from_db()
    criterion_deadline_set(user=central_user, rubric=ahead, code="1.2", deadline=today + timedelta(12), reason="ขยาย")

    lines = _page(owner_client, ahead)

    assert [key for key, _ in lines] == ["late", "round", "moved", "next", "next", "next", "more"]
    assert lines[1][1].startswith("ส่ง รายงานเดือนก่อน, ๔.๒ ") and "ขาด ๑ รอบ" in lines[1][1]
    assert [text.split(" ")[1] for key, text in lines if key == "next"][:1] == ["๑.๑"]
    for code in ("๑.๒", "๔.๒"):
        assert sum(f" {code} " in f" {text} " for _, text in lines) == 1, code
