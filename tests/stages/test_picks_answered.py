"""A picked subdistrict answers its guide through the office that picked it (seed 002: the district "คัดเลือก" it,
the district and province "เตรียมความพร้อมและขับเคลื่อน" its work; a subdistrict has no staff, and no account may
belong to it): the picking office's organisers send its files and answer what its document requires, each answer
recorded under their name; nobody else's office may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from scoring.models import Fact
from submissions.services import answers_submit
from tests.factories import PASSWORD
from tests.stages.stage_support import load_chain, organiser
from tests.stages.test_stages import pick

pytestmark = pytest.mark.django_db
DISTRICT = "/standings/stages/model-subdistrict-2565/"


@pytest.fixture
def picked(db, clock):
    clock(2021, 12, 1, 10, 0)
    chain = load_chain()
    mae_rim = organiser(chain.mae_rim)
    pick(mae_rim, chain.district_stage, chain.rim_nua)
    return chain, mae_rim, chain.district_stage.rubrics.get()


def _answer(user, rubric, unit, villages: str):
    return answers_submit(
        user=user, rubric=rubric, unit=unit, criterion_code="1.2", answers={"villages": villages, "represented": "8"}
    )


def test_the_picking_district_answers_for_its_pick_recorded_under_its_organisers_name(picked):
    chain, mae_rim, rubric = picked

    _answer(mae_rim, rubric, chain.rim_nua, "8")
    _answer(mae_rim, rubric, chain.rim_nua, "9")  # and again: the answer changes, its author recorded again

    facts = Fact.objects.filter(rubric=rubric, unit=chain.rim_nua, criterion__code="1.2").order_by("name")
    assert [(f.name, f.value, f.updated_by) for f in facts] == [
        ("represented", "8", mae_rim),
        ("villages", "9", mae_rim),
    ]


@pytest.mark.parametrize("who", ["another_district", "its_unpicked_sibling"])
def test_no_other_office_answers_for_a_pick_nor_the_picker_for_a_subdistrict_it_did_not_pick(picked, who):
    chain, mae_rim, rubric = picked
    user, unit = (organiser(chain.hang_dong), chain.rim_nua) if who == "another_district" else (mae_rim, chain.rim_tai)

    with pytest.raises(PermissionDenied):
        _answer(user, rubric, unit, "8")

    assert not Fact.objects.filter(rubric=rubric, unit=unit).exists()


def test_the_stage_page_leads_the_picker_to_its_pick_s_pages_where_it_sends_and_answers(client, picked):
    chain, mae_rim, rubric = picked
    client.login(username=mae_rim.username, password=PASSWORD)
    pick_page = reverse("submissions:unit", args=[rubric.key, chain.rim_nua.code])

    stage = client.get(DISTRICT).content.decode()
    form = client.get(reverse("submissions:criterion", args=[rubric.key, chain.rim_nua.code, "1.2"])).content.decode()

    picks = stage.split('<ul id="picks">', 1)[1].split("</ul>", 1)[0]
    assert f'<a href="{pick_page}" class="answer-for">ส่งหลักฐานและคำตอบแทนตำบล</a>' in picks
    assert 'id="answers-form"' in form and 'id="upload-form"' in form


def test_the_picks_criterion_page_says_its_answers_came_from_the_picking_office(client, picked):
    chain, mae_rim, rubric = picked
    client.login(username=mae_rim.username, password=PASSWORD)
    page = reverse("submissions:criterion", args=[rubric.key, chain.rim_nua.code, "1.2"])

    client.post(reverse("submissions:answers", args=[rubric.key, chain.rim_nua.code, "1.2"]), {"q-villages": "8"})

    said = client.get(page).content.decode().split('id="answered-by">', 1)[1].split("</p>", 1)[0]
    assert said == f"ตอบล่าสุดโดย {mae_rim.get_full_name() or mae_rim.username} (สำนักงานพัฒนาชุมชนอำเภอแม่ริมทดสอบ)"
