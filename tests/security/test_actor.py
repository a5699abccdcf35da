"""One actor answers who may do what in which contest; each hole the attacker found is refused."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.test import APIClient

from accounts import account_rights
from committee import services as committee_services
from committee.errors import Conflicted
from contests.actor import Need, actor_of
from contests.models import ContestState, Unit
from contests.scopes import visible_contests, visible_entrants
from people.models import Conflict, Role
from submissions import services as submission_services
from submissions.models import Evidence
from tests.factories import DistrictFactory, UserFactory, office_contest
from tests.submissions import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def chonburi_contest():
    """Chonburi's (TH-20) district website contest (seed 001) among two of its districts."""
    chonburi = Unit.objects.get(code="TH-20")
    d1, d2 = DistrictFactory(parent=chonburi), DistrictFactory(parent=chonburi)
    return office_contest("chonburi-web-2564", chonburi, d1, d2), d1, d2


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _pdf(name="a.pdf"):
    return files.upload(name, files.pdf_new(), "application/pdf")


def test_a_province_cannot_post_evidence_into_a_district_contest(chonburi_contest, provincial_user):
    rubric, _, _ = chonburi_contest
    url = reverse("api-evidence", args=[rubric.key])
    response = _api(provincial_user).post(url, {"criterion": "1.1", "file": _pdf()}, format="multipart")
    assert (response.status_code, Evidence.objects.count()) == (404, 0)


def test_a_district_cannot_post_evidence_into_the_national_contest(chonburi_contest, rubric):
    _, d1, _ = chonburi_contest
    district = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)
    response = _api(district).post(
        reverse("api-evidence", args=[rubric.key]), {"criterion": "1.1", "file": _pdf()}, format="multipart"
    )
    assert (response.status_code, Evidence.objects.count()) == (404, 0)
    with pytest.raises(PermissionDenied):  # the service refuses too, whoever calls it
        submission_services.evidence_submit(
            user=district, rubric=rubric, unit=d1, criterion_code="1.1", url="https://example.org/x"
        )


def test_an_organiser_lists_none_of_its_provinces_national_evidence(rubric, chiang_mai, provincial_user):
    first = submission_services.evidence_submit(
        user=provincial_user, rubric=rubric, unit=chiang_mai, criterion_code="1.1", url="https://example.org/a"
    )
    submission_services.evidence_withdraw(user=provincial_user, evidence=first)
    submission_services.evidence_submit(
        user=provincial_user, rubric=rubric, unit=chiang_mai, criterion_code="1.1", url="https://example.org/b"
    )
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)

    response = _api(organiser).get(reverse("api-evidence", args=[rubric.key]))

    assert (response.status_code, response.json()) == (200, [])
    assert list(Evidence.objects.for_user(organiser)) == []
    assert len(_api(provincial_user).get(reverse("api-evidence", args=[rubric.key])).json()[0]["versions"]) == 2


def test_another_offices_contest_does_not_exist_for_an_organiser(chonburi_contest, client):
    rubric, _, _ = chonburi_contest
    nong_khai = UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-43"))
    assert _api(nong_khai).get(reverse("api-rubric", args=[rubric.key])).status_code == 404
    client.force_login(nong_khai)
    unknown = client.get(reverse("scoring:mine", args=["no-such-contest"])).status_code
    assert (client.get(reverse("scoring:mine", args=[rubric.key])).status_code, unknown) == (404, 404)
    assert not visible_contests(actor_of(nong_khai), Need.SEE).filter(pk=rubric.contest_id).exists()
    own = UserFactory(role=Role.ORGANISER, role__unit=rubric.contest.organiser)
    assert _api(own).get(reverse("api-rubric", args=[rubric.key])).status_code == 200


def test_an_entrants_own_staff_on_its_panel_never_judge_it(chonburi_contest, client):
    rubric, d1, d2 = chonburi_contest
    organiser = UserFactory(role=Role.ORGANISER, role__unit=rubric.contest.organiser)
    own = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)
    committee_services.panelist_appoint(by=organiser, contest=rubric.contest, user=own)

    with pytest.raises(Conflicted):
        committee_services.judgment_record(
            member=own, rubric=rubric, unit=d1, criterion_code="1.1", points=Decimal("10"), expected_version=0
        )
    committee_services.judgment_record(
        member=own, rubric=rubric, unit=d2, criterion_code="1.1", points=Decimal("10"), expected_version=0
    )
    client.force_login(own)
    assert client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"])).status_code == 404
    assert client.get(reverse("admin:committee_score", args=[rubric.key, d2.code, "1.1"])).status_code == 200
    assert list(visible_entrants(actor_of(own), rubric.contest)) == [d2]


