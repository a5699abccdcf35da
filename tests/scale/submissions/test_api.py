"""One entrant's obligations in the API (docs/api.md) cost the same at N and 10 × N entrants of its contest
(tests/scale/cost.py), to central staff and to the entrant's own staff."""

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from tests.factories import UserFactory
from tests.scale.contest import on_the_day, scaled_contest
from tests.scale.cost import assert_page_scales

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted


@pytest.mark.parametrize("own", [False, True], ids=["central staff", "the entrant's staff"])
def test_an_entrant_s_obligations_cost_the_same_at_n_and_10_n_entrants(client, monkeypatch, own):
    on_the_day(monkeypatch)
    scaled = scaled_contest(kept=True)
    village = Unit.objects.get(pk=scaled.units[7])
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=village) if own else scaled.sender
    url = reverse("api-entrant-obligations", args=[scaled.key, village.code])
    assert_page_scales(client, scaled, url, user)
