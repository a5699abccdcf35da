"""A contest's rounds counted in the database (`schedule.tallies.round_tallies`, central's missing list and
dashboard) agree with every entrant's obligations made one by one (`contest_obligations`): how many owe each
round, met it or are late, and which owing entrants a page names, whatever was sent when."""

import random
import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db.models import F

from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod, Criterion, HolidayOverride
from rubrics.selectors import criterion_codes, rubric_spec
from schedule.contest import ContestSchedule
from schedule.kept import Kept, kept_stale, rounds_keep, windows_key
from schedule.models import RoundsKept
from schedule.selectors import contest_obligations
from schedule.states import ObligationState
from schedule.tallies import round_tallies
from scoring.models import Fact, FactSource, Standing
from scoring.recompute import results_ensure, results_mark_dirty
from submissions.models import Evidence, EvidenceKind, Submission, SubmissionStatus
from submissions.services import evidence_submit, evidence_withdraw
from tests.factories import DistrictFactory, UserFactory
from tests.nominees.test_contests_nominees import itmodel_data
from tests.submissions.test_nominee_page import form

pytestmark = pytest.mark.django_db
OWING = (ObligationState.OPEN, ObligationState.LATE)
FISCAL = (date(2022, 10, 1), date(2023, 9, 30))


def _day(rng: random.Random) -> date:
    return FISCAL[0] + timedelta(days=rng.randint(0, (FISCAL[1] - FISCAL[0]).days))


def _named(rng: random.Random, rubric, criterion) -> int | None:
    """The round a link says it answers, now and then: one of its criterion's rounds, or now and then one it does
    not ask (a round past the last, a round of a criterion without rounds), which the schedule reads as none."""
    if rng.random() < 0.5:
        return None
    return rng.randint(1, len(rubric_spec(rubric).criterion(criterion.code).rounds) + 1)


def _sent(rubric, seed: int) -> None:
    """Links on random days (one withdrawn now and then, some naming the round they answer), the Department's
    receipts of 2.1.2 (one typed unreadably), and 3.5 asking no evidence, so that its recorded facts count as
    sent on the day recorded."""
    rng = random.Random(seed)
    user = UserFactory()
    criteria = list(Criterion.objects.filter(rubric=rubric))
    Criterion.objects.filter(rubric=rubric, code="3.5").update(evidence_th="", evidence_en="")
    units = [s.unit for s in Standing.objects.filter(rubric=rubric).select_related("unit")]
    # Written at once (neither model saves or signals anything of its own): a row at a time, the rows were most
    # of each test's time.
    submissions, evidence = [], []
    for unit in units:
        for criterion in rng.sample(criteria, 6):
            submission = Submission(rubric=rubric, unit=unit, criterion=criterion, status=SubmissionStatus.SUBMITTED)
            submissions.append(submission)
            for version in range(1, rng.randint(1, 3) + 1):
                # 23:00 UTC is the next day in Bangkok: the day counted is Bangkok's
                at = datetime.combine(_day(rng), time(rng.choice([1, 12, 23]), tzinfo=UTC))
                withdrawn = {"withdrawn_at": at, "withdrawn_by": user} if rng.random() < 0.1 else {}
                evidence.append(Evidence(
                    submission=submission, version=version, kind=EvidenceKind.LINK, url="https://example.org/r",
                    created_at=at, created_by=user, answers_round=_named(rng, rubric, criterion), **withdrawn,
                ))  # fmt: skip
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
    Submission.objects.bulk_create(submissions)
    Evidence.objects.bulk_create(evidence)
    results_mark_dirty(rubric_id=rubric.pk)  # as every service that writes what an entrant sends does


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("today", [date(2023, 1, 20), date(2023, 6, 20), date(2023, 9, 1)])
def test_each_round_counted_in_the_database_is_what_every_entrants_obligations_say(rubric, seed, today):
    _sent(rubric, seed)
    every = _by_round(contest_obligations(rubric, today=today))
    for offset in (0, 7):
        tallies = _agree(rubric, today, offset=offset, every=every)
        assert len(tallies) == len(every)
        for t in tallies:
            mine = every.get((t.round.criterion.code, t.round.index), [])
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


def _by_round(obligations) -> dict:
    """(criterion, round) → its obligations, in their order: grouped once, not searched again for each round."""
    grouped = defaultdict(list)
    for o in obligations:
        grouped[(o.criterion, o.index)].append(o)
    return dict(grouped)


