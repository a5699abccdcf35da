"""One day's reminders of what the schedule says is owed (docs/operations.md, "Reminders"): "due in N working
days" and "overdue", for each obligation — each round of each criterion an entrant owes, each committee
member's judging, each picking office's picks — told to the people the lock says owe it, through the notices
(notices.reminders: the inbox always, e-mail and LINE as each person chose, LINE's quota counted as for any
notice), each once per person, kind and due day. Run daily by the beat job `schedule.send_reminders`.

N is the contest's setting (YearSettings.reminder_working_days; 0 turns its reminders off), counted on its own
working-day calendar. An obligation is reminded of while it is owed (ObligationState.OPEN, or LATE for the
overdue one): a round met by an upload or the Department's receipt is never reminded of again, and its
reminders still waiting in the outbox are not sent (notices.events.evidence_received). A day the job did not
run is caught up: "due in N" covers every day up to N, and "overdue" the OVERDUE_WITHIN working days after."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from contests.models import Contest, ContestState, Unit
from core.bulk import AnyOf
from notices import events, recipients
from notices.models import Kind
from notices.reminders import Due, reminders_record
from people import directory
from scoring import lifecycle
from scoring.dashboard import year_settings
from scoring.lifecycle import Action
from scoring.models import Rubric, Standing
from stages.models import Stage
from stages.rights import chooser

from .contest import UNIT, ContestSchedule, DueRound, within
from .obligations import Obligation, rounds_met
from .selectors import judging_obligation, picks_obligation
from .sendings import sendings
from .states import OWED, ObligationKind, ObligationState

TASKS = {  # an obligation that is no criterion's, named for what is done
    ObligationKind.JUDGING: gettext_lazy("Judging the entrants"),
    ObligationKind.PICKS: gettext_lazy("Picking the entrants for the next stage"),
}
OVERDUE_WITHIN = 5  # working days after a due day in which its "overdue" reminder is still told
CHUNK = 10_000  # entrants read and told at a time: a contest among 75,000 villages holds no more in memory
CLOSED_RUN = 14  # calendar days: more than the longest run of closed days (Songkran, the New Year)


def reminder_kind(obligation: Obligation, n: int) -> Kind | None:
    """What today's reminder of the obligation is, if any: due within `n` working days, or overdue."""
    if obligation.days_left is None:
        return None
    if obligation.state == ObligationState.OPEN and 0 <= obligation.days_left <= n:
        return Kind.REMINDER_DUE
    if obligation.state == ObligationState.LATE and -OVERDUE_WITHIN <= obligation.days_left < 0:
        return Kind.REMINDER_OVERDUE
    return None


def _what(obligation: Obligation) -> str:
    """What is owed, in Thai as the notice's other names are: a criterion's number, name and round, or the task."""
    task = TASKS.get(obligation.kind)
    if task is not None:
        with translation.override("th"):
            return str(task)
    return " ".join(p for p in (obligation.label_th, obligation.round_th) if p)


def _due(obligation: Obligation, kind: Kind, people: list, contest, unit: tuple[int, str] | None, about: str) -> Due:
    """`unit`: the id and Thai name of the unit that owes it (none for a member's judging)."""
    params = _params(obligation, kind, contest)
    if unit is not None:
        params["unit"] = unit[1]
    return Due(
        obligation=obligation.key,
        due_on=obligation.due or date.min,
        kind=kind,
        people=people,
        contest_id=contest.pk,
        unit_id=unit[0] if unit is not None else None,
        about=about,
        params=params,
        link=_landing(obligation),
    )


def _params(obligation: Obligation, kind: Kind, contest) -> dict:
    """What the catalogue fills the reminder's words with, but the unit's name."""
    params = {
        "contest": contest.name_th,
        "what": _what(obligation),
        "day": obligation.due.isoformat() if obligation.due else "",
    }
    if kind == Kind.REMINDER_DUE:
        params["left"] = obligation.days_left
    return params


def _landing(obligation: Obligation) -> str:
    """Where the reminder lands: the obligation's page, at the criterion's upload form when it is one's."""
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
    obligation: Obligation
    params: dict
    link: str


