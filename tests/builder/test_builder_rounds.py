"""A criterion's rounds in the builder (builder/rounds.py): shown as rows an organiser edits, kept when the
contest is saved again, an edited round stored, and what rulebook.rounds refuses said beside them, Thai first."""

import json
import time

import pytest
from django.utils.datastructures import MultiValueDict

from builder.form import Builder
from builder.prefill import to_form
from builder.rounds import rounds_from_form
from people.models import Role
from rubrics import services
from rubrics.models import Criterion
from rubrics.selectors import contest_file
from tests.factories import DistrictFactory, UserFactory

BUILD = "/standings/contests/build/"
ROUNDS = [
    {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2021-07-31"},
    {"label_th": "รายเดือน", "label_en": "Monthly", "day": 15, "from": "2021-08", "to": "2021-09"},
]


@pytest.fixture
def contest(db, chiang_mai):
    """Seed 001's website contest, run by Chiang Mai, its criterion 1.1 asked in rounds."""
    d1 = DistrictFactory(parent=chiang_mai)
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [d1.code]}
    data["dimensions"][0]["criteria"][0]["rounds"] = ROUNDS
    return services.rubric_load(data=data)


@pytest.fixture
def organiser_client(client, contest, chiang_mai):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    return client


def _post(client, form: MultiValueDict):
    """As the page posts it: every row's boxes (a MultiValueDict's items() would give each box's last)."""
    return client.post(BUILD, dict(form.lists()))


def _rounds() -> list:
    return Criterion.objects.get(rubric__contest__slug="cm-web-2564", code="1.1").rounds


def test_the_rounds_are_rows_of_boxes_and_come_back_as_written() -> None:
    data = {"year": 2564, "dimensions": [{"code": "1", "criteria": [{"code": "1.1", "rounds": ROUNDS}]}]}
    form = to_form(data)
    assert form.getlist("d0c0-round_label_th") == ["ครั้งที่ ๑", "รายเดือน"]
    assert form.getlist("d0c0-round_due") == ["31/07/2564", ""]
    assert form.getlist("d0c0-round_day") == ["", "15"]
    assert form.getlist("d0c0-round_from") == ["", "2021-08"]
    assert "rounds" not in form["d0c0-more"]
    builder = Builder(form)
    assert builder.data()["dimensions"][0]["criteria"][0]["rounds"] == ROUNDS
    assert not builder.problems.at


def test_rounds_the_rows_cannot_hold_stay_in_the_json_box_as_written() -> None:
    odd = [{"label_th": "ครั้งที่ ๑", "due": "2021-07-31", "note": "?"}]
    form = to_form({"dimensions": [{"code": "1", "criteria": [{"code": "1.1", "rounds": odd}]}]})
    assert form.getlist("d0c0-round_label_th") == []
    assert json.loads(form["d0c0-more"]) == {"rounds": odd}


def test_a_contest_with_rounds_saved_again_through_the_builder_keeps_them(organiser_client, contest):
    page = organiser_client.get(f"{BUILD}?from=contest:cm-web-2564").content.decode()
    assert 'name="d0c0-round_label_th" value="ครั้งที่ ๑"' in page and 'name="d0c0-round_due" value="31/07/2564"' in page
    form = to_form(contest_file(contest))
    form.update({"action": "save", "reason": "รอบการส่งตามหนังสือกรม"})
    assert _post(organiser_client, form).status_code == 302
    assert _rounds() == ROUNDS


