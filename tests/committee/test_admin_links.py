"""A read-only field on an admin page links to the related row's page only for whoever may open it
(contests/admin/openable.py: an organiser's judgment page linked its contest's, criterion's, entrant's
and member's admin pages, each a 403)."""

import re

import pytest
from django.urls import reverse

from committee.models import Judgment
from committee.services import judgment_record
from core.thai import thai_digits


@pytest.fixture
def judgment(cb, cb_people):
    rubric, d1, _ = cb
    judgment_record(
        member=cb_people["panel1"], rubric=rubric, unit=d1, criterion_code="1.1", points=17, expected_version=0
    )
    return Judgment.objects.get(rubric=rubric, unit=d1)


def _links(client, user, judgment) -> list[str]:
    client.force_login(user)
    response = client.get(reverse("admin:committee_judgment_change", args=[judgment.pk]))
    assert response.status_code == 200
    links = re.findall(r'<div class="readonly"><a href="([^"]+)"', response.content.decode())
    for url in links:  # every link offered opens
        assert client.get(url).status_code == 200, url
    return links


def test_the_organiser_reads_the_names_without_links_to_pages_it_may_not_open(client, judgment, cb_people):
    client.force_login(cb_people["organiser"])
    page = client.get(reverse("admin:committee_judgment_change", args=[judgment.pk])).content.decode()

    assert _links(client, cb_people["organiser"], judgment) == []
    assert f'<div class="readonly">{judgment.member}</div>' in page
    assert f'<div class="readonly">{thai_digits(judgment.unit)}</div>' in page  # the admin's digits are Thai
    for denied in (
        "/admin/rubrics/contestperiod/",
        "/admin/rubrics/criterion/",
        "/admin/auth/user/",
        "/admin/contests/unit/",
    ):
        assert denied not in page, denied


def test_central_staff_follow_each_name_to_its_page(client, judgment, central_user):
    assert _links(client, central_user, judgment) == [
        reverse("admin:rubrics_contestperiod_change", args=[judgment.rubric_id]),
        reverse("admin:contests_unit_change", args=[judgment.unit_id]),
        reverse("admin:rubrics_criterion_change", args=[judgment.criterion_id]),
        reverse("admin:auth_user_change", args=[judgment.member_id]),
    ]
