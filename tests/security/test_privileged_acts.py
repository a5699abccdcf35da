"""Every privileged act is declared once with its second factor (core.acts), SECURITY.md's table is that
declaration, and each act is refused without a confirmed factor and let through with one, on the path
that does it (a service, or the page when the page is the only door)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import provision
from awards import services as awards_services
from committee import panels
from committee.imports import judgments_import
from contests.models import Contest, ContestState
from core import acts
from core.acts import SecondFactorRequired
from notices.announcements import announcement_send
from notices.models import Audience
from ops import nextyear
from people.models import Role
from rubrics import revisions, services, timetable
from rubrics.models import ContestPeriod, HolidayOverride
from scoring import snapshots
from scoring.facts.imports import facts_import
from scoring.models import Standing, StandingsSnapshot
from scoring.recompute import standings_recompute
from scoring.ties import settle
from tests.accounts.support import sheet
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]
SECURITY = Path(__file__).resolve().parents[2] / "SECURITY.md"
FACTOR_PAGE = "/accounts/second-factor/"


def section() -> str:
    """SECURITY.md's section on privileged acts, the one list of them."""
    text = SECURITY.read_text(encoding="utf-8")
    return text.split("### Privileged acts", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]


def table() -> dict[str, str]:
    """SECURITY.md's table of privileged acts: act → what."""
    return dict(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| ([^|]+?) \|", section(), flags=re.MULTILINE))


def test_securitys_table_is_the_declaration():
    assert table() == {act.name: act.about for act in acts.stepped_up()}


def test_every_row_of_securitys_table_names_one_act():
    rows = [line for line in section().splitlines() if line.startswith("| `")]
    assert len(rows) == len(table())


def verified(user):
    """The user object as django-otp's middleware leaves it once a code is confirmed in the session."""
    user.is_verified = lambda: True
    return user


def central():
    return UserFactory(role=Role.CENTRAL)


@pytest.fixture
def office(chiang_mai):
    """Chiang Mai's own contest among one district, its organiser, and that district's staff."""
    district = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    return rubric, organiser, staff


def frozen(rubric):
    standings_recompute(rubric_id=rubric.pk, full=True)
    return snapshots.standings_freeze(user=verified(central()), rubric=rubric)


def published(rubric):
    snapshot = frozen(rubric)
    snapshots.publication_publish(
        user=verified(central()), rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )


def draft(rubric):
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
    rubric.contest.refresh_from_db()
    return rubric


# Each act through the service that does it: (who, prepare, do). `who` is a role the act's rule allows.
SERVICES = {
    "scoring.freeze": (
        "central",
        lambda rubric, office: standings_recompute(rubric_id=rubric.pk, full=True),
        lambda user, rubric, office: snapshots.standings_freeze(user=user, rubric=rubric),
    ),
    "scoring.unfreeze": (
        "central",
        lambda rubric, office: frozen(rubric),
        lambda user, rubric, office: snapshots.standings_unfreeze(user=user, rubric=rubric, reason="ทดสอบ"),
    ),
    "scoring.publish": (
        "central",
        lambda rubric, office: frozen(rubric),
        lambda user, rubric, office: snapshots.publication_publish(
            user=user,
            rubric=rubric,
            confirmed=True,
            previewed_frozen_at=StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat(),
        ),
    ),
    "scoring.withdraw": (
        "central",
        lambda rubric, office: published(rubric),
        lambda user, rubric, office: snapshots.publication_withdraw(user=user, rubric=rubric, reason="ทดสอบ"),
    ),
    "scoring.correct": (
        "central",
        lambda rubric, office: published(rubric),
        lambda user, rubric, office: snapshots.awards_correct(
            user=user,
            rubric=rubric,
            awards={Standing.objects.filter(rubric=rubric, rank=1).first().unit_id: ""},
            reason="ทดสอบ",
        ),
    ),
    "rubrics.open_contest": (
        "organiser",
        lambda rubric, office: draft(office[0]),
        lambda user, rubric, office: services.contest_open(user=user, rubric=office[0]),
    ),
    "rubrics.change_open_contest": (
        "organiser",
        None,
        lambda user, rubric, office: revisions.change(
            user=user, contest=office[0].contest, write=lambda: office[0], reason="ทดสอบ"
        ),
    ),
    "rubrics.change_deadline": (
        "organiser",
        None,
        lambda user, rubric, office: timetable.criterion_deadline_set(
            user=user, rubric=office[0], code="1.1", deadline=date(2021, 3, 31), reason="ตามหนังสือจังหวัด"
        ),
    ),
    "scoring.settle_tie": (
        "organiser",
        None,  # no tie to settle: let through, the service refuses the empty choice itself
        lambda user, rubric, office: settle.tie_settle(user=user, rubric=office[0], entrants=[], method="", reason=""),
    ),
    "committee.manage_panel": (
        "organiser",
        None,
        lambda user, rubric, office: panels.panelist_appoint(by=user, contest=office[0].contest, user=office[2]),
    ),
    "awards.manage_certificate": (
        "central",
        None,
        lambda user, rubric, office: awards_services.signing_certificate_withdraw(user=user),
    ),
    "notices.announce": (
        "central",
        None,
        lambda user, rubric, office: announcement_send(
            user=user, audience=Audience.OFFICES, subject="ประชุมชี้แจง", body="ขอเชิญประชุมชี้แจงโครงการ"
        ),
    ),
    "notices.announce_to_entrants": (
        "organiser",
        None,
        lambda user, rubric, office: announcement_send(
            user=user, audience=Audience.ENTRANTS, contest=office[0].contest, subject="ประชุม", body="ขอเชิญประชุม"
        ),
    ),
    "ops.open_next_year": (
        "central",
        None,
        lambda user, rubric, office: nextyear.next_year_open(user=user, rubric=rubric, memberships_confirmed=True),
    ),
    "accounts.provision": (
        "organiser",
        None,
        lambda user, rubric, office: provision.accounts_provision(by=user, rows=[], dry_run=True),
    ),
    "rubrics.edit_calendar": (
        "central",
        None,
        lambda user, rubric, office: timetable.holiday_override_save(
            user=user, day=date(2023, 1, 3), is_holiday=True, name_th="วันหยุดทดสอบ"
        ),
    ),
    "scoring.import_facts": (
        "organiser",
        None,
        lambda user, rubric, office: facts_import(rubric=office[0], rows=[], user=user, dry_run=True),
    ),
    "committee.import_judgments": (
        "organiser",
        None,
        lambda user, rubric, office: judgments_import(rubric=office[0], rows=[], by=user, dry_run=True),
    ),
    "awards.change_signature": (
        "organiser",
        None,
        lambda user, rubric, office: awards_services.signature_set(
            rubric=office[0],
            signer_name="นายทดสอบ",
            signer_position="นายอำเภอ",
            announced_on=date(2021, 9, 30),
            user=user,
        ),
    ),
    "awards.generate_documents": (
        "central",
        None,
        lambda user, rubric, office: awards_services.document_request(rubric=rubric, kind="announcement", user=user),
    ),
}


def _person(who, office):
    return office[1] if who == "organiser" else central()


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_the_act_is_refused_without_a_confirmed_factor(name, rubric, office):
    who, prepare, do = SERVICES[name]
    if prepare is not None:
        prepare(rubric, office)
    with pytest.raises(SecondFactorRequired):
        do(_person(who, office), rubric, office)


@pytest.mark.parametrize("name", sorted(SERVICES))
def test_the_act_is_let_through_with_a_confirmed_factor(name, rubric, office):
    who, prepare, do = SERVICES[name]
    if prepare is not None:
        prepare(rubric, office)
    try:
        do(verified(_person(who, office)), rubric, office)
    except PermissionDenied:  # SecondFactorRequired is one: the lock refused
        pytest.fail(f"{name} refused with a confirmed factor")
    except Exception:
        pass


def confirmed_session(client, user):
    """A signed-in session whose second factor is confirmed, as the code page leaves it."""
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


# The acts whose only door is a page: (method, address, data) as the page's form sends them.
def _pages(user_pk):
    return {
        "accounts.provision": ("post", reverse("accounts:provision"), {"file": sheet([]), "do": "check"}),
        "accounts.close_unused": ("post", reverse("accounts:unused"), {}),
        "accounts.user_admin": (
            "post",
            reverse("admin:auth_user_changelist"),
            {"action": "invite_again", "_selected_action": [user_pk]},
        ),
        "accounts.api_token": ("get", reverse("admin:knox_authtoken_add"), {}),
    }


PAGES = sorted(_pages(0))


def _send(client, name, target):
    method, url, data = _pages(target.pk)[name]
    if "file" in data:
        data = {**data, "file": SimpleUploadedFile("accounts.csv", data["file"], content_type="text/csv")}
    return getattr(client, method)(url, data)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_act_sends_an_unconfirmed_session_to_the_code_page(name, client):
    user, target = central(), UserFactory(role=Role.COMMITTEE)
    client.force_login(user)
    response = _send(client, name, target)
    assert response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)


