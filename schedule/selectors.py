"""The schedule's public reads: what is owed, by whom, by when, and whether it was met (docs/schedule.md).

- `entrant_obligations(rubric, unit)`: one entrant's evidence obligations in one contest (its home, its
  criterion pages, the API). A constant number of queries.
- `contest_obligations(rubric, ...)`: every entrant's, filtered by due-date window, state, criteria or units
  (central's dashboard, the missing list, exports, reminders). A constant number of queries, whatever the
  number of entrants.
- `person_obligations(user, ...)`: what one person owes across contests: their office's evidence, their
  judging, their office's picks, their picked office's answers (the calendar feed, reminders).
- `obligation_url(obligation)`: where one acts on it (also `Obligation.url`).
- `linked_criteria(rubric, code)`: the criteria that time the same files as this one (4.1.2 times 4.1.1's).
- `deadline_of(rubric, code)`: a criterion's deadline as its heading says it.
- `judging_obligation`, `picks_obligation`, `answers_obligations`: a member's judging, an office's picks, a
  picked entrant's stage files.

Due dates are the documents' (the rubric's date or round, every recorded move of the criterion's deadline
applied, a closed day moving it to the next working day) and the rules that time files score by the same
(`rulebook.rubric.RubricSpec.timing_deadline`), so no page, rule or reminder can disagree with another."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from contests.actor import actor_of
from contests.models import Unit
from core.thai import local, thai_digits
from nominees.models import Nominee, NomineeState
from rulebook.dates import DateInputError, parse_moment
from rulebook.rounds import rounds_moved
from rulebook.rubric import CriterionSpec, RubricSpec
from rulebook.rules import KINDS
from rulebook.workdays import WorkCalendar
from scoring import hooks, tallies
from scoring.deadline_moves import DeadlineMove, deadline_moves, round_moves
from scoring.models import Rubric, Standing
from scoring.selectors import criterion_codes, is_frozen, rubric_calendar, rubric_spec
from stages.models import Stage, StageEntry, StageFile, StageUpload

from .obligations import Met, Obligation, RoundStanding, days_left, rounds_stand
from .states import MetBy, ObligationKind, ObligationState


@dataclass(frozen=True)
class Linked:
    """A criterion linked to another by the files they time: `times` when this one's rule times the
    other's files (4.1.2 → 4.1.1), else the other's rule times this one's (4.1.1 → 4.1.2)."""

    code: str
    label: str  # its number as a person reads it (rulebook.rubric.criterion_label)
    name_th: str
    name_en: str
    deadline: date | None
    times: bool


def linked_criteria(rubric: Rubric, code: str) -> list[Linked]:
    """The other criteria of `rubric` that time the same files as criterion `code`: those whose files its
    rule times, then those whose rules time its files, in rubric order. A move of one changes the date the
    other's files are timed by (`RubricSpec.timing_deadline`), so a move form offers them together and each
    page names the other. No query when the rubric's spec is cached."""
    spec = rubric_spec(rubric)
    times = spec.times_files_of(code)
    timed = spec.files_timed_by(code)
    out = []
    for c in spec.criteria():
        if c.code in times or c.code in timed:
            name_en = c.name_en or c.name_th
            out.append(Linked(c.code, c.label, c.name_th, name_en, c.deadline, c.code in times))
    return out


def deadline_of(rubric: Rubric, code: str) -> date | None:
    """A criterion's deadline as its page's heading says it: the date its sending is timed by, every recorded
    move applied (`RubricSpec.timing_deadline`: for 4.1.2, which times 4.1.1's files, the later of its own and
    4.1.1's), as written (the closed-day shift is the calendar's to say). No query once the spec is cached."""
    return rubric_spec(rubric).timing_deadline(code)


def obligation_url(obligation: Obligation) -> str:
    """The page where one acts on the obligation: the criterion's upload page, the contest page's nominee
    form, the committee's scoring screens, the stage's page."""
    return obligation.url


# -- evidence ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueRound:
    """One round of one criterion as the documents now decide it, the same for every entrant (index 0 and
    rounds 0: a criterion without rounds, by the date its sending is timed by)."""

    criterion: CriterionSpec
    index: int
    rounds: int
    round_th: str
    round_en: str
    written: date | None
    due: date | None


