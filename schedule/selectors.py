"""The schedule's public reads: what is owed, by whom, by when, and whether it was met (docs/schedule.md).

- `entrant_obligations(rubric, unit)`: one entrant's evidence obligations in one contest (its home, its
  criterion pages, the API). A constant number of queries.
- `contest_obligations(rubric, ...)`: every entrant's, filtered by due-date window, state, criteria or units
  (central's dashboard, the missing list, exports, reminders). A constant number of queries, whatever the
  number of entrants.
- `person_obligations(user, ...)`: what one person owes across contests: their office's evidence, their
  judging, their office's picks, their picked office's answers (the calendar feed, reminders).
- `obligation_url(obligation)`: where one acts on it (also `Obligation.url`); `criterion_url(rubric, unit code,
  code)`: the same page for a criterion, before any obligation is made.
- `deadline_of(rubric, code)`: a criterion's deadline as its heading says it.
- `judging_obligation`: a member's judging; an office's picks and a picked entrant's stage files are stages'
  (`stages.picks_owed`, through `schedule.hooks.person_owed`).

Beside them: `schedule.contest` (each criterion's rounds as the documents decide them: `criterion_rounds`,
`round_in_force`), `schedule.sendings` (what met them) and `schedule.tallies` (a contest's rounds counted:
`round_tallies`).

Due dates are the documents' (the rubric's date or round, every recorded move of the criterion's deadline
applied, a closed day moving it to the next working day) and the rules that time files score by the same
(`rulebook.rubric.RubricSpec.timing_deadline`), so no page, rule or reminder can disagree with another."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from contests.actor import Power, actor_of
from contests.models import Unit
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar, rubric_spec
from scoring.models import Standing
from scoring.selectors import is_frozen

from .contest import ContestSchedule, criterion_link, within
from .hooks import person_owed
from .obligations import Obligation, days_left, rounds_stand
from .sendings import sendings
from .states import ObligationKind, ObligationState


def deadline_of(rubric: ContestPeriod, code: str) -> date | None:
    """A criterion's deadline as its page's heading says it: the date its sending is timed by, every recorded
    move applied (`RubricSpec.timing_deadline`: for 4.1.2, which times 4.1.1's files, the later of its own and
    4.1.1's), as written (the closed-day shift is the calendar's to say). No query once the spec is cached."""
    return rubric_spec(rubric).timing_deadline(code)


def criterion_url(rubric: ContestPeriod, unit_code: str, code: str) -> str:
    """Where an entrant acts on one of its criteria, as its obligations' `url` says it: the criterion's upload
    page, or for a criterion a nominee answers the nominee form on the entrant's page (a moved deadline's notice
    lands there). No query once the rubric's spec is cached."""
    try:
        found = rubric_spec(rubric).criterion(code)
    except KeyError:  # no such criterion: its upload page says so (404)
        return reverse("submissions:criterion", args=[rubric.key, unit_code, code])
    return criterion_link(rubric.key, unit_code, found)


def obligation_url(obligation: Obligation) -> str:
    """The page where one acts on the obligation: the criterion's upload page, the contest page's nominee
    form, the committee's scoring screens, the stage's page."""
    return obligation.url


# -- evidence ---------------------------------------------------------------------------------------------


def _keep(o: Obligation, due_from: date | None, due_to: date | None, states) -> bool:
    if (due_from or due_to) and not within(o.due, due_from, due_to):
        return False
    return states is None or o.state in states


def entrant_obligations(
    rubric: ContestPeriod,
    unit: Unit,
    *,
    criteria: Iterable[str] | None = None,
    today: date | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
) -> list[Obligation]:
    """One entrant's evidence obligations in one contest, in rubric order, each criterion's rounds in due
    order (a criterion without rounds is one obligation, index 0). `criteria`: only these codes (a criterion
    page asks its own); `due_from`/`due_to`: only the rounds falling due in that window (inclusive), the
    sendings read only for the criteria that have one there. 3 queries (the moves, the uploads, the recorded
    facts; +1 with a nominee criterion), none for the rubric's spec and calendar once cached."""
    contest = ContestSchedule(rubric, today)
    chosen = contest.chosen(criteria, due_from, due_to)
    sent = sendings(rubric, contest.spec, [unit.pk], {r[0].criterion.code for r in chosen})
    out: list[Obligation] = []
    for rounds in chosen:
        sent_for = sent.get((unit.pk, rounds[0].criterion.code), [])
        out += contest.obligations(unit.pk, unit.code, rounds, sent_for, due_from, due_to)
    return out


def rounds_met_keys(rubric: ContestPeriod, unit: Unit, codes: Iterable[str]) -> set[str]:
    """The keys of the unit's rounds of these criteria met now, by the one rule of which sending meets which
    round (`rounds_stand`): what settles their reminders (notices.hooks.rounds_met). 3 queries."""
    return {o.key for o in entrant_obligations(rubric, unit, criteria=list(codes)) if o.is_met}