@pytest.mark.parametrize("name", PAGES)
def test_the_page_act_goes_through_for_a_confirmed_session(name, client):
    user, target = central(), UserFactory(role=Role.COMMITTEE)
    response = _send(confirmed_session(client, user), name, target)
    assert response.status_code not in (403, 404)  # an empty sheet is the sheet's own 400: the lock let it in
    assert not response.get("Location", "").startswith(FACTOR_PAGE)


def test_every_privileged_act_in_securitys_table_has_a_path_test():
    assert set(SERVICES) | set(PAGES) == set(table())


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE, Role.CHAIR])
def test_roles_without_the_step_up_power_are_never_asked(role, chiang_mai):
    user = UserFactory(role=role, role__unit=chiang_mai if role == Role.OFFICE_STAFF else None)
    assert acts.second_factor_due(user) is False


# Second doors to an act, in the admin: each asks the same step-up.
ADMIN_DOORS = {
    "ops.open_next_year": lambda rubric: (
        reverse("admin:rubrics_contestperiod_changelist"),
        {"action": "copy_to_next_year", "_selected_action": [rubric.pk]},
    ),
    "rubrics.change_deadline": lambda rubric: (
        reverse("admin:rubrics_criterion_change", args=[rubric.criteria.get(code="1.1").pk]),
        {
            "deadline": "15/09/2566",
            "reason": "ตามหนังสือกรม",
            "letter_number": "มท 0410.4/ว 6001",
            "letter_date": "01/09/2566",
        },
    ),
    "rubrics.edit_calendar": lambda rubric: (
        reverse("admin:rubrics_holidayoverride_add"),
        {"date": "03/01/2566", "is_holiday": "on", "name_th": "วันหยุดทดสอบ", "name_en": "", "note": ""},
    ),
}


@pytest.mark.parametrize("name", sorted(ADMIN_DOORS))
def test_the_admins_door_to_the_act_asks_the_same_factor(name, client, rubric):
    url, data = ADMIN_DOORS[name](rubric)
    client.force_login(central())
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"].startswith(FACTOR_PAGE)
    assert (ContestPeriod.objects.count(), HolidayOverride.objects.count()) == (1, 0)


def test_the_account_page_says_who_must_set_up_a_factor_and_offers_the_sheet(client, chiang_mai):
    needed = "เจ้าหน้าที่ส่วนกลางและผู้จัดการประกวดต้องใช้ก่อนตรึงผลหรือประกาศผล"
    client.force_login(central())
    page = client.get(reverse("accounts:account")).content.decode()
    assert needed in page and reverse("accounts:provision") in page
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    page = client.get(reverse("accounts:account")).content.decode()
    assert needed not in page and reverse("accounts:provision") not in page
