"""One lock: which entrants a user sees is the actor's answer for that contest, on every path
(`units_for_user`, which ignored the contest, is gone), and nobody outside the actor reads a role."""

import json

import pytest

from contests.actor import Power, actor_of
from contests.scopes import in_scope, visible_entrants, visible_units
from people.models import Conflict, Role
from rubrics import services
from scoring.models import Standing
from scoring.recompute import standings_recompute
from submissions.models import Evidence
from tests.factories import DistrictFactory, SubdistrictFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subdistricts(chiang_mai):
    """A Department's contest (no organiser) among two subdistricts: its committee judges it."""
    district = DistrictFactory(parent=chiang_mai)
    s1, s2 = SubdistrictFactory(parent=district), SubdistrictFactory(parent=district)
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {"slug": "dept-sub-2564", "entrant_level": "subdistrict", "entrants": [s1.code, s2.code]}
    return services.rubric_load(data=data), s1, s2


def test_the_committee_opens_an_entrant_of_the_departments_subdistrict_contest(client, subdistricts):
    rubric, s1, s2 = subdistricts
    member, conflicted = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.COMMITTEE)
    Conflict.objects.create(member=conflicted, unit=s1)
    assert set(visible_entrants(actor_of(member), rubric.contest)) == {s1, s2}
    client.force_login(member)
    assert client.get(f"/years/{rubric.key}/provinces/{s1.code}/").status_code == 200
    client.force_login(conflicted)  # a conflict still hides the unit, here as on the scoring screens
    assert client.get(f"/years/{rubric.key}/provinces/{s1.code}/").status_code == 404
    assert client.get(f"/years/{rubric.key}/provinces/{s2.code}/").status_code == 200


def test_scopes_without_a_contest_are_each_contests_entrants(subdistricts, rubric, chiang_mai):
    """Lists of many contests (evidence, nominees, the admin's rows) keep, contest by contest, the entrants
    the user sees there: the national contest's provinces and the subdistrict contest's units alike."""
    dept, s1, s2 = subdistricts
    member = UserFactory(role=Role.COMMITTEE)
    assert {chiang_mai, s1, s2} <= set(visible_units(actor_of(member)))
    assert not Evidence.objects.for_user(member).exists()
    standings_recompute(rubric_id=dept.pk, full=True)
    rows = Standing.objects.filter(in_scope(actor_of(member), "rubric__contest", "unit"))
    assert set(rows.filter(rubric=dept).values_list("unit", flat=True)) == {s1.pk, s2.pk}
    office = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)  # the national entrant: its own row
    rows = Standing.objects.filter(in_scope(actor_of(office), "rubric__contest", "unit"))
    assert set(rows.values_list("rubric", "unit")) <= {(rubric.pk, chiang_mai.pk)}


def test_an_actors_role_and_office_are_not_handed_out(chiang_mai):
    actor = actor_of(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    for name in ("role", "office_id", "office", "is_central", "is_committee", "is_office_staff", "is_organiser"):
        with pytest.raises(AttributeError):
            getattr(actor, name)
    assert (Power.FILE in actor.powers, actor.acts_for(chiang_mai), actor.own_office) == (True, True, chiang_mai)
