"""A panel seat counts while its holder qualifies: the actor asks the rule in Python of the person it has in hand
(`panel_organisers`), the panel's pages ask it in SQL (`panel_eligible`, `seat_counts`); both give one answer."""

import pytest

from committee import panels
from contests.actor import actor_of
from contests.models import Unit
from contests.seats import panel_eligible, panel_organisers
from people.models import Role
from people.selectors import membership_load, role_of

from ..factories import DistrictFactory, SubdistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices():
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    district = DistrictFactory(parent=chiang_mai)
    return {
        "chiang_mai": chiang_mai,
        "phuket": phuket,
        "district": district,
        "subdistrict": SubdistrictFactory(parent=district),
        "other_district": DistrictFactory(parent=phuket),
    }


def people(offices) -> dict[str, object]:
    staff, organiser = Role.OFFICE_STAFF, Role.ORGANISER
    return {
        "province_organiser": UserFactory(role=organiser, role__unit=offices["chiang_mai"]),
        "province_staff": UserFactory(role=staff, role__unit=offices["chiang_mai"]),
        "district_staff": UserFactory(role=staff, role__unit=offices["district"]),
        "subdistrict_staff": UserFactory(role=staff, role__unit=offices["subdistrict"]),
        "other_province_staff": UserFactory(role=staff, role__unit=offices["phuket"]),
        "other_district_staff": UserFactory(role=staff, role__unit=offices["other_district"]),
        "inactive_staff": UserFactory(role=staff, role__unit=offices["district"], is_active=False),
        "superuser_with_office": UserFactory(role=staff, role__unit=offices["district"], is_superuser=True),
        "committee": UserFactory(role=Role.COMMITTEE),
        "central": UserFactory(role=Role.CENTRAL),
        "no_role": UserFactory(),
    }


def test_the_rule_in_python_answers_as_the_rule_in_sql_for_every_kind_of_person_and_organiser(offices):
    users = people(offices)
    organisers = [offices["chiang_mai"], offices["district"], offices["phuket"], None]
    answers = {}
    for name, user in users.items():
        membership_load(user)
        office = getattr(getattr(user, "membership", None), "unit", None)
        for organiser in organisers:
            organiser_id = organiser.pk if organiser else None
            in_sql = organiser_id is not None and panel_eligible(organiser_id).filter(pk=user.pk).exists()
            in_python = organiser_id in panel_organisers(
                active=user.is_active, superuser=user.is_superuser, role=role_of(user), office=office
            )
            answers[name, organiser.code if organiser else None] = (in_sql, in_python)
    assert {key: sql for key, (sql, _) in answers.items()} == {key: python for key, (_, python) in answers.items()}
    assert sorted(key for key, (sql, _) in answers.items() if sql) == [
        ("district_staff", offices["district"].code),
        ("district_staff", "TH-50"),
        ("other_district_staff", "TH-83"),
        ("other_province_staff", "TH-83"),
        ("province_organiser", "TH-50"),
        ("province_staff", "TH-50"),
        ("subdistrict_staff", offices["district"].code),
        ("subdistrict_staff", "TH-50"),
    ]


def test_a_seat_stops_counting_when_its_holder_moves_to_an_office_outside_the_organisers(offices):
    contest = office_contest("cm-web-2564", offices["chiang_mai"], offices["district"]).contest
    organiser = UserFactory(role=Role.ORGANISER, role__unit=offices["chiang_mai"])
    holder = UserFactory(role=Role.OFFICE_STAFF, role__unit=offices["subdistrict"])
    panels.panelist_appoint(by=organiser, contest=contest, user=holder, is_chair=True)
    assert actor_of(holder).seats == {contest.pk: True}

    holder.membership.unit = offices["other_district"]
    holder.membership.save()
    next_request = type(holder).objects.get(pk=holder.pk)

    assert actor_of(next_request).seats == {}
