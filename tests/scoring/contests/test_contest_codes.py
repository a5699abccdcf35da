"""Contest and period codes are checked in the model layer and the database too, so the admin, an
import or the loader behind `bootstrap` (services.rubric_load) cannot store one the rubric file would refuse."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from contests.models import Contest, Level
from rubrics import services
from rubrics.models import ContestPeriod
from rulebook.spec import RubricError
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db
CHONBURI_WEB = "rubrics/rubric_files/chonburi-web-2564.json"
RESERVED = "รหัสที่ขึ้นต้นด้วย cdd4- สงวนไว้สำหรับการประกวดระดับประเทศ"


def web_file(**contest) -> dict:
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [], **contest}
    return data


def refused(data: dict) -> list[str]:
    before = (Contest.objects.count(), ContestPeriod.objects.count())
    with pytest.raises(RubricError) as info:
        services.rubric_load(data=data)
    assert (Contest.objects.count(), ContestPeriod.objects.count()) == before
    return info.value.messages


def test_the_loader_keeps_cdd4_codes_for_the_national_contest_of_their_year():
    assert refused(web_file(slug="cdd4-2599")) == [f"รหัสการประกวด “cdd4-2599”: {RESERVED}"]
    # A Department contest among subdistricts is no national one either (model-subdistrict-2565).
    assert "สงวนไว้" in refused(web_file(slug="cdd4-2599", organiser=None, entrant_level=Level.SUBDISTRICT))[0]
    # A second national contest of 2564 under another code: by_key("2564") would find two.
    national = web_file(slug="dept-web-2564", organiser=None, entrant_level=Level.PROVINCE)
    assert refused(national) == [
        "รหัสการประกวด “dept-web-2564”: การประกวดระดับประเทศ (ไม่มีผู้จัด ผู้เข้าประกวดระดับจังหวัด) ของปี 2564 ใช้รหัส cdd4-2564"
    ]
    periods = [{"code": "q1", "name_th": "ไตรมาส ๑", "name_en": "Q1"}]
    assert refused({**national, "contest": {**national["contest"], "slug": "cdd4-2564", "periods": periods}}) == [
        "การประกวด: การประกวดระดับประเทศไม่แบ่งรอบ"
    ]


def test_the_loader_refuses_an_organiser_that_is_no_provincial_office(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    assert refused(web_file(slug="cm-web-2564", organiser=district.dopa_code)) == [
        "การประกวด: contest.organiser ต้องเป็นรหัสจังหวัด ๒ "
        'หลักของกรมการปกครอง เช่น "50" หรือ null แต่ได้รับ '
        f"'{district.dopa_code}'"
    ]
    assert refused(web_file(slug="cm-web-2564", organiser="10")) == ["ไม่พบหน่วยงานผู้จัด 10"]


def test_the_model_layer_refuses_bad_codes_thai_first(chiang_mai):
    contest = Contest(
        slug="PT_Upper", name_th="ก", name_en="a", year=2566, organiser=chiang_mai, entrant_level="district"
    )
    with pytest.raises(ValidationError) as info:
        contest.full_clean()
    assert info.value.message_dict["slug"] == [
        "รหัสการประกวด “PT_Upper”: ต้องเป็นอักษร a–z ตัวเล็ก ตัวเลข หรือ - ขึ้นต้นด้วยอักษร ยาวไม่เกิน 60 ตัว"
    ]
    contest.slug = "cdd4-2599"
    with pytest.raises(ValidationError) as info:
        contest.full_clean()
    assert info.value.messages == ["รหัส cdd4-<ปี> เป็นของการประกวดระดับประเทศของปีนั้นเท่านั้น"]
    rubric = ContestPeriod.objects.get(year=2566)
    rubric.period = "../x"
    with pytest.raises(ValidationError) as info:
        rubric.full_clean()
    assert info.value.message_dict["period"][0].startswith("รหัสรอบ “../x”: ต้องเป็นอักษร a–z ตัวเล็ก")


@pytest.mark.parametrize(
    ("slug", "year", "organiser"),
    [
        ("cdd4-2599", 2599, True),  # an office's contest on a national code
        ("cdd4-2598", 2599, False),  # a national contest under another year's code
        ("dept-2599", 2599, False),  # a second national contest of a year
    ],
)
def test_the_database_refuses_a_national_code_off_its_contest(chiang_mai, slug, year, organiser):
    with pytest.raises(IntegrityError, match="contest_national_code"), transaction.atomic():
        Contest.objects.create(
            slug=slug, name_th="ก", name_en="a", year=year, organiser=chiang_mai if organiser else None,
            entrant_level=Level.DISTRICT if organiser else Level.PROVINCE,
        )  # fmt: skip


@pytest.fixture
def central_client(client, central_user):
    client.force_login(central_user)
    return client


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[" * 10_000, "ซ้อนกันลึกเกิน 20 ชั้น"),
        (json.dumps(web_file(slug="PT_Upper")), "รหัสการประกวด “PT_Upper”: ต้องเป็นอักษร a–z ตัวเล็ก"),
        (json.dumps(web_file(slug="cdd4-2599")), f"รหัสการประกวด “cdd4-2599”: {RESERVED}"),
    ],
)
def test_the_admins_rubric_form_refuses_them_too(central_client, raw, message):
    before = (Contest.objects.count(), ContestPeriod.objects.count())
    response = central_client.post(reverse("admin:rubrics_contestperiod_add"), {"data": raw})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["data"][0].startswith(message)
    assert (Contest.objects.count(), ContestPeriod.objects.count()) == before


def test_the_admin_copies_only_the_national_rubric_to_next_year(central_client, chiang_mai):
    office = services.rubric_load(data=web_file(slug="cm-web-2564", organiser="50"))
    response = central_client.post(
        reverse("admin:rubrics_contestperiod_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [office.pk]},
        follow=True,
    )
    assert [str(m) for m in response.context["messages"]] == ["cm-web-2564: คัดลอกได้เฉพาะเกณฑ์ระดับประเทศ"]
    assert not Contest.objects.filter(year=2565, slug="cdd4-2565").exists()
