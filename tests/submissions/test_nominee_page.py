"""District staff name their nominee on their office's page of a contest that honours people (seed 001)."""

import re
from datetime import date

import pytest

from nominees.models import Nominee, NomineeVersion
from notices.models import Kind, Receipt
from people.models import Role
from rubrics import services, timetable
from scoring import snapshots
from scoring.recompute import standings_recompute
from submissions.models import Evidence
from tests.factories import DistrictFactory, UserFactory
from tests.nominees.test_contests_nominees import itmodel_data


@pytest.fixture
def setup(db, chiang_mai, phuket, clock):
    clock(2021, 7, 1, 9, 0)  # before the contest's deadline, 20 July 2564, unless a test moves it
    d1, d2 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai)
    rubric = services.rubric_load(data=itmodel_data(d1.code, d2.code))
    users = {
        "own": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_district": UserFactory(role=Role.OFFICE_STAFF, role__unit=d2),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
    }
    return rubric, d1, users


def url(d1, tail=""):
    return f"/years/cm-itmodel-2564/provinces/{d1.code}/{tail}"


FORM = {
    "name_th": "นางสาวปิยะนุช แสงทอง",
    "position_th": "นักวิชาการพัฒนาชุมชนปฏิบัติการ",
    "name_en": "",
    "employment": "civil_servant",
}


def form(d1, **changes) -> dict:
    """The page's form as an office fills it in: a civil servant working in the office itself."""
    return {**FORM, "office": d1.code, **changes}


