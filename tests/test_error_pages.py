"""Every error page in the portal's look, Thai first (the dashboard's year-on-year link opened a
bare English "403 Forbidden" for a contest's organiser)."""

import json

import pytest
from django.core.exceptions import BadRequest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from cdd4.error_views import bad_request
from contests.models import Unit
from people.models import Role
from rubrics import services
from scoring.recompute import standings_recompute

from .factories import DistrictFactory, UserFactory


@pytest.fixture
def organiser(db):
    """Chonburi's organiser, running seed 001's website contest among one of its districts."""
    chonburi = Unit.objects.get(code="TH-20")
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [DistrictFactory(parent=chonburi).code]}
    standings_recompute(rubric_id=services.rubric_load(data=data).pk, full=True)
    return UserFactory(role=Role.ORGANISER, role__unit=chonburi)


def thai_alone(html: str, th: str, en: str) -> bool:
    """A Thai page says it in Thai; the English half is for whoever switches the page to English."""
    return th in html and en not in html


def test_a_forbidden_page_is_the_portals_403_in_thai(client, organiser):
    client.force_login(organiser)
    response = client.get(reverse("ops:year_on_year"))

    assert response.status_code == 403
    assert [t.name for t in response.templates][:2] == ["403.html", "base.html"]
    html = response.content.decode()
    assert thai_alone(html, "ไม่มีสิทธิ์เข้าถึงหน้านี้", "You may not open this page")
    assert 'data-nav="contests"' in html  # the organiser's own navigation bar, as on every page


def test_the_dashboard_offers_year_on_year_only_to_who_can_open_it(client, organiser, central_user):
    client.force_login(organiser)
    assert 'id="year-on-year"' not in client.get("/standings/chonburi-web-2564/").content.decode()
    client.force_login(central_user)
    html = client.get("/standings/2566/").content.decode()
    assert f'href="{reverse("ops:year_on_year")}" id="year-on-year"' in html
    assert client.get(reverse("ops:year_on_year")).status_code == 200


def test_an_unknown_address_is_the_portals_404(client, provincial_user, settings):
    settings.DEBUG = False
    client.force_login(provincial_user)
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    assert thai_alone(response.content.decode(), "ไม่พบหน้านี้", "Page not found")


def test_a_server_error_is_a_standalone_thai_page(db):
    response = server_error(RequestFactory().get("/"))  # Django's handler500, with no request context

    assert response.status_code == 500
    html = response.content.decode()
    assert thai_alone(html, "ระบบขัดข้อง", "Something went wrong")
    assert "/static/css/portal.css" in html


def test_a_failed_csrf_check_is_the_portals_page(provincial_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(provincial_user)
    response = client.post(reverse("logout"))

    assert response.status_code == 403
    assert [t.name for t in response.templates][:2] == ["403_csrf.html", "base.html"]
    assert thai_alone(response.content.decode(), "แบบฟอร์มนี้หมดอายุแล้ว", "This form has expired")


def test_a_host_the_portal_does_not_serve_is_a_400_page_that_needs_no_user(client, db, settings, caplog):
    settings.DEBUG = False
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert [t.name for t in response.templates] == ["errors/unknown_host.html", "errors/standalone.html"]
    html = response.content.decode()
    assert thai_alone(html, "พอร์ทัลนี้ไม่ได้ให้บริการที่ที่อยู่เว็บซึ่งคำขอนี้ระบุ", "This portal does not answer")
    assert "evil.example" not in html  # no link built from the Host it was sent


def test_any_other_bad_request_keeps_the_portals_400(provincial_user):
    request = RequestFactory().get("/")
    request.user = provincial_user  # past the sign-in middleware, as a view's BadRequest is
    request.session = {}

    response = bad_request(request, BadRequest("an id sent must be a number"))

    assert response.status_code == 400
    assert 'data-nav="' in response.content.decode()  # the portal's page, with the person's navigation
