"""Each role's navigation bar leads to its work, marks the current page, in Thai and in English."""

import json
import re

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from rubrics import services
from scoring import snapshots
from scoring.models import StandingsSnapshot
from scoring.recompute import standings_recompute

from .factories import PASSWORD, DistrictFactory, UserFactory

NAV = re.compile(r'<a href="([^"]+)" data-nav="([a-z]+)"( aria-current="page")?')


def nav(response) -> list[tuple[str, str, bool]]:
    return [(key, url, bool(current)) for url, key, current in NAV.findall(response.content.decode())]


@pytest.fixture
def central(db):
    return UserFactory(role=Role.CENTRAL)


def test_central_signs_in_to_the_running_contests_dashboard_whose_menu_links_every_tool(client, central):
    """Central landed on "/", a list of provinces whose only to-do was a tie, while 76 provinces were late."""
    signed_in = client.post("/accounts/login/", {"username": central.username, "password": PASSWORD}, follow=True)
    assert [url for url, _ in signed_in.redirect_chain] == ["/", "/standings/2566/"]
    assert client.get("/")["Location"] == "/standings/2566/"  # "/" again: the same first page
    assert nav(signed_in) == [
        ("dashboard", "/standings/", True),
        ("provinces", "/provinces/", False),
        ("matrix", "/admin/committee/judgment/matrix/", False),
        ("imports", "/admin/scoring/fact/import/", False),
        ("calendar", "/standings/2566/calendar/", False),
        ("awards", "/awards/", False),
        ("announce", "/notices/announce/", False),
        ("status", "/ops/status/", False),
        ("stages", "/standings/stages/", False),
        ("accounts", "/accounts/provision/", False),
        ("admin", "/admin/", False),
    ]
    province = nav(client.get(reverse("submissions:unit", args=[2566, "TH-50"])))
    assert [key for key, _, current in province if current] == ["provinces"]


def test_every_central_link_opens(client, central):
    client.force_login(central)
    for key, url, _ in nav(client.get("/", follow=True)):
        response = client.get(url, follow=True)
        assert response.status_code == 200, key
        marked = [k for k, _, current in nav(response) if current]
        assert marked == [key], (key, marked)


def test_awards_is_the_award_documents_page(client, central):
    client.force_login(central)
    response = client.get("/awards/")
    assert (response.status_code, response["Location"]) == (302, reverse("awards:results", args=[2566]))


@pytest.mark.parametrize("role", [Role.COMMITTEE, Role.CHAIR])
def test_committee_home_leads_to_scoring(client, rubric, role):
    client.force_login(UserFactory(role=role))
    expected = [
        ("matrix", "/admin/committee/judgment/matrix/", False),
        ("next", "/admin/committee/judgment/next/", False),
        ("clarifications", "/admin/committee/clarification/", False),
    ]
    assert nav(client.get("/")) == expected
    admin_nav = nav(client.get("/admin/committee/judgment/matrix/"))
    assert admin_nav[0] == ("matrix", "/admin/committee/judgment/matrix/", True)


def test_province_has_a_results_link_from_day_one_and_its_standing_by_name_once_published(
    client, rubric, central, provincial_user
):
    """The province's menu links its results, as help promises ("ลิงก์ผลในเมนู"), to a page that opens."""
    client.force_login(provincial_user)
    page = reverse("submissions:unit", args=[2566, "TH-50"])
    assert nav(client.get(page)) == [("evidence", "/", True), ("results", "/standings/past/", False)]
    results = client.get("/standings/past/").content.decode()
    assert 'id="waiting-2566"' in results and "รอส่วนกลางประกาศผล" in results
    mine = client.get("/standings/2566/mine/")
    assert mine.status_code == 200 and "ส่วนกลางยังไม่เปิดให้จังหวัดดูอันดับของปีนี้" in mine.content.decode()
    snap = snapshots.standings_freeze(user=central, rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snap.frozen_at.isoformat()
    )
    assert nav(client.get(page)) == [("evidence", "/", True), ("standing", "/standings/2566/mine/", False)]
    assert nav(client.get("/standings/2566/mine/"))[1] == ("standing", "/standings/2566/mine/", True)


def test_navigation_speaks_english_when_chosen(client, central):
    client.force_login(central)
    client.cookies["django_language"] = "en"
    body = client.get("/provinces/").content.decode()
    assert 'data-nav="dashboard">Dashboard</a>' in body
    client.cookies["django_language"] = "th"
    assert 'data-nav="dashboard">แดชบอร์ด</a>' in client.get("/provinces/").content.decode()


@pytest.mark.parametrize(
    "role, todo",
    [
        (Role.COMMITTEE, ["nothing"]),  # nothing sent yet: said, not left blank
        (Role.CHAIR, ["no-split"]),  # the chair's job: no cell where members disagree
        (Role.CENTRAL, []),  # their first page is the dashboard, whose work is the rounds owed, not a to-do
    ],
)
def test_committee_home_page_opens_with_its_work_once(client, rubric, role, todo):
    """What is left to score, at the top; the navigation's links once, not repeated as buttons."""
    client.force_login(UserFactory(role=role))
    body = client.get("/", follow=True).content.decode()
    assert re.findall(r'data-todo="([a-z-]+)"', body) == todo
    assert 'data-work="' not in body
    for key in re.findall(r'data-nav="([a-z-]+)"', body):
        assert body.count(f'data-nav="{key}"') == 1