def _told_today(schedule: ContestSchedule, today: date, n: int) -> list[tuple[list[DueRound], list[Told]]]:
    """Each criterion with a round reminded of today (due within n working days, or lately overdue), with those
    rounds. A round's state for an entrant that has not met it is the same for every entrant (it follows from
    the dates alone): the sendings decide only whether the entrant met it."""
    window = (
        schedule.calendar.working_day_before(today, OVERDUE_WITHIN),
        today + timedelta(days=n + n // 5 * 2 + CLOSED_RUN),
    )
    out = []
    contest = schedule.rubric.contest
    for rounds in schedule.chosen(None, *window):
        unsent = schedule.made(0, UNIT, rounds, schedule.shared(rounds).unsent)
        told = []
        for i, o in enumerate(unsent):
            kind = reminder_kind(o, n) if within(o.due, *window) and o.state in OWED else None
            if kind is not None:
                told.append(Told(o.criterion, i, kind, o, _params(o, kind, contest), _landing(o)))
        if told:
            out.append((rounds, told))
    return out


def _evidence(rubric: Rubric, contest: Contest, today: date, n: int) -> Iterator[list[Due]]:
    """The entrants' rounds due within n working days or lately overdue, CHUNK entrants at a time: the rounds
    reminded of read once from the schedule, then for each chunk what its entrants sent (schedule.sendings: a
    round met is not reminded of) and the lock's answer for all their units. A bounded number of queries."""
    schedule = ContestSchedule(rubric, today)
    rounds_told = _told_today(schedule, today, n)
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
                people=people[unit_id],
                contest_id=contest.pk,
                unit_id=unit_id,
                about=t.code,
                params={**t.params, "unit": name},
                link=t.link.replace(UNIT, code),
            )
        )
    return out


def _judging(rubric: Rubric, contest: Contest, today: date, n: int) -> list[Due]:
    """Each member who judges the contest (the lock's answer), of their own judging."""
    if contest.judging_deadline is None:
        return []
    out = []
    for member in recipients.judging_deadline(contest):
        obligation = judging_obligation(rubric, member, today=today)
        kind = reminder_kind(obligation, n) if obligation is not None else None
        if obligation is not None and kind is not None:
            out.append(_due(obligation, kind, [member], contest, None, "judging"))
    return out


def rubric_reminders(rubric: Rubric, today: date) -> Iterator[list[Due]]:
    """One contest period's reminders today, in batches of at most CHUNK entrants' (then its judges'): none
    while its results are frozen or it is a draft, none when its N is 0."""
    n = year_settings(rubric).reminder_working_days
    if not n or not lifecycle.allows(rubric, Action.REMIND, today=today):
        return
    yield from _evidence(rubric, rubric.contest, today, n)
    yield _judging(rubric, rubric.contest, today, n)


def _choosers(stage: Stage) -> dict:
    """office → the people who pick for it there (stages.rights.chooser: its organisers of the stage's level)."""
    found: dict = {}
    for user in directory.office_staff(Q(membership__unit__level=stage.chooser_level)):
        office = chooser(actor_of(user), stage.contest)
        if office is not None:
            found.setdefault(office, []).append(user)
    return found


def pick_reminders(stages: Iterable[Stage], today: date) -> list[Due]:
    """Each picking office of each open stage: told once that the stage is open for picking (a notice of its
    own, notices.events.pick_due), then reminded of its picks, by the N of the stage's contest, until it has
    picked its quota. Its choosers are the lock's answer."""
    out = []
    for stage in stages:
        rubric = stage.contest.rubrics.order_by("-ends_on").first()
        n = year_settings(rubric).reminder_working_days if rubric is not None else 0
        for office, people in _choosers(stage).items():
            obligation = picks_obligation(stage, office, today=today)
            if obligation.due is not None and obligation.due >= today:
                events.pick_due(stage=stage, office=office, people=people)
            kind = reminder_kind(obligation, n) if n else None
            chosen = recipients.pick_due(stage.contest, office, people)
            if kind is not None and chosen:
                out.append(_due(obligation, kind, chosen, stage.contest, (office.pk, office.name_th), "picks"))
    return out


def reminders_send(today: date | None = None) -> int:
    """Today's reminders of every open contest period and stage; how many people were told anew."""
    today = today or timezone.localdate()
    told = 0
    for rubric in Rubric.objects.filter(ends_on__gte=today).select_related("contest"):
        for batch in rubric_reminders(rubric, today):  # each in a transaction of its own: memory bounded
            told += reminders_record(batch)
    stages = Stage.objects.filter(contest__state=ContestState.OPEN).select_related("contest")
    return told + reminders_record(pick_reminders(stages, today))