def _agree(
    rubric, today: date, *, shown: int = 5, offset: int = 0, live_when_uncounted: bool = False, every=None
) -> list:
    """The tallies, each checked against every entrant's obligations: `every`, grouped by `_by_round`, when the
    caller has them for the same sendings and windows (keeping the rounds changes neither), else made here."""
    every = _by_round(contest_obligations(rubric, today=today)) if every is None else every
    tallies = round_tallies(rubric, shown=shown, offset=offset, today=today, live_when_uncounted=live_when_uncounted)
    for t in tallies:
        mine = every.get((t.round.criterion.code, t.round.index), [])
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
    submission = Submission.objects.create(rubric=rubric, unit=d2, criterion=rubric.criteria.get(code=nominated))
    Evidence.objects.create(submission=submission, version=1, kind=EvidenceKind.LINK, url="https://example.org/n",
                            created_at=datetime(2021, 6, 30, tzinfo=UTC), created_by=UserFactory())  # fmt: skip
    tallies = _agree(rubric, date(2021, 7, 1))
    # The other district's file (sent before files were refused there) meets nothing: a nominee answers it.
    assert [(t.met, t.owed) for t in tallies if t.round.criterion.code == nominated] == [(1, 1)]
    RoundsKept.objects.filter(rubric=rubric).delete()  # counted live, the nominee's criterion asked alone
    alone = round_tallies(rubric, criteria=[nominated], today=date(2021, 7, 1))
    assert [(t.met, t.owed) for t in alone] == [(1, 1)]


def _kept(rubric, today: date) -> Kept | None:
    """How the kept rows are read (None: never counted, every sending counted live)."""
    contest = ContestSchedule(rubric, today)
    return kept_stale(rubric, windows_key(contest, {code: pk for pk, code in criterion_codes(rubric).items()}))


def _step(rubric, rng: random.Random, user) -> str:
    """One random change of what was sent or of the windows, marked as its service marks it."""
    units = [s.unit for s in Standing.objects.filter(rubric=rubric).select_related("unit")]
    unit = rng.choice(units)
    what = rng.choice(["upload", "upload", "withdraw", "receipt", "holiday"])
    if what == "upload":
        criterion = rng.choice(list(Criterion.objects.filter(rubric=rubric)))
        submission, _ = Submission.objects.get_or_create(rubric=rubric, unit=unit, criterion=criterion)
        version = Evidence.objects.filter(submission=submission).count() + 1
        at = datetime.combine(_day(rng), time(rng.choice([1, 23]), tzinfo=UTC))
        Evidence.objects.create(submission=submission, version=version, kind=EvidenceKind.LINK,
                                url=f"https://example.org/{version}", created_at=at, created_by=user,
                                answers_round=_named(rng, rubric, criterion))  # fmt: skip
    elif what == "withdraw":
        evidence = Evidence.objects.filter(submission__rubric=rubric, withdrawn_at__isnull=True).order_by("?").first()
        if evidence is None:
            return what
        unit = evidence.submission.unit
        Evidence.objects.filter(pk=evidence.pk).update(withdrawn_at=datetime.now(UTC), withdrawn_by=user)
    elif what == "receipt":
        criterion = Criterion.objects.get(rubric=rubric, code="2.1.2")
        Fact.objects.update_or_create(
            rubric=rubric, unit=unit, criterion=criterion, name="received_on",
            defaults={"value": _day(rng).isoformat(), "source": FactSource.IMPORT},
        )  # fmt: skip
    else:  # a round's due day closed: it moves to the next working day, and its windows with it
        dues = [r.due for rounds in ContestSchedule(rubric, None).dues for r in rounds if r.due]
        day = rng.choice(dues)
        HolidayOverride.objects.update_or_create(date=day, defaults={"is_holiday": True, "name_th": "หยุด"})
        ContestPeriod.objects.filter(pk=rubric.pk).update(revision=uuid.uuid4())
        rubric.refresh_from_db()
        results_mark_dirty(rubric_id=rubric.pk)
        return what
    results_mark_dirty(rubric_id=rubric.pk, unit_ids=[unit.pk])
    return what


@pytest.mark.parametrize("seed", [4, 5])
def test_the_kept_rounds_count_what_the_live_count_and_every_entrants_obligations_say_after_each_change(rubric, seed):
    _sent(rubric, seed)
    rng, user, today = random.Random(seed), UserFactory(), date(2023, 6, 20)
    entrants = Standing.objects.filter(rubric=rubric).count()
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted: every sending counted live
    assert _kept(rubric, today) is None
    every = _by_round(contest_obligations(rubric, today=today))
    live = _agree(rubric, today, every=every)
    assert rounds_keep(rubric_id=rubric.pk) == entrants
    assert _kept(rubric, today) == Kept([], None)
    assert _agree(rubric, today, every=every) == live
    for _ in range(12):
        before = [t.met for t in round_tallies(rubric, shown=5, today=today)]
        what = _step(rubric, rng, user)
        every = _by_round(contest_obligations(rubric, today=today))  # this step's sendings and windows
        kept = _kept(rubric, today)
        if what == "holiday":  # a round's window moved: the rows are read as they were counted, and say when
            counted_at = RoundsKept.objects.get(rubric=rubric).counted_at
            assert kept == Kept([], counted_at)
            tallies = round_tallies(rubric, shown=5, today=today)
            assert ([t.met for t in tallies], {t.as_of for t in tallies}) == (before, {counted_at})
        else:  # the changed entrant counted live beside the kept rows (a withdrawal may find nothing to withdraw)
            assert kept is not None and kept.as_of is None and len(kept.stale) <= 1
            _agree(rubric, today, offset=rng.choice([0, 3]), every=every)
        rounds_keep(rubric_id=rubric.pk)
        assert _kept(rubric, today) == Kept([], None)
        kept_tallies = _agree(rubric, today, offset=0, every=every)
        RoundsKept.objects.filter(rubric=rubric).delete()  # the kept rows set aside: all live, and alike
        assert [(t.owed, t.met) for t in round_tallies(rubric, shown=5, today=today)] == [
            (t.owed, t.met) for t in kept_tallies
        ]
        rounds_keep(rubric_id=rubric.pk)


