"""Reads. Every query that can reach a unit's evidence is scoped by the actor (contests.actor: entrants, scope)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Exists, F, Min, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from contests.models import Unit
from core.i18n import Text
from core.thai import digits
from nominees.models import Nominee, NomineeState
from rulebook.rules import Context, Score
from rulebook.rules.errors import Label
from scoring.models import Criterion, Fact, Rubric, Standing
from scoring.selectors import rubric_calendar, rubric_spec
from scoring.tallies import recorded_facts

from .models import Evidence, InnovationReport, Submission, SubmissionStatus
from .querysets import visible_q

DONE = {SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.SCORED}
RECORDED_LABEL = gettext_lazy("sent (recorded as received by the Department)")


def rubric_current() -> Rubric | None:
    return Rubric.objects.national().order_by("-year").first()


def unit_or_404(user, rubric: Rubric, code: str) -> Unit:
    """One of the contest's entrants the user may see; any other unit's URL is a 404, never a 403: nobody
    learns what exists elsewhere."""
    return get_object_or_404(actor_of(user).entrants(rubric.contest), code=code)


def criterion_or_404(rubric: Rubric, code: str) -> Criterion:
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


def evidence_pairs(rubric: Rubric) -> QuerySet:
    """Visible evidence as rows of `province` and `criterion` ids: scoring's `hooks.submitted_sources` (apps.py).

    A queryset, not a set: scoring counts and filters it in the database (one row per version, so
    callers that want pairs add distinct())."""
    return (
        Evidence.objects.visible()
        .filter(submission__rubric=rubric)
        .order_by()
        .values(unit=F("submission__unit_id"), criterion=F("submission__criterion_id"))
    )


def late_by(calendar, deadline: date | None, sent: datetime | None) -> int | None:
    """Working days a sending came after the deadline (moved as decision 9 says): 0 on time, None if there
    is no deadline or nothing was sent. The day is Bangkok's, as timeliness counts it."""
    if deadline is None or sent is None:
        return None
    return calendar.late_by(deadline, timezone.localtime(sent).date())


def working_days_left(calendar, today: date, deadline: date | None) -> int | None:
    """Working days from today to the deadline; negative once past (late by that many)."""
    if deadline is None:
        return None
    deadline = calendar.next_working_day(deadline)  # a deadline on a closed day moves (docs/decisions.md, decision 9)
    if deadline >= today:
        return calendar.working_days_after(today, deadline)
    return -calendar.working_days_after(deadline, today)


@dataclass
class CriterionRow:
    criterion: Criterion
    status: str | None  # None: nothing visible submitted yet
    visible_count: int
    days_left: int | None
    points: str | None
    note: str = ""
    sent_late: int | None = None  # working days the first visible item came after the deadline; 0 on time
    nominated: bool = False  # a nominee criterion (Criterion.nominee): the office's nominee is active
    recorded: bool = False  # the Department recorded it as received (scoring.tallies.recorded_facts)
    rounds: tuple[int, int] | None = None  # (rounds sent, rounds asked) of a criterion asked more than once

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
    def status_key(self) -> str:
        if self.criterion.nominee:
            return SubmissionStatus.SUBMITTED if self.nominated else "missing"
        return self.status or (SubmissionStatus.SUBMITTED if self.recorded else "missing")


