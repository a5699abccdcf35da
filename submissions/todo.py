"""What to do now: the few lines at the top of each role's home, one pattern for every role.

An entrant office's lines come from the criteria rows its page has already read (no query of their own);
the committee's, central staff's and organisers' lines come from the apps that know them, through
`hooks.home_todo`, so this module imports none of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import Truncator, format_lazy
from django.utils.translation import gettext_lazy as _

from contests.actor import Power
from contests.scopes import running
from core.i18n import either
from core.labels import both
from core.thai import digits, thai_date, thai_digits
from rubrics.models import ContestPeriod
from rulebook.dates import en_date
from schedule.dashboard import item_labels
from schedule.obligations import next_owed, oldest_owed
from schedule.states import ObligationState
from scoring.models import Standing

from .models import SubmissionStatus

NEXT_SHOWN = 3  # the nearest deadlines named one by one; the rest are counted


class Tone:
    LATE = "late"  # past its deadline, or asked for by someone waiting
    DUE = "due"  # ahead, with a date
    DECIDE = "decide"  # a decision waits for this user
    DONE = "done"  # nothing left: said, so the card never looks broken


@dataclass(frozen=True)
class Todo:
    text: Any  # a lazy text: the page's language
    url: str
    key: str  # stable hook for tests and styles
    tone: str = Tone.DUE
    deadline: date | None = None  # as the documents write it
    days: int | None = None  # working days left; negative: late
    due: date | None = None  # the day `deadline` falls due on (the schedule's: a closed day moves it), when known
    group_th: str = ""  # the contest a line is about, on a home listing several
    group_en: str = ""

    @property
    def th(self) -> str:
        return both(self.text)[0]

    @property
    def en(self) -> str:
        return both(self.text)[1]


NAME_CHARS = 60  # a line on a phone, not the criterion's whole paragraph (its page has that)


def _label(row, labels: dict[int, str]):
    """The criterion as a line names it (its number and name, the rubric's words) in the page's language."""
    c = row.criterion
    th, en = Truncator(c.name_th).chars(NAME_CHARS), Truncator(c.name_en or c.name_th).chars(NAME_CHARS)
    label = labels[c.pk]  # seed 003's "2" of mission 3 reads "มิติ 3 · 2"
    return either(f"{thai_digits(label)} {th}", f"{label.replace('มิติ', 'dimension')} {en}")


def entrant_todo(*, rubric, unit, groups: Iterable, closed: bool, named: bool = False) -> list[Todo]:
    """An entrant office's next steps on one contest, from `selectors.unit_home`'s rows and the schedule's
    obligations they carry: what the committee returned for clarification first, then one line per criterion
    still owed, the most urgent first (overdue, then due soonest, then undated): a deadline moved (old date, new
    date and the reason), a criterion asked more than once by its next round's date (schedule.obligations.
    next_owed, with how many rounds were met and missed: a missed round makes it overdue), what is late (one line
    for them all), the nearest deadlines; "all sent" when done. A criterion is on one line only, whichever of
    these says it first. Once evidence is closed nothing is asked of it any more. `named`: each line says its
    contest."""
    groups = list(groups)
    rows = [row for _, dim_rows in groups for row in dim_rows]
    criteria = [row.criterion for row in rows]
    codes = {dimension.pk: dimension.code for dimension, _ in groups}
    labels = {c.pk: label for c, label in zip(criteria, item_labels(criteria, codes), strict=True)}
    if closed:
        return []

    def url(row) -> str:
        if row.criterion.nominee and not named:  # the nominee form is on this very page
            return "#nominee"
        current = row.current
        return current.url if current is not None else ""

    todo = []
    for row in rows:
        if row.status == SubmissionStatus.RETURNED:
            text = format_lazy(_("Clarify or add to: {criterion}"), criterion=_label(row, labels))
            todo.append(Todo(text, url(row), "returned", Tone.LATE))
    owed = [row for row in rows if row.status != SubmissionStatus.RETURNED]
    missing = [row for row in owed if not row.done]
    urgent: list[tuple[int | None, Todo]] = []  # each line with the working days that rank it, nearest first
    said = set()
    # A criterion asked in rounds by its next round, unless the latest move set that round's date (then by the
    # move, which says the date it replaced); any other moved one by its move.
    for row in owed:
        nxt = next_owed(row.obligations) if row.criterion.rounds else None
        moves = row.current.moves if row.current is not None else ()
        if nxt is not None and not (moves and moves[0].new == nxt.written):
            line = _round(row, _label(row, labels), url(row))
            missed = [o.days_left for o in row.obligations if o.state == ObligationState.LATE]
            urgent.append((min(missed) if missed else line.days, line))  # a round missed: overdue, still owed
            said.add(row.criterion.pk)
    for row in missing:
        moves = row.current.moves if row.current is not None and row.criterion.pk not in said else ()
        for move in moves[:1]:  # the latest move says the date in force
            line = _moved(move, row, labels, url(row))
            urgent.append((line.days, line))
            said.add(row.criterion.pk)
    late = sorted(
        (r for r in missing if r.criterion.pk not in said and r.current is not None and r.current.state == LATE),
        key=lambda row: row.current.days_left or 0,  # the longest overdue first; stable: rubric order among equals
    )
    if late:
        urgent.append((late[0].current.days_left, _late(late, labels, url(late[0]))))
    ahead = sorted(
        (r for r in missing if r.criterion.pk not in said and r not in late),
        key=lambda row: (row.days_left is None, row.days_left or 0),  # stable: rubric order among equals
    )
    for row in ahead[:NEXT_SHOWN]:
        when = {"deadline": row.current.written, "days": row.days_left, "due": row.current.due} if row.current else {}
        verb = _("Nominate for {criterion}") if row.criterion.nominee else _("Send evidence for {criterion}")
        urgent.append((row.days_left, Todo(format_lazy(verb, criterion=_label(row, labels)), url(row), "next", **when)))
    todo += [line for _, line in sorted(urgent, key=lambda pair: (pair[0] is None, pair[0] or 0))]
    if len(ahead) > NEXT_SHOWN:
        rest = len(ahead) - NEXT_SHOWN
        if named:  # on the home page: the contest's own page has the table
            page = reverse("submissions:unit", args=[rubric.key, unit.code])
            text = format_lazy(_("{count} more criteria not sent"), count=digits(rest))
            todo.append(Todo(text, f"{page}#criteria", "more"))
        else:
            text = format_lazy(_("{count} more criteria not sent (see the table below)"), count=digits(rest))
            todo.append(Todo(text, "#criteria", "more"))
    if not todo:
        todo.append(Todo(_("Evidence sent for every criterion"), "", "all-sent", Tone.DONE))
    if named:
        group = {"group_th": rubric.name_th, "group_en": rubric.name_en or rubric.name_th}
        todo = [replace(item, **group) for item in todo]
    return todo


LATE = ObligationState.LATE


def _late(late: list, labels: dict[int, str], url: str) -> Todo:
    """What is past its deadline and still open, one line for them all: the longest overdue named, the rest counted."""
    first = late[0]
    text = (
        format_lazy(
            _("Past the deadline, still open: {criterion} and {more} more"),
            criterion=_label(first, labels),
            more=digits(len(late) - 1),
        )
        if len(late) > 1
        else format_lazy(_("Past the deadline, still open: {criterion}"), criterion=_label(first, labels))
    )
    return Todo(text, url, "late", Tone.LATE, first.current.written, first.current.days_left, due=first.current.due)


def _line(text, **params):
    """A line in the page's language, read when shown: the catalogue's words, each value as that language says it."""

    def render() -> str:
        return str(text) % {k: str(v) for k, v in params.items()}

    return lazy(render, str)()


def _round(row, label, url: str) -> Todo:
    """A criterion asked more than once, with its rounds met and missed: by its next open round's own date, or,
    while a round is missed, by the oldest one missed (November's report, not December's): that is the round its
    criterion's page proposes, sent naming the round it answers."""
    owed = row.obligations
    missed = sum(o.state == ObligationState.LATE for o in owed)
    ahead = oldest_owed(owed) if missed else next_owed(owed)
    assert ahead is not None  # asked only of a criterion with a round open now (entrant_todo's by_round)
    text = (
        _("Send %(round)s, %(criterion)s (%(done)s of %(total)s rounds sent, %(missed)s missed)")
        if missed
        else _("Send %(round)s, %(criterion)s (%(done)s of %(total)s rounds sent)")
    )
    line = _line(
        text,
        round=either(ahead.round_th, ahead.round_en),
        criterion=label,
        done=digits(sum(o.is_met for o in owed)),
        total=digits(len(owed)),
        missed=digits(missed),
    )
    return Todo(line, url, "round", Tone.LATE if missed else Tone.DUE, ahead.written, ahead.days_left, due=ahead.due)