def test_an_organiser_takes_its_own_contests_documents_through_the_api(
    chonburi_contest, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The awards API asked its rules without the contest: organisers were refused there, the pages admitted
    them; a breakdown of a district could not be made at all (a district's code answered 404)."""
    settings.MEDIA_ROOT = tmp_path
    rubric, d1, _ = chonburi_contest
    own = _api(UserFactory(role=Role.ORGANISER, role__unit=rubric.contest.organiser))

    with django_capture_on_commit_callbacks(execute=True):  # the render, as the worker does after commit
        made = own.post(reverse("api-documents", args=[rubric.key]), {"kind": "breakdown", "province": d1.code})
    sheet = own.get(reverse("api-export", args=[rubric.key, "standings", "csv"]))

    assert (made.status_code, made.json()["scope"], sheet.status_code) == (202, d1.code, 200)
    detail = reverse("api-document", args=[made.json()["id"]])
    assert (own.get(detail).status_code, own.get(detail).json()["status"]) == (200, "done")
    # Another office's organiser and a province's staff: the document does not exist for them.
    nong_khai = _api(UserFactory(role=Role.ORGANISER, role__unit=Unit.objects.get(code="TH-43")))
    assert nong_khai.get(detail).status_code == 404
    assert nong_khai.get(reverse("api-document-file", args=[made.json()["id"]])).status_code == 404
    national = own.post(reverse("api-documents", args=[rubric.key]), {"kind": "breakdown", "province": "TH-50"})
    # Not one of this contest's entrants: refused before anything is queued (400, not 404).
    assert (national.status_code, national.json()["errors"][0]["code"]) == (400, "not_entrant")


def test_district_office_staff_and_organisers_are_set_up_in_the_admin(admin_client, chonburi_contest):
    """A district office's organiser picks its subdistrict at a district stage (seed 002), as the accounts sheet
    allows: the admin's role box no longer refuses one."""
    _, d1, _ = chonburi_contest
    from accounts.forms import MembershipForm

    form = MembershipForm(data={"role": Role.OFFICE_STAFF, "unit": d1.pk})
    organiser = MembershipForm(data={"role": Role.ORGANISER, "unit": d1.pk})

    assert form.is_valid(), form.errors
    assert organiser.is_valid(), organiser.errors


def test_the_system_actor_sees_a_contest_made_after_it_first_looked():
    """SYSTEM lives as long as the process: what it answers must never be a memo of an earlier request's."""
    from contests.actor import SYSTEM

    before = set(visible_contests(SYSTEM, Need.RUN).values_list("slug", flat=True))
    chonburi = Unit.objects.get(code="TH-20")
    rubric = office_contest("chonburi-web-2564", chonburi, DistrictFactory(parent=chonburi))
    assert set(visible_contests(SYSTEM, Need.RUN).values_list("slug", flat=True)) == before | {rubric.contest.slug}


def test_an_actors_entrants_follow_the_contest_and_a_conflict_within_one_request(chonburi_contest):
    """The actor builds a contest's entrants once per request (a scoring screen asks five times). What it keeps is
    the query, not its rows: a conflict declared a moment later already holds, and a contest taken back to
    draft is asked afresh."""
    rubric, d1, d2 = chonburi_contest
    contest = rubric.contest
    organiser = UserFactory(role=Role.ORGANISER, role__unit=contest.organiser)
    member = UserFactory(role=Role.OFFICE_STAFF, role__unit=contest.organiser)  # the organising office's staff
    committee_services.panelist_appoint(by=organiser, contest=contest, user=member)
    judge = actor_of(member)
    assert set(visible_entrants(judge, contest)) == {d1, d2}
    Conflict.objects.create(member=member, unit=d1)
    assert set(visible_entrants(judge, contest)) == {d2}

    entrant = actor_of(UserFactory(role=Role.OFFICE_STAFF, role__unit=d1))
    assert list(visible_entrants(entrant, contest)) == [d1]
    contest.state = ContestState.DRAFT
    assert list(visible_entrants(entrant, contest)) == []
    contest.state = ContestState.OPEN
    assert list(visible_entrants(entrant, contest)) == [d1]


def test_only_a_superuser_or_the_system_manages_a_superusers_account(chiang_mai):
    """Central staff manage every account but a superuser's, as the admin shows it read-only to them; an
    organiser never manages one."""
    from contests.actor import SYSTEM

    root = UserFactory(is_superuser=True)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai))
    central = UserFactory(role=Role.CENTRAL)
    super_central = UserFactory(role=Role.CENTRAL, is_superuser=True)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)

    asked = {
        name: (account_rights.manages_account(actor, root), account_rights.manages_account(actor, staff))
        for name, actor in [
            ("central", actor_of(central)),
            ("superuser", actor_of(super_central)),
            ("organiser", actor_of(organiser)),
            ("system", SYSTEM),
        ]
    }
    assert asked == {
        "central": (False, True),
        "superuser": (True, True),
        "organiser": (False, True),
        "system": (True, True),
    }
