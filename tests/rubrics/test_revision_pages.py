"""A contest's revision history page and the reason box of the builder and the JSON upload: the
history to whoever runs the contest only; the pages ask the service's questions and keep what was typed."""

import copy
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from builder.prefill import to_form
from committee import panels
from people.models import Role
from rubrics import services
from rubrics.models import Criterion, RubricChange
from rubrics.selectors import contest_file
from tests.factories import DistrictFactory, UserFactory, office_contest
from tests.security.conftest import evidence_of, pdf_upload

BUILD = "/standings/contests/build/"
HISTORY = "/standings/cm-web-2564/changes/"


@pytest.fixture
def world(db, chiang_mai, phuket, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, d1)
    office_contest("pk-web-2564", phuket, DistrictFactory(parent=phuket))
    users = {
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "central": UserFactory(role=Role.CENTRAL),
        "other_office": UserFactory(role=Role.ORGANISER, role__unit=phuket),  # runs pk-web-2564
        "panelist": UserFactory(role=Role.OFFICE_STAFF, role__unit=d2),
        "entrant": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
        "committee": UserFactory(role=Role.COMMITTEE),
        "anonymous": None,
    }
    panels.panelist_appoint(by=users["organiser"], contest=rubric.contest, user=users["panelist"])
    data = copy.deepcopy(contest_file(rubric))
    data["dimensions"][0]["criteria"][0]["max_points"] = data["dimensions"][0]["max_points"] = "25"
    data["total_points"] = "105"
    services.contest_save(user=users["organiser"], data=data, reason="ตามหนังสือจังหวัด ที่ ชม 0019/2564")
    rubric.refresh_from_db()  # its total, 105 now
    return {"rubric": rubric, "users": users, "d1": d1}


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def test_only_whoever_runs_the_contest_reads_its_history(client, world):
    expected = {
        "organiser": 200, "central": 200, "other_office": 404, "panelist": 404, "entrant": 404,
        "committee": 404, "anonymous": 302,
    }  # fmt: skip
    got = {}
    for who, user in world["users"].items():
        _as(client, user)
        response = client.get(HISTORY)
        got[who] = response.status_code
        if response.status_code != 200:
            assert "ชม 0019/2564" not in response.content.decode()
    assert got == expected


def test_the_history_says_when_who_why_and_what_changed(client, world, django_assert_num_queries):
    data = contest_file(world["rubric"])
    data["name_th"] = "ชื่อใหม่"
    services.contest_save(user=world["users"]["central"], data=data, reason="แก้ชื่อ")
    _as(client, world["users"]["organiser"])
    # However many changes: one query for them, their users joined; +1 the organiser's navigation asks whether its
    # office runs a contest with a panel.
    # +1: the bell's unread count (notices); +1: the criteria, each linked to its page (where a deadline moves).
    with django_assert_num_queries(8):
        page = client.get(HISTORY).content.decode()
    assert page.index("แก้ชื่อ") < page.index("ชม 0019/2564")  # newest first
    change = RubricChange.objects.last()
    assert f'id="change-{change.pk}"' in page
    assert "ตามหนังสือจังหวัด ที่ ชม 0019/2564" in page
    assert "ตัวชี้วัด ๑ คะแนนเต็ม: ๒๐ → ๒๕</li>" in page and "maximum changed" not in page
    assert "คะแนนรวม: ๑๐๐ → ๑๐๕" in page
    assert world["users"]["organiser"].username in page
    assert "๒๕๖๙" in page  # when, in B.E. (the test runs in 2026)


def test_the_national_contests_history_is_central_staffs(client, world, rubric):
    _as(client, world["users"]["committee"])
    assert client.get("/standings/2566/changes/").status_code == 403
    _as(client, world["users"]["central"])
    assert client.get("/standings/2566/changes/").status_code == 200


def _builder_form(rubric, **changes):
    form = to_form(contest_file(rubric))
    form.update({"action": "save", **changes})
    return form


def test_the_builder_asks_an_open_contest_why_and_keeps_what_was_typed(client, world):
    _as(client, world["users"]["organiser"])
    form = _builder_form(world["rubric"], **{"d1-max_points": "30", "d1c0-max_points": "30", "total_points": "110"})
    page = client.get(BUILD + "?from=contest:cm-web-2564").content.decode()
    assert 'id="revision-box"' in page and 'href="/standings/cm-web-2564/changes/"' in page
    # Every text the criterion has travels in a box (the channel was lost on each save before: a "change").
    assert 'name="d0c0-channel_th" value="เว็บไซต์ของสำนักงาน' in page
    response = client.post(BUILD, form)
    assert response.status_code == 400
    page = response.content.decode()
    assert "การประกวดเปิดแล้ว กรุณาระบุเหตุผลของการแก้ไข" in page
    assert 'name="d1c0-max_points" value="30"' in page  # the typed change came back
    assert RubricChange.objects.count() == 1
    response = client.post(BUILD, {**form, "reason": "เพิ่มน้ำหนักข้อ ๒"})
    assert response.status_code == 302
    assert RubricChange.objects.first().reason == "เพิ่มน้ำหนักข้อ ๒"
    assert Criterion.objects.get(rubric=world["rubric"], code="2.1").max_points == Decimal("30")


def test_the_builder_lists_criteria_with_evidence_and_saves_once_confirmed(client, world):
    rubric, d1 = world["rubric"], world["d1"]
    evidence_of(pdf_upload("หลักฐาน"), user=world["users"]["entrant"], rubric=rubric, unit=d1, criterion_code="5.1")
    _as(client, world["users"]["organiser"])
    form = _builder_form(rubric, reason="ยกเลิกข้อ ๕", total_points="90")
    for key in [k for k in form if k.startswith("d4")]:
        del form[key]
    form["dims"] = "4"
    response = client.post(BUILD, form)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="revision-held"' in page and "หลักฐาน ๑ ไฟล์" in page and 'name="confirm"' in page
    assert ">ยกเลิกข้อ ๕</textarea>" in page
    assert client.post(BUILD, {**form, "confirm": "on"}).status_code == 302
    assert Criterion.all_objects.get(rubric=rubric, code="5.1").archived_at is not None
    # The archived criterion is gone from the pages that list the rubric; they still work.
    assert client.get("/standings/cm-web-2564/").status_code == 200
    _as(client, world["users"]["entrant"])
    assert client.get(f"/years/cm-web-2564/provinces/{d1.code}/").status_code == 200


def test_the_upload_carries_the_file_back_with_the_reason_box(client, world):
    _as(client, world["users"]["organiser"])
    data = contest_file(world["rubric"])
    data["name_th"] = "ชื่อใหม่"
    upload = SimpleUploadedFile("c.json", json.dumps(data, ensure_ascii=False).encode(), "application/json")
    response = client.post("/standings/contests/", {"file": upload})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="revision-box"' in page and "ชื่อใหม่" in page  # the file, as text in the form
    response = client.post("/standings/contests/", {"rubric_text": json.dumps(data), "reason": "แก้ชื่อ"})
    assert response.status_code == 302
    assert RubricChange.objects.first().reason == "แก้ชื่อ"


def test_the_builder_opened_on_the_national_contest_names_it_and_links_its_history(client, world, rubric):
    _as(client, world["users"]["central"])
    page = client.get(BUILD + "?from=contest:2566").content.decode()  # no code in the form: cdd4-2566's
    assert 'id="revision-box"' in page and 'href="/standings/2566/changes/"' in page
