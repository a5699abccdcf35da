"""A panelist reads what the document requires beside the evidence: the entrant's answers with their
verdicts, and the panel's own question, which the member ticks; the points follow from both."""

import html as html_lib
import re

from django.urls import reverse

from committee import services
from committee.models import Judgment
from core.thai import thai_digits
from people.models import Role
from submissions.services import answers_submit
from tests.factories import DistrictFactory, UserFactory, requirements_contest


def _requirements(page: str) -> list[str]:
    box = re.search(r'<div class="sc-box" id="requirements">(.*?)</div>', page, re.S)
    assert box is not None
    items = re.findall(r"<li.*?</li>", box.group(1))
    return [html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", li).split())) for li in items]


def test_the_panelist_sees_each_requirement_with_its_verdict_and_ticks_its_own(client, phuket):
    district = DistrictFactory(parent=phuket)
    rubric = requirements_contest(phuket, district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=phuket)
    member = UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
    services.panelist_appoint(by=organiser, contest=rubric.contest, user=member)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    answers_submit(user=staff, rubric=rubric, unit=district, criterion_code="1.1",
                   answers={"villages": "8", "represented": "8", "areas": "1"})  # fmt: skip
    client.force_login(member)
    url = reverse("admin:committee_score", args=[rubric.key, district.code, "1.1"])

    assert _requirements(client.get(url).content.decode()) == [
        "• จำนวนหมู่บ้านในตำบล: ๘",
        "✓ ผ่าน หมู่บ้านที่มีตัวแทนเข้าร่วมประชุมอย่างน้อย ๑ คน ๘ ≥ จำนวนหมู่บ้านในตำบล ๘",
        "✓ ผ่าน ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว: ครบทั้ง ๕ ด้าน",
        "✗ ยังไม่ผ่าน มีรายงานการประชุม: คณะกรรมการยังไม่ได้ตรวจ (คณะกรรมการตรวจ)",
    ]
    response = client.post(url, {"action": "judge", "items": ["minutes"], "expected_version": "0"})

    assert response.status_code == 302
    assert Judgment.objects.get(member=member).points == 10  # every requirement met: full points
    assert _requirements(client.get(url).content.decode())[-1] == ("✓ ผ่าน มีรายงานการประชุม: ใช่ (คณะกรรมการตรวจ)")


def test_answers_that_fit_no_row_are_flagged_on_the_panel_s_matrix_until_it_decides(client, phuket):
    """Decision 13: a grade the document's table does not give is the panel's to decide, and its matrix says so."""
    from committee.services import override_record

    district, other = DistrictFactory(parent=phuket), DistrictFactory(parent=phuket)
    questions = {
        "improved": {"th": "ปรับปรุงความถูกต้องของข้อมูล"},
        "partners": {"th": "ส่งเสริมร่วมกับ", "answer": "choice", "choices": "ทุกภาคีเครือข่าย; หน่วยงานระดับอำเภอ; ไม่มี"},
    }
    levels = [
        {"grade": "A", "points": "10", "when": "improved=yes, partners=1"},
        {"grade": "B", "points": "8", "when": "partners=2"},
    ]
    rubric = requirements_contest(phuket, district, other, questions=questions, levels=levels)
    for unit, partners in ((district, "3"), (other, "2")):
        staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
        answers_submit(user=staff, rubric=rubric, unit=unit, criterion_code="1.1",
                       answers={"improved": "yes", "partners": partners})  # fmt: skip
    organiser = UserFactory(role=Role.ORGANISER, role__unit=phuket)
    chair = UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
    services.panelist_appoint(by=organiser, contest=rubric.contest, user=chair, is_chair=True)
    client.force_login(chair)
    url = reverse("admin:committee_matrix") + f"?year={rubric.key}"

    page = client.get(url).content.decode()
    row = re.search(rf"<tr><th class=\"prov\">{thai_digits(district.name_th)}.*?</tr>", page, re.S).group(0)
    assert 'class="badge b-decide"' in row
    fine = re.search(rf"<tr><th class=\"prov\">{thai_digits(other.name_th)}.*?</tr>", page, re.S).group(0)
    assert 'class="badge b-decide"' not in fine  # B: the table decides
    only = client.get(url + "&status=decide").content.decode()
    assert thai_digits(district.name_th) in only and thai_digits(other.name_th) not in only

    override_record(
        member=chair,
        rubric=rubric,
        unit=district,
        criterion_code="1.1",
        points="8",
        reason="ส่งเสริมร่วมกับ อปท. เทียบเท่าหน่วยงานระดับอำเภอ",
        expected_version=0,
    )  # fmt: skip
    page = client.get(url).content.decode()
    row = re.search(rf"<tr><th class=\"prov\">{thai_digits(district.name_th)}.*?</tr>", page, re.S).group(0)
    assert 'class="badge b-decide"' not in row and 'class="badge b-final"' in row
