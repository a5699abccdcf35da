"""The pages that run a contest beside its dashboard: the year's settings, imports, and freezing
and publishing, each with the dashboard's permission."""

import pytest
from django.urls import reverse

from committee import services as panel_services
from people.models import Role
from rubrics.models import YearSettings
from scoring.models import StandingsSnapshot
from tests.factories import DistrictFactory, UserFactory, monthly_contest

pytestmark = pytest.mark.django_db
PAGES = ["rubrics:settings", "scoring:facts", "scoring:freeze"]


@pytest.fixture
def cm(chiang_mai):
    from tests.factories import office_contest

    return office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))


@pytest.fixture
def people(cm, chiang_mai, phuket):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai))
    panel_services.panelist_appoint(by=organiser, contest=cm.contest, user=panelist)
    return {
        "organiser": organiser,
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "provincial": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "panelist": panelist,
        "central": UserFactory(role=Role.CENTRAL),
        "committee": UserFactory(role=Role.COMMITTEE),
    }


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [("central", 200), ("other_organiser", 403), ("provincial", 403), ("committee", 403), (None, 302)],
)
def test_the_national_contests_pages_are_central_staffs(client, rubric, people, page, who, status):
    if who:
        client.force_login(people[who])
    response = client.get(reverse(page, args=[2566]))
    assert response.status_code == status
    if who is None:
        assert "/login" in response["Location"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [("organiser", 200), ("other_organiser", 404), ("provincial", 404), ("panelist", 404), (None, 302)],
)
def test_an_office_contests_pages_are_its_organisers(client, cm, people, page, who, status):
    if who:
        client.force_login(people[who])
    assert client.get(reverse(page, args=[cm.key])).status_code == status


@pytest.mark.parametrize("who", ["other_organiser", "provincial", "panelist"])
def test_nobody_else_changes_an_office_contests_settings_or_freezes_it(client, cm, people, who):
    client.force_login(people[who])
    settings = client.post(reverse("rubrics:settings", args=[cm.key]), {"reminder_working_days": "5", "visible": "1"})
    freeze = client.post(reverse("scoring:freeze", args=[cm.key]), {"confirm": "1"})
    assert (settings.status_code, freeze.status_code) == (404, 404)
    assert not YearSettings.objects.filter(rubric=cm).exists()
    assert not StandingsSnapshot.objects.filter(rubric=cm).exists()


def test_the_freeze_page_freezes_and_comes_back_to_itself(client, rubric, central_user, django_assert_num_queries):
    client.force_login(central_user)
    url = reverse("scoring:freeze", args=[2566])
    client.get(url)
    # session, user, rubric, membership, the snapshot, the bell's count, the nav's year
    with django_assert_num_queries(7):
        page = client.get(url)
    assert 'id="freeze-form"' in page.content.decode()
    response = client.post(url, {"confirm": "1"}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert StandingsSnapshot.objects.filter(rubric=rubric).exists()
    assert 'id="publish-preview"' in response.content.decode()


def test_a_monthly_contests_freeze_pages_name_their_month(client, chiang_mai, people):
    contest = monthly_contest("cm-milestones-2568", chiang_mai, DistrictFactory(parent=chiang_mai)).contest
    client.force_login(people["organiser"])

    shown = [
        client.get(reverse("scoring:freeze", args=[contest.rubrics.get(period=period).key])).content.decode()
        for period in ("2568-04", "2568-05")
    ]

    heading = [page.split("<h1>", 1)[1].split("</h1>", 1)[0] for page in shown]
    assert heading == [
        'ตรึงและประกาศผล: <span id="period-name">เมษายน ๒๕๖๘</span>',
        'ตรึงและประกาศผล: <span id="period-name">พฤษภาคม ๒๕๖๘</span>',
    ]