def _moved(move, row, labels: dict[int, str], url: str) -> Todo:
    """A moved deadline, said with the date it replaces and why (or, where there was none, that one is set):
    an earlier one is the office's to hurry."""
    criterion = _label(row, labels)
    at = _day(timezone.localdate(move.at))
    if move.old is None:
        text = format_lazy(_("Deadline set for {criterion} (changed {at})."), criterion=criterion, at=at)
    else:
        moved = _("Deadline moved for {criterion} from {old} (changed {at}).")
        text = format_lazy(moved, criterion=criterion, old=_day(move.old), at=at)
    if move.reason:
        text = format_lazy(_("{line} Reason: {reason}"), line=text, reason=move.reason)
    earlier = move.old is not None and move.new is not None and move.new < move.old
    # Said by the round the move set (1.2's second report, now due on the new date), else the round in force.
    moved = next((o for o in row.obligations if o.written == move.new), row.current)
    tone = Tone.LATE if earlier else Tone.DUE
    return Todo(text, url, "moved", tone, moved.written, moved.days_left, due=moved.due)


def _day(day: date):
    """A date in a line: Buddhist Era with Thai digits, or the English date."""
    return either(thai_date(day), en_date(day))


def nominee_todo(deadline: date, closes: date) -> Todo:
    """The nominee asked by `deadline`, as written; `closes`, the day it falls due on."""
    return Todo(_("Nominate the office's civil servant"), "#nominee", "nominee", deadline=deadline, due=closes)


