"""A member reading an entrant's items: one naming the round it answers is marked late by that round's day (4.2's
November report sent on 28 November: 9 working days), not by the criterion's last date (31 July)."""

from datetime import datetime

from django.urls import reverse

from core.thai import BANGKOK
from people.models import Role
from submissions.services import evidence_submit
from tests.factories import UserFactory


def test_an_item_naming_its_round_is_marked_late_for_that_round(client, members, rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    sent = datetime(2022, 11, 28, 10, 0, tzinfo=BANGKOK)
    evidence_submit(user=staff, rubric=rubric, unit=chiang_mai, criterion_code="4.2", url="https://example.org/nov",
                    answers_round=1, now=sent)  # fmt: skip
    # The same day unnamed: its day decides (December's, on time by the criterion's date), unmarked.
    evidence_submit(user=staff, rubric=rubric, unit=chiang_mai, criterion_code="4.2", url="https://example.org/dec",
                    now=sent)  # fmt: skip
    client.force_login(members[0])

    page = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "4.2"])).content.decode()

    assert page.count("ส่งช้า ๙ วันทำการ") == 2  # the named item's two marks (its list entry and its card)