def contest_obligations(
    rubric: ContestPeriod,
    *,
    due_from: date | None = None,
    due_to: date | None = None,
    states: Iterable[ObligationState] | None = None,
    criteria: Iterable[str] | None = None,
    units: Iterable[Unit] | None = None,
    today: date | None = None,
) -> list[Obligation]:
    """Every entrant's evidence obligations in one contest (its entrants: its standings' rows), entrant by
    entrant in unit code order, each in rubric order: for central's dashboard, the missing list, exports and
    reminders. `due_from`/`due_to`: only obligations falling due in that window (inclusive, on the moved
    day); `states`: only those states; `criteria`: only those codes; `units`: only those entrants.
    4 queries (+1 with a nominee criterion), whatever the number of entrants."""
    return _every(ContestSchedule(rubric, today), due_from, due_to, states, criteria, units)


def _every(
    contest: ContestSchedule,
    due_from: date | None,
    due_to: date | None,
    states: Iterable[ObligationState] | None,
    criteria: Iterable[str] | None,
    units: Iterable[Unit] | None,
) -> list[Obligation]:
    rubric = contest.rubric
    wanted = set(states) if states is not None else None
    chosen = contest.chosen(criteria, due_from, due_to)
    if not chosen:
        return []
    entrants = Standing.objects.filter(rubric=rubric).order_by("unit__code")
    if units is not None:
        entrants = entrants.filter(unit__in=[u.pk for u in units])
    pairs = list(entrants.values_list("unit_id", "unit__code"))
    ids = [pk for pk, _ in pairs] if units is not None else None
    sent = sendings(rubric, contest.spec, ids, {r[0].criterion.code for r in chosen})
    out: list[Obligation] = []
    for unit_id, code in pairs:
        for rounds in chosen:
            for o in contest.obligations(unit_id, code, rounds, sent.get((unit_id, rounds[0].criterion.code), [])):
                if _keep(o, due_from, due_to, wanted):
                    out.append(o)
    return out


# -- judging, picks, answers --------------------------------------------------------------------------------


def judging_obligation(rubric: ContestPeriod, user, *, today: date | None = None) -> Obligation | None:
    """A committee member's judging of one contest, by the contest's judging deadline (None when it has
    none): open, late once past, excused once the results are frozen (nothing is judged any more)."""
    day = rubric.contest.judging_deadline
    if day is None:
        return None
    calendar, today = rubric_calendar(rubric), today or timezone.localdate()
    due = calendar.next_working_day(day)
    closed = is_frozen(rubric)
    stand = rounds_stand([due], [], today=today, calendar=calendar, closed=closed)[0]
    state = ObligationState.EXCUSED if closed else stand.state
    return Obligation(
        key=f"{rubric.key}:judging:{user.pk}",
        kind=ObligationKind.JUDGING,
        rubric_id=rubric.pk,
        contest_key=rubric.key,
        unit_id=None,
        unit_code="",
        criterion="",
        label_th=rubric.name_th,
        label_en=rubric.name_en or rubric.name_th,
        round_th="",
        round_en="",
        index=0,
        rounds=0,
        written=day,
        due=due,
        state=state,
        met=None,
        days_left=days_left(calendar, today, due),
        late_days=0 if closed else stand.late_days,
        url=reverse("admin:committee_next") + "?" + urlencode({"year": rubric.key}),
        user_id=user.pk,
    )


# -- a person ---------------------------------------------------------------------------------------------------


def person_obligations(
    user,
    *,
    due_from: date | None = None,
    due_to: date | None = None,
    states: Iterable[ObligationState] | None = None,
    today: date | None = None,
) -> list[Obligation]:
    """What one person owes, across the contests the lock lets them act in, by due date: their office's
    evidence in each contest it enters (the national contest's newest year and every other contest, running
    ones only), their judging of each contest they sit on as a member or chair, their office's picks in each
    stage it picks in, and the files each of their office's picks owes. For the calendar feed and reminders:
    a person whose office cannot submit (a viewer) owes no evidence."""
    actor = actor_of(user)
    today = today or timezone.localdate()
    wanted = set(states) if states is not None else None
    out: list[Obligation] = []
    office = actor.own_office
    # Every contest period, read once for the evidence and the judging both: the running ones are asked.
    rubrics = list(ContestPeriod.objects.select_related("contest"))
    if office is not None and Power.FILE in actor.powers:
        for rubric in rubrics:
            if rubric.ends_on >= today and actor.rights(rubric.contest).enters:
                out += entrant_obligations(rubric, office, today=today, due_from=due_from, due_to=due_to)
    for rubric in rubrics:
        if rubric.contest.judging_deadline is None:
            continue
        if rubric.ends_on >= today and actor.rights(rubric.contest).judges:
            found = judging_obligation(rubric, user, today=today)
            if found is not None:
                out.append(found)
    for found in person_owed(actor, today=today):  # stages: its office's picks, and the files its picks owe
        out += found
    kept = [o for o in out if _keep(o, due_from, due_to, wanted)]
    return sorted(kept, key=lambda o: (o.due is None, o.due or today, o.key))
