"""Reads. Every query that can reach a unit's evidence is scoped by the actor's scopes (visible_entrants, in_scope)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import Power, actor_of
from contests.entries import Entry
from contests.models import Unit
from core.converters import ContestKey
from core.i18n import Text, either
from core.thai import digits
from rubrics.access import SEE_CONTEST, contest_or_404, entry_or_404
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import linked_criteria, rubric_calendar, rubric_spec
from rulebook.rules import Context, Score
from rulebook.rules.errors import Label
from schedule.obligations import Met, Obligation, answerable, in_force, oldest_owed
from schedule.selectors import deadline_of, entrant_obligations
from schedule.states import MetBy, ObligationState
from scoring.entrant_counts import recorded_facts
from scoring.models import Fact, Standing

from .models import Evidence, InnovationReport, Submission, SubmissionStatus
from .permissions import SUBMIT
from .querysets import visible_q

DONE = {SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.SCORED}
RECORDED_LABEL = gettext_lazy("sent (recorded as received by the Department)")


def rubric_current() -> ContestPeriod | None:
    return ContestPeriod.objects.national().order_by("-year").first()


def own_entry(user, key: ContestKey | str, request=None) -> tuple[ContestPeriod, Entry]:
    """The user's own office's entry in the contest `key` names, to send its evidence: its act asked once
    (rubrics.access.entry_or_404). Refused, as it always was: a contest the user does not see, 404; anyone but
    an office's staff, 403; a contest their office does not enter, 404 (asked only on that path)."""
    office = actor_of(user).own_office if user.is_authenticated else None
    try:
        if office is None:
            raise Http404
        return entry_or_404(user, key, office.code, SUBMIT, request=request)
    except (Http404, PermissionDenied):
        contest_or_404(user, key, SEE_CONTEST, request=request, national_403=False)
        if Power.FILE not in actor_of(user).powers:
            raise PermissionDenied from None
        raise Http404 from None


def criterion_or_404(rubric: ContestPeriod, code: str) -> Criterion:
    return get_object_or_404(Criterion.objects.select_related("dimension"), rubric=rubric, code=code)


def evidence_for_user(user, contest=None) -> QuerySet[Evidence]:
    return Evidence.objects.for_user(user, contest)


def evidence_or_404(user, pk: int) -> Evidence:
    """Within the user's scope; `user` None: unscoped, for a caller that decides itself (downloads.serve)."""
    qs = Evidence.objects.all() if user is None else evidence_for_user(user)
    return get_object_or_404(
        qs.select_related("submission__unit", "submission__criterion", "submission__rubric__contest"),
        pk=pk,
    )


def evidence_pairs(rubric: ContestPeriod) -> QuerySet:
    """Visible evidence as rows of `unit` and `criterion` ids: scoring's `hooks.submitted_sources` (apps.py).

    A queryset, not a set: scoring counts and filters it in the database (one row per version, so
    callers that want pairs add distinct())."""
    return (
        Evidence.objects.visible()
        .filter(submission__rubric=rubric)
        .order_by()
        .values(unit=F("submission__unit_id"), criterion=F("submission__criterion_id"))
    )


