"""Checks and bookkeeping shared by every committee write (services.py, clarify.py)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import actor_of
from contests.entrants import unit_enters
from contests.models import Unit
from core.thai import fmt_points
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_calendar, rubric_spec
from rulebook.rubric import CriterionSpec
from rulebook.rules import Context, FactError
from rulebook.rules.facts import NUMBER_DIGITS_MAX, too_many_digits
from scoring import lifecycle
from scoring.models import Fact

from .errors import CommitteeError, Conflicted, NotEntrant, StaleVersion
from .models import ScoreChange


def ensure_open(rubric: ContestPeriod) -> None:
    """Refuses every committee write once central staff have frozen the year (the lifecycle's word)."""
    lifecycle.ensure_changeable(rubric)


def lock_open(rubric: ContestPeriod) -> ContestPeriod:
    # Re-read under a row lock so a freeze committed a moment ago is seen, and cannot slip in mid-write.
    locked = ContestPeriod.objects.select_for_update().get(pk=rubric.pk)
    ensure_open(locked)
    return locked


def ensure_not_conflicted(user, unit: Unit, rubric: ContestPeriod) -> None:
    """A member conflicted on the unit or one above it never scores it, nor a panelist their own office's
    units; no one scores a unit outside the contest, nationally or on a panel. The
    actor asks the database, so a conflict recorded a moment ago already holds here."""
    contest = rubric.contest
    if actor_of(user).rights(contest).conflicted(unit):
        raise Conflicted
    if not unit_enters(contest, unit):
        raise NotEntrant


def find_criterion(rubric: ContestPeriod, code: str) -> tuple[CriterionSpec, Criterion]:
    try:
        return rubric_spec(rubric).criterion(code), Criterion.objects.get(rubric=rubric, code=code)
    except (KeyError, Criterion.DoesNotExist):
        raise CommitteeError(
            format_lazy(gettext_lazy("no criterion {code} in {year}"), code=code, year=rubric.year)
        ) from None


def allowed(c: CriterionSpec, points) -> Decimal:
    try:  # a score of a million digits would overflow when printed: refused as any other bad score
        value = Decimal("NaN") if too_many_digits(str(points)) else Decimal(str(points))
    except (InvalidOperation, ValueError):
        value = Decimal("NaN")
    levels = c.rule.levels()
    ok = value.is_finite() and 0 <= value <= c.max_points and value == value.quantize(Decimal("0.01"))
    if not ok or (levels is not None and value not in levels):
        allowed = ", ".join(map(fmt_points, levels)) if levels else f"0–{fmt_points(c.max_points)}"
        shown = (
            fmt_points(value)
            if value.is_finite()
            else str(points)[:NUMBER_DIGITS_MAX] + "…" * (len(str(points)) > NUMBER_DIGITS_MAX)
        )
        raise CommitteeError(
            format_lazy(
                gettext_lazy("criterion {label}: {shown} is not an allowed score ({allowed})"),
                label=c.label,
                shown=shown,
                allowed=allowed,
            ),
        )
    return value


def points_from_items(
    rubric: ContestPeriod, c: CriterionSpec, unit: Unit, items: Sequence[str]
) -> tuple[Decimal, list[str]]:
    """Ticks become points through the criterion's own rule, so the admin and the engine never disagree."""
    order = [code for code, _ in c.rule.tickable_items()]
    if not order:
        raise CommitteeError(
            format_lazy(gettext_lazy("criterion {label} is scored by level, not items"), label=c.label)
        )
    fact = c.rule.tick_fact
    raw = ",".join(dict.fromkeys(str(i).strip() for i in items if str(i).strip())) or "-"
    try:
        met = c.rule.parse_fact(fact, raw)  # "-" alone means none met, as in the facts sheet
    except FactError as exc:
        raise CommitteeError(exc.th, exc.en) from None
    # A tick fact parses to its codes (rulebook.rules.facts.parse_codes); the rule's API types a fact `object`.
    ticked = met if isinstance(met, frozenset) else frozenset()
    facts: dict[str, str] = {}
    if set(c.rule.fact_names()) - {fact}:  # e.g. a ladder's data steps (4.2's downloads): the entrant's facts
        rows = Fact.objects.filter(rubric=rubric, unit=unit, criterion__code=c.code).exclude(value="")
        facts = dict(rows.values_list("name", "value"))
    facts[fact] = raw
    ctx = Context(calendar=rubric_calendar(rubric), size_group=unit.size_group, deadline=c.deadline)
    return c.rule.evaluate(facts, ctx).points, [code for code in order if code in ticked]


def audit(
    *,
    kind: str,
    rubric,
    unit,
    criterion,
    by,
    old,
    new,
    reason: str,
    source: str,
    member=None,
    old_items=None,
    new_items=None,
) -> None:
    ScoreChange.objects.create(
        rubric=rubric,
        unit=unit,
        criterion=criterion,
        kind=kind,
        member=member,
        old_points=old,
        new_points=new,
        old_items=old_items,
        new_items=new_items,
        reason=reason,
        source=source,
        changed_by=by,
    )


def compare_and_set(model, pk: int, expected_version: int, **values) -> None:
    # The UPDATE itself checks the version, so two writers holding the same version cannot both win,
    # even on a database without row locks.
    done = model.objects.filter(pk=pk, version=expected_version).update(
        version=F("version") + 1, updated_at=timezone.now(), **values
    )
    if not done:
        raise StaleVersion


def create_first(model, expected_version: int, **values):
    if expected_version != 0:
        raise StaleVersion
    try:
        with transaction.atomic():  # savepoint: a lost race on the unique constraint is a stale version
            return model.objects.create(**values)
    except IntegrityError:
        raise StaleVersion from None
