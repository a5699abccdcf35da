"""The one rule of a panel seat: who may sit on an office's contest's panel, and which units a panelist
never judges. It stays in contests, below committee, because the lock counts a seat by it (contests.actor
reads the user's seats through `seat_counts`); committee appoints by it (committee.panels) and lists the
candidates by it (committee.selectors)."""

from __future__ import annotations

from functools import cache

from django.db.models import Exists, OuterRef, QuerySet

from people import directory

from .models import Contest, Unit
from .tree import at_or_under, line_of


def department_contest(contest: Contest | None) -> bool:
    """The Department's contests are judged by its committee; an office's by the panel it seats."""
    return contest is None or contest.organiser_id is None


def panel_office(contest: Contest | None, office_id: int | None) -> int | None:
    """On a panel, the member's office, whose units (it and every unit under it) they never judge: an
    entrant's staff, or those of an office above it. None in the Department's contests, and for the
    organising office's own staff, whose contest it is (every entrant is under their office)."""
    if contest is None or department_contest(contest) or office_id == contest.organiser_id:
        return None
    return office_id


def panel_eligible(organiser) -> QuerySet:
    """Who may sit on the panel of a contest `organiser` runs (an office, its id, or an OuterRef to one): the
    active staff and organisers of that office or of a unit under it, never a superuser. The Department's
    committee and central staff have no office, so never qualify. Appointment asks it
    (committee.panels.may_sit), a seat counts only while its holder meets it (`seat_counts`), and the
    panel's candidates are listed by it (committee.selectors.panel_candidates)."""
    return directory.office_staff(at_or_under(organiser, "membership__unit__"))


def panel_organisers(*, active: bool, superuser: bool, role: str | None, office: Unit | None) -> frozenset[int]:
    """`panel_eligible` asked of one person whose role and office are in hand (the request's actor): the offices
    whose contests' panels they qualify for, their own office and those above it (none for someone who is not
    active office staff). The same rule in Python, so that the seats read on every request need no subquery, whose
    building cost more than the rest of the request's seats query (tests/contests/test_seats.py holds the two to
    one answer)."""
    if office is None or not directory.counts_as_office_staff(active=active, superuser=superuser, role=role):
        return frozenset()
    return line_of(office)


@cache
def seat_counts() -> Exists:
    """A filter over panel seats (committee.Panelist rows): the seat's holder still qualifies for its
    contest's panel (`panel_eligible`). A subquery: no round trip of its own. Made once: it names no user or
    contest (OuterRef only), each query resolves its own copy, and building it cost 3 ms a request."""
    return Exists(panel_eligible(OuterRef("contest__organiser_id")).filter(pk=OuterRef("user_id")))
