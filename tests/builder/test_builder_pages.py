"""The contest builder's pages as the office that runs the contest, another office's organiser,
central staff, a panelist and anonymous; saving goes through the JSON upload's service, all or nothing."""

import json

import pytest

from builder.prefill import to_form
from contests.models import Contest
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod
from rubrics.selectors import contest_file
from tests.factories import DistrictFactory, UserFactory

CHONBURI_WEB = "rubrics/rubric_files/chonburi-web-2564.json"
BUILD = "/standings/contests/build/"


@pytest.fixture
def contest(db, chiang_mai):
    """Seed 001's website contest, run by Chiang Mai among two district offices of its own."""
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    data = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [d1.code, d2.code]}
    return services.rubric_load(data=data)


@pytest.fixture
def people(contest, chiang_mai, phuket):
    return {
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "central": UserFactory(role=Role.CENTRAL),
        "committee": UserFactory(role=Role.COMMITTEE),
        "anonymous": None,
    }


def _as(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"organiser": 200, "other_organiser": 200, "central": 200, "committee": 403, "anonymous": 302}),
        (
            "?from=contest:cm-web-2564",
            {"organiser": 200, "other_organiser": 404, "central": 200, "committee": 403, "anonymous": 302},
        ),
        (
            "?from=shipped:chonburi-web-2564",
            {"organiser": 200, "other_organiser": 200, "central": 200, "committee": 403, "anonymous": 302},
        ),
    ],
)
def test_every_role_meets_the_builder_as_designed(client, people, query, expected):
    for who, user in people.items():
        _as(client, user)
        assert (who, client.get(BUILD + query).status_code) == (who, expected[who])


def test_an_office_is_offered_its_own_contests_to_copy_and_no_one_elses(client, people):
    _as(client, people["organiser"])
    assert "?from=contest:cm-web-2564" in client.get(BUILD).content.decode()
    _as(client, people["other_organiser"])
    assert "cm-web-2564" not in client.get(BUILD).content.decode()


def test_a_copied_contest_saves_as_next_years_through_the_upload_service(client, people, contest):
    _as(client, people["organiser"])
    data = contest_file(contest)
    form = to_form(data)
    form.update({"slug": "cm-web-2565", "year": "2565", "starts_on": "01/07/2565", "ends_on": "30/09/2565"})
    form["name_th"] = "การประกวดเว็บไซต์ ปี ๒๕๖๕"
    form["action"] = "save"
    response = client.post(BUILD, form)
    assert response.status_code == 302
    saved = Contest.objects.get(slug="cm-web-2565")
    assert (saved.name_th, saved.year, saved.organiser.dopa_code) == ("การประกวดเว็บไซต์ ปี ๒๕๖๕", 2565, "50")
    again = contest_file(ContestPeriod.objects.by_key("cm-web-2565").get())
    assert again["dimensions"] == data["dimensions"]


def test_a_bad_parameter_is_refused_beside_its_field_and_nothing_is_saved(client, people, contest):
    _as(client, people["organiser"])
    form = to_form(contest_file(contest))
    form.update({"slug": "cm-web-2565", "d0c0-kind": "done", "d0c0-kind_was": "done", "d0c0-r-points": "ยี่สิบ"})
    form["action"] = "save"
    response = client.post(BUILD, form)
    assert response.status_code == 400
    assert "points ไม่ใช่ตัวเลข: &#x27;ยี่สิบ&#x27;" in response.content.decode()
    assert not Contest.objects.filter(slug="cm-web-2565").exists()


def test_sums_that_differ_are_refused_before_the_service_is_asked(client, people, contest):
    _as(client, people["organiser"])
    form = to_form(contest_file(contest))
    form.update({"slug": "cm-web-2565", "d0c0-max_points": "21", "action": "save"})
    response = client.post(BUILD, form)
    assert response.status_code == 400
    assert "ตัวชี้วัดรวมกันได้ 21 = 21 ไม่เท่ากับคะแนนเต็มของมิติ 20" in response.content.decode()
    assert not Contest.objects.filter(slug="cm-web-2565").exists()


def test_the_json_download_is_the_contest_as_built(client, people, contest):
    _as(client, people["organiser"])
    data = contest_file(contest)
    response = client.post(BUILD, {**to_form(data).dict(), "action": "download"} | {"entrants": []})
    assert response["Content-Disposition"] == 'attachment; filename="cm-web-2564.json"'


def test_a_preview_shows_the_points_and_explanation_and_saves_nothing(client, people, contest):
    _as(client, people["organiser"])
    form = to_form(contest_file(contest))
    form.update({"d3c0-fact-points": "27", "action": "preview:d3c0-"})
    before = ContestPeriod.objects.count()
    page = client.post(BUILD, form).content.decode()
    assert "กรรมการให้ 27 จาก 30 คะแนน → 27 คะแนน" in page
    assert ContestPeriod.objects.count() == before


