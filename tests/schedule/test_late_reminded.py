"""Reminding the late by hand (schedule.services.late_remind, the late list's button): nothing on the late list
reminded the late. One notice to each office late with a round, naming its rounds, to those who send its
evidence, once an office a day; whoever runs the contest presses it, nobody else; frozen results leave nothing
to remind of."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.thai import BANGKOK
from notices.models import Delivery, Kind, Notice, Receipt, Unreached
from people.models import Role
from schedule.models import RoundsKept
from schedule.services import late_remind
from schedule.tallies import round_tallies
from scoring import snapshots
from scoring.lifecycle import Refused
from scoring.models import Standing
from submissions import services as evidence_services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
JULY_3 = date(2023, 7, 3)  # Mon: 1.2's second report (due Fri 30 June) is a working day late


def test_each_late_office_gets_one_notice_naming_its_rounds_once_a_day(rubric, phuket, staff, central_user):
    evidence_services.evidence_submit(
        user=staff["pk"], rubric=rubric, unit=phuket, criterion_code="1.2", url="https://example.org/x",
        now=datetime(2023, 6, 29, 10, tzinfo=BANGKOK),
    )  # fmt: skip
    first = late_remind(user=central_user, rubric=rubric, today=JULY_3)
    assert sorted(first.reached) == ["ภูเก็ต", "เชียงใหม่"]  # the offices with staff here
    # Every other late office has nobody to tell, and is named so.
    assert len(first.missed) == Standing.objects.filter(rubric=rubric).count() - 2
    assert {why for _, why in first.missed} == {Unreached.NO_ACCOUNT}
    cm = Notice.objects.get(kind=Kind.LATE_REMINDED, unit__code="TH-50")
    pk = Notice.objects.get(kind=Kind.LATE_REMINDED, unit__code="TH-83")
    second_report = "รายงานครั้งที่ ๒ (๓๐ มิ.ย. ๒๕๖๖)"
    assert second_report in cm.params["rounds"] and second_report not in pk.params["rounds"]
    assert cm.params["count"] == pk.params["count"] + 1 and cm.params["unit"] == "เชียงใหม่"
    # It leads to where the oldest round missed is sent: 4.2's November report, at its upload form.
    assert cm.params["owed"][0] == "2566:TH-50:4.2:1"
    assert cm.link == reverse("submissions:criterion", args=[2566, "TH-50", "4.2"]) + "#upload"
    assert sorted(Receipt.objects.values_list("user__username", "notice__unit__code")) == [
        ("cm", "TH-50"),
        ("pk", "TH-83"),
    ]  # those who send each office's evidence, nobody else: central staff, another office
    assert set(Delivery.objects.values_list("channel", "digest")) == {("email", False)}  # at once, by the outbox
    again = late_remind(user=central_user, rubric=rubric, today=JULY_3)
    assert (again.reached, sorted(again.earlier), Receipt.objects.count()) == ([], ["ภูเก็ต", "เชียงใหม่"], 2)
    assert len(late_remind(user=central_user, rubric=rubric, today=date(2023, 7, 4)).reached) == 2


def test_only_whoever_runs_the_contest_reminds_and_never_once_the_results_froze(
    rubric, chiang_mai, staff, central_user
):
    for who in (staff["cm"], UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)):
        with pytest.raises(PermissionDenied):
            late_remind(user=who, rubric=rubric, today=JULY_3)
    snapshots.standings_freeze(user=central_user, rubric=rubric)
    with pytest.raises(Refused):
        late_remind(user=central_user, rubric=rubric, today=JULY_3)
    assert not Notice.objects.filter(kind=Kind.LATE_REMINDED).exists()


def test_the_late_of_a_large_contest_never_counted_are_all_reminded(rubric, phuket, staff, central_user, monkeypatch):
    monkeypatch.setattr("schedule.kept.STALE_MOST", 10)  # the 76 provinces stand for a village contest's thousands
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted: the late list says it is counting
    assert {t.uncounted for t in round_tallies(rubric, today=JULY_3)} == {True}
    evidence_services.evidence_submit(
        user=staff["pk"], rubric=rubric, unit=phuket, criterion_code="1.2", url="https://example.org/x",
        now=datetime(2023, 6, 29, 10, tzinfo=BANGKOK),
    )  # fmt: skip
    assert len(late_remind(user=central_user, rubric=rubric, today=JULY_3).reached) == 2  # counted live: every late
    cm = Notice.objects.get(kind=Kind.LATE_REMINDED, unit__code="TH-50")
    pk = Notice.objects.get(kind=Kind.LATE_REMINDED, unit__code="TH-83")
    assert "รายงานครั้งที่ ๒ (๓๐ มิ.ย. ๒๕๖๖)" in cm.params["rounds"] and cm.params["count"] == pk.params["count"] + 1
