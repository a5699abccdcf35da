"""Rounds of a criterion (rulebook.rounds) as one office met them: each round's date, and whether something
was sent for it by then. Read for the criterion's page and the office's "what is due" list."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Unit
from core.i18n import either
from core.thai import digits, local
from rulebook.dates import DateInputError, parse_moment
from rulebook.rounds import RoundMet, RoundState, rounds_met, rounds_of
from rulebook.rules import KINDS
from scoring.models import Criterion, Rubric
from scoring.selectors import rubric_calendar
from scoring.tallies import receipt_facts

from .models import Evidence
from .querysets import visible_q
from .selectors import working_days_left


def rounds_sent(*, rubric: Rubric, unit: Unit, criteria: list[Criterion]) -> dict[str, list[RoundMet]]:
    """criterion code → its rounds as met, for the criteria that have rounds (1 query, none without; +1 when
    one's rule takes a receipt): sent is what the office uploaded, by the day it came, and the Department's
    recorded receipt, by the day it says (scoring.tallies.receipt_facts), as the standings count it."""
    asked = {c.code: rounds_of(c.rounds) for c in criteria if c.rounds}
    if not asked:
        return {}
    sent: dict[str, list[date]] = defaultdict(list)
    rows = Evidence.objects.filter(
        visible_q(), submission__rubric=rubric, submission__unit=unit, submission__criterion__code__in=asked
    ).values_list("submission__criterion__code", "created_at")
    for code, at in rows:
        sent[code].append(timezone.localdate(at))
    receipts = [c.code for c in criteria if c.code in asked and _takes_receipt(c)]
    for code, day in _received(rubric, unit, receipts) if receipts else ():
        sent[code].append(day)
    today = timezone.localdate()
    return {code: rounds_met(rounds, sent[code], today) for code, rounds in asked.items()}


def _takes_receipt(criterion: Criterion) -> bool:
    name = (criterion.rule or {}).get("kind")
    kind = KINDS.get(name) if isinstance(name, str) else None
    return kind is not None and bool(kind.receipt_param)


def _received(rubric: Rubric, unit: Unit, codes: list[str]) -> list[tuple[str, date]]:
    """(criterion code, the day received) for each receipt recorded; one that no longer reads as a date
    (typed before the rule changed) is no day."""
    found = []
    rows = receipt_facts(rubric).filter(unit=unit, criterion__code__in=codes)
    for code, raw in rows.values_list("criterion__code", "value"):
        try:
            when = parse_moment(raw)
        except DateInputError:
            continue
        found.append((code, local(when).date() if isinstance(when, datetime) else when))
    return found


def _line(text, **params):
    """A line in the page's language, read when shown: the catalogue's words, each value as that language says it."""

    def render() -> str:
        return str(text) % {k: str(v) for k, v in params.items()}

    return lazy(render, str)()


def sent_count(met: list[RoundMet]) -> int:
    """The rounds sent for, in time or ahead."""
    return sum(m.state in (RoundState.MET, RoundState.SENT) for m in met)


def next_round(met: list[RoundMet]) -> RoundMet | None:
    return next((m for m in met if m.state == RoundState.OPEN), None)


def rounds_todo(*, rubric: Rubric, rows: list, rounds: dict[str, list[RoundMet]], label, url) -> list:
    """For each criterion with a round still ahead, sent before or not: that round with its own date, and how
    many of its rounds were met and missed. A round past its date cannot be sent any more: its criterion's
    page keeps it. `label(row)` and `url(row)` are the list's own."""
    from .todo import Todo, Tone  # inline: todo imports this module for the list it makes

    calendar, today, found = rubric_calendar(rubric), timezone.localdate(), []
    for row in rows:
        met = rounds.get(row.criterion.code) or []
        ahead = next_round(met)
        if ahead is None:
            continue
        missed = sum(m.state == RoundState.MISSED for m in met)
        text = (
            _("Send %(round)s, %(criterion)s (%(done)s of %(total)s rounds sent, %(missed)s missed)")
            if missed
            else _("Send %(round)s, %(criterion)s (%(done)s of %(total)s rounds sent)")
        )
        line = _line(
            text,
            round=either(ahead.round.label_th, ahead.round.label_en),
            criterion=label(row),
            done=digits(sent_count(met)),
            total=digits(len(met)),
            missed=digits(missed),
        )
        days = working_days_left(calendar, today, ahead.round.due)
        found.append(Todo(line, url(row), "round", Tone.LATE if missed else Tone.DUE, ahead.round.due, days))
    return found


def rounds_counted(groups: list, rounds: dict[str, list[RoundMet]]) -> None:
    """Each row of a criterion with rounds told how many were sent of how many (its status says "sent 1 of 2
    rounds" until every round is in)."""
    for _dim, rows in groups:
        for row in rows:
            met = rounds.get(row.criterion.code)
            if met:
                row.rounds = (sent_count(met), len(met))


def rounds_of_groups(*, rubric: Rubric, unit: Unit, groups: list) -> dict[str, list[RoundMet]]:
    """`rounds_sent` for the criteria of `selectors.province_home`'s rows."""
    return rounds_sent(rubric=rubric, unit=unit, criteria=[r.criterion for _, rows in groups for r in rows])
