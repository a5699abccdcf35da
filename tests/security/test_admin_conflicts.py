"""A member conflicted with TH-50 gets none of its rows from the admin's own routes:
lists, search, filters, detail and the facts export (the isolation matrix covers every route's page)."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from contests.models import Unit
from rubrics.models import ContestPeriod

from .conftest import MARK, th50_world

LISTS = [
    ("admin:scoring_fact_changelist", "scoring.fact"),
    ("admin:scoring_standing_changelist", "scoring.standing"),
    ("admin:submissions_submission_changelist", "submissions.submission"),
    ("admin:submissions_innovationreport_changelist", "submissions.innovationreport"),
    ("admin:contests_unit_changelist", "contests.unit"),
]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """TH-50's world built once for the module, in a transaction rolled back at its end: the tests only read it,
    and each test's own changes roll back to here."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        units = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
        yield th50_world(ContestPeriod.objects.get(year=2566), *units), media
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root(built):
    """The world's files, and an empty cache for each test (tests/security/media.py's)."""
    cache.clear()
    return built[1]


@pytest.fixture
def world(built, db):
    return built[0]


def as_user(world, role) -> Client:
    client = Client()
    client.force_login(world.users[role])
    return client


def listed(client, url_name: str, **params) -> set:
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize(("url_name", "label"), LISTS)
def test_conflicted_member_lists_search_and_filters_miss_th50(world, url_name, label):
    th50 = world.objects[label].pk
    conflicted, committee = as_user(world, "conflicted"), as_user(world, "committee")

    assert th50 in listed(committee, url_name)
    assert th50 not in listed(conflicted, url_name)
    assert th50 not in listed(conflicted, url_name, q="TH-50")
    assert th50 not in listed(conflicted, url_name, q="เชียงใหม่")
    if label in ("scoring.fact", "scoring.standing"):
        assert th50 not in listed(conflicted, url_name, year="2566")


@pytest.mark.parametrize(("url_name", "label"), [(n.replace("changelist", "change"), lb) for n, lb in LISTS])
def test_conflicted_member_cannot_open_th50_rows(world, url_name, label):
    url = reverse(url_name, args=[world.objects[label].pk])

    response = as_user(world, "conflicted").get(url)

    assert response.status_code == 302 and MARK not in response.content.decode()
    assert as_user(world, "committee").get(url).status_code == 200


@pytest.mark.parametrize("role", ["conflicted", "committee"])
def test_facts_export_leaves_out_the_conflicted_province(world, role):
    columns = {f"factresource_{c}": "on" for c in ("province", "criterion", "fact", "value", "year")}
    form = {"format": "0", "resource": "0", **columns}

    response = as_user(world, role).post(reverse("admin:scoring_fact_export"), form)

    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert (MARK in text) == (role == "committee")