def province_home(*, rubric: Rubric, unit: Unit, today: date | None = None) -> dict:
    """Every criterion with its status, days left and (if the year allows) provisional points.

    A fixed number of queries, however many criteria or files.
    """
    today = today or timezone.localdate()
    calendar = rubric_calendar(rubric)
    dimensions = list(rubric.dimensions.prefetch_related("criteria"))
    subs = {
        s.criterion_id: s
        for s in Submission.objects.filter(rubric=rubric, unit=unit).annotate(
            visible=Count("evidence", filter=visible_q("evidence__")),
            first_sent=Min("evidence__created_at", filter=visible_q("evidence__")),
        )
    }
    result = Standing.objects.filter(rubric=rubric, unit=unit).first() if rubric.show_provisional else None
    # Seed 001's 1.1 is answered by the nominee form on this page, not by an upload (one query, only then).
    nominated = any(c.nominee for dim in dimensions for c in dim.criteria.all()) and (
        Nominee.objects.filter(contest_id=rubric.contest_id, unit=unit, state=NomineeState.ACTIVE).exists()
    )
    recorded = recorded_criteria(rubric=rubric, unit=unit)
    groups, done, total = [], 0, 0
    for dim in dimensions:
        rows = []
        for c in dim.criteria.all():
            sub = subs.get(c.pk)
            visible = sub.visible if sub else 0
            row = CriterionRow(
                criterion=c,
                status=sub.status if sub and visible else None,
                visible_count=visible,
                days_left=working_days_left(calendar, today, c.deadline),
                points=(result.criteria.get(c.code) if result else None),
                note=sub.status_note if sub and sub.status == SubmissionStatus.RETURNED else "",
                sent_late=late_by(calendar, c.deadline, sub.first_sent if sub and visible else None),
                nominated=c.nominee and nominated,
                recorded=c.pk in recorded,
            )
            rows.append(row)
            done += row.done
            total += 1
        groups.append((dim, rows))
    return {"groups": groups, "done": done, "total": total, "result": result}


def criterion_evidence(*, user, rubric: Rubric, unit: Unit, criterion: Criterion) -> list[Evidence]:
    return list(
        evidence_for_user(user, rubric.contest)
        .filter(submission__rubric=rubric, submission__unit=unit, submission__criterion=criterion)
        .select_related("created_by", "withdrawn_by", "submission__unit")
        .order_by("-version")
    )


def submission_of(*, rubric: Rubric, unit: Unit, criterion: Criterion) -> Submission | None:
    """With `visible`, its versions not withdrawn: none is "not submitted", whatever its stored status (the
    withdrawn ones its office and central staff still see in the list do not count)."""
    return (
        Submission.objects.filter(rubric=rubric, unit=unit, criterion=criterion)
        .annotate(visible=Count("evidence", filter=visible_q("evidence__")))
        .first()
    )


def recorded_criteria(*, rubric: Rubric, unit: Unit) -> set[int]:
    """The criteria the Department recorded as received from this unit, or whose data it recorded where no
    evidence is asked: sent, as the dashboard and the standings count them (1 query)."""
    return set(recorded_facts(rubric).filter(unit=unit).values_list("criterion_id", flat=True))


def with_submitted_count(units: QuerySet[Unit], rubric: Rubric | None) -> QuerySet[Unit]:
    """Each unit with `submitted`: how many of the rubric's criteria it has sent (one query), as its own page
    counts them (province_home): visible evidence (a criterion whose every version was withdrawn is not
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


def innovation_report_current(*, rubric: Rubric, unit: Unit) -> InnovationReport | None:
    return InnovationReport.objects.filter(rubric=rubric, unit=unit).order_by("-version").first()


def innovation_report_versions(*, rubric: Rubric, unit: Unit) -> list[InnovationReport]:
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


def criterion_asked(*, rubric: Rubric, unit: Unit, criterion: Criterion) -> Asked | None:
    rule = rubric_spec(rubric).criterion(criterion.code).rule
    questions = rule.entrant_questions()
    if not questions:
        return None
    stored = dict(Fact.objects.filter(rubric=rubric, unit=unit, criterion=criterion).values_list("name", "value"))
    facts = {k: v for k, v in stored.items() if v}
    mine = {q.code for q in questions}
    verdicts = [v for v in rule.verdicts(facts) if v.question.code in mine and v.met is not None]
    panel = [label for _, label in rule.tickable_items()]
    answered = {k: v for k, v in facts.items() if k in mine}
    outcome = None
    # With panel questions the points are the panel's once it has read the evidence; a condition worth no points
    # says all it gives in its verdicts above.
    if answered and not panel and not rule.verdict_only():
        outcome = rule.evaluate(answered, Context(calendar=rubric_calendar(rubric), deadline=criterion.deadline))
    return Asked([(q, *_as_typed(rule, q, stored.get(q.code, ""))) for q in questions], verdicts, panel, outcome)


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
