"""What a document requires, answered by the entrant on its criterion page: the answers are its own
facts, checked as an import's, and the page says which requirement still fails and what the answers give."""

import html as html_lib
import re

import pytest
from django.urls import reverse

from people.models import Role
from scoring.models import Fact, FactChange, FactSource
from tests.factories import QUESTIONS, DistrictFactory, UserFactory, requirements_contest


@pytest.fixture
def setting(client, phuket):
    district, other = DistrictFactory(parent=phuket), DistrictFactory(parent=phuket)
    rubric = requirements_contest(phuket, district, other)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    page = reverse("submissions:criterion", args=[rubric.key, district.code, "1.1"])
    return rubric, district, other, page


def _text(html: str, ident: str) -> str:
    found = re.search(rf'id="{ident}"[^>]*>(.*?)</(?:ul|p|form)>', html, re.S)
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split())) if found else ""


def test_the_entrant_answers_and_sees_which_requirement_still_fails(client, setting):
    rubric, district, _, page = setting

    html = client.get(page).content.decode()
    # Nothing answered: each stated requirement not met yet, the panel's own check named without a verdict.
    assert _text(html, "requirements") == (
        "✗ ยังไม่ผ่าน: หมู่บ้านที่มีตัวแทนเข้าร่วมประชุมอย่างน้อย ๑ คน: ยังไม่ได้ตอบ ✗ ยังไม่ผ่าน: ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว: ยังไม่ได้ตอบ"
    )
    assert _text(html, "panel-checks") == "คณะกรรมการตรวจจากหลักฐาน: มีรายงานการประชุม"
    assert 'name="q-minutes"' not in html  # the panel's question is not the entrant's to answer

    answers = reverse("submissions:answers", args=[rubric.key, district.code, "1.1"])
    response = client.post(answers, {"q-villages": "๘", "q-represented": "7", "q-areas": "1", "q-minutes": "yes"})

    assert response.status_code == 302 and response.url == page
    stored = dict(Fact.objects.filter(rubric=rubric, unit=district).values_list("name", "value"))
    assert stored == {"villages": "๘", "represented": "7", "areas": "1"}  # never the panel's "minutes"
    assert set(FactChange.objects.filter(fact__rubric=rubric).values_list("source", flat=True)) == {FactSource.ENTRANT}
    html = client.get(page).content.decode()
    assert "บันทึกคำตอบแล้ว" in html
    assert _text(html, "requirements") == (
        "✗ ยังไม่ผ่าน: หมู่บ้านที่มีตัวแทนเข้าร่วมประชุมอย่างน้อย ๑ คน ๗ < จำนวนหมู่บ้านในตำบล ๘ "
        "✓ ผ่าน: ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว: ครบทั้ง ๕ ด้าน"
    )
    # The answers come back in their boxes.
    assert 'value="๘"' in html or 'value="8"' in html
    assert re.search(r'<option value="1" selected>ครบทั้ง 5 ด้าน</option>', html)

    client.post(answers, {"q-villages": "8", "q-represented": "8", "q-areas": "1"})
    html = client.get(page).content.decode()
    assert _text(html, "requirements").startswith("✓ ผ่าน: หมู่บ้านที่มีตัวแทนเข้าร่วมประชุมอย่างน้อย ๑ คน ๘ ≥")


def test_an_unreadable_answer_is_refused_by_name_and_nothing_is_kept(client, setting):
    rubric, district, _, _ = setting
    answers = reverse("submissions:answers", args=[rubric.key, district.code, "1.1"])

    response = client.post(answers, {"q-villages": "แปด", "q-represented": "7", "q-areas": "3"}, follow=True)

    html = response.content.decode()
    assert "จำนวนหมู่บ้านในตำบล ต้องเป็นตัวเลข แต่ได้รับ “แปด”" in html
    assert "ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว ต้องเป็นหมายเลขตัวเลือก (1 ครบทั้ง 5 ด้าน; 2 บางด้าน)" in html
    assert not Fact.objects.filter(rubric=rubric).exists()


def test_only_the_entrant_s_own_staff_answer(client, setting, phuket):
    rubric, district, other, _ = setting
    theirs = reverse("submissions:answers", args=[rubric.key, other.code, "1.1"])

    assert client.post(theirs, {"q-villages": "8"}).status_code == 404  # another district: as if absent
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=phuket))
    mine = reverse("submissions:answers", args=[rubric.key, district.code, "1.1"])
    assert client.post(mine, {"q-villages": "8"}).status_code == 403  # the organiser sees, does not answer
    client.logout()
    assert client.post(mine, {"q-villages": "8"}).status_code == 302  # to the sign-in
    assert not Fact.objects.filter(rubric=rubric).exists()


def test_answers_that_decide_alone_give_their_points_on_the_page(client, phuket):
    district = DistrictFactory(parent=phuket)
    questions = {k: v for k, v in QUESTIONS.items() if k != "minutes"}
    rubric = requirements_contest(phuket, district, questions=questions)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    answers = reverse("submissions:answers", args=[rubric.key, district.code, "1.1"])

    client.post(answers, {"q-villages": "8", "q-represented": "8", "q-areas": "2"})

    page = client.get(reverse("submissions:criterion", args=[rubric.key, district.code, "1.1"])).content.decode()
    assert _text(page, "answers-outcome") == ("ผลตามคำตอบ: ไม่ผ่าน: ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว: บางด้าน → ๐ คะแนน")