def test_an_office_contest_copies_as_the_file_that_made_it(db, chiang_mai):
    d1 = DistrictFactory(parent=chiang_mai)
    data = json.loads(open("rubrics/rubric_files/chonburi-itmodel-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-itmodel-2564", "organiser": "50", "entrants": [d1.code]}
    copied = contest_file(services.rubric_load(data=data))
    assert copied["contest"] == data["contest"]
    assert [c["code"] for d in copied["dimensions"] for c in d["criteria"]] == [
        c["code"] for d in data["dimensions"] for c in d["criteria"]
    ]


def _thai_only(form: dict) -> dict:
    """The form with every English box left empty, as an office that types Thai alone leaves it."""
    return {k: ("" if k.endswith("name_en") or k.endswith("-prize") else v) for k, v in form.items()}


def test_thai_names_alone_pass_the_check_and_the_save_alike(client, people, contest):
    """The check ("ตรวจ") runs the save's own validation, so it never says fine of what "บันทึกการประกวด" then
    refuses; Thai names are enough, and an award without an amount never reads "prize … ได้รับ None"."""
    _as(client, people["organiser"])
    form = _thai_only(to_form(contest_file(contest)))
    form.update({"slug": "cm-web-2565", "year": "2565", "starts_on": "01/07/2565", "ends_on": "30/09/2565"})
    checked = client.post(BUILD, form | {"action": "check"})
    assert checked.status_code == 200 and 'class="error' not in checked.content.decode()
    assert not Contest.objects.filter(slug="cm-web-2565").exists()  # the check keeps nothing
    assert client.post(BUILD, form | {"action": "save"}).status_code == 302
    saved = Contest.objects.get(slug="cm-web-2565")
    assert (saved.name_en, saved.rubrics.get().dimensions.first().name_en) == ("", "")


def test_the_check_refuses_what_the_save_would(client, people, contest, phuket):
    """A code another office uses: only the save's service knows it, and the check now says it too."""
    _as(client, people["other_organiser"])
    form = to_form(contest_file(contest))
    form.update({"slug": "cm-web-2564", "action": "check"})
    checked = client.post(BUILD, form).content.decode()
    assert "รหัสการประกวด cm-web-2564 ใช้ไม่ได้ กรุณาใช้รหัสใหม่ที่ขึ้นต้นด้วย" in checked
    saved = client.post(BUILD, form | {"action": "save"}).content.decode()
    assert "รหัสการประกวด cm-web-2564 ใช้ไม่ได้ กรุณาใช้รหัสใหม่ที่ขึ้นต้นด้วย" in saved


def test_a_blank_form_opens_without_an_error(client, people):
    """The blank builder opens with no error in red ("…ไม่เท่ากับคะแนนรวม ?") before anything is typed."""
    _as(client, people["organiser"])
    html = client.get(BUILD + "?from=blank").content.decode()
    assert "ไม่เท่ากับ" not in html and 'class="error' not in html


def test_a_blank_form_shows_its_sums_neutral_until_points_are_typed(client, people):
    _as(client, people["organiser"])
    assert 'class="sum off"' not in client.get(BUILD + "?from=blank").content.decode()
    typed = {"action": "check", "dims": "1", "d0-crits": "1", "d0-max_points": "10", "d0c0-max_points": "4"}
    assert 'class="sum off"' in client.post(BUILD, typed).content.decode()  # once typed, a wrong sum is red


def _refusal(page: str, slug: str) -> str:
    """The code's refusal on the builder's page, the code itself blanked."""
    start = page.index(f"รหัสการประกวด {slug} ")
    return page[start : page.index("<", start)].replace(slug, "…")


def test_an_office_saves_new_codes_under_its_own_prefix_only_and_a_taken_code_reads_as_any_other(
    client, people, contest, phuket
):
    """Chiang Mai's organiser: another office's name in a new code is refused (Chonburi saved `nongkhai-…`), and
    Phuket's draft's code is refused in the very words a free code is: the page confirms no code exists."""
    kathu = DistrictFactory(parent=phuket)
    theirs = json.loads(open(CHONBURI_WEB, encoding="utf-8").read())
    theirs["contest"] = {**theirs["contest"], "slug": "phuket-web-2564", "organiser": "83", "entrants": [kathu.code]}
    services.rubric_load(data=theirs)
    _as(client, people["organiser"])
    form = to_form(contest_file(contest)) | {"action": "save"}
    before = set(Contest.objects.values_list("slug", flat=True))

    pages = {
        slug: client.post(BUILD, form | {"slug": slug})
        for slug in ("phuket-web-2564", "phuket-new-2564", "nongkhai-web-2566")
    }

    assert {slug: page.status_code for slug, page in pages.items()} == dict.fromkeys(pages, 400)
    said = {_refusal(page.content.decode(), slug) for slug, page in pages.items()}
    assert said == {"รหัสการประกวด … ใช้ไม่ได้ กรุณาใช้รหัสใหม่ที่ขึ้นต้นด้วย chiangmai-"}
    assert set(Contest.objects.values_list("slug", flat=True)) == before
    saved = client.post(BUILD, form | {"slug": "chiangmai-web-2566"})
    assert (
        saved.status_code == 302
        and Contest.objects.get(slug="chiangmai-web-2566").organiser == contest.contest.organiser
    )