def _rounds_due(spec: RubricSpec, calendar: WorkCalendar, moves: dict[str, list[DeadlineMove]]) -> list[list[DueRound]]:
    """Per criterion, its rounds' dates (one entry without rounds): the rubric's rounds with the criterion's
    recorded moves applied, the rounds a move kept on their dates too (`rulebook.rounds.rounds_moved`), or the
    date its sending is timed by."""
    out = []
    for c in spec.criteria():
        written = spec.timing_deadline(c.code)
        if not c.rounds:
            out.append([DueRound(c, 0, 0, "", "", written, _shift(calendar, written))])
            continue
        moved = rounds_moved(c.rounds, c.deadline, round_moves(moves.get(c.code, [])))
        n = len(moved)
        out.append(
            [DueRound(c, i, n, r.label_th, r.label_en, r.due, _shift(calendar, r.due)) for i, r in enumerate(moved, 1)]
        )
    return out


def criterion_rounds(rubric: Rubric) -> dict[str, list[DueRound]]:
    """criterion code → its rounds' dates in this contest (one without rounds), in rubric order: what every
    entrant owes by when, before anyone's sendings. 1 query (the moves)."""
    return {
        rounds[0].criterion.code: rounds
        for rounds in _rounds_due(rubric_spec(rubric), rubric_calendar(rubric), deadline_moves(rubric))
    }


def round_in_force(rounds: list[DueRound], today: date) -> DueRound:
    """The round a contest-wide list says a criterion by: the first not yet past, else the last."""
    return next((r for r in rounds if r.due is not None and r.due >= today), rounds[-1])


def _shift(calendar: WorkCalendar, written: date | None) -> date | None:
    return calendar.next_working_day(written) if written is not None else None


def _takes(spec: CriterionSpec) -> str:
    """The name of the fact that is this criterion's receipt ("" when its rule reads none)."""
    kind = KINDS.get(spec.raw_rule.get("kind", "")) if isinstance(spec.raw_rule, dict) else None
    param = kind.receipt_param if kind is not None else ""
    return str(spec.raw_rule.get(param, "")) if param else ""


def _day_of(at: datetime) -> date:
    """A moment's day in Bangkok, the day timeliness counts."""
    return local(at).date()


def _day(raw: str) -> tuple[date, datetime | None] | None:
    try:
        when = parse_moment(raw)
    except DateInputError:  # typed before the rule changed: no day
        return None
    if isinstance(when, datetime):
        return local(when).date(), when
    return when, None


def _sendings(
    rubric: Rubric, spec: RubricSpec, unit_ids: Iterable[int] | None, codes: set[str]
) -> dict[tuple[int, str], list[Met]]:
    """(unit id, criterion code) → what was sent for it: each visible upload (by the day it came), the
    Department's recorded receipt (by the day it says; an upload time a rule records is the upload's),
    a recorded fact of a criterion that asks no evidence, an active nominee. 2 queries (+1 with nominees)."""
    ids = {v: k for k, v in criterion_codes(rubric).items() if v in codes}
    names = {pk: code for code, pk in ids.items()}
    found: dict[tuple[int, str], list[Met]] = defaultdict(list)
    if not ids:
        return found
    for source in hooks.submitted_sources(rubric):  # submissions: visible evidence (submissions/apps.py)
        rows = source.filter(criterion__in=list(ids.values()))
        if unit_ids is not None:
            rows = rows.filter(unit__in=list(unit_ids))
        for unit_id, criterion_id, at, pk in rows.values_list("unit", "criterion", "created_at", "pk"):
            found[(unit_id, names[criterion_id])].append(Met(MetBy.UPLOAD, _day_of(at), at, pk))
    facts = tallies.recorded_facts(rubric).filter(criterion_id__in=list(ids.values()))
    if unit_ids is not None:
        facts = facts.filter(unit_id__in=list(unit_ids))
    by_code = {c.code: c for c in spec.criteria() if c.code in codes}
    for unit_id, criterion_id, name, value, updated in facts.values_list(
        "unit_id", "criterion_id", "name", "value", "updated_at"
    ):
        code = names[criterion_id]
        c = by_code[code]
        if name == _takes(c):
            got = _day(value)
            if got is None:
                continue
            by = MetBy.UPLOAD if name == c.rule.upload_time_fact() else MetBy.RECEIPT
            found[(unit_id, code)].append(Met(by, got[0], got[1]))
        else:
            found[(unit_id, code)].append(Met(MetBy.RECORD, _day_of(updated), updated))
    nominated = [c.code for c in by_code.values() if c.nominee]
    if nominated:
        rows = Nominee.objects.filter(contest_id=rubric.contest_id, state=NomineeState.ACTIVE)
        if unit_ids is not None:
            rows = rows.filter(unit_id__in=list(unit_ids))
        for unit_id, at in rows.values_list("unit_id", "submitted_at"):
            for code in nominated:
                found[(unit_id, code)].append(Met(MetBy.NOMINEE, _day_of(at), at))
    return found


