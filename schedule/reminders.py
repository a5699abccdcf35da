"""One day's reminders of what the schedule says is owed (docs/operations.md, "Reminders"): "due in N working
days" and "overdue", for each obligation — each round of each criterion an entrant owes, each committee
member's judging, each picking office's picks — told to the people the lock says owe it, through the notices
(notices.reminders_told: the inbox always, e-mail and LINE as each person chose, LINE's quota counted as for any
notice), each once per person, kind and due day. Run daily by the beat job `schedule.send_reminders`.

N is the contest's setting (YearSettings.reminder_working_days; 0 turns its reminders off), counted on its own
working-day calendar. An obligation is reminded of while it is owed (ObligationState.OPEN, or LATE for the
overdue one): a round met by an upload or the Department's receipt is never reminded of again, and its
reminders still waiting in the outbox are not sent (notices.events.evidence_received). "Overdue" is told again
on the contest's rhythm (YearSettings.overdue_every_working_days: every so many working days) until the round
is met or the results are frozen, each telling once (its repeat's number is part of the reminder's key,
`overdue_repeat`); a rhythm of 0 tells it once. A day the job did not run is caught up: "due in N" covers every
day up to N, and each "overdue" the working days of its repeat (OVERDUE_WITHIN for the one telling of 0)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from contests.models import Contest, Unit
from core.bulk import AnyOf
from notices import recipients
from notices.models import Kind
from notices.reminders_told import Due, reminders_record
from rubrics.models import ContestPeriod
from rubrics.selectors import year_settings
from scoring import lifecycle
from scoring.lifecycle import Action
from scoring.models import Standing

from .contest import UNIT, ContestSchedule, DueRound, within
from .hooks import reminders_owed
from .obligations import Obligation, rounds_met
from .selectors import judging_obligation
from .sendings import sendings
from .states import OWED, ObligationKind, ObligationState

TASKS = {  # an obligation that is no criterion's, named for what is done
    ObligationKind.JUDGING: gettext_lazy("Judging the entrants"),
    ObligationKind.PICKS: gettext_lazy("Picking the entrants for the next stage"),
}
OVERDUE_WITHIN = 5  # working days after a due day in which its one "overdue" reminder is told (a rhythm of 0)
CHUNK = 10_000  # entrants read and told at a time: a contest among 75,000 villages holds no more in memory
CLOSED_RUN = 14  # calendar days: more than the longest run of closed days (Songkran, the New Year)


@dataclass(frozen=True)
class Rhythm:
    """A contest's reminders: "due" from `before` working days ahead (0: none at all), "overdue" again every
    `every` working days until met (0: once)."""

    before: int
    every: int


def rhythm(rubric: ContestPeriod | None) -> Rhythm:
    """The rhythm central staff set for the contest's year (YearSettings); none without a period."""
    if rubric is None:
        return Rhythm(0, 0)
    chosen = year_settings(rubric)
    return Rhythm(chosen.reminder_working_days, chosen.overdue_every_working_days)


def overdue_repeat(late_days: int, every: int) -> int | None:
    """Which telling of an overdue reminder falls on a day `late_days` working days after its due day: 0 in the
    first `every` working days, 1 in the next `every`, and so on while it is owed; with `every` 0 only 0, in the
    first OVERDUE_WITHIN. None: not overdue, or no telling left."""
    if late_days < 1:
        return None
    if not every:
        return 0 if late_days <= OVERDUE_WITHIN else None
    return (late_days - 1) // every


def reminder_kind(obligation: Obligation, rhythm: Rhythm) -> tuple[Kind, int] | None:
    """What today's reminder of the obligation is, if any, with its repeat's number: due within the rhythm's
    working days (0), or overdue (`overdue_repeat`)."""
    if obligation.days_left is None:
        return None
    if obligation.state == ObligationState.OPEN and 0 <= obligation.days_left <= rhythm.before:
        return Kind.REMINDER_DUE, 0
    repeat = overdue_repeat(-obligation.days_left, rhythm.every)
    if obligation.state == ObligationState.LATE and repeat is not None:
        return Kind.REMINDER_OVERDUE, repeat
    return None


def owed_th(obligation: Obligation) -> str:
    """What is owed, in Thai as the notice's other names are: a criterion's number, name and round, or the task."""
    task = TASKS.get(obligation.kind)
    if task is not None:
        with translation.override("th"):
            return str(task)
    return " ".join(p for p in (obligation.label_th, obligation.round_th) if p)


def due_of(
    obligation: Obligation, told: tuple[Kind, int], people: list, contest, unit: tuple[int, str] | None, about: str
) -> Due:
    """`told`: the reminder's kind and repeat; `unit`: the id and Thai name of the unit that owes it (none for a
    member's judging)."""
    kind, repeat = told
    params = _params(obligation, kind, contest)
    if unit is not None:
        params["unit"] = unit[1]
    return Due(
        obligation=obligation.key,
        due_on=obligation.due or date.min,
        kind=kind,
        repeat=repeat,
        people=people,
        contest_id=contest.pk,
        unit_id=unit[0] if unit is not None else None,
        about=about,
        params=params,
        link=landing(obligation),
    )


def _params(obligation: Obligation, kind: Kind, contest) -> dict:
    """What the catalogue fills the reminder's words with, but the unit's name."""
    params = {
        "contest": contest.name_th,
        "what": owed_th(obligation),
        "day": obligation.due.isoformat() if obligation.due else "",
    }
    if kind == Kind.REMINDER_DUE:
        params["left"] = obligation.days_left
    elif obligation.days_left is not None:
        params["late"] = -obligation.days_left
    return params


