"""A person's calendar feed (accounts.calendar_feed) costs the same at N and 10 × N entrants of the contests in
it (tests/scale/cost.py): an entrant's staff see their own office's rounds, a committee member the judging deadline."""

from datetime import date

import pytest

from accounts.calendar import calendar_address_make, calendar_path
from contests.models import Unit
from people.models import Role
from tests.factories import UserFactory
from tests.scale.contest import on_the_day, scaled_contest
from tests.scale.cost import assert_page_scales

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE])
def test_a_calendar_feed_costs_the_same_at_n_and_10_n_entrants(client, monkeypatch, settings, role):
    on_the_day(monkeypatch)
    settings.CDD4_CALENDAR_RATE = "100/60"  # each size is read a few times
    scaled = scaled_contest(kept=True)
    contest = scaled.rubric.contest
    contest.judging_deadline = date(2023, 8, 31)
    contest.save()
    unit = Unit.objects.get(pk=scaled.units[7]) if role == Role.OFFICE_STAFF else None
    person = UserFactory(role=role, role__unit=unit)
    assert_page_scales(client, scaled, calendar_path(calendar_address_make(user=person)))
