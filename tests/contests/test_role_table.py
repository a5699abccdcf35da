"""A role is a row of the lock's table (contests.actor.ROLES): its powers. Adding one is that row and its
tests, nothing else: here a read-only auditor who oversees the Department's judging and changes nothing."""

import pytest
from django.urls import reverse

from committee.models import Judgment
from contests import actor
from contests.actor import VIEWER, Power, actor_of
from contests.scopes import visible_entrants
from core import acts
from people.models import Membership, Role
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db

AUDITOR = "auditor"


@pytest.fixture
def auditor(monkeypatch):
    monkeypatch.setitem(actor.ROLES, AUDITOR, frozenset({Power.OVERSEE}))
    user = UserFactory()
    Membership.objects.create(user=user, role=AUDITOR)
    user.is_staff = True  # the admin is its workplace, as for the Department's roles (people.directory)
    user.save()
    return user


def test_every_role_of_the_portal_is_a_row():
    assert set(actor.ROLES) == set(Role.values)


def test_an_auditor_row_sees_the_departments_judging_and_changes_nothing(auditor, rubric, chiang_mai, settings):
    settings.CDD4_SECOND_FACTOR = "required"
    a = actor_of(auditor)
    assert (a.in_portal(), a.rights(rubric.contest).sees, a.rights(rubric.contest).seat) == (True, True, VIEWER)
    assert chiang_mai in visible_entrants(a, rubric.contest)
    allowed = {
        name: acts.allowed(auditor, name, rubric)
        for name in [
            "committee.view_scoring",
            "committee.score",
            "committee.finalize",
            "committee.import_judgments",
            "rubrics.see_rubric",
            "scoring.view_standings",
            "scoring.freeze",
            "awards.generate_documents",
        ]
    }
    assert allowed == {
        "committee.view_scoring": True,
        "committee.score": False,
        "committee.finalize": False,
        "committee.import_judgments": False,
        "rubrics.see_rubric": True,
        "scoring.view_standings": False,
        "scoring.freeze": False,
        "awards.generate_documents": False,
    }
    assert a.powers.isdisjoint({Power.ADMINISTER, Power.ORGANISE, Power.FILE, Power.JUDGE})
    assert acts.second_factor_due(auditor) is False  # no STEP_UP in the row: never asked


def test_an_auditor_does_not_meet_an_offices_contest(auditor, chiang_mai):
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    a = actor_of(auditor)
    assert (a.rights(rubric.contest).sees, a.rights(rubric.contest).seat) == (False, None)
    assert acts.allowed(auditor, "committee.view_scoring", rubric) is False


def test_an_auditor_reads_the_matrix_and_the_score_screen_and_scores_nothing(auditor, rubric, client):
    client.force_login(auditor)
    score = reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])
    assert client.get(reverse("admin:committee_matrix")).status_code == 200
    assert client.get(score).status_code == 200
    response = client.post(score, {"action": "judge", "points": "3", "expected_version": 0})
    assert response.status_code == 403 and not Judgment.objects.exists()
