"""`bootstrap --demo` leaves a realistic November in each role's inbox, made by the real services: a moved
deadline for the offices, a question waiting for Chiang Mai, an answer waiting for the member who asked."""

import os

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from notices.models import Kind, Receipt


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("bootstrap", "--no-units", demo=True, stdout=open(os.devnull, "w"))
        yield
        transaction.set_rollback(True)


def kinds(username: str) -> set[str]:
    return set(Receipt.objects.filter(user__username=username).values_list("notice__kind", flat=True))


@pytest.mark.django_db
def test_each_demo_role_finds_notices_waiting(loaded):
    assert {Kind.DEADLINE_MOVED, Kind.QUESTION_ASKED} <= kinds("chiangmai")
    assert {Kind.DEADLINE_MOVED, Kind.EVIDENCE_RECEIVED} <= kinds("phuket")  # the Department's receipt of 2.1.2
    assert Kind.QUESTION_ANSWERED in kinds("committee1") and Kind.QUESTION_ANSWERED not in kinds("phuket")
    assert Kind.EVIDENCE_RECEIVED in kinds("chair")
    told = Receipt.objects.filter(user__username="chiangmai", notice__kind=Kind.DEADLINE_MOVED)
    assert sorted(told.values_list("notice__about", flat=True)) == ["4.1.1", "4.1.2"]  # 4.1.2 times its files
    moved = told.get(notice__about="4.1.1").notice
    assert moved.params["reason"] and moved.params["letter"] == "มท 0410.4/ว 5821" and moved.params["old"]
    assert moved.params["letter_date"] and moved.link.endswith("/criteria/4.1.1/#deadline-moved")
