"""What a selection in stages owes, as the schedule says it (docs/schedule.md): a picking office's picks by the
stage's deadline, and each picked entrant's files. The schedule lists them with every other obligation, and
reminds of the picks, through the hooks stages registers (schedule.hooks)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from contests.actor import Actor, Power, actor_of
from contests.models import ContestState, Unit
from notices import events, recipients
from notices.reminders_told import Due
from people import directory
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_calendar
from rulebook.workdays import WorkCalendar
from schedule.obligations import Met, Obligation, days_left, rounds_stand
from schedule.reminders import due_of, reminder_kind, rhythm
from schedule.sendings import day_of
from schedule.states import MetBy, ObligationKind
from stages.models import Stage, StageEntry, StageFile, StageUpload
from stages.rights import chooser


def _stage_rubric(contest_id: int) -> ContestPeriod | None:
    return ContestPeriod.objects.filter(contest_id=contest_id).select_related("contest").order_by("-ends_on").first()


def picks_obligation(stage: Stage, office: Unit, *, today: date | None = None) -> Obligation:
    """A picking office's picks in a stage, by the stage's deadline: sent once it picked its quota (the day
    of its last pick), late when the deadline passed short of it."""
    rubric = _stage_rubric(stage.contest_id)
    calendar = rubric_calendar(rubric) if rubric is not None else WorkCalendar()
    today = today or timezone.localdate()
    due = calendar.next_working_day(stage.deadline)
    picked = sorted(StageEntry.objects.filter(stage=stage, chooser=office).values_list("chosen_at", flat=True))
    met = [Met(MetBy.PICKS, day_of(picked[-1]), picked[-1])] if len(picked) >= stage.quota else []
    stand = rounds_stand([due], met, today=today, calendar=calendar, closed=False)[0]
    contest = stage.contest
    return Obligation(
        key=f"{contest.slug}:picks:{office.code}",
        kind=ObligationKind.PICKS,
        rubric_id=rubric.pk if rubric is not None else 0,
        contest_key=rubric.key if rubric is not None else contest.slug,
        unit_id=office.pk,
        unit_code=office.code,
        criterion="",
        label_th=contest.name_th,
        label_en=contest.name_en or contest.name_th,
        round_th="",
        round_en="",
        index=0,
        rounds=0,
        written=stage.deadline,
        due=due,
        state=stand.state,
        met=stand.met,
        days_left=days_left(calendar, today, due),
        late_days=stand.late_days,
        url=reverse("stages:stage", args=[contest.slug]),
        extra={"picked": len(picked), "quota": stage.quota},
    )


def answers_obligations(entry: StageEntry, *, today: date | None = None) -> list[Obligation]:
    """A picked entrant's files its stage asks for (the lessons-learned PDF, the video), each by its own
    deadline, met by the first file sent for it."""
    stage = entry.stage
    rubric = _stage_rubric(stage.contest_id)
    calendar = rubric_calendar(rubric) if rubric is not None else WorkCalendar()
    today = today or timezone.localdate()
    sent: dict[int, list[Met]] = defaultdict(list)
    for requirement, at in StageUpload.objects.filter(entry=entry).values_list("requirement_id", "uploaded_at"):
        sent[requirement].append(Met(MetBy.UPLOAD, day_of(at), at))
    out = []
    for f in StageFile.objects.filter(stage=stage):
        due = calendar.next_working_day(f.deadline)
        stand = rounds_stand([due], sent[f.pk], today=today, calendar=calendar, closed=False)[0]
        out.append(
            Obligation(
                key=f"{stage.contest.slug}:answers:{entry.unit.code}:{f.code}",
                kind=ObligationKind.ANSWERS,
                rubric_id=rubric.pk if rubric is not None else 0,
                contest_key=rubric.key if rubric is not None else stage.contest.slug,
                unit_id=entry.unit_id,
                unit_code=entry.unit.code,
                criterion=f.code,
                label_th=f.name_th,
                label_en=f.name_en or f.name_th,
                round_th="",
                round_en="",
                index=0,
                rounds=0,
                written=f.deadline,
                due=due,
                state=stand.state,
                met=stand.met,
                days_left=days_left(calendar, today, due),
                late_days=stand.late_days,
                url=reverse("stages:stage", args=[stage.contest.slug]),
            )
        )
    return out


def person_owed(actor: Actor, *, today: date) -> list[Obligation]:
    """schedule.hooks.person_owed: the files each of the person's office's picks owes (when their office may
    file), and their office's picks in each stage it picks in."""
    out: list[Obligation] = []
    office = actor.own_office
    if office is None:
        return out
    if Power.FILE in actor.powers:
        for entry in StageEntry.objects.filter(unit=office).select_related("stage__contest", "unit"):
            out += answers_obligations(entry, today=today)
    for stage in Stage.objects.filter(chooser_level=office.level).select_related("contest"):
        office_picking = chooser(actor, stage.contest)
        if office_picking is not None:
            out.append(picks_obligation(stage, office_picking, today=today))
    return out


def _choosers(stage: Stage) -> dict:
    """office → the people who pick for it there (stages.rights.chooser: its organisers of the stage's level)."""
    found: dict = {}
    for user in directory.office_staff(Q(membership__unit__level=stage.chooser_level)):
        office = chooser(actor_of(user), stage.contest)
        if office is not None:
            found.setdefault(office, []).append(user)
    return found


def pick_reminders(today: date) -> list[Due]:
    """Each picking office of each open stage: told once that the stage is open for picking (a notice of its
    own, notices.events.pick_due), then reminded of its picks, by the N of the stage's contest, until it has
    picked its quota. Its choosers are the lock's answer."""
    out = []
    for stage in Stage.objects.filter(contest__state=ContestState.OPEN).select_related("contest"):
        found = rhythm(stage.contest.rubrics.order_by("-ends_on").first())
        for office, people in _choosers(stage).items():
            obligation = picks_obligation(stage, office, today=today)
            if obligation.due is not None and obligation.due >= today:
                events.pick_due(stage=stage, office=office, people=people)
            told = reminder_kind(obligation, found) if found.before else None
            chosen = recipients.pick_due(stage.contest, office, people)
            if told is not None and chosen:
                out.append(due_of(obligation, told, chosen, stage.contest, (office.pk, office.name_th), "picks"))
    return out
