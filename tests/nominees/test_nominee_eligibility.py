"""Who a district office may nominate as Chonburi's "คนต้นแบบ ไอที พช.ชลบุรี" (seed 001), as its rubric's
`contest.nominee` says: "พิจารณาคัดเลือกข้าราชการในสังกัดสำนักงานพัฒนาชุมชนอำเภอ … อำเภอละ ๑ คน" — a civil
servant, of that district office, one per office. The service is the one the page, the API and the admin call."""

import pytest

from core.errors import PortalError
from nominees import selectors
from nominees.models import Nominee, NomineeState, NomineeVersion
from nominees.services import nominee_submit, nominee_withdraw
from people.models import Role
from rubrics import services
from rulebook.spec import RubricError
from tests.factories import DistrictFactory, UserFactory, office_contest

from .test_contests_nominees import OPEN, itmodel_data

SOMCHAI = "นายสมชาย รักษ์ชุมชน"
WILAI = "นางวิไลวรรณ ศรีสุข"


@pytest.fixture
def it(db, chiang_mai):
    d1, d2 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="สันทราย")
    rubric = services.rubric_load(data=itmodel_data(d1.code, d2.code))
    return rubric.contest, d1, d2, UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)


def submit(contest, unit, user, name=SOMCHAI, **kw):
    kw = {"employment": "civil_servant", "office": unit.code, **kw}
    return nominee_submit(
        user=user, contest=contest, unit=unit, name_th=name, position_th="นักวิชาการพัฒนาชุมชน", now=OPEN, **kw
    )


def refusal(call) -> PortalError:
    with pytest.raises(PortalError) as exc:
        call()
    return exc.value


def test_the_rubric_declares_who_qualifies(it):
    contest, *_ = it
    assert contest.nominee_rules == {"employment": ["civil_servant"], "same_office": True, "per_office": 1}


def test_a_civil_servant_of_the_office_is_accepted_with_type_and_office_recorded(it):
    contest, d1, _, own = it
    nominee = submit(contest, d1, own)
    assert (nominee.employment, nominee.office, nominee.state, nominee.version) == ("civil_servant", d1, "active", 1)
    assert NomineeVersion.objects.get(nominee=nominee).office == d1


@pytest.mark.parametrize(
    ("employment", "given"),
    [
        ("government_employee", "พนักงานราชการ / government employee"),
        ("permanent_employee", "ลูกจ้างประจำ / permanent employee"),
        ("temporary_employee", "ลูกจ้างชั่วคราว / temporary employee"),
        ("contractor", "พนักงานจ้างเหมาบริการ / service contractor"),
    ],
)
def test_one_who_is_not_a_civil_servant_is_refused_with_the_reason(it, employment, given):
    contest, d1, _, own = it
    error = refusal(lambda: submit(contest, d1, own, employment=employment))
    th, _en = given.split(" / ")
    assert str(error) == (f"ผู้ได้รับการเสนอชื่อต้องเป็นข้าราชการ (ระบุไว้: {th})")
    assert (error.field, error.code) == ("employment", "not_eligible")
    assert not Nominee.objects.exists()


def test_one_who_works_in_another_office_is_refused_with_the_reason(it, chiang_mai):
    contest, d1, d2, own = it
    error = refusal(lambda: submit(contest, d1, own, office=d2.code))
    assert error.th == "ผู้ได้รับการเสนอชื่อต้องปฏิบัติงานในสำนักงานพัฒนาชุมชนอำเภอแม่ริม (ระบุไว้: สำนักงานพัฒนาชุมชนอำเภอสันทราย)"
    assert (error.field, error.code) == ("office", "not_eligible")
    # The provincial office is another office too: the seed asks for the district office's own staff.
    error = refusal(lambda: submit(contest, d1, own, office=chiang_mai.code))
    assert error.th.endswith("(ระบุไว้: สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่)")
    assert not Nominee.objects.exists()


@pytest.mark.parametrize(
    ("kw", "message", "field"),
    [
        ({"employment": ""}, "กรุณาเลือกประเภทบุคลากร", "employment"),
        ({"office": ""}, "กรุณาเลือกสำนักงานที่ปฏิบัติงาน", "office"),
        ({"office": "9999"}, "ไม่พบสำนักงานรหัส “9999”", "office"),
    ],
)
def test_the_type_and_office_must_be_given(it, kw, message, field):
    contest, d1, _, own = it
    error = refusal(lambda: submit(contest, d1, own, **kw))
    assert (str(error), error.field) == (message, field)


def test_an_unknown_employment_type_is_refused(it):
    contest, d1, _, own = it
    error = refusal(lambda: submit(contest, d1, own, employment="volunteer"))
    assert error.th.startswith("ไม่รู้จักประเภทบุคลากร “volunteer” ใช้ได้: civil_servant (ข้าราชการ), ")
    assert error.field == "employment"