def picks_todo(stages: Iterable) -> list[Todo]:
    """A picking office's open stages with picks left (stages.selectors.stages_due), each to its stage page."""
    return [
        Todo(
            format_lazy(
                _("Pick {left} more of {quota}: {contest}"),
                left=digits(s.left),
                quota=digits(s.quota),
                contest=either(s.contest.name_th, s.contest.name_en),
            ),
            reverse("stages:stage", args=[s.contest.slug]),
            "pick",
            deadline=s.closes,
            days=s.days_left,
        )
        for s in stages
        if s.is_open and s.left
    ]


def ties_todo(actor) -> list[Todo]:
    """Ties at an award line in the contests this user runs (central staff: all; an organiser: its office's):
    nothing is published until each is settled. 1 query; a 2nd names the contests when there is one."""
    if actor.powers.isdisjoint({Power.ADMINISTER, Power.ORGANISE}):
        return []
    tied = Standing.objects.filter(running(actor, "rubric__contest__"), award_tie=True).values("rubric_id")
    rubrics = ContestPeriod.objects.filter(pk__in=tied).select_related("contest").order_by("-year", "contest__slug")
    return [
        Todo(
            format_lazy(_("Settle the tie at an award line: {contest}"), contest=either(r.name_th, r.name_en)),
            reverse("scoring:ties", args=[r.key]),
            "tie",
            Tone.DECIDE,
        )
        for r in rubrics
    ]
