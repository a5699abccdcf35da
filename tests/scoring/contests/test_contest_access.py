"""Isolation for contests run by a provincial office: every page as the office that runs it,
another province's organiser, the district offices, the Department's roles and anonymous."""

import json

import pytest

from contests.models import Unit
from people.models import Role
from rubrics import services
from tests.factories import DistrictFactory, UserFactory

CHONBURI_WEB = "rubrics/rubric_files/chonburi-web-2564.json"


@pytest.fixture
def contest(db, chiang_mai):
    """Seed 001's website contest, run by Chiang Mai among two district offices of its own."""
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [d1.code, d2.code]}
    rubric = services.rubric_load(data=data)
    return rubric, d1, d2


@pytest.fixture
def people(contest, chiang_mai, phuket):
    _, d1, d2 = contest
    return {
        "central": UserFactory(role=Role.CENTRAL),
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "district": UserFactory(role=Role.OFFICE_STAFF, role__unit=d1),
        "other_district": UserFactory(role=Role.OFFICE_STAFF, role__unit=d2),
        "provincial": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "committee": UserFactory(role=Role.COMMITTEE),
        "anonymous": None,
    }


# Another office's contest or unit is a 404, never a 403: nobody learns what exists elsewhere.
RUN = {"central": 200, "organiser": 200, "anonymous": 302}
UNIT = {"central": 200, "organiser": 200, "district": 200, "anonymous": 302}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("/standings/cm-web-2564/", RUN),
        ("/standings/cm-web-2564/calendar/", RUN),
        ("/awards/years/cm-web-2564/", RUN),
        ("/years/cm-web-2564/provinces/{d1}/", UNIT),
        ("/years/cm-web-2564/provinces/{d1}/criteria/1.1/", UNIT),
    ],
)
def test_every_role_meets_the_contest_as_designed(client, people, contest, page, expected):
    _, d1, _ = contest
    url = page.format(d1=d1.code)
    for who, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        assert (who, client.get(url).status_code) == (who, expected.get(who, 404))


def test_a_unit_outside_the_contest_has_no_page_in_it(client, people, contest, chiang_mai):
    outsider = DistrictFactory(parent=chiang_mai)
    client.force_login(people["organiser"])
    assert client.get(f"/years/cm-web-2564/provinces/{outsider.code}/").status_code == 404
    # ... nor does a district in the national contest, whose entrants are the 76 provinces.
    client.force_login(people["central"])
    assert client.get(f"/years/2566/provinces/{contest[1].code}/").status_code == 404


def test_home_lists_the_contests_a_user_takes_part_in(client, people, contest):
    _, d1, _ = contest
    client.force_login(people["organiser"])
    page = client.get("/").content.decode()
    assert 'href="/standings/cm-web-2564/"' in page
    client.force_login(people["other_organiser"])
    assert "cm-web-2564" not in client.get("/").content.decode()
    client.force_login(people["district"])  # one contest: straight to the district's page in it
    assert client.get("/")["Location"] == f"/years/cm-web-2564/provinces/{d1.code}/"


def test_the_organiser_sees_its_districts_only(people, contest, chiang_mai):
    from contests.actor import actor_of
    from contests.scopes import organised_units, visible_entrants, visible_units

    rubric, d1, d2 = contest
    assert set(visible_units(actor_of(people["organiser"]))) == {
        Unit.objects.get(pk=d1.pk),
        Unit.objects.get(pk=d2.pk),
    }
    assert set(organised_units(actor_of(people["organiser"]))) == {chiang_mai, d1, d2}
    assert set(visible_entrants(actor_of(people["district"]), rubric.contest)) == {Unit.objects.get(pk=d1.pk)}


def test_only_who_runs_the_contest_imports_its_facts(client, people, contest):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _, d1, _ = contest
    sheet = f"entrant,criterion,fact,value\n{d1.code},1.1,score,15\n".encode()
    expected = {"organiser": 302, "central": 302, "anonymous": 302}  # a small sheet: to the login page
    for who, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        upload = SimpleUploadedFile("facts.csv", sheet, content_type="text/csv")
        response = client.post("/standings/cm-web-2564/facts/", {"file": upload})
        assert (who, response.status_code) == (who, expected.get(who, 404))


def test_the_api_gives_a_contest_to_who_runs_it(api, people, contest):
    _, d1, d2 = contest
    expected = {"central": 200, "organiser": 200, "anonymous": 401}
    for url in ("/api/v1/contests/cm-web-2564/standings/", "/api/v1/years/cm-web-2564/standings/"):
        for who, user in people.items():
            api.force_authenticate(user)
            assert (who, url, api.get(url).status_code) == (who, url, expected.get(who, 404))
    api.force_authenticate(people["organiser"])
    rows = api.get("/api/v1/contests/cm-web-2564/standings/").json()
    assert sorted(r["entrant"] for r in rows) == sorted([d1.code, d2.code])
    assert set(rows[0]) >= {"entrant", "name", "rank", "total", "dimensions", "criteria", "award", "tied"}


def _upload(client, data) -> object:
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = json.dumps(data, ensure_ascii=False).encode()
    return client.post("/standings/contests/", {"file": SimpleUploadedFile("rubric.json", body)})


def test_an_organiser_creates_its_own_contest_from_a_rubric_file(client, people, contest, chiang_mai):
    from contests.models import Contest

    _, d1, _ = contest
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    # Whatever the file says, the contest is the organiser's own office's.
    data["contest"] = {**data["contest"], "slug": "cm-web-2565", "organiser": "20", "entrants": [d1.code]}
    client.force_login(people["organiser"])
    response = _upload(client, data)
    assert response.status_code == 302 and response["Location"] == "/standings/cm-web-2565/"
    created = Contest.objects.get(slug="cm-web-2565")
    assert (created.organiser, list(created.entrants.all())) == (chiang_mai, [d1])
    assert 'href="/standings/cm-web-2565/"' in client.get("/").content.decode()


def test_a_contest_file_is_refused_whole_with_the_reason(client, people, contest, phuket):
    from contests.models import Contest

    kathu = DistrictFactory(parent=phuket)
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    client.force_login(people["organiser"])
    # A Phuket district is not Chiang Mai's: nothing is saved and the page says why, Thai first.
    data["contest"] = {**data["contest"], "slug": "cm-web-2566", "entrants": [kathu.code]}
    response = _upload(client, data)
    assert response.status_code == 400
    assert f"ผู้เข้าประกวด {kathu.code} ไม่อยู่ในจังหวัดของท่าน" in response.content.decode()
    assert not Contest.objects.filter(slug="cm-web-2566").exists()
    # Another office's contest code is not the organiser's to overwrite.
    client.force_login(people["other_organiser"])
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "entrants": []}
    response = _upload(client, data)
    assert "รหัสการประกวด cm-web-2564 ใช้ไม่ได้ กรุณาใช้รหัสใหม่ที่ขึ้นต้นด้วย" in response.content.decode()
    assert Contest.objects.get(slug="cm-web-2564").organiser.code == "TH-50"


def test_only_organisers_and_central_staff_save_contests(client, people):
    expected = {"organiser": 200, "other_organiser": 200, "central": 200, "anonymous": 302}
    for who, user in people.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        assert (who, client.get("/standings/contests/").status_code) == (who, expected.get(who, 403))