class _Contest:
    """What every obligation of one contest shares: its rounds' dates, moves, links, calendar and today."""

    def __init__(self, rubric: Rubric, today: date | None) -> None:
        self.rubric = rubric
        self.spec = rubric_spec(rubric)
        self.calendar = rubric_calendar(rubric)
        self.today = today or timezone.localdate()
        self.moves = deadline_moves(rubric)
        self.closed = is_frozen(rubric)
        self.dues = _rounds_due(self.spec, self.calendar, self.moves)
        self.key = rubric.key
        self.counted = _Counted(self.calendar)
        self.shared: dict[str, _Shared] = {}

    def chosen(self, criteria: Iterable[str] | None, since: date | None, until: date | None) -> list[list[DueRound]]:
        """The criteria asked for, each with all its rounds when any of them falls in the window (a round's
        state depends on the round before it)."""
        wanted = set(criteria) if criteria is not None else None
        out = []
        for rounds in self.dues:
            if wanted is not None and rounds[0].criterion.code not in wanted:
                continue
            if (since or until) and not any(_within(r.due, since, until) for r in rounds):
                continue
            out.append(rounds)
        return out

    def obligations(self, unit_id: int, unit_code: str, rounds: list[DueRound], sent: list[Met]) -> list[Obligation]:
        return self.made(unit_id, unit_code, rounds, self.stands(rounds, sent))

    def stands(self, rounds: list[DueRound], sent: list[Met]) -> list[RoundStanding]:
        """Where each round of one criterion stands for an entrant that sent `sent`."""
        shared = self._shared(rounds)
        if not sent:
            return shared.unsent
        return rounds_stand(shared.dues, sent, today=self.today, calendar=self.counted, closed=self.closed)

    def made(
        self, unit_id: int, unit_code: str, rounds: list[DueRound], standing: list[RoundStanding]
    ) -> list[Obligation]:
        c = rounds[0].criterion
        shared = self._shared(rounds)
        url = shared.url.replace(UNIT, unit_code)
        head = f"{self.key}:{unit_code}:{c.code}:"
        return [
            Obligation(
                key=f"{head}{r.index}",
                kind=ObligationKind.EVIDENCE,
                rubric_id=self.rubric.pk,
                contest_key=self.key,
                unit_id=unit_id,
                unit_code=unit_code,
                criterion=c.code,
                label_th=shared.label_th,
                label_en=shared.label_en,
                round_th=r.round_th,
                round_en=r.round_en,
                index=r.index,
                rounds=r.rounds,
                written=r.written,
                due=r.due,
                state=s.state,
                met=s.met,
                days_left=left,
                late_days=s.late_days,
                url=url,
                moves=shared.moves,
                linked=shared.linked,
            )
            for r, s, left in zip(rounds, standing, shared.days_left, strict=True)
        ]

    def _shared(self, rounds: list[DueRound]) -> _Shared:
        """What every entrant's obligations of one criterion share, made once per contest read."""
        c = rounds[0].criterion
        found = self.shared.get(c.code)
        if found is None:
            dues = [r.due for r in rounds]
            unsent = rounds_stand(dues, [], today=self.today, calendar=self.counted, closed=self.closed)
            found = self.shared[c.code] = _Shared(
                dues=dues,
                unsent=unsent,
                days_left=[days_left(self.calendar, self.today, d) for d in dues],
                label_th=f"{thai_digits(c.label)} {c.name_th}",
                label_en=f"{c.label} {c.name_en or c.name_th}",
                url=_criterion_url(self.key, UNIT, c),
                moves=tuple(self.moves.get(c.code, ())),
                linked=self.spec.times_files_of(c.code) + self.spec.files_timed_by(c.code),
            )
        return found


