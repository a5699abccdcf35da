"""A contest's rounds counted in the database (`schedule.tallies.round_tallies`, central's missing list and
dashboard) agree with every entrant's obligations made one by one (`contest_obligations`): how many owe each
round, met it or are late, and which owing entrants a page names, whatever was sent when."""

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from people.models import Role
from rubrics import services
from schedule.selectors import contest_obligations
from schedule.states import ObligationState
from schedule.tallies import round_tallies
from scoring.models import Criterion, Fact, FactSource, Standing
from scoring.selectors import rubric_spec
from submissions.models import Evidence, EvidenceKind, Submission, SubmissionStatus
from tests.factories import DistrictFactory, UserFactory
from tests.nominees.test_contests_nominees import itmodel_data
from tests.submissions.test_nominee_page import form

pytestmark = pytest.mark.django_db
OWING = (ObligationState.OPEN, ObligationState.LATE)
FISCAL = (date(2022, 10, 1), date(2023, 9, 30))


def _day(rng: random.Random) -> date:
    return FISCAL[0] + timedelta(days=rng.randint(0, (FISCAL[1] - FISCAL[0]).days))


def _sent(rubric, seed: int) -> None:
    """Links on random days (one withdrawn now and then), the Department's receipts of 2.1.2 (one typed
    unreadably), and 3.5 asking no evidence, so that its recorded facts count as sent on the day recorded."""
    rng = random.Random(seed)
    user = UserFactory()
    criteria = list(Criterion.objects.filter(rubric=rubric))
    Criterion.objects.filter(rubric=rubric, code="3.5").update(evidence_th="", evidence_en="")
    units = [s.unit for s in Standing.objects.filter(rubric=rubric).select_related("unit")]
    for unit in units:
        for criterion in rng.sample(criteria, 6):
            submission = Submission.objects.create(
                rubric=rubric, unit=unit, criterion=criterion, status=SubmissionStatus.SUBMITTED
            )
            for version in range(1, rng.randint(1, 3) + 1):
                # 23:00 UTC is the next day in Bangkok: the day counted is Bangkok's
                at = datetime.combine(_day(rng), time(rng.choice([1, 12, 23]), tzinfo=UTC))
                withdrawn = {"withdrawn_at": at, "withdrawn_by": user} if rng.random() < 0.1 else {}
                Evidence.objects.create(
                    submission=submission, version=version, kind=EvidenceKind.LINK, url="https://example.org/r",
                    created_at=at, created_by=user, **withdrawn,
                )  # fmt: skip
        if rng.random() < 0.5:
            value = _day(rng).isoformat() if rng.random() < 0.9 else "ไม่ทราบ"
            Fact.objects.create(
                rubric=rubric, unit=unit, criterion=criteria[[c.code for c in criteria].index("2.1.2")],
                name="received_on", value=value, source=FactSource.IMPORT,
            )  # fmt: skip
        if rng.random() < 0.5:
            Fact.objects.create(
                rubric=rubric, unit=unit, criterion=criteria[[c.code for c in criteria].index("3.5")],
                name=rng.choice(["done", "other"]), value="1", source=FactSource.IMPORT,
            )  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("today", [date(2023, 1, 20), date(2023, 6, 20), date(2023, 9, 1)])
def test_each_round_counted_in_the_database_is_what_every_entrants_obligations_say(rubric, seed, today):
    _sent(rubric, seed)
    every = contest_obligations(rubric, today=today)
    for offset in (0, 7):
        tallies = _agree(rubric, today, offset=offset)
        assert len(tallies) == len({(o.criterion, o.index) for o in every})
        for t in tallies:
            mine = [o for o in every if (o.criterion, o.index) == (t.round.criterion.code, t.round.index)]
            assert t.late == sum(o.state == ObligationState.LATE for o in mine), t.round


def test_a_due_window_counts_its_rounds_alone(rubric):
    _sent(rubric, 3)
    today = date(2023, 3, 20)
    window = (date(2023, 3, 1), date(2023, 3, 31))
    every = [o for o in contest_obligations(rubric, today=today) if o.due and window[0] <= o.due <= window[1]]
    tallies = round_tallies(rubric, due_from=window[0], due_to=window[1], shown=3, today=today)
    assert [(t.round.criterion.code, t.round.index) for t in tallies] == [("1.2", 1), ("1.3", 1), ("4.2", 6)]
    for t in tallies:
        owing = [o for o in every if (o.criterion, o.index) == (t.round.criterion.code, t.round.index) and o.is_owed]
        assert (t.owed, t.shown) == (len(owing), owing[:3])


def _agree(rubric, today: date, *, shown: int = 5, offset: int = 0) -> list:
    every = contest_obligations(rubric, today=today)
    tallies = round_tallies(rubric, shown=shown, offset=offset, today=today)
    for t in tallies:
        mine = [o for o in every if (o.criterion, o.index) == (t.round.criterion.code, t.round.index)]
        owing = [o for o in mine if o.state in OWING]
        assert (t.owed, t.met, t.shown) == (len(owing), sum(o.is_met for o in mine), owing[offset : offset + shown])
    return tallies


def test_a_nominee_is_counted_as_sent_as_the_entrants_own_page_says(client, chiang_mai, clock):
    clock(2021, 7, 1, 9, 0)  # before the contest's deadline, 20 July 2564
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    rubric = services.rubric_load(data=itmodel_data(d1.code, d2.code))
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=d1))
    client.post(f"/years/cm-itmodel-2564/provinces/{d1.code}/nominee/", form(d1))
    (nominated,) = [c.code for c in rubric_spec(rubric).criteria() if c.nominee]
    tallies = _agree(rubric, date(2021, 7, 1))
    assert [(t.met, t.owed) for t in tallies if t.round.criterion.code == nominated] == [(1, 1)]
