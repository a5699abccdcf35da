"""Organiser security: a user with another office's login affects and learns nothing of
Chonburi's contest. Each test failed before the one actor per request (contests/actor.py) or before its fix."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from committee import panels
from committee import services as committee_services
from committee.admin_views import score_url
from committee.models import ClarificationMessage, Judgment
from contests.models import Contest, Unit
from people.models import Role
from rubrics.models import ContestPeriod

from ...factories import UserFactory, office_contest
from ..conftest import evidence_of, pdf_upload
from .conftest import CRITERION, KEY, MARK


def fresh(user):
    """The user as a new request loads it: no actor cached on the world's shared object."""
    return get_user_model().objects.get(pk=user.pk)


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.parametrize("role", ["other_organiser", "other_district", "office_staff", "committee"])
def test_another_offices_user_reads_no_rubric_of_the_contest_through_the_api(office, role):
    response = api_as(office.users[role]).get(f"/api/v1/years/{KEY}/rubric/")
    assert response.status_code == 404
    assert MARK.encode() not in response.content
    # The contest's own organiser reads it: the route and the key are right.
    assert MARK in api_as(office.users["organiser"]).get(f"/api/v1/years/{KEY}/rubric/").json()["name_en"]


@pytest.mark.parametrize("role", ["other_district", "other_panelist", "office_staff", "other_organiser"])
def test_mine_of_another_offices_contest_is_not_found_like_an_unknown_key(client, office, role):
    client.force_login(office.users[role])
    unknown = client.get("/standings/nosuch-web-2564/mine/")
    response = client.get(f"/standings/{KEY}/mine/")
    assert (response.status_code, unknown.status_code) == (404, 404)
    assert MARK.encode() not in response.content


def test_an_entrants_own_staff_on_its_panel_neither_see_nor_score_their_district(client, office):
    rubric, entrant = office.objects["rubrics.contestperiod"], office.objects["contests.unit"]
    staff = fresh(office.users["entrant"])
    panels.panelist_appoint(by=fresh(office.users["organiser"]), contest=rubric.contest, user=staff)
    client.force_login(staff)
    matrix = client.get(f"/admin/committee/judgment/matrix/?year={KEY}")
    assert matrix.status_code == 200
    assert score_url(KEY, office.params["code"], CRITERION) not in matrix.content.decode()
    # The other entrant is theirs to judge: the matrix is the panel's, only without their own district.
    rival = office.objects["people.conflict"].unit
    assert score_url(KEY, rival.code, CRITERION) in matrix.content.decode()
    assert client.get(score_url(KEY, entrant.code, CRITERION)).status_code == 404
    with pytest.raises(committee_services.Conflicted):
        committee_services.judgment_record(
            member=fresh(staff), rubric=rubric, unit=entrant, criterion_code=CRITERION, points="5",
            expected_version=0,
        )  # fmt: skip
    assert not Judgment.objects.filter(member=staff).exists()


def test_a_unit_replies_to_no_clarification_of_a_contest_it_no_longer_enters(client, office):
    """The entrant district enters another of Chonburi's contests (B); its place in contest A, where the
    panel asked it a question, is withdrawn: its staff's rights in B answer nothing of A's."""
    question, entrant = office.objects["committee.clarification"], office.objects["contests.unit"]
    contest = office.objects["contests.contest"]
    office_contest("chonburi-other-2564", contest.organiser, entrant)
    contest.entrants.set([office.objects["people.conflict"].unit])
    staff = fresh(office.users["entrant"])
    with pytest.raises(PermissionDenied):
        committee_services.clarification_reply(user=staff, clarification=question, message="ตอบ / reply")
    client.force_login(staff)
    response = client.post(f"/committee/clarifications/{question.pk}/", {"message": "ตอบ / reply"})
    assert response.status_code in (403, 404)
    assert list(ClarificationMessage.objects.filter(clarification=question).values_list("author", flat=True)) == [
        office.users["panelist"].pk
    ]


def test_another_offices_organiser_cannot_take_over_the_contest_by_its_code(client, office):
    """A rubric file naming Chonburi's contest code, uploaded by Nong Khai's organiser: refused, and
    Chonburi's contest keeps its organiser, its name and its entrants."""
    contest = office.objects["contests.contest"]
    before = (contest.organiser_id, contest.name_en, sorted(contest.entrants.values_list("pk", flat=True)))
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] |= {"slug": KEY, "entrants": []}
    client.force_login(office.users["other_organiser"])
    for organiser in ("20", "43"):
        data["contest"]["organiser"] = organiser
        response = client.post(
            "/standings/contests/", {"file": SimpleUploadedFile("r.json", json.dumps(data).encode())}
        )
        assert response.status_code == 400
        assert MARK.encode() not in response.content
    contest = Contest.objects.get(slug=KEY)
    assert (contest.organiser_id, contest.name_en, sorted(contest.entrants.values_list("pk", flat=True))) == before
    assert ContestPeriod.objects.filter(contest=contest).count() == 1


def test_a_committee_member_is_not_offered_another_offices_contest_in_the_submissions_list(client, office, rubric):
    chiang_mai = Unit.objects.get(code="TH-50")
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    evidence_of(pdf_upload("national"), user=owner, rubric=rubric, unit=chiang_mai, criterion_code="4.1.1")
    client.force_login(office.users["committee"])
    response = client.get("/admin/submissions/submission/")
    assert response.status_code == 200
    assert MARK not in response.content.decode()
    assert chiang_mai.name_th in response.content.decode()  # the national contest's rows, as before


@pytest.mark.parametrize("page", ["status", "download"])
@pytest.mark.parametrize("role", ["other_organiser", "committee", "entrant", "panelist"])
def test_another_contests_document_is_not_found(client, office, page, role):
    document = office.objects["awards.generateddocument"]
    client.force_login(office.users[role])
    assert client.get(f"/awards/documents/{document.pk}/{page}/").status_code == 404
    client.force_login(office.users["organiser"])
    assert client.get(f"/awards/documents/{document.pk}/{page}/").status_code == 200
