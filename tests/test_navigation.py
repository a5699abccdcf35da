"""Each role's navigation bar leads to its work, marks the current page, in Thai and in English."""

import re

import pytest
from django.urls import reverse

from people.models import Role
from scoring import snapshots

from .factories import UserFactory

NAV = re.compile(r'<a href="([^"]+)" data-nav="([a-z]+)"( aria-current="page")?')


def nav(response) -> list[tuple[str, str, bool]]:
    return [(key, url, bool(current)) for url, key, current in NAV.findall(response.content.decode())]


@pytest.fixture
def central(db):
    return UserFactory(role=Role.CENTRAL)


def test_central_home_links_to_every_tool(client, central):
    client.force_login(central)
    assert nav(client.get("/")) == [
        ("dashboard", "/standings/", False),
        ("provinces", "/", True),
        ("matrix", "/admin/committee/judgment/matrix/", False),
        ("imports", "/admin/scoring/fact/import/", False),
        ("calendar", "/standings/2566/calendar/", False),
        ("awards", "/awards/", False),
        ("status", "/ops/status/", False),
        ("admin", "/admin/", False),
    ]


def test_every_central_link_opens(client, central):
    client.force_login(central)
    for key, url, _ in nav(client.get("/")):
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


def test_province_sees_its_standing_only_once_published(client, rubric, central, provincial_user):
    client.force_login(provincial_user)
    page = reverse("submissions:province", args=[2566, "TH-50"])
    assert nav(client.get(page)) == [("evidence", "/", True)]
    snap = snapshots.standings_freeze(user=central, rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snap.frozen_at.isoformat()
    )
    assert nav(client.get(page)) == [("evidence", "/", True), ("standing", "/standings/2566/mine/", False)]
    assert nav(client.get("/standings/2566/mine/"))[1] == ("standing", "/standings/2566/mine/", True)


def test_navigation_speaks_english_when_chosen(client, central):
    client.force_login(central)
    client.cookies["django_language"] = "en"
    body = client.get("/").content.decode()
    assert 'data-nav="dashboard">Dashboard</a>' in body
    client.cookies["django_language"] = "th"
    assert 'data-nav="dashboard">แดชบอร์ด</a>' in client.get("/").content.decode()


@pytest.mark.parametrize(
    "role, work",
    [
        (Role.COMMITTEE, ["matrix", "next", "clarifications"]),
        (Role.CHAIR, ["matrix", "next", "clarifications"]),
        (Role.CENTRAL, []),  # the navigation bar is enough: it starts at the dashboard
    ],
)
def test_committee_home_page_opens_with_its_work(client, rubric, role, work):
    client.force_login(UserFactory(role=role))
    assert re.findall(r'data-work="([a-z]+)"', client.get("/").content.decode()) == work
