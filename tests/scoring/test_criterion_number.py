"""A criterion keeps its document's own numbering wherever a person reads it, whatever code the portal
uses inside. Seed 003 numbers each mission's items under the mission's heading: mission ๑ has "๒.๒.๑ ครัวเรือนเป้าหมาย
ที่ตกเกณฑ์มิติด้านรายได้ ได้รับการช่วยเหลือเบื้องต้น" (code 1.2.2.1) and "๔) การตรวจสอบข้อมูล … (Extra Point)" (1.4);
mission ๘'s table has "๑.๓ จังหวัดมีการปรับปรุงข้อมูล/การบันทึกข้อมูลฐานข้อมูลงานพัฒนาชุมชนทุกฐาน" (8.1.3)."""

import json

import pytest
from django.urls import reverse

from people.models import Role
from rubrics.models import Criterion
from rubrics.selectors import rubric_data
from rulebook.spec import RubricError, parse_rubric
from tests.factories import UserFactory


def seed(name: str) -> dict:
    return json.loads(open(f"rubrics/rubric_files/{name}.json", encoding="utf-8").read())


@pytest.mark.parametrize(
    ("name", "code", "number"),
    [
        ("nongkhai-missions-2565", "1.2.2.1", "๒.๒.๑"),  # "๒.๒.๑ ครัวเรือนเป้าหมาย ที่ตกเกณฑ์มิติด้านรายได้"
        ("nongkhai-missions-2565", "1.4", "๔"),  # "๔) การตรวจสอบข้อมูล ให้แล้วเสร็จ … (Extra Point)"
        ("nongkhai-missions-2565", "8.1.3", "๑.๓"),  # mission ๘: "๑.๓ จังหวัดมีการปรับปรุงข้อมูล"
        ("nongkhai-missions-2565", "3.1", "๓"),  # mission ๓ is scored whole: the document numbers no item in it
        ("chonburi-web-2564", "4.1", "๔"),  # "๔. ความต่อเนื่องและเป็นปัจจุบันในการปรับปรุงเนื้อหาในเว็บไซต์ (๓๐ คะแนน)"
        ("chonburi-itmodel-2564", "1.3", "๓"),  # "๓. มีผลงานด้านการใช้เทคโนโลยีสารสนเทศ (IT) …"
        ("model-subdistrict-2565", "2.1", "2"),  # the scoring table: "2. การวิเคราะห์ข้อมูลและการจัดทำแผนพัฒนาระดับตำบล"
        ("ubon-milestones-2568", "4.1.1", "๔.๑"),  # "ประเด็นเน้นย้ำที่ ๔ … กิจกรรม ๔.๑ การบริหารจัดการจัดเก็บข้อมูล จปฐ."
    ],
)
def test_the_seed_rubrics_carry_the_documents_numbers(name, code, number):
    spec = parse_rubric(seed(name))
    assert (spec.criterion(code).number, spec.criterion(code).label) == (number, number)


def test_without_a_number_the_code_is_the_label():
    spec = parse_rubric(seed("2566"))
    assert {c.number for c in spec.criteria()} == {""}
    assert spec.criterion("2.1.1").label == "2.1.1"


def test_a_number_longer_than_20_is_refused():
    data = seed("chonburi-web-2564")
    data["dimensions"][0]["criteria"][0]["number"] = "๑" * 21
    with pytest.raises(RubricError) as exc:
        parse_rubric(data)
    assert "เกณฑ์ 1.1: “number” ยาวเกิน 20 ตัวอักษร" in str(exc.value)


def test_the_number_is_stored_and_given_back(missions):
    rubric, _ = missions
    stored = Criterion.objects.get(rubric=rubric, code="1.2.2.1")
    assert (stored.number, stored.label, str(stored)) == ("๒.๒.๑", "๒.๒.๑", f"๒.๒.๑ {stored.name_th}")
    back = {c["code"]: c.get("number") for d in rubric_data(rubric)["dimensions"] for c in d["criteria"]}
    assert (back["1.2.2.1"], back["1.4"], back["8.1.3"]) == ("๒.๒.๑", "๔", "๑.๓")


def test_the_evidence_page_shows_the_documents_number(client, missions):
    rubric, d1 = missions
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=d1))
    page = client.get(f"/years/{rubric.key}/provinces/{d1.code}/criteria/1.2.2.1/").content.decode()
    assert "<h1>ตัวชี้วัดที่ ๒.๒.๑ ครัวเรือนตกเกณฑ์มิติด้านรายได้ได้รับการช่วยเหลือเบื้องต้น</h1>" in page
    # Under its mission, as the document prints it: mission ๘ has a "๑.๑" too.
    assert '<p class="muted dimension-of">มิติที่ ๑ การขับเคลื่อนการดำเนินงานขจัดความยากจน' in page
    listing = client.get(f"/years/{rubric.key}/provinces/{d1.code}/").content.decode()
    assert "<strong>๒.๒.๑</strong>" in listing and "<strong>๔</strong>" in listing
    assert "๑.๒.๒.๑" not in listing  # the portal's code is not what the office reads


def test_the_committee_page_shows_the_documents_number(client, missions, chiang_mai):
    rubric, d1 = missions
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    page = client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.2.2.1"])).content.decode()
    # The admin reads codes in Thai digits as the portal does (cdd4.middleware.AdminDigitsMiddleware).
    assert "<h2>๒.๒.๑ ครัวเรือนตกเกณฑ์มิติด้านรายได้ได้รับการช่วยเหลือเบื้องต้น</h2>" in page
    matrix = client.get(reverse("admin:committee_matrix") + f"?year={rubric.key}").content.decode()
    assert '">๒.๒.๑</th>' in matrix and '">๑.๓</th>' in matrix
