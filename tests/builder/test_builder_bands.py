"""Level bands in boxes: seed 003's "๐–๒๒ → ๑ … ๘๙–๑๑๐ → ๕" per mission, typed as rows
of from, to and level, never as JSON; a blank row is no band; a refusal is shown beside the bands."""

import json
from urllib.parse import urlencode

import pytest
from django.utils.datastructures import MultiValueDict

from builder.form import Builder
from builder.prefill import to_form
from people.models import Role
from tests.factories import UserFactory

NONG_KHAI = "rubrics/rubric_files/nongkhai-missions-2565.json"
BUILD = "/standings/contests/build/"
MISSION_1 = [
    {"min": "0", "max": "22", "level": 1},
    {"min": "23", "max": "44", "level": 2},
    {"min": "45", "max": "66", "level": 3},
    {"min": "67", "max": "88", "level": 4},
    {"min": "89", "max": "110", "level": 5},
]


def _nong_khai() -> dict:
    return json.loads(open(NONG_KHAI, encoding="utf-8").read())


def test_a_missions_bands_are_in_boxes_not_in_the_json_box():
    form = to_form(_nong_khai())

    assert form.getlist("d0-band_min") == ["0", "23", "45", "67", "89"]
    assert form.getlist("d0-band_max") == ["22", "44", "66", "88", "110"]
    assert form.getlist("d0-band_level") == ["1", "2", "3", "4", "5"]
    assert "level_bands" not in form["d0-more"]


def test_bands_typed_in_boxes_become_the_dimensions_bands_blank_rows_left_out():
    data = _nong_khai()
    del data["dimensions"][0]["level_bands"]
    form = to_form(data)
    rows = [("0", "22", "1"), ("", "", ""), ("23", "44", "2"), ("45", "66", "3"), ("67", "88", "4"), ("89", "110", "5")]
    for i, key in enumerate(("band_min", "band_max", "band_level")):
        form.setlist(f"d0-{key}", [row[i] for row in rows])

    assert Builder(form).data()["dimensions"][0]["level_bands"] == MISSION_1


def _check(client, user, form: MultiValueDict) -> str:
    client.force_login(user)
    form["action"] = "check"
    body = urlencode([(k, v) for k in form for v in form.getlist(k)])  # as the page posts it, not multipart
    return client.post(BUILD, body, content_type="application/x-www-form-urlencoded").content.decode()


def _bands_section(html: str, prefix: str) -> str:
    section = html[html.index(f'id="bands-{prefix}"') :]
    return section[: section.index("</details>")]


@pytest.fixture
def organiser(db, chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


def test_the_page_shows_each_band_and_one_blank_row_to_add_the_next(client, organiser):
    section = _bands_section(_check(client, organiser, to_form(_nong_khai())), "d0-")

    assert section.count('class="band-row"') == 6  # five levels and a blank row
    assert 'name="d0-band_min" value="89"' in section and 'name="d0-band_level" value="5"' in section
    assert '<button type="button" class="secondary add-band" hidden>เพิ่มระดับ</button>' in section


def test_bands_that_overlap_are_refused_beside_the_bands(client, organiser):
    form = to_form(_nong_khai())
    form.setlist("d0-band_min", ["0", "20", "45", "67", "89"])  # 20–22 would be level 1 and level 2

    section = _bands_section(_check(client, organiser, form), "d0-")

    assert "ช่วงระดับ 1 และ 2 ต้องเรียงจากน้อยไปมากและไม่ทับกัน" in section
