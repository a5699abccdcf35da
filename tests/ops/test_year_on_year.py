from decimal import Decimal

import pytest

from ops import nextyear
from people.models import Role
from rubrics.models import YearSettings
from scoring.models import Standing

from ..factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(rubric, central_user):
    opened = nextyear.next_year_open(user=central_user, rubric=rubric, memberships_confirmed=True)
    for r, total, dims in ((rubric, "61.50", {"1": "20", "2": "41.5"}), (opened, "70.00", {"1": "25", "2": "45"})):
        Standing.objects.filter(rubric=r, unit__code="TH-50").update(total=Decimal(total), dimensions=dims)
    return rubric, opened


def test_dashboard_year_on_year_every_province_in_fixed_queries(
    client, central_user, two_years, django_assert_num_queries
):
    client.force_login(central_user)
    with django_assert_num_queries(9):  # +1: the bell's unread count (notices)
        response = client.get("/ops/year-on-year/")
    rows = response.context["rows"]
    assert len(rows) == 76
    chiang_mai = next(r for r in rows if r["unit"].code == "TH-50")
    assert chiang_mai["totals"] == [Decimal("61.50"), Decimal("70.00")]
    assert chiang_mai["change"] == Decimal("8.50")
    assert chiang_mai["dimensions"][:2] == [("1", ["20", "25"]), ("2", ["41.5", "45"])]
    assert response.context["years"] == [2566, 2567]


def test_province_page_own_province_only_and_only_years_shown_to_provinces(
    client, provincial_user, phuket_user, two_years
):
    url = "/ops/year-on-year/TH-50/"
    assert client.get(url).status_code == 302
    client.force_login(phuket_user)
    assert client.get(url).status_code == 403
    client.force_login(provincial_user)
    assert client.get(url).context["rows"] == []  # no year is shown to provinces yet
    for rubric in two_years:
        YearSettings.objects.create(rubric=rubric, standings_visible_to_entrants=True)
    response = client.get(url)
    assert [r["totals"] for r in response.context["rows"]] == [[Decimal("61.50"), Decimal("70.00")]]
    assert "+๘.๕๐" in response.content.decode()


def test_province_page_and_dashboard_link_to_year_on_year(client, central_user, provincial_user):
    client.force_login(provincial_user)
    assert 'href="/ops/year-on-year/TH-50/"' in client.get("/years/2566/provinces/TH-50/").content.decode()
    client.force_login(central_user)
    assert 'href="/ops/year-on-year/"' in client.get("/standings/2566/").content.decode()
    assert 'href="/ops/year-on-year/TH-50/"' in client.get("/years/2566/provinces/TH-50/").content.decode()


def test_no_year_on_year_link_for_who_cannot_open_it(client, committee_user, chiang_mai):
    """A committee member's province page, and a district's page, link no comparison they cannot open."""
    client.force_login(committee_user)
    assert client.get("/years/2566/provinces/TH-50/").status_code == 200
    assert "/ops/year-on-year/" not in client.get("/years/2566/provinces/TH-50/").content.decode()
    assert client.get("/ops/year-on-year/TH-50/").status_code == 403
    district = DistrictFactory(parent=chiang_mai)
    office_contest("cm-web-2564", chiang_mai, district)
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    page = client.get(f"/years/cm-web-2564/provinces/{district.code}/")
    assert page.status_code == 200 and "/ops/year-on-year/" not in page.content.decode()
    assert client.get(f"/ops/year-on-year/{district.code}/").status_code == 404


def test_an_empty_comparison_says_why_and_leads_back(client, provincial_user):
    """Before results are shown the page says when they will be, and leads back."""
    client.force_login(provincial_user)
    html = client.get("/ops/year-on-year/TH-50/").content.decode()
    assert "ผลของปีจะแสดงที่นี่เมื่อประกาศผลแล้ว" in html
    assert '<a href="/" id="back">← หน้าแรก</a>' in html
