"""An office's pages cost the same at N and 10 × N entrants of its contest (tests/scale/cost.py): what the other
entrants sent is never read, however many they are."""

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from tests.factories import UserFactory
from tests.scale.contest import on_the_day, scaled_contest
from tests.scale.cost import assert_page_scales

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted


@pytest.fixture(autouse=True)
def day(monkeypatch):
    on_the_day(monkeypatch)


@pytest.fixture
def scaled(db):
    return scaled_contest(kept=True)


@pytest.fixture
def village(scaled) -> Unit:
    return Unit.objects.get(pk=scaled.units[7])


@pytest.fixture
def staff(village):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=village)


def test_a_village_office_s_home_costs_the_same_at_n_and_10_n_entrants(client, scaled, staff):
    assert_page_scales(client, scaled, reverse("submissions:home"), staff, status=302)  # to its one contest


def test_a_provincial_office_s_home_costs_the_same_at_n_and_10_n_village_entrants(client, scaled):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    assert_page_scales(client, scaled, reverse("submissions:home"), staff, status=302)  # to its national page


def test_an_entrant_s_page_costs_the_same_at_n_and_10_n_entrants(client, scaled, village, staff):
    assert_page_scales(client, scaled, reverse("submissions:unit", args=[scaled.key, village.code]), staff)


def test_an_entrant_s_criterion_page_costs_the_same_at_n_and_10_n_entrants(client, scaled, village, staff):
    url = reverse("submissions:criterion", args=[scaled.key, village.code, "1.2"])
    assert_page_scales(client, scaled, url, staff)