def test_own_staff_see_the_form_and_save_a_nominee(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    page = client.get(url(d1)).content.decode()
    assert "ยังไม่เสนอชื่อ" in page and 'name="name_th"' in page
    response = client.post(url(d1, "nominee/"), form(d1), follow=True)
    assert response.redirect_chain == [(url(d1), 302)]
    page = response.content.decode()
    assert '<li class="success">บันทึกผู้ได้รับการเสนอชื่อแล้ว</li>' in page
    assert "<strong>นางสาวปิยะนุช แสงทอง</strong> นักวิชาการพัฒนาชุมชนปฏิบัติการ" in page
    client.post(url(d1, "nominee/"), form(d1, position_th="นักวิชาการพัฒนาชุมชนชำนาญการ"))
    nominee = Nominee.objects.get(unit=d1)
    assert (nominee.position_th, nominee.version) == ("นักวิชาการพัฒนาชุมชนชำนาญการ", 2)
    assert NomineeVersion.objects.filter(nominee=nominee).count() == 2


def test_a_blank_name_is_shown_thai_first_and_nothing_saved(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    page = client.post(url(d1, "nominee/"), form(d1, name_th=" "), follow=True).content.decode()
    assert "กรุณากรอกชื่อ-นามสกุล" in page
    assert not Nominee.objects.exists()


def test_the_organiser_may_set_it_too(client, setup):
    _, d1, users = setup
    client.force_login(users["organiser"])
    assert client.post(url(d1, "nominee/"), form(d1)).status_code == 302
    assert Nominee.objects.get(unit=d1).submitted_by == users["organiser"]


@pytest.mark.parametrize("who", ["other_district", "other_organiser", None])
def test_others_cannot(client, setup, who):
    _, d1, users = setup
    if who:
        client.force_login(users[who])
    response = client.post(url(d1, "nominee/"), form(d1))
    assert response.status_code == (404 if who else 302)
    if who is None:
        assert response["Location"].startswith("/accounts/login/")
    assert not Nominee.objects.exists()


def test_a_contest_without_nominees_has_no_form_nor_route(client, provincial_user, chiang_mai):
    client.force_login(provincial_user)
    assert "nominee_form" not in client.get(f"/years/2566/provinces/{chiang_mai.code}/").context
    assert client.post(f"/years/2566/provinces/{chiang_mai.code}/nominee/", FORM).status_code == 404


CLOSED = '<li class="error">ปิดรับการเสนอชื่อแล้ว (กำหนดส่ง ๒๐ ก.ค. ๒๕๖๔) ผู้จัดการประกวดยังแก้ไขได้จนกว่าจะตรึงผล</li>'


@pytest.mark.parametrize("when", [(2021, 7, 19, 9, 0), (2021, 7, 20, 23, 59)])
def test_up_to_and_on_the_deadline_the_page_shows_it_and_takes_the_nominee(client, setup, clock, when):
    _, d1, users = setup
    clock(*when)
    client.force_login(users["own"])
    page = client.get(url(d1)).content.decode()
    assert '<p class="nomination-deadline">กำหนดเสนอชื่อ <strong>๒๐ กรกฎาคม ๒๕๖๔</strong>' in page
    assert "ปิดรับการเสนอชื่อแล้ว" not in page and 'name="name_th"' in page
    assert client.post(url(d1, "nominee/"), form(d1)).status_code == 302
    assert Nominee.objects.get(unit=d1).version == 1


def test_the_saved_message_is_in_the_pages_language_alone(client, setup):
    """Thai first means Thai alone: the English half of a message is for whoever switches to English."""
    _, d1, users = setup
    client.force_login(users["own"])
    page = client.post(url(d1, "nominee/"), form(d1), follow=True).content.decode()
    assert re.findall(r'<li class="success">(.*?)</li>', page) == ["บันทึกผู้ได้รับการเสนอชื่อแล้ว"]
    client.post("/i18n/setlang/", {"language": "en", "next": url(d1)})
    page = client.post(url(d1, "nominee/"), form(d1, name_en="Piyanuch"), follow=True).content.decode()
    assert re.findall(r'<li class="success">(.*?)</li>', page) == ["Nominee saved"]


def test_after_the_deadline_the_office_sees_it_closed_and_is_refused(client, setup, clock):
    _, d1, users = setup
    clock(2021, 7, 21, 8, 30)
    client.force_login(users["own"])
    page = client.get(url(d1)).content.decode()
    assert '<span class="badge returned">ปิดรับการเสนอชื่อแล้ว</span>' in page
    assert 'name="name_th"' not in page
    page = client.post(url(d1, "nominee/"), form(d1), follow=True).content.decode()
    assert CLOSED in page
    assert not Nominee.objects.exists()


def test_after_the_deadline_the_organiser_still_corrects_the_nominee(client, setup, clock):
    _, d1, users = setup
    client.force_login(users["own"])
    client.post(url(d1, "nominee/"), form(d1))
    clock(2021, 8, 2, 10, 0)
    client.force_login(users["organiser"])
    page = client.get(url(d1)).content.decode()
    assert "ผู้จัดการประกวดยังแก้ไขได้จนกว่าจะตรึงผล" in page and 'name="name_th"' in page
    response = client.post(url(d1, "nominee/"), form(d1, name_en="Piyanuch Saengthong"), follow=True)
    assert '<li class="success">บันทึกผู้ได้รับการเสนอชื่อแล้ว</li>' in response.content.decode()
    nominee = Nominee.objects.get(unit=d1)
    assert (nominee.name_en, nominee.version, nominee.submitted_by) == ("Piyanuch Saengthong", 2, users["organiser"])


def test_a_frozen_year_refuses_the_organiser_on_the_page(client, setup, clock, central_user):
    rubric, d1, users = setup
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    clock(2021, 8, 2, 10, 0)
    client.force_login(users["organiser"])
    shown = client.get(url(d1)).content.decode()
    assert "แก้ไขผู้ได้รับการเสนอชื่อไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล" in shown and 'name="name_th"' not in shown
    page = client.post(url(d1, "nominee/"), form(d1), follow=True).content.decode()
    assert "ผลปี 2564 ตรึงไว้แล้ว แก้ไขไม่ได้จนกว่าส่วนกลางจะยกเลิกการตรึงผล" in page
    assert not Nominee.objects.exists()


# Who qualifies (seed 001: "ข้าราชการในสังกัดสำนักงานพัฒนาชุมชนอำเภอ … อำเภอละ ๑ คน"): the page shows the rule,
# and a refusal stands beside its field with what was typed kept.
def beside(page: str, field: str) -> str:
    """The error list Django puts before the field's own paragraph, and that paragraph."""
    start = page.index(f'id="id_{field}_error"')
    return page[start : page.index(f'id="id_{field}"', start)]


def test_the_page_says_who_may_be_nominated_and_offers_the_office(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    page = client.get(url(d1)).content.decode()
    assert "ผู้มีสิทธิ์ได้รับการเสนอชื่อ: ข้าราชการ ที่ปฏิบัติงานในสำนักงานนี้ · สำนักงานละ ๑ คน" in page
    assert f'<option value="{d1.code}" selected>สำนักงานพัฒนาชุมชนอำเภอแม่ริม</option>' in page
    assert '<option value="permanent_employee">ลูกจ้างประจำ</option>' in page


def test_one_who_is_not_a_civil_servant_is_refused_beside_the_field(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    response = client.post(url(d1, "nominee/"), form(d1, employment="temporary_employee"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ผู้ได้รับการเสนอชื่อต้องเป็นข้าราชการ (ระบุไว้: ลูกจ้างชั่วคราว)" in beside(page, "employment")
    assert 'value="นางสาวปิยะนุช แสงทอง"' in page  # nothing typed is lost
    assert not Nominee.objects.exists()


def test_one_from_another_office_is_refused_beside_the_field(client, setup, chiang_mai):
    _, d1, users = setup
    client.force_login(users["own"])
    page = client.post(url(d1, "nominee/"), form(d1, office=chiang_mai.code)).content.decode()
    assert "ผู้ได้รับการเสนอชื่อต้องปฏิบัติงานในสำนักงานพัฒนาชุมชนอำเภอแม่ริม (ระบุไว้: สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่)" in beside(
        page, "office"
    )
    assert not Nominee.objects.exists()


def test_a_second_person_is_refused_until_the_first_is_withdrawn(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    client.post(url(d1, "nominee/"), form(d1))
    page = client.post(url(d1, "nominee/"), form(d1, name_th="นายศักดิ์ชัย ทองดี")).content.decode()
    assert "สำนักงานนี้เสนอชื่อนางสาวปิยะนุช แสงทองไว้แล้ว (สำนักงานละ ๑ คน)" in beside(page, "name_th")
    assert list(Nominee.objects.values_list("name_th", "version")) == [("นางสาวปิยะนุช แสงทอง", 1)]
    assert "ถอนรายชื่อ</button>" in page
    page = client.post(url(d1, "nominee/withdraw/"), follow=True).content.decode()
    assert '<li class="success">ถอนรายชื่อผู้ได้รับการเสนอชื่อแล้ว</li>' in page
    assert "ถอนรายชื่อแล้ว (นางสาวปิยะนุช แสงทอง, " in page and "ถอนรายชื่อ</button>" not in page
    page = client.post(url(d1, "nominee/"), form(d1, name_th="นายศักดิ์ชัย ทองดี"), follow=True).content.decode()
    assert "<strong>นายศักดิ์ชัย ทองดี</strong>" in page
    assert list(Nominee.objects.values_list("name_th", "state", "version")) == [("นายศักดิ์ชัย ทองดี", "active", 3)]


def test_another_district_cannot_withdraw(client, setup):
    _, d1, users = setup
    client.force_login(users["own"])
    client.post(url(d1, "nominee/"), form(d1))
    client.force_login(users["other_district"])
    assert client.post(url(d1, "nominee/withdraw/")).status_code == 404
    assert Nominee.objects.get().state == "active"


def _row_one(page: str) -> str:
    """Criterion ๑'s row of the office's table (seed 001's "เป็นข้าราชการสังกัดกรมการพัฒนาชุมชน")."""
    return re.search(r'<tr class="status-[^"]+">\s*<td><a href="[^"]*"><strong>๑</strong>.*?</tr>', page, re.S).group(0)


def test_criterion_one_is_answered_by_the_nominee_not_by_an_upload(client, setup):
    """Seed 001's 1.1 asks for the nominee's name, position and office (`"nominee": true`): the office's
    table leads to the nominee form, and once the nominee is saved the criterion counts as sent."""
    _, d1, users = setup
    client.force_login(users["own"])

    page = client.get(url(d1)).content.decode()

    row = _row_one(page)
    assert row.startswith('<tr class="status-missing">') and '<a href="#nominee">' in row
    assert '<span class="badge missing">ยังไม่เสนอชื่อ</span>' in row
    assert "<strong>๐ / ๓</strong>" in page
    assert 'data-todo="next"><a href="#nominee">เสนอชื่อ ๑ เป็นข้าราชการสังกัดกรมการพัฒนาชุมชน</a>' in page

    page = client.post(url(d1, "nominee/"), form(d1), follow=True).content.decode()

    row = _row_one(page)
    assert row.startswith('<tr class="status-submitted">') and '<span class="badge submitted">เสนอชื่อแล้ว</span>' in row
    assert "<strong>๑ / ๓</strong>" in page
    assert 'href="#nominee">เสนอชื่อ' not in page


def _brought_forward(rubric, users) -> None:
    """The organiser brings criterion ๑ (the nominee) forward from 20 to 9 July 2564; ๒ and ๓ stay on 20 July."""
    timetable.criterion_deadline_set(
        user=users["organiser"], rubric=rubric, code="1.1", deadline=date(2021, 7, 9), reason="เร่งส่งรายชื่อ"
    )


def test_a_nominee_criterion_brought_forward_reads_its_new_date_in_the_box_as_in_what_to_do_now(client, setup):
    rubric, d1, users = setup
    _brought_forward(rubric, users)
    client.force_login(users["own"])

    page = client.get(url(d1)).content.decode()

    assert '<p class="nomination-deadline">กำหนดเสนอชื่อ <strong>๙ กรกฎาคม ๒๕๖๔</strong>' in page
    moved = page.split('data-todo="moved"><a href="#nominee">', 1)[1].split("</li>", 1)[0]
    assert '<span class="when"><span>กำหนด ๙ กรกฎาคม ๒๕๖๔</span>' in moved
    assert "จาก ๒๐ กรกฎาคม ๒๕๖๔" in moved  # the date it replaced, said as replaced


def test_a_moved_nominee_deadlines_notice_lands_on_the_nominee_form_and_its_page_takes_no_file(client, setup):
    rubric, d1, users = setup
    _brought_forward(rubric, users)
    client.force_login(users["own"])

    landed = client.get(f"/standings/{rubric.key}/criteria/1.1/")  # where the notice links (notices.events)
    assert (landed.status_code, landed["Location"]) == (302, url(d1) + "#deadline-moved")  # in the nominee's card
    page = client.get(url(d1, "criteria/1.1/")).content.decode()
    assert 'id="upload-form"' not in page and f'href="{url(d1)}#nominee"' in page
    refused = client.post(url(d1, "criteria/1.1/link/"), {"url": "https://example.org/x"}, follow=True)
    assert "ตัวชี้วัดนี้ส่งโดยการเสนอชื่อในหน้าของหน่วยงาน ไม่ใช่การส่งไฟล์" in refused.content.decode()
    assert not Evidence.objects.exists()
    assert re.search(r'<span id="criterion-status">([^<]*)</span>', page).group(1) == "ยังไม่เสนอชื่อ"


def test_the_nominee_form_a_moved_deadlines_notice_lands_on_shows_the_date_and_the_move(client, setup):
    rubric, _, users = setup
    timetable.criterion_deadline_set(
        user=users["organiser"], rubric=rubric, code="1.1", deadline=date(2021, 7, 30), reason="ขยายเวลาเสนอชื่อ"
    )
    notice = Receipt.objects.get(user=users["own"], notice__kind=Kind.DEADLINE_MOVED).notice
    client.force_login(users["own"])

    landed = client.get(notice.link, follow=True)

    card = landed.content.decode().split('id="nominee"', 1)[1].split("<form", 1)[0]
    assert "กำหนดเสนอชื่อ <strong>๓๐ กรกฎาคม ๒๕๖๔</strong>" in card
    moved = card.split('id="deadline-moved"', 1)[1]
    assert "๒๐ กรกฎาคม ๒๕๖๔" in moved and "๓๐ กรกฎาคม ๒๕๖๔" in moved and ": ขยายเวลาเสนอชื่อ" in moved