@dataclass(frozen=True)
class _Shared:
    dues: list
    unsent: list
    days_left: list
    label_th: str
    label_en: str
    url: str
    moves: tuple
    linked: tuple[str, ...]


class _Counted:
    """The working days between two days, each pair counted once per contest read: thousands of entrants
    meet the same round on the same few days."""

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self.memo: dict[tuple[date, date], int] = {}

    def working_days_after(self, deadline: date, day: date) -> int:
        key = (deadline, day)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.calendar.working_days_after(deadline, day)
        return found


def _within(day: date | None, due_from: date | None, due_to: date | None) -> bool:
    return day is not None and (due_from is None or day >= due_from) and (due_to is None or day <= due_to)


UNIT = "UNIT-CODE"  # a unit code in a criterion's URL made once per contest, then filled per entrant


def _criterion_url(key: str, unit_code: str, c: CriterionSpec) -> str:
    if c.nominee:  # answered by the nominee form on the contest's page, not by an upload
        return reverse("submissions:province", args=[key, unit_code]) + "#nominee"
    return reverse("submissions:criterion", args=[key, unit_code, c.code])


def _keep(o: Obligation, due_from: date | None, due_to: date | None, states) -> bool:
    if (due_from or due_to) and not _within(o.due, due_from, due_to):
        return False
    return states is None or o.state in states


def entrant_obligations(
    rubric: Rubric,
    unit: Unit,
    *,
    criteria: Iterable[str] | None = None,
    today: date | None = None,
) -> list[Obligation]:
    """One entrant's evidence obligations in one contest, in rubric order, each criterion's rounds in due
    order (a criterion without rounds is one obligation, index 0). `criteria`: only these codes (a criterion
    page asks its own). 3 queries (the moves, the uploads, the recorded facts; +1 with a nominee criterion),
    none for the rubric's spec and calendar once cached."""
    contest = _Contest(rubric, today)
    chosen = contest.chosen(criteria, None, None)
    sent = _sendings(rubric, contest.spec, [unit.pk], {r[0].criterion.code for r in chosen})
    out: list[Obligation] = []
    for rounds in chosen:
        out += contest.obligations(unit.pk, unit.code, rounds, sent.get((unit.pk, rounds[0].criterion.code), []))
    return out


