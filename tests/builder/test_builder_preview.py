"""The builder's live preview: the explanation an entrant will read for the rule as typed, for
the facts typed or, none typed, example ones; nothing is saved. Who may: whoever may build a contest."""

import json

import pytest

from builder.prefill import to_form
from people.models import Role
from rubrics.models import ContestPeriod
from tests.builder.builder_people import sign_in
from tests.factories import UserFactory

PREVIEW = "/standings/contests/build/preview/"
SEED = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())


@pytest.fixture
def organiser(db, chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


def test_the_explanation_follows_the_facts_typed(client, organiser):
    client.force_login(organiser)
    form = to_form(SEED)
    form.update({"criterion": "d3c0-", "d3c0-fact-points": "27"})
    before = ContestPeriod.objects.count()
    html = client.post(PREVIEW, form).content.decode()
    assert "กรรมการให้ 27 จาก 30 คะแนน → 27 คะแนน" in html
    assert "<form" not in html  # the criterion's part only, for the page's script to put in place
    assert ContestPeriod.objects.count() == before


def test_the_explanation_follows_the_rule_as_typed(client, organiser):
    client.force_login(organiser)
    form = to_form(SEED)
    form.update({"criterion": "d3c0-", "d3c0-fact-points": "27", "d3c0-max_points": "20", "d3-max_points": "20"})
    assert "คะแนนที่กรรมการให้ 27 เกินค่าสูงสุด 20 → 0 คะแนน" in client.post(PREVIEW, form).content.decode()


def test_with_no_facts_typed_an_example_is_explained(client, db):
    client.force_login(UserFactory(role=Role.CENTRAL))
    form = to_form(json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read()))
    form.update({"criterion": "d0c0-", "d0c0-deadline": "20/07/2568"})
    html = client.post(PREVIEW, form).content.decode()
    assert "(ข้อมูลตัวอย่าง)" in html  # said to be an example, its figures in the boxes to change
    assert 'name="d0c0-fact-data_uses" value="5"' in html
    assert "<strong>๕ คะแนน</strong> · ระดับ A: การขอยื่นใช้ข้อมูล จปฐ. ในเดือน ๕ ครั้ง ตั้งแต่ ๑;" in html


def test_a_rule_that_cannot_be_read_asks_for_it_to_be_corrected(client, organiser):
    client.force_login(organiser)
    form = to_form(SEED)
    form.update({"criterion": "d0c0-", "d0c0-kind": "done", "d0c0-kind_was": "done", "d0c0-r-points": "ยี่สิบ"})
    assert "แก้ไขเกณฑ์ข้างบนก่อน" in client.post(PREVIEW, form).content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [("other_organiser", 200), ("central", 200), ("committee", 403), ("panelist", 403), ("anonymous", 302)],
)
def test_who_may_preview(client, phuket, chiang_mai, who, status):
    sign_in(client, who, chiang_mai=chiang_mai, phuket=phuket)
    form = to_form(SEED)
    form.update({"criterion": "d3c0-", "d3c0-fact-points": "27"})
    response = client.post(PREVIEW, form)
    assert response.status_code == status
    assert ("→ 27 คะแนน" in response.content.decode()) == (status == 200)


def test_an_unknown_criterion_is_not_found(client, organiser):
    client.force_login(organiser)
    assert client.post(PREVIEW, {**to_form(SEED).dict(), "criterion": "d9c9-"}).status_code == 404
    assert client.get(PREVIEW).status_code == 405
