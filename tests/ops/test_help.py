"""Help for each role and central staff's contacts, set in the admin, on the help page and the error pages."""

import re

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


CONTACTS = {"phone": "02 141 6000", "email": "cdd4@cdd.go.th", "line_id": "@cdd4", "line_url": "lin.ee/cdd4"}


def test_a_province_in_the_national_contest_is_sent_to_central_staff_never_back_to_its_organiser(
    client, central_user, provincial_user
):
    """/help/ sends a province in the national contest, whose organiser is central itself, to central staff,
    never to "ผู้จัดการประกวดของสำนักงาน"; it says when central has given no contact, and shows it once given."""
    client.force_login(provincial_user)
    before = client.get(reverse("ops:help")).content.decode()
    assert 'id="contact-unset">เจ้าหน้าที่ส่วนกลางยังไม่ได้ระบุช่องทางติดต่อ</p>' in before
    assert "ผู้จัดการประกวด" not in before.split('id="help-contact"')[1]
    assert "เรื่องพอร์ทัลและบัญชีผู้ใช้ และเรื่อง: โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖" in before

    client.force_login(central_user)
    saved = client.post(reverse("ops:contacts"), {"desk": "", **{f"site-{k}": v for k, v in CONTACTS.items()}})
    assert saved.status_code == 302 and SiteContact.objects.get().line_url == "https://lin.ee/cdd4"

    client.force_login(provincial_user)
    after = client.get(reverse("ops:help")).content.decode()
    assert 'href="tel:021416000" id="contact-phone">02 141 6000</a>' in after and 'id="contact-unset"' not in after


def test_a_district_in_its_provinces_contest_is_sent_to_the_organising_office_its_organiser_sets(
    client, chiang_mai, central_user
):
    from tests.factories import DistrictFactory, office_contest

    district = DistrictFactory(parent=chiang_mai, name_th="แม่ริม")
    contest = office_contest("cm-web-2564", chiang_mai, district).contest
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    client.force_login(staff)
    unset = client.get(reverse("ops:help")).content.decode()
    assert "<h3>สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่</h3>" in unset and f"ผู้จัดการประกวด: {contest.name_th}" in unset
    assert "สำนักงานนี้ยังไม่ได้ระบุช่องทางติดต่อของการประกวด กรุณาติดต่อเจ้าหน้าที่ส่วนกลางข้างต้น" in unset

    client.force_login(organiser)
    page = client.get(reverse("ops:contacts")).content.decode()
    assert f'id="contacts-{contest.slug}"' in page and 'id="contacts-site"' not in page  # its own desk only
    empty = client.post(reverse("ops:contacts"), {"desk": contest.slug, f"{contest.slug}-hours": "๘.๓๐ น."})
    assert empty.status_code == 200 and "กรุณาระบุช่องทางติดต่ออย่างน้อยหนึ่งช่องทาง" in empty.content.decode()
    form = {"desk": contest.slug, f"{contest.slug}-phone": "053 112 471", f"{contest.slug}-email": "cm@cdd.go.th"}
    assert client.post(reverse("ops:contacts"), form).status_code == 302
    assert client.post(reverse("ops:contacts"), {"desk": "", "site-phone": "1"}).status_code == 404  # not theirs

    client.force_login(staff)
    told = client.get(reverse("ops:help")).content.decode()
    assert 'href="tel:053112471" id="desk-1-phone">053 112 471</a>' in told
    assert 'href="mailto:cm@cdd.go.th" id="desk-1-email">' in told


def test_office_staff_and_the_committee_set_no_contacts(client, provincial_user, committee_user):
    for user in (provincial_user, committee_user):
        client.force_login(user)
        assert client.get(reverse("ops:contacts")).status_code == 403
        assert client.post(reverse("ops:contacts"), {"desk": "", "site-phone": "1"}).status_code == 403
    assert SiteContact.objects.get().phone == ""


def test_the_dashboard_asks_central_staff_for_their_contacts_until_they_are_set(client, central_user, rubric):
    client.force_login(central_user)
    dashboard = reverse("schedule:dashboard", args=[rubric.key])
    prompt = 'id="contacts-prompt"'
    assert prompt in client.get(dashboard).content.decode()
    client.post(reverse("ops:contacts"), {"desk": "", "site-email": "cdd4@cdd.go.th"})
    assert prompt not in client.get(dashboard).content.decode()


def test_the_demo_gives_each_organising_office_a_desk_and_keeps_one_already_set(chiang_mai, phuket):
    from contests.models import Contest
    from ops.models import ContestContact
    from ops.services import contacts_demo
    from tests.factories import DistrictFactory, office_contest

    ours = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai)).contest
    theirs = office_contest("pk-web-2564", phuket, DistrictFactory(parent=phuket)).contest
    ContestContact.objects.create(contest=theirs, phone="076 211 028")
    assert contacts_demo(contests=Contest.objects.select_related("organiser")) == 2  # central's and Chiang Mai's
    desk = ContestContact.objects.get(contest=ours)
    assert desk.phone.startswith("0 53") and desk.email == f"{chiang_mai.name_en.lower().replace(' ', '')}@cdd.go.th"
    assert ContestContact.objects.get(contest=theirs).phone == "076 211 028"
    assert contacts_demo(contests=Contest.objects.select_related("organiser")) == 0  # once


def test_an_organisers_contest_dashboard_asks_for_its_own_contacts_and_central_staff_are_not_asked_there(
    client, chiang_mai, central_user
):
    from ops.models import ContestContact
    from tests.factories import DistrictFactory, office_contest

    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    dashboard = reverse("schedule:dashboard", args=[rubric.key])
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    assert "ผู้เข้าประกวดของการประกวดนี้ยังไม่พบโทรศัพท์ อีเมล หรือ LINE ของท่าน" in client.get(dashboard).content.decode()
    ContestContact.objects.create(contest=rubric.contest, email="cm@cdd.go.th")
    assert 'id="contacts-prompt"' not in client.get(dashboard).content.decode()
    client.force_login(central_user)  # the organiser's desk is theirs to set, not central staff's
    ContestContact.objects.all().delete()
    assert 'id="contacts-prompt"' not in client.get(dashboard).content.decode()


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.ORGANISER])
def test_help_points_to_results_only_by_the_links_ones_own_menu_has(client, chiang_mai, rubric, role):
    client.force_login(UserFactory(role=role, role__unit=chiang_mai))

    page = client.get(reverse("ops:help")).content.decode()

    line = re.search(r'<li id="help-results">(.*?)</li>', page).group(1)
    promised = re.findall(r'<a href="([^"]+)">([^<]+)</a>', line)
    nav = page.split('class="rolenav"', 1)[1].split("</nav>", 1)[0]
    menu = re.findall(r'<a href="([^"]+)" data-nav="(?:standing|past|results)"[^>]*>([^<]+)</a>', nav)
    assert promised == menu and len(menu) == 1  # by the name and address its own menu gives it
    assert "ลิงก์ผลในเมนู" not in page