def test_an_edited_round_is_stored(organiser_client, contest):
    form = to_form(contest_file(contest))
    form.setlist("d0c0-round_label_th", ["ครั้งที่ ๑", "รายเดือน", "ครั้งสุดท้าย"])  # a third typed in the blank row
    form.setlist("d0c0-round_label_en", ["Report 1", "Monthly", ""])
    form.setlist("d0c0-round_due", ["15/08/2564", "", "30/09/2564"])
    form.setlist("d0c0-round_day", ["", "15", ""])
    form.setlist("d0c0-round_from", ["", "2021-08", ""])
    form.setlist("d0c0-round_to", ["", "2021-10", ""])
    form.update({"action": "save", "reason": "รอบการส่งตามหนังสือกรม"})
    assert _post(organiser_client, form).status_code == 302
    assert _rounds() == [
        {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2021-08-15"},
        {"label_th": "รายเดือน", "label_en": "Monthly", "day": 15, "from": "2021-08", "to": "2021-10"},
        {"label_th": "ครั้งสุดท้าย", "due": "2021-09-30"},
    ]


def test_a_round_rulebook_refuses_is_said_beside_the_rounds_thai_first_and_nothing_is_saved(organiser_client, contest):
    form = to_form(contest_file(contest))
    form.setlist("d0c0-round_day", ["", "40"])
    form.update({"action": "save", "reason": "รอบการส่งตามหนังสือกรม"})
    response = _post(organiser_client, form)
    assert response.status_code == 400
    assert "รอบที่ 2: “day” ต้องเป็นวันที่ของเดือน ๑ ถึง ๓๑" in response.content.decode()
    assert _rounds() == ROUNDS


def test_a_blank_row_is_no_round() -> None:
    form = MultiValueDict({"dims": ["1"], "d0-crits": ["1"], "d0c0-code": ["1.1"]})
    form.setlist("d0c0-round_label_th", ["", " "])
    form.setlist("d0c0-round_due", ["", ""])
    assert "rounds" not in Builder(form).data()["dimensions"][0]["criteria"][0]


def test_the_page_offers_a_button_to_add_a_round_in_the_page(organiser_client, contest):
    """Hidden until the page's script shows it (static/scoring/builder.js copies the blank last row); without the
    script the blank row stays, and checking offers the next."""
    page = organiser_client.get(BUILD, {"from": "contest:cm-web-2564"}).content.decode()

    section = page[page.index('id="rounds-d0c0-"') :]
    section = section[: section.index("</details>")]
    assert section.count('class="round-row"') == 3  # the two rounds and a blank row
    assert '<button type="button" class="secondary add-round" hidden>เพิ่มรอบการส่ง</button>' in section


@pytest.mark.parametrize("odd", ["²", "١", "๒", "①", "𝟚"])
def test_a_round_day_in_another_scripts_digits_is_refused_beside_the_rounds(organiser_client, contest, odd):
    form = to_form(contest_file(contest))
    form.setlist("d0c0-round_day", ["", odd])
    form.update({"action": "save", "reason": "รอบการส่งตามหนังสือกรม"})
    response = _post(organiser_client, form)
    assert response.status_code == 400
    assert "รอบที่ 2: “day” ต้องเป็นวันที่ของเดือน ๑ ถึง ๓๑" in response.content.decode()
    assert _rounds() == ROUNDS


def test_a_series_over_every_year_typed_in_the_boxes_is_refused_before_it_is_made() -> None:
    form = MultiValueDict({"p-round_label_th": ["รายเดือน"], "p-round_day": ["15"]})
    form.setlist("p-round_from", ["0001-01"])
    form.setlist("p-round_to", ["9999-12"])
    for key in ("label_en", "due"):
        form.setlist(f"p-round_{key}", [""])
    refused: list[str] = []
    started = time.process_time()
    rounds_from_form(form, "p-", None, lambda name, text: refused.append(text))
    assert time.process_time() - started < 0.05  # expanded month by month first, it took 0.8 s
    assert refused == [
        "รอบที่ 1: “from” และ “to” ต้องเป็นเดือนแบบ 2023-04 เรียงจากก่อนไปหลัง"
        " / round 1: “from” and “to” must be months like 2023-04, in order"
    ]


def test_rows_past_the_cap_are_not_read() -> None:
    form = MultiValueDict({"p-round_label_th": ["x"] * 5000, "p-round_due": ["31/03/2566"] * 5000})
    for key in ("label_en", "day", "from", "to"):
        form.setlist(f"p-round_{key}", [""] * 5000)
    refused: list[str] = []
    assert len(rounds_from_form(form, "p-", None, lambda name, text: refused.append(text))) == 25
    assert refused == ["ตัวชี้วัดหนึ่งมีได้ไม่เกิน 24 รอบ / at most 24 rounds per criterion"]
