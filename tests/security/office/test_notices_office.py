"""Notices about another office's contest (office/conftest.py's world, whose contest's name carries the mark)
reach its own people only: never another office's organiser, staff or panel, nor its province's other staff,
nor the national committee."""

import pytest
from django.test import Client
from django.urls import reverse

from notices.models import Kind, Receipt

from .conftest import ATTACKERS, KEY

pytestmark = pytest.mark.django_db


def test_the_contests_notices_are_in_the_inboxes_of_its_entrant_and_panel_alone(office):
    about = Receipt.objects.filter(notice__contest__slug=KEY)
    held = {name: sorted(about.filter(user=u).values_list("notice__kind", flat=True))
            for name, u in office.users.items() if u is not None}  # fmt: skip
    assert {name for name, kinds in held.items() if kinds} == {"entrant", "panelist", "chair"}
    assert held["entrant"] == [Kind.QUESTION_ASKED]  # the panel's question; their own upload they know of
    assert held["panelist"] == held["chair"] == [Kind.EVIDENCE_RECEIVED]


@pytest.mark.parametrize("who", [a for a in ATTACKERS if a != "anonymous"] + ["entrant"])
def test_an_inbox_shows_the_contest_only_to_its_own(office, who):
    client = Client()
    client.force_login(office.users[who])
    html = client.get(reverse("notices:inbox")).content.decode()
    assert (office.mark in html) is (who == "entrant")