@dataclass
class CriterionRow:
    """A criterion on its office's page: its submission's status and, from the schedule, what it owes by
    when (`obligations`: its rounds, or one without rounds) and what met it."""

    criterion: Criterion
    status: str | None  # None: nothing visible submitted yet
    visible_count: int
    points: str | None
    obligations: tuple[Obligation, ...] = ()
    note: str = ""

    @cached_property
    def current(self) -> Obligation | None:
        """The round the row is said by (schedule.obligations.in_force)."""
        return in_force(self.obligations)

    @property
    def days_left(self) -> int | None:
        """Working days to the round in force, negative once past; None once met or without a date."""
        current = self.current
        return None if current is None or current.met is not None else current.days_left

    @property
    def sent_late(self) -> int | None:
        """Working days after its date the round in force was met (0 on time); None while not met."""
        current = self.current
        return current.late_days if current is not None and current.met is not None else None

    @property
    def received(self) -> Met | None:
        """The Department's receipt or record that met the round in force (its day), if that is what met it."""
        current = self.current
        met = current.met if current is not None else None
        return met if met is not None and met.by in (MetBy.RECEIPT, MetBy.RECORD) else None

    @property
    def recorded(self) -> bool:
        """The Department recorded it as received (or recorded its data where no evidence is asked)."""
        return any(o.met is not None and o.met.by in (MetBy.RECEIPT, MetBy.RECORD) for o in self.obligations)

    @property
    def nominated(self) -> bool:
        """A nominee criterion (Criterion.nominee) whose office's nominee is active."""
        return any(o.met is not None and o.met.by == MetBy.NOMINEE for o in self.obligations)

    @property
    def rounds(self) -> tuple[int, int] | None:
        """(rounds met, rounds asked) of a criterion asked more than once; None when asked once."""
        if len(self.obligations) < 2:
            return None
        return sum(o.met is not None for o in self.obligations), len(self.obligations)

    @property
    def done(self) -> bool:
        return self.nominated if self.criterion.nominee else (self.status in DONE or self.recorded)

    @property
    def status_label(self) -> Text:
        if self.criterion.nominee:
            return gettext_lazy("nominee sent") if self.nominated else gettext_lazy("no nominee yet")
        sent = self.status == SubmissionStatus.SUBMITTED or (self.status is None and self.recorded)
        if sent and self.rounds and self.rounds[0] < self.rounds[1]:  # sent, not yet for every round
            done, total = self.rounds
            return format_lazy(gettext_lazy("sent {done} of {total} rounds"), done=digits(done), total=digits(total))
        if self.status:
            return SubmissionStatus(self.status).label
        return RECORDED_LABEL if self.recorded else gettext_lazy("not submitted")

    @property
    def standing_label(self) -> Text:
        """The criterion page's status: a criterion asked more than once is said by its round in force until that
        round is met ("รายงานครั้งที่ ๒: ยังไม่ส่ง", or "…: เลยกำหนด"), whatever an earlier round met, the next
        round not yet open included (the first report sent, the second still to come); else as its office's table
        says it (`status_label`)."""
        current = self.current
        unmet = (ObligationState.OPEN, ObligationState.NOT_DUE, ObligationState.LATE)
        if self.rounds is None or self.criterion.nominee or current is None or current.state not in unmet:
            return self.status_label
        state = current.state.label if current.state == ObligationState.LATE else gettext_lazy("not submitted")
        line = gettext_lazy("{round}: {state}")
        return format_lazy(line, round=either(current.round_th, current.round_en), state=state)

    @property
    def status_key(self) -> str:
        if self.criterion.nominee:
            return SubmissionStatus.SUBMITTED if self.nominated else "missing"
        return self.status or (SubmissionStatus.SUBMITTED if self.recorded else "missing")


def unit_home(*, rubric: ContestPeriod, unit: Unit, today: date | None = None) -> dict:
    """Every criterion with its status, what it owes by when (the schedule) and (if the year allows)
    provisional points.

    A fixed number of queries, however many criteria or files.
    """
    dimensions = list(rubric.dimensions.prefetch_related("criteria"))
    subs = {
        s.criterion_id: s
        for s in Submission.objects.filter(rubric=rubric, unit=unit).annotate(
            visible=Count("evidence", filter=visible_q("evidence__"))
        )
    }
    result = Standing.objects.filter(rubric=rubric, unit=unit).first() if rubric.show_provisional else None
    owed: dict[str, list[Obligation]] = {}
    for o in entrant_obligations(rubric, unit, today=today):
        owed.setdefault(o.criterion, []).append(o)
    groups, done, total = [], 0, 0
    for dim in dimensions:
        rows = []
        for c in dim.criteria.all():
            points = result.criteria.get(c.code) if result else None
            row = criterion_row(criterion=c, submission=subs.get(c.pk), obligations=owed.get(c.code, ()), points=points)
            rows.append(row)
            done += row.done
            total += 1
        groups.append((dim, rows))
    return {"groups": groups, "done": done, "total": total, "result": result}


