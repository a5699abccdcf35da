"""Help for each role and central staff's contacts, set in the admin, on the help page and the error pages."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from ops.models import SiteContact
from people.models import Role
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _contacts(client, central_user):
    client.force_login(central_user)
    form = {"phone": "02 141 6000", "email": "cdd4@cdd.go.th", "line_id": "@cdd4", "line_url": "https://lin.ee/cdd4"}
    response = client.post(reverse("admin:ops_sitecontact_change", args=[1]), {**form, "hours": "จ.–ศ. ๘.๓๐–๑๖.๓๐ น."})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()


@pytest.mark.parametrize(
    "role, section",
    [(Role.OFFICE_STAFF, "office"), (Role.ORGANISER, "organiser"), (Role.COMMITTEE, "member"), (Role.CHAIR, "chair"),
     (Role.CENTRAL, "central")],
)  # fmt: skip
def test_each_role_opens_its_own_help_first(client, chiang_mai, role, section):
    client.force_login(UserFactory(role=role, role__unit=chiang_mai if role in Role.with_office() else None))

    html = client.get(reverse("ops:help")).content.decode()

    assert f'id="help-{section}"' in html and html.count('<section class="card" id="help-') == 1
    assert f'data-help="{section}" aria-current="page"' in html


def test_contacts_set_in_the_admin_show_on_the_help_page_and_the_403_page(client, central_user, provincial_user):
    anonymous = client.get(reverse("ops:help")).content.decode()
    assert 'id="contact-unset"' in anonymous and 'id="help-choose"' in anonymous  # said, not left blank

    _contacts(client, central_user)

    html = client.get(reverse("ops:help")).content.decode()  # anyone, signed in or not: a locked-out user too
    assert 'href="tel:021416000" id="contact-phone">02 141 6000</a>' in html
    assert (
        'href="mailto:cdd4@cdd.go.th"' in html
        and 'href="https://lin.ee/cdd4" rel="noopener" id="contact-line">@cdd4' in html
    )
    client.force_login(provincial_user)
    forbidden = client.get(reverse("ops:year_on_year"))
    assert forbidden.status_code == 403 and 'id="contact-phone">02 141 6000</a>' in forbidden.content.decode()


def test_a_change_of_contacts_is_read_once_then_served_from_the_cache(client, central_user, django_assert_num_queries):
    _contacts(client, central_user)
    client.get(reverse("ops:help"))
    with django_assert_num_queries(0):  # anonymous: no session, and the contacts from the cache
        assert "02 141 6000" in client.get(reverse("ops:help")).content.decode()

    row = SiteContact.objects.get()
    row.phone = "1111"
    row.save()  # the admin's save: the next page reads it again

    assert 'id="contact-phone">1111</a>' in client.get(reverse("ops:help")).content.decode()


def test_every_page_and_the_500_page_link_to_help(client, provincial_user):
    client.force_login(provincial_user)
    assert (
        f'<a href="{reverse("ops:help")}" id="help-link">ช่วยเหลือและติดต่อ</a>'
        in client.get("/", follow=True).content.decode()
    )
    assert 'href="/help/" id="help-link"' in server_error(RequestFactory().get("/")).content.decode()


def test_only_central_staff_set_the_contacts(client, chiang_mai):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    response = client.post(reverse("admin:ops_sitecontact_change", args=[1]), {"phone": "0"})
    assert response.status_code == 403 and SiteContact.objects.get().phone == ""