def test_district_staff_see_their_contests_results_never_the_national_page(client, rubric, central):
    """District staff are not sent by "ผลของจังหวัด" to the national page, whose contest their office does not
    enter."""
    district = DistrictFactory(parent=Unit.objects.get(code="TH-20"), name_th="เมืองชลบุรี")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [district.code]}
    contest = services.rubric_load(data=data)
    standings_recompute(rubric_id=contest.pk, full=True)
    snapshots.standings_freeze(user=central, rubric=rubric)
    frozen_at = StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat()
    snapshots.publication_publish(user=central, rubric=rubric, confirmed=True, previewed_frozen_at=frozen_at)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    page = reverse("submissions:unit", args=[contest.key, district.code])

    # The national standing is not theirs: the results link lists their own contest's, not yet opened.
    assert nav(client.get(page)) == [("evidence", "/", True), ("results", "/standings/past/", False)]
    assert 'id="waiting-2566"' not in client.get("/standings/past/").content.decode()
    national = client.get("/standings/2566/mine/")
    assert national.status_code == 404 and "ส่วนกลางยังไม่เปิด" not in national.content.decode()
    closed = client.get("/standings/chonburi-web-2564/mine/")
    assert closed.status_code == 200  # their own page: nothing to show yet is no refusal
    assert "ผู้จัดการประกวดยังไม่เปิดให้ผู้เข้าประกวดดูอันดับ" in closed.content.decode()

    services.year_settings_set(user=central, rubric=contest, visible=True, reminder_days=0)
    assert nav(client.get(page)) == [("evidence", "/", True), ("standing", "/standings/chonburi-web-2564/mine/", False)]
    opened = client.get("/standings/chonburi-web-2564/mine/")
    assert opened.status_code == 200
    text = opened.content.decode()
    assert "ผลคะแนนของเมืองชลบุรี ปี ๒๕๖๔" in text and contest.contest.name_th in text and "ส่วนกลาง" not in text


def test_an_organiser_is_led_to_the_builder_first_and_from_there_to_the_file_upload(client, chiang_mai):
    """The link "สร้างหรือแก้ไขการประกวด" leads to the builder, not to the JSON upload page."""
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    body = client.get("/").content.decode()
    builder = reverse("builder:contest_builder")
    assert f'<a href="{builder}" data-nav="contest-new">สร้างหรือแก้ไขการประกวด</a>' in body
    start = client.get(builder).content.decode()
    assert f'href="{reverse("rubrics:contest_upload")}"' in start


def test_earlier_published_years_stay_in_the_office_menu_once_a_new_year_runs(
    client, rubric, central, provincial_user, django_assert_num_queries
):
    """Last year's results vanished from the menu once the new year ran, just when offices want their
    certificates: the running year by name, every earlier one on "ผลปีก่อน"."""
    from ops.nextyear import next_year_open

    snap = snapshots.standings_freeze(user=central, rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snap.frozen_at.isoformat()
    )
    next_year_open(user=central, rubric=rubric, memberships_confirmed=True)
    client.force_login(provincial_user)

    home = client.get(reverse("submissions:unit", args=[2566, "TH-50"]))
    assert nav(home) == [("evidence", "/", True), ("past", "/standings/past/", False)]
    # The session, the user and its office, the rubrics shown (whether the office enters each asked with them,
    # once for the menu and the page), the panel seats of the menu: the same whatever the number of years.
    # +1: the bell's unread count (notices); +4: the contests entered whose results wait (the national
    # contest's newest year, whether the office enters it, its office contests)
    with django_assert_num_queries(10):
        page = client.get("/standings/past/")
    assert page.status_code == 200 and nav(page)[1] == ("past", "/standings/past/", True)
    assert re.findall(r'<tr id="past-([^"]+)">', page.content.decode()) == ["2566"]
    assert 'href="/standings/2566/mine/"' in page.content.decode()


def test_the_earlier_results_page_is_office_staff_only(client, central):
    client.force_login(central)
    assert client.get("/standings/past/").status_code == 403


def test_an_organising_office_has_a_results_link_to_its_contests_and_the_departments_published_ones(
    client, rubric, central, chiang_mai, django_assert_num_queries
):
    """The help promises "ลิงก์ผลในเมนู"; an organising office's menu had none. Its results: its own contests',
    their standings before they are published, and the Department's once published."""
    from scoring.contest_results import run_results
    from tests.factories import office_contest

    office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    snap = snapshots.standings_freeze(user=central, rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snap.frozen_at.isoformat()
    )
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    client.force_login(organiser)

    assert ("results", "/standings/past/", False) in nav(client.get("/"))
    with django_assert_num_queries(1):
        found = run_results(organiser)
    assert [(r.rubric.key, r.runs, r.published) for r in found] == [("2566", False, True), ("cm-web-2564", True, False)]
    page = client.get("/standings/past/")
    assert nav(page)[1] == ("results", "/standings/past/", True)
    html = page.content.decode()
    national = html.split('id="run-2566"')[1].split("</tr>")[0]
    assert '<a href="/standings/2566/results/">ผลที่ประกาศแล้ว</a>' in national
    own = html.split('id="run-cm-web-2564"')[1].split("</tr>")[0]
    assert '<a href="/standings/cm-web-2564/">อันดับคะแนน (ยังไม่ประกาศผล)</a>' in own
    assert client.get("/standings/cm-web-2564/").status_code == 200
