"""Draft and open: a contest built on the pages is a draft until whoever runs it opens it; its
entrants meet it only once it is open. Rubric files and contests made before stay open, as they were."""

import json

import pytest

from builder.prefill import to_form
from contests.models import Contest, ContestState
from people.models import Role
from rubrics import services
from tests.factories import DistrictFactory, UserFactory

BUILD = "/standings/contests/build/"


@pytest.fixture
def office(db, chiang_mai, phuket):
    d1 = DistrictFactory(parent=chiang_mai)
    return {
        "district": d1,
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "entrant": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
    }


def _build(client, office) -> Contest:
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "chiangmai-web-2564", "entrants": [office["district"].code]}
    client.force_login(office["organiser"])
    response = client.post(BUILD, {**to_form(data), "action": "save"})
    assert response.status_code == 302
    return Contest.objects.get(slug="chiangmai-web-2564")


def test_a_built_contest_is_a_draft_its_entrants_do_not_meet(client, office):
    contest = _build(client, office)
    assert contest.state == ContestState.DRAFT
    dashboard = client.get("/standings/chiangmai-web-2564/").content.decode()
    assert 'id="contest-open"' in dashboard
    client.force_login(office["entrant"])
    assert client.get(f"/years/chiangmai-web-2564/provinces/{office['district'].code}/").status_code == 404
    assert "chiangmai-web-2564" not in client.get("/").content.decode()


def test_opening_asks_first_then_lets_its_entrants_in_and_once_is_enough(client, office):
    _build(client, office)
    dashboard = client.get("/standings/chiangmai-web-2564/").content.decode()
    assert "ผู้เข้าประกวดทุกแห่งจะเห็นการประกวดนี้และส่งหลักฐานได้ทันที" in dashboard  # what opening does
    unconfirmed = client.post("/standings/chiangmai-web-2564/open/", follow=True).content.decode()
    assert "ทำเครื่องหมายยืนยันก่อนเปิดการประกวด" in unconfirmed
    assert Contest.objects.get(slug="chiangmai-web-2564").state == ContestState.DRAFT
    assert client.post("/standings/chiangmai-web-2564/open/", {"confirm": "1"}).status_code == 302
    assert Contest.objects.get(slug="chiangmai-web-2564").state == ContestState.OPEN
    page = client.post("/standings/chiangmai-web-2564/open/", {"confirm": "1"}, follow=True).content.decode()
    assert "การประกวดนี้เปิดแล้ว" in page
    client.force_login(office["entrant"])
    assert client.get(f"/years/chiangmai-web-2564/provinces/{office['district'].code}/").status_code == 200


def test_another_office_cannot_open_it_nor_learn_it_exists(client, office):
    _build(client, office)
    client.force_login(office["other_organiser"])
    assert client.post("/standings/chiangmai-web-2564/open/", {"confirm": "1"}).status_code == 404
    assert Contest.objects.get(slug="chiangmai-web-2564").state == ContestState.DRAFT


def test_saving_an_open_contest_again_on_the_pages_keeps_it_open(client, office):
    _build(client, office)
    client.post("/standings/chiangmai-web-2564/open/", {"confirm": "1"})
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "chiangmai-web-2564", "entrants": [office["district"].code]}
    client.post(BUILD, {**to_form(data), "name_th": "ชื่อใหม่", "reason": "แก้ชื่อตามหนังสือ", "action": "save"})
    contest = Contest.objects.get(slug="chiangmai-web-2564")
    assert (contest.name_th, contest.state) == ("ชื่อใหม่", ContestState.OPEN)


def test_a_rubric_file_loads_an_open_contest_as_before(db, chiang_mai):
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "chiangmai-file-2564", "organiser": "50", "entrants": []}
    assert services.rubric_load(data=data).contest.state == ContestState.OPEN