def criterion_row(
    *, criterion: Criterion, submission: Submission | None, obligations: Iterable[Obligation], points: str | None = None
) -> CriterionRow:
    """A criterion as its office's table and its own page say it: `submission` annotated with `visible` (its
    versions not withdrawn), `obligations` its rounds from the schedule."""
    visible: int = getattr(submission, "visible", 0)  # annotated by the caller's read; none without a submission
    if submission is None:
        return CriterionRow(criterion, None, 0, points, tuple(obligations))
    returned = submission.status == SubmissionStatus.RETURNED
    return CriterionRow(
        criterion=criterion,
        status=submission.status if visible else None,
        visible_count=visible,
        points=points,
        obligations=tuple(obligations),
        note=submission.status_note if returned else "",
    )


def criterion_schedule(*, rubric: ContestPeriod, unit: Unit, code: str) -> dict:
    """A criterion page's part of the schedule: `deadline` (the date its sending is timed by, moves applied),
    `obligations` (its rounds, or its one date, each with what met it), `current` (the round it is said by),
    `moves` (its recorded deadline moves, newest first), `linked` (the criteria timing the same files) and, for
    a criterion asked in rounds, `answers` (the rounds a report sent now may answer) with `proposed` (the oldest
    still owed, else the round in force). 3 queries."""
    obligations = entrant_obligations(rubric, unit, criteria=[code])
    current = in_force(obligations)
    rounds = obligations if len(obligations) > 1 or (current is not None and current.rounds) else []
    return {
        "deadline": deadline_of(rubric, code),
        "obligations": obligations,
        "rounds": rounds,
        "answers": answerable(rounds),
        "proposed": oldest_owed(rounds) or current,
        "current": current,
        "moves": current.moves if current is not None else (),
        "linked": linked_criteria(rubric, code),
    }


def criterion_after_upload(*, rubric: ContestPeriod, unit: Unit, criterion: Criterion) -> tuple[list[Obligation], Text]:
    """What a criterion page changes in place once an item is saved: its rounds (the saved row names the one it
    answers) and its status (`CriterionRow.standing_label`). 5 queries."""
    rounds = criterion_schedule(rubric=rubric, unit=unit, code=criterion.code)
    submission = submission_of(rubric=rubric, unit=unit, criterion=criterion)
    row = criterion_row(criterion=criterion, submission=submission, obligations=rounds["obligations"])
    return rounds["rounds"], row.standing_label


def criterion_evidence(*, user, rubric: ContestPeriod, unit: Unit, criterion: Criterion) -> list[Evidence]:
    return list(
        evidence_for_user(user, rubric.contest)
        .filter(submission__rubric=rubric, submission__unit=unit, submission__criterion=criterion)
        .select_related("created_by", "withdrawn_by", "submission__unit")
        .order_by("-version")
    )


def submission_of(*, rubric: ContestPeriod, unit: Unit, criterion: Criterion) -> Submission | None:
    """With `visible`, its versions not withdrawn: none is "not submitted", whatever its stored status (the
    withdrawn ones its office and central staff still see in the list do not count)."""
    return (
        Submission.objects.filter(rubric=rubric, unit=unit, criterion=criterion)
        .annotate(visible=Count("evidence", filter=visible_q("evidence__")))
        .first()
    )


