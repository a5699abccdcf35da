"""A name that reaches a header (contest, period, criterion, round, unit, person, signer) holds no control
character (core.names): refused, Thai first, by the rubric parser (so by the file upload and the builder), the
admin's forms, the accounts sheet and the nominee form, whatever the character: a line break in a contest's name
once stalled the outbox."""

from __future__ import annotations

import copy
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import rubrics.selectors
from accounts.provision import accounts_provision
from core.errors import RowsError
from core.names import has_control
from core.sheets.tabular import read_rows
from people.models import Role
from rubrics.contest_spec import parse_rubric_file
from rulebook.spec import RubricError
from scoring import selectors
from tests.accounts.support import sheet
from tests.factories import DistrictFactory, UserFactory, office_contest

CONTROLS = ["\n", "\r", "\t", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u200e", "\u2028", "\u2029", "\ufeff"]
TH = "ชื่อต้องไม่มีการขึ้นบรรทัดใหม่"


@pytest.mark.parametrize("ch", CONTROLS)
def test_every_control_character_is_one(ch):
    assert has_control(f"การประกวด{ch}ดีเด่น")


@pytest.mark.parametrize("name", ["การประกวดเว็บไซต์ดีเด่น ๒๕๖๔", "Chiang Mai", "สำนักงานพัฒนาชุมชนอำเภอเมือง (๑)", "é ñ ü"])
def test_a_plain_name_is_none(name):
    assert not has_control(name)


def _file() -> dict:
    data = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())
    criterion = data["dimensions"][0]["criteria"][0]
    criterion["rounds"] = [{"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2024-12-31"}]
    data["awards"] = [{"code": "winner", "name_th": "รางวัลชนะเลิศ", "name_en": "Winner", "count": 1, "prize": "0"}]
    return data


def _set(data: dict, place: str, value: str) -> None:
    criterion = data["dimensions"][0]["criteria"][0]
    where = {
        "contest": (data, "name_th"),
        "contest_en": (data, "name_en"),
        "dimension": (data["dimensions"][0], "name_th"),
        "criterion": (criterion, "name_th"),
        "criterion_en": (criterion, "name_en"),
        "round": (criterion["rounds"][0], "label_th"),
        "round_en": (criterion["rounds"][0], "label_en"),
        "award": (data["awards"][0], "name_th"),
        "period": (data["contest"]["periods"][0], "name_th"),
    }
    box, key = where[place]
    box[key] = value


PLACES = ["contest", "contest_en", "dimension", "criterion", "criterion_en", "round", "round_en", "award", "period"]


def test_the_file_is_taken_with_its_names_plain():
    parse_rubric_file(_file())


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("ch", ["\n", "\r\n", "\t", "\u2028", "\u200b"])
def test_the_rubric_parser_refuses_a_name_with_a_control_character_thai_first(place, ch):
    data = _file()
    _set(data, place, f"การประกวด{ch}Bcc: x@example.com")
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(copy.deepcopy(data))
    assert any(TH in line for line in refused.value.messages), refused.value.messages


@pytest.fixture
def organiser(chiang_mai):
    return UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)


@pytest.fixture
def contest_file(chiang_mai) -> dict:
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    data = rubrics.selectors.contest_file(rubric)
    return {**data, "contest": {**data["contest"], "slug": "cm-web-2565"}}


def test_the_upload_refuses_a_contest_name_with_a_line_break_and_keeps_nothing(client, organiser, contest_file):
    client.force_login(organiser)
    raw = json.dumps({**contest_file, "name_th": "การประกวด\nดีเด่น"}, ensure_ascii=False).encode()
    response = client.post(reverse("rubrics:contest_upload"), {"file": SimpleUploadedFile("c.json", raw)})
    assert response.status_code == 400 and TH in response.content.decode()
    assert not selectors.ContestPeriod.objects.filter(contest__slug="cm-web-2565").exists()


def test_the_builder_refuses_a_criterion_name_with_a_line_break_beside_it(client, organiser, contest_file):
    from builder.prefill import to_form

    client.force_login(organiser)
    form = to_form(contest_file)
    form["d0c0-name_th"] = "เกณฑ์\r\nที่หนึ่ง"
    form["action"] = "save"
    response = client.post("/standings/contests/build/", dict(form.lists()))
    assert response.status_code == 400 and TH in response.content.decode()
    assert not selectors.ContestPeriod.objects.filter(contest__slug="cm-web-2565").exists()


@pytest.mark.parametrize(("field", "value"), [("first_name", "สมชาย\nBcc: x@example.com"), ("last_name", "ใจ\tดี")])
def test_the_user_admin_refuses_a_persons_name_with_a_control_character(client, db, field, value):
    client.force_login(UserFactory(role=Role.CENTRAL))
    data = {"username": "newperson", "email": "n@cdd.go.th", "first_name": "สมชาย", "last_name": "ใจดี", field: value}
    response = client.post(reverse("admin:auth_user_add"), data)
    assert response.status_code == 200 and TH in response.content.decode()
    assert not get_user_model().objects.filter(username="newperson").exists()


def test_the_accounts_sheet_refuses_a_name_with_a_line_break_on_its_row(central_user):
    rows = [["สมชาย\nใจดี", "a@cdd.go.th", "", "committee", ""]]
    with pytest.raises(RowsError) as refused:
        accounts_provision(by=central_user, rows=read_rows(sheet(rows), "a.csv"))
    assert [str(e) for e in refused.value.errors] == [f"แถวที่ 2: “name”: {TH_FULL}"]


TH_FULL = "ชื่อต้องไม่มีการขึ้นบรรทัดใหม่ แท็บ หรืออักขระควบคุมที่มองไม่เห็น พิมพ์ให้อยู่ในบรรทัดเดียว"