def test_a_second_person_is_refused_while_the_first_stands(it):
    contest, d1, _, own = it
    submit(contest, d1, own)
    error = refusal(lambda: submit(contest, d1, own, name=WILAI))
    assert str(error) == (f"สำนักงานนี้เสนอชื่อ{SOMCHAI}ไว้แล้ว (สำนักงานละ ๑ คน) ถอนรายชื่อเดิมก่อนจึงเสนอชื่อผู้อื่นได้")
    assert (error.field, error.code) == ("name_th", "nominee_active")
    assert list(Nominee.objects.values_list("name_th", "version")) == [(SOMCHAI, 1)]


def test_after_a_withdrawal_another_person_is_accepted_and_the_history_keeps_all(it):
    contest, d1, _, own = it
    first = submit(contest, d1, own)
    withdrawn = nominee_withdraw(user=own, contest=contest, unit=d1, now=OPEN)
    assert (withdrawn.pk, withdrawn.state, withdrawn.version) == (first.pk, NomineeState.WITHDRAWN, 2)
    assert selectors.nominees_by_unit(contest) == {}  # named on no page or certificate
    second = submit(contest, d1, own, name=WILAI)
    assert (second.pk, second.name_th, second.state, second.version) == (first.pk, WILAI, "active", 3)
    assert list(NomineeVersion.objects.filter(nominee=second).values_list("version", "name_th", "state")) == [
        (3, WILAI, "active"),
        (2, SOMCHAI, "withdrawn"),
        (1, SOMCHAI, "active"),
    ]
    assert selectors.nominees_by_unit(contest) == {d1.pk: second}


def test_withdrawing_with_no_nominee_standing_is_refused(it):
    contest, d1, _, own = it
    error = refusal(lambda: nominee_withdraw(user=own, contest=contest, unit=d1, now=OPEN))
    assert (str(error), error.code) == ("ไม่มีผู้ได้รับการเสนอชื่อให้ถอนรายชื่อ", "no_nominee")


def test_the_same_person_edited_is_still_checked(it):
    contest, d1, d2, own = it
    submit(contest, d1, own)
    assert refusal(lambda: submit(contest, d1, own, office=d2.code)).field == "office"
    assert Nominee.objects.get().version == 1


def test_a_nominating_contest_whose_rubric_sets_no_eligibility_takes_anyone_but_one_per_office(db, chiang_mai):
    d1 = DistrictFactory(parent=chiang_mai)
    contest = office_contest("cm-web-2564", chiang_mai, d1, nominates=True).contest
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    assert contest.nominee_rules == {}
    nominee = nominee_submit(user=organiser, contest=contest, unit=d1, name_th=SOMCHAI, position_th="ลูกจ้าง", now=OPEN)
    assert (nominee.employment, nominee.office) == ("", None)
    hired = nominee_submit(
        user=organiser, contest=contest, unit=d1, name_th=SOMCHAI, position_th="ลูกจ้าง", employment="contractor",
        office=chiang_mai.code, now=OPEN,
    )  # fmt: skip
    assert (hired.employment, hired.office, hired.version) == ("contractor", chiang_mai, 2)
    error = refusal(
        lambda: nominee_submit(user=organiser, contest=contest, unit=d1, name_th=WILAI, position_th="ลูกจ้าง", now=OPEN)
    )
    assert error.code == "nominee_active"


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"employment": ["boss"]}, "contest.nominee.employment ต้องเป็นรายการจาก civil_servant, "),
        ({"employment": "civil_servant"}, "contest.nominee.employment ต้องเป็นรายการจาก"),
        ({"same_office": "yes"}, "contest.nominee.same_office ต้องเป็น true หรือ false"),
        ({"per_office": 2}, "contest.nominee.per_office ต้องเป็น 1 (สำนักงานละ ๑ คน) แต่ได้รับ 2"),
        ({"age": 30}, "contest.nominee: ไม่รู้จัก age"),
        ("civil_servant", "contest.nominee ต้องเป็นออบเจกต์"),
    ],
)
def test_a_bad_nominee_block_is_refused_thai_first(db, chiang_mai, block, message):
    data = itmodel_data(DistrictFactory(parent=chiang_mai).code)
    data["contest"]["nominee"] = block
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=data)
    assert f"การประกวด: {message}" in str(exc.value)


def test_a_nominee_block_needs_a_nominating_contest(db, chiang_mai):
    data = itmodel_data(DistrictFactory(parent=chiang_mai).code)
    data["contest"]["nominates"] = False
    with pytest.raises(RubricError) as exc:
        services.rubric_load(data=data)
    assert "contest.nominee ใช้ได้เฉพาะการประกวดที่มีการเสนอชื่อบุคคล (contest.nominates เป็น true)" in str(exc.value)