def test_more_changed_entrants_than_a_page_counts_live_are_read_as_last_counted(rubric, monkeypatch):
    monkeypatch.setattr("schedule.kept.STALE_MOST", 10)  # the 76 provinces stand for a village contest's thousands
    _sent(rubric, 6)
    today = date(2023, 6, 20)
    rounds_keep(rubric_id=rubric.pk)
    counted = [(t.owed, t.met) for t in round_tallies(rubric, shown=5, today=today)]
    Standing.objects.filter(rubric=rubric).update(change_seq=F("change_seq") + 1)  # e.g. a full recompute's mark
    counted_at = RoundsKept.objects.get(rubric=rubric).counted_at
    assert _kept(rubric, today) == Kept([], counted_at)
    tallies = round_tallies(rubric, shown=5, today=today)
    assert [(t.owed, t.met, t.as_of) for t in tallies] == [(owed, met, counted_at) for owed, met in counted]


def test_an_entrant_that_joins_after_the_rounds_were_kept_is_counted_live_until_they_are_kept_again(rubric):
    _sent(rubric, 7)
    today = date(2023, 6, 20)
    joining = Standing.objects.get(rubric=rubric, unit__code="TH-50")
    joining.delete()  # not an entrant yet when the rounds are kept
    RoundsKept.objects.filter(rubric=rubric).delete()  # and kept then for the others alone
    rounds_keep(rubric_id=rubric.pk)
    results_ensure(rubric)  # it enters: its result row made, no rounds kept for it
    assert _kept(rubric, today) == Kept([joining.unit_id], None)
    every = _by_round(contest_obligations(rubric, today=today))
    _agree(rubric, today, every=every)
    assert rounds_keep(rubric_id=rubric.pk) == 1
    assert _kept(rubric, today) == Kept([], None)
    _agree(rubric, today, every=every)


def test_an_upload_and_its_withdrawal_leave_their_entrant_counted_live_until_its_rounds_are_kept_again(rubric, clock):
    clock(2023, 3, 1, 9, 0)
    rounds_keep(rubric_id=rubric.pk)
    standing = Standing.objects.filter(rubric=rubric, unit__code="TH-50").select_related("unit").get()
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=standing.unit)
    today = date(2023, 3, 1)
    assert _kept(rubric, today) == Kept([], None)
    evidence = evidence_submit(
        user=user, rubric=rubric, unit=standing.unit, criterion_code="1.1", url="https://example.org/x"
    )
    assert _kept(rubric, today) == Kept([standing.unit_id], None)
    _agree(rubric, today)
    assert rounds_keep(rubric_id=rubric.pk) == 1
    assert _kept(rubric, today) == Kept([], None)
    evidence_withdraw(user=user, evidence=evidence)
    assert _kept(rubric, today) == Kept([standing.unit_id], None)
    _agree(rubric, today)


@pytest.mark.parametrize(("most", "counted"), [(75, False), (76, True)])  # the 76 provinces: one over the bound, at it
def test_a_contest_never_counted_is_counted_live_only_up_to_the_entrants_a_page_counts_live(
    rubric, monkeypatch, django_assert_num_queries, most, counted
):
    monkeypatch.setattr("schedule.kept.STALE_MOST", most)  # the 76 provinces stand for a village contest's thousands
    _sent(rubric, 8)
    today = date(2023, 6, 20)
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted: the worker not come yet
    assert _kept(rubric, today) is None
    if counted:
        tallies = _agree(rubric, today)
        assert {t.uncounted for t in tallies} == {False}
        return
    # The moves, frozen or not, the kept rows (none), the entrants (up to one over the bound): no sending read.
    with django_assert_num_queries(4):
        tallies = round_tallies(rubric, shown=5, today=today)
    exact = _agree(rubric, today, live_when_uncounted=True)  # a task's count: every sending, as before
    assert [(t.round, t.uncounted, t.owed, t.met, t.late, t.shown) for t in tallies] == [
        (t.round, True, 0, 0, 0, []) for t in exact
    ]
    assert {t.uncounted for t in exact} == {False} and sum(t.owed for t in exact) > 0