def with_submitted_count(units: QuerySet[Unit], rubric: ContestPeriod | None) -> QuerySet[Unit]:
    """Each unit with `submitted`: how many of the rubric's criteria it has sent (one query), as its own page
    counts them (unit_home): visible evidence (a criterion whose every version was withdrawn is not
    submitted) or the Department's record of receipt."""
    if rubric is None:  # no national contest yet: nothing sent anywhere
        return units.annotate(submitted=Value(0))
    unit, criterion = OuterRef(OuterRef("pk")), OuterRef("pk")
    sent = (
        Criterion.objects.filter(rubric=rubric)
        .filter(
            Exists(evidence_pairs(rubric).filter(unit=unit, criterion=criterion))
            | Exists(recorded_facts(rubric).filter(unit_id=unit, criterion_id=criterion))
        )
        .order_by()
        .values("rubric")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return units.annotate(submitted=Coalesce(Subquery(sent), 0))


def innovation_report_current(*, rubric: ContestPeriod, unit: Unit) -> InnovationReport | None:
    return InnovationReport.objects.filter(rubric=rubric, unit=unit).order_by("-version").first()


def innovation_report_versions(*, rubric: ContestPeriod, unit: Unit) -> list[InnovationReport]:
    return list(
        InnovationReport.objects.filter(rubric=rubric, unit=unit).select_related("created_by").order_by("-version")
    )


@dataclass(frozen=True)
class Asked:
    """What a criterion's document requires, as its entrant's page shows it (a `requirements` rule):
    each question the entrant answers with its stored answer, the verdicts of those that state a requirement,
    the panel's own questions (checked from the evidence, shown without a verdict) and what the answers give."""

    questions: list[tuple[object, str, Label]]  # each question, its answer as its box takes it, as a person reads it
    verdicts: list
    panel: list
    outcome: Score | None
    # Who gave the latest answer, and their office: the entrant's own staff, or the office that picked it and
    # answers for it (stages.rights.answers_for), recorded as such.
    answered_by: tuple[object, Unit | None] | None = None


def criterion_asked(*, rubric: ContestPeriod, unit: Unit, criterion: Criterion) -> Asked | None:
    spec = rubric_spec(rubric)
    rule = spec.criterion(criterion.code).rule
    questions = rule.entrant_questions()
    if not questions:
        return None
    rows = list(Fact.objects.filter(rubric=rubric, unit=unit, criterion=criterion).select_related("updated_by"))
    stored = {f.name: f.value for f in rows}
    facts = {k: v for k, v in stored.items() if v}
    mine = {q.code for q in questions}
    latest = max((f for f in rows if f.name in mine and f.updated_by), key=lambda f: f.updated_at, default=None)
    answered_by = (latest.updated_by, actor_of(latest.updated_by).own_office) if latest else None
    verdicts = [v for v in rule.verdicts(facts) if v.question.code in mine and v.met is not None]
    panel = [label for _, label in rule.tickable_items()]
    answered = {k: v for k, v in facts.items() if k in mine}
    outcome = None
    # With panel questions the points are the panel's once it has read the evidence; a condition worth no points
    # says all it gives in its verdicts above.
    if answered and not panel and not rule.verdict_only():
        outcome = rule.evaluate(
            answered, Context(calendar=rubric_calendar(rubric), deadline=spec.timing_deadline(criterion.code))
        )
    typed = [(q, *_as_typed(rule, q, stored.get(q.code, ""))) for q in questions]
    return Asked(typed, verdicts, panel, outcome, answered_by)


def _as_typed(rule, question, raw: str) -> tuple[str, Label]:
    """A stored answer as its box takes it back ("yes"/"no", a choice's number, a count as typed) and as a person
    reads it (ใช่, the choice's words)."""
    if not raw:
        return "", Label("", "")
    try:
        value = rule.parse_fact(question.code, raw)
    except ValueError:  # stored before the question changed: shown as it was typed
        return raw, Label(raw, raw)
    shown = Label(*rule.value_text(question.code, value))
    if isinstance(value, bool):
        return ("yes" if value else "no"), shown
    return str(value), shown