def landing(obligation: Obligation) -> str:
    """Where a reminder of it lands: the obligation's page, at the criterion's upload form when it is one's (which
    proposes the oldest round still owed)."""
    if obligation.kind == ObligationKind.EVIDENCE and "#" not in obligation.url:
        return obligation.url + "#upload"
    return obligation.url


@dataclass(frozen=True)
class Told:
    """One round of one criterion reminded of today, as the schedule says it for an entrant that has not met it
    (`ContestSchedule.made` for the stand-in unit code UNIT): every entrant's reminder of it is this one with
    the entrant's code in its key and link, made once per round rather than once per entrant."""

    code: str
    index: int  # the round's place among the criterion's rounds (0-based)
    kind: Kind
    repeat: int
    obligation: Obligation
    params: dict
    link: str


def _told_today(schedule: ContestSchedule, today: date, rhythm: Rhythm) -> list[tuple[list[DueRound], list[Told]]]:
    """Each criterion with a round reminded of today (due within the rhythm's working days, or overdue: lately,
    or any time before while it is told again), with those rounds. A round's state for an entrant that has not
    met it is the same for every entrant (it follows from the dates alone): the sendings decide only whether the
    entrant met it."""
    n = rhythm.before
    window = (
        None if rhythm.every else schedule.calendar.working_day_before(today, OVERDUE_WITHIN),
        today + timedelta(days=n + n // 5 * 2 + CLOSED_RUN),
    )
    out = []
    contest = schedule.rubric.contest
    for rounds in schedule.chosen(None, *window):
        unsent = schedule.made(0, UNIT, rounds, schedule.shared(rounds).unsent)
        told = []
        for i, o in enumerate(unsent):
            found = reminder_kind(o, rhythm) if within(o.due, *window) and o.state in OWED else None
            if found is not None:
                kind, repeat = found
                told.append(Told(o.criterion, i, kind, repeat, o, _params(o, kind, contest), landing(o)))
        if told:
            out.append((rounds, told))
    return out


def _evidence(rubric: ContestPeriod, contest: Contest, today: date, rhythm: Rhythm) -> Iterator[list[Due]]:
    """The entrants' rounds due soon or overdue on the rhythm, CHUNK entrants at a time: the rounds
    reminded of read once from the schedule, then for each chunk what its entrants sent (schedule.sendings: a
    round met is not reminded of) and the lock's answer for all their units. A bounded number of queries."""
    schedule = ContestSchedule(rubric, today)
    rounds_told = _told_today(schedule, today, rhythm)
    if not rounds_told:
        return
    codes = {told[0].code for _, told in rounds_told}
    entrants = Standing.objects.filter(rubric=rubric).order_by("unit_id").values_list("unit_id", flat=True)
    ids = list(entrants)
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        sent = sendings(rubric, schedule.spec, part, codes)
        owed: list[tuple[int, Told]] = []
        for unit_id in part:
            for rounds, told in rounds_told:
                got = sorted(sent.get((unit_id, told[0].code), ()), key=lambda s: s.day)
                dues = [r.due for r in rounds]
                met = rounds_met(dues, [s.day for s in got], [s.round for s in got]) if got else None
                owed += [(unit_id, t) for t in told if met is None or met[t.index] is None]
        yield _evidence_told(contest, owed)


def _evidence_told(contest: Contest, owed: list[tuple[int, Told]]) -> list[Due]:
    unit_ids = {unit_id for unit_id, _ in owed}
    people = recipients.evidence_owed(contest, unit_ids)
    units = Unit.objects.filter(AnyOf(F("pk"), [pk for pk in unit_ids if pk in people]))
    named = {pk: (code, name) for pk, code, name in units.values_list("pk", "code", "name_th")}
    out = []
    for unit_id, t in owed:
        if unit_id not in named:
            continue
        code, name = named[unit_id]
        out.append(
            Due(
                obligation=t.obligation.key.replace(UNIT, code),
                due_on=t.obligation.due or date.min,
                kind=t.kind,
                repeat=t.repeat,
                people=people[unit_id],
                contest_id=contest.pk,
                unit_id=unit_id,
                about=t.code,
                params={**t.params, "unit": name},
                link=t.link.replace(UNIT, code),
            )
        )
    return out


def _judging(rubric: ContestPeriod, contest: Contest, today: date, rhythm: Rhythm) -> list[Due]:
    """Each member who judges the contest (the lock's answer), of their own judging."""
    if contest.judging_deadline is None:
        return []
    out = []
    for member in recipients.judging_deadline(contest):
        obligation = judging_obligation(rubric, member, today=today)
        told = reminder_kind(obligation, rhythm) if obligation is not None else None
        if obligation is not None and told is not None:
            out.append(due_of(obligation, told, [member], contest, None, "judging"))
    return out


def rubric_reminders(rubric: ContestPeriod, today: date) -> Iterator[list[Due]]:
    """One contest period's reminders today, in batches of at most CHUNK entrants' (then its judges'): none
    while its results are frozen or it is a draft, none when its N is 0."""
    found = rhythm(rubric)
    if not found.before or not lifecycle.allows(rubric, Action.REMIND, today=today):
        return
    yield from _evidence(rubric, rubric.contest, today, found)
    yield _judging(rubric, rubric.contest, today, found)


def reminders_send(today: date | None = None) -> int:
    """Today's reminders of every open contest period and stage; how many people were told anew."""
    today = today or timezone.localdate()
    told = 0
    for rubric in ContestPeriod.objects.filter(ends_on__gte=today).select_related("contest"):
        for batch in rubric_reminders(rubric, today):  # each in a transaction of its own: memory bounded
            told += reminders_record(batch)
    return told + reminders_record([due for found in reminders_owed(today) for due in found])  # stages: picks
