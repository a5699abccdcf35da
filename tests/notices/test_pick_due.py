"""A pick is due: the offices that pick a stage's entrants hear once that it is open and once that its date
is near (while they have not picked their quota), through the daily reminders' job; nobody else does, and a
second run adds nothing."""

from datetime import date

import pytest
from django.utils import translation

from contests.actor import actor_of
from notices.catalogue import details
from notices.models import Kind, Notice
from people.models import Role
from scoring.pick_reminders import pick_notices_send
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
    assert pick_notices_send(date(2021, 12, 1)) == 4  # Mae Rim, Hang Dong, Kathu; Chiang Mai above them
    assert pick_notices_send(date(2021, 12, 2)) == 0  # told once
    got = inbox_of(*people.values())
    assert got == {"rim": [Kind.PICK_DUE], "dong": [Kind.PICK_DUE], "kathu": [Kind.PICK_DUE], "rimstaff": [],
                   "cm": [Kind.PICK_DUE], "central": []}  # fmt: skip
    assert mailed(mailoutbox) == ["cm@x.org", "dong@x.org", "kathu@x.org", "rim@x.org"]
    body = next(m.body for m in mailoutbox if m.to == ["rim@x.org"])
    assert (
        chain.mae_rim.name_th in body and "๑๕ ธันวาคม ๒๕๖๔" in body and f"/stages/{chain.district_stage.slug}/" in body
    )


def test_near_its_date_only_the_offices_short_of_their_quota_hear_again(chain_people, mailoutbox):
    chain, people = chain_people
    pick_notices_send(date(2021, 12, 1))
    stage_select(actor=actor_of(people["rim"]), contest=chain.district_stage, units=[chain.rim_nua], now=OPEN)
    mailoutbox.clear()
    assert pick_notices_send(date(2021, 12, 13)) == 3  # Hang Dong, Kathu; Chiang Mai (none of its two yet)
    assert pick_notices_send(date(2021, 12, 14)) == 0
    got = inbox_of(people["rim"], people["dong"], people["kathu"], people["cm"])
    assert got == {"rim": [Kind.PICK_DUE], "dong": [Kind.PICK_DUE] * 2, "kathu": [Kind.PICK_DUE] * 2,
                   "cm": [Kind.PICK_DUE] * 2}  # fmt: skip
    assert mailed(mailoutbox) == ["cm@x.org", "dong@x.org", "kathu@x.org"]
    assert "ใกล้ถึงกำหนดแล้ว" in mailoutbox[0].body


def test_after_its_date_nobody_hears_of_the_stage_any_more(chain_people):
    assert pick_notices_send(date(2021, 12, 16)) == 0
    assert not Notice.objects.filter(kind=Kind.PICK_DUE).exists()


def test_the_days_left_are_thai_digits_in_thai_and_plain_digits_in_english(chain_people, mailoutbox):
    pick_notices_send(date(2021, 12, 13))
    near = Notice.objects.filter(kind=Kind.PICK_DUE, about="near").first()
    with translation.override("th"):
        assert details(near) == ["ใกล้ถึงกำหนดแล้ว: เหลืออีก ๒ วัน"]
    with translation.override("en"):
        assert details(near) == ["The date is near: 2 days left"]
    assert "เหลืออีก ๒ วัน" in next(m.body for m in mailoutbox if m.to == ["dong@x.org"] and "ใกล้" in m.body)