def contest_obligations(
    rubric: Rubric,
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
    return _every(_Contest(rubric, today), due_from, due_to, states, criteria, units)


def _every(
    contest: _Contest,
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
    sent = _sendings(rubric, contest.spec, ids, {r[0].criterion.code for r in chosen})
    out: list[Obligation] = []
    for unit_id, code in pairs:
        for rounds in chosen:
            for o in contest.obligations(unit_id, code, rounds, sent.get((unit_id, rounds[0].criterion.code), [])):
                if _keep(o, due_from, due_to, wanted):
                    out.append(o)
    return out


# -- judging, picks, answers --------------------------------------------------------------------------------


def judging_obligation(rubric: Rubric, user, *, today: date | None = None) -> Obligation | None:
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


def _stage_rubric(contest_id: int) -> Rubric | None:
    return Rubric.objects.filter(contest_id=contest_id).select_related("contest").order_by("-ends_on").first()


def picks_obligation(stage: Stage, office: Unit, *, today: date | None = None) -> Obligation:
    """A picking office's picks in a stage, by the stage's deadline: sent once it picked its quota (the day
    of its last pick), late when the deadline passed short of it."""
    rubric = _stage_rubric(stage.contest_id)
    calendar = rubric_calendar(rubric) if rubric is not None else WorkCalendar()
    today = today or timezone.localdate()
    due = calendar.next_working_day(stage.deadline)
    picked = sorted(StageEntry.objects.filter(stage=stage, chooser=office).values_list("chosen_at", flat=True))
    met = [Met(MetBy.PICKS, _day_of(picked[-1]), picked[-1])] if len(picked) >= stage.quota else []
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
        sent[requirement].append(Met(MetBy.UPLOAD, _day_of(at), at))
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
    if office is not None and actor.files_for_office():
        rubrics = list(Rubric.objects.national().order_by("-year")[:1])
        rubrics += list(Rubric.objects.exclude(pk__in=[r.pk for r in rubrics]).select_related("contest"))
        for rubric in rubrics:
            if rubric.ends_on >= today and actor.enters(rubric.contest):
                out += entrant_obligations(rubric, office, today=today)
        for entry in StageEntry.objects.filter(unit=office).select_related("stage__contest", "unit"):
            out += answers_obligations(entry, today=today)
    for rubric in Rubric.objects.filter(contest__judging_deadline__isnull=False).select_related("contest"):
        if rubric.ends_on >= today and actor.judges(rubric.contest):
            found = judging_obligation(rubric, user, today=today)
            if found is not None:
                out.append(found)
    if office is not None:
        for stage in Stage.objects.filter(chooser_level=office.level).select_related("contest"):
            chooser = actor.chooser(stage.contest) if actor.chooses(stage.contest) else None
            if chooser is not None:
                out.append(picks_obligation(stage, chooser, today=today))
    kept = [o for o in out if _keep(o, due_from, due_to, wanted)]
    return sorted(kept, key=lambda o: (o.due is None, o.due or today, o.key))


# -- a contest's rounds counted ---------------------------------------------------------------------------------


@dataclass
class RoundTally:
    """One round of one criterion across a contest's entrants: how many owe it (open or late), met it, are
    late, and the owing entrants' obligations shown (`shown`, by unit code: one page of them)."""

    round: DueRound
    owed: int = 0
    met: int = 0
    late: int = 0
    shown: list[Obligation] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.owed - len(self.shown)


def round_tallies(
    rubric: Rubric,
    *,
    criteria: Iterable[str] | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    shown: int = 30,
    offset: int = 0,
    today: date | None = None,
) -> list[RoundTally]:
    """Each round (of the criteria asked, falling due in the window) with its entrants counted by state and
    the owing ones listed from `offset`, `shown` of them: central's dashboard ("due soon") and the missing
    list, by round. In rubric order, each criterion's rounds in due order. `contest_obligations`' queries."""
    contest = _Contest(rubric, today)
    chosen = contest.chosen(criteria, due_from, due_to)
    tallies: dict[tuple[str, int], RoundTally] = {}
    for rounds in chosen:
        for r in rounds:
            if not (due_from or due_to) or _within(r.due, due_from, due_to):
                tallies[(r.criterion.code, r.index)] = RoundTally(r)
    if not tallies:
        return []
    pairs = list(Standing.objects.filter(rubric=rubric).order_by("unit__code").values_list("unit_id", "unit__code"))
    sent = _sendings(rubric, contest.spec, None, {r[0].criterion.code for r in chosen})
    owing = (ObligationState.OPEN, ObligationState.LATE)
    for unit_id, code in pairs:
        for rounds in chosen:
            standing = contest.stands(rounds, sent.get((unit_id, rounds[0].criterion.code), []))
            made = None  # an entrant's obligations are made only when one of them is shown
            for n, (r, s) in enumerate(zip(rounds, standing, strict=True)):
                tally = tallies.get((r.criterion.code, r.index))
                if tally is None:
                    continue
                if s.state in owing:
                    if tally.owed >= offset and len(tally.shown) < shown:
                        made = made or contest.made(unit_id, code, rounds, standing)
                        tally.shown.append(made[n])
                    tally.owed += 1
                    tally.late += s.state == ObligationState.LATE
                elif s.met is not None:
                    tally.met += 1
    return list(tallies.values())
