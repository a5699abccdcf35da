"""A pick is due: the offices that pick a stage's entrants hear once that it is open, through the daily reminders'
job; then the schedule's reminders tell those short of their quota that the date is near (N working days, the
contest's setting), and that it has passed; nobody else hears, and a second run adds nothing."""

from datetime import date

import pytest
from django.utils import translation

from contests.actor import actor_of
from notices.catalogue import title
from notices.models import Kind, Notice
from people.models import Role
from schedule.reminders import reminders_send
from stages.services import stage_select
from tests.factories import UserFactory
from tests.stages.stage_support import OPEN, load_chain

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]


@pytest.fixture
def chain_people():
    chain = load_chain()
    made = {
        "rim": UserFactory(username="rim", email="rim@x.org", role=Role.ORGANISER, role__unit=chain.mae_rim),
        "dong": UserFactory(username="dong", email="dong@x.org", role=Role.ORGANISER, role__unit=chain.hang_dong),
        "kathu": UserFactory(username="kathu", email="kathu@x.org", role=Role.ORGANISER, role__unit=chain.kathu),
        "rim_staff": UserFactory(
            username="rimstaff", email="rs@x.org", role=Role.OFFICE_STAFF, role__unit=chain.mae_rim
        ),
        "cm": UserFactory(username="cm", email="cm@x.org", role=Role.ORGANISER, role__unit=chain.mae_rim.parent),
        "central": UserFactory(username="central", email="c@x.org", role=Role.CENTRAL),
    }
    return chain, made


def test_each_office_that_picks_hears_its_stage_is_open_once_and_nobody_else(chain_people, mailoutbox):
    chain, people = chain_people
    reminders_send(date(2021, 12, 1))
    reminders_send(date(2021, 12, 2))  # told once
    got = inbox_of(*people.values())
    assert got == {"rim": [Kind.PICK_DUE], "dong": [Kind.PICK_DUE], "kathu": [Kind.PICK_DUE], "rimstaff": [],
                   "cm": [Kind.PICK_DUE], "central": []}  # fmt: skip
    assert mailed(mailoutbox) == ["cm@x.org", "dong@x.org", "kathu@x.org", "rim@x.org"]
    body = next(m.body for m in mailoutbox if m.to == ["rim@x.org"])
    assert (
        chain.mae_rim.name_th in body and "๑๕ ธันวาคม ๒๕๖๔" in body and f"/stages/{chain.district_stage.slug}/" in body
    )


def test_near_its_date_only_the_offices_short_of_their_quota_are_reminded(chain_people, mailoutbox):
    chain, people = chain_people
    reminders_send(date(2021, 12, 1))
    stage_select(actor=actor_of(people["rim"]), contest=chain.district_stage, units=[chain.rim_nua], now=OPEN)
    mailoutbox.clear()
    assert reminders_send(date(2021, 12, 13)) == 3  # Hang Dong, Kathu; Chiang Mai (none of its two yet)
    assert reminders_send(date(2021, 12, 14)) == 0
    got = inbox_of(people["rim"], people["dong"], people["kathu"], people["cm"])
    assert got == {"rim": [Kind.PICK_DUE], "dong": [Kind.PICK_DUE, Kind.REMINDER_DUE],
                   "kathu": [Kind.PICK_DUE, Kind.REMINDER_DUE], "cm": [Kind.PICK_DUE, Kind.REMINDER_DUE]}  # fmt: skip
    assert mailed(mailoutbox) == ["cm@x.org", "dong@x.org", "kathu@x.org"]
    assert f"/stages/{chain.district_stage.slug}/" in mailoutbox[0].body


def test_after_its_date_no_office_hears_it_is_open_and_those_short_are_told_it_is_overdue(chain_people):
    chain, _ = chain_people
    reminders_send(date(2021, 12, 16))
    assert not Notice.objects.filter(kind=Kind.PICK_DUE).exists()
    overdue = Notice.objects.filter(kind=Kind.REMINDER_OVERDUE)
    assert sorted(overdue.values_list("unit__code", flat=True)) == sorted(
        [chain.hang_dong.code, chain.kathu.code, chain.mae_rim.code, chain.mae_rim.parent.code]
    )


def test_the_days_left_are_thai_digits_in_thai_and_plain_digits_in_english(chain_people, mailoutbox):
    reminders_send(date(2021, 12, 13))
    near = Notice.objects.filter(kind=Kind.REMINDER_DUE).first()
    with translation.override("th"):
        assert "อีก ๒ วันทำการ" in title(near)
    with translation.override("en"):
        assert "2 working days from today" in title(near)
