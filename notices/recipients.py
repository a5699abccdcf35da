"""Who a notice reaches: one function per kind, each asking the lock (contests.actor) about candidate people
from people.directory — who must act, who may know — so nobody hears of what they cannot see: another
office, a member conflicted on the unit, a panel of another contest. The person who made the change is
left out: they know."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Q

from contests.actor import CHAIR, Actor, actor_of, department_contest, filers
from contests.entrants import contest_entrants
from people import directory

Ask = Callable[[Actor], bool]


def _pick(pools: Iterable, ask: Ask, author=None) -> list:
    seen: dict[int, object] = {}
    for pool in pools:
        for user in pool:
            if user.pk not in seen and (author is None or user.pk != author.pk) and ask(actor_of(user)):
                seen[user.pk] = user
    return sorted(seen.values(), key=lambda u: u.pk)


def _entrants_staff(contest):
    return directory.office_staff(Q(membership__unit__in=contest_entrants(contest).values("pk")))


def _unit_staff(unit):
    return directory.office_staff(Q(membership__unit=unit))


def _judges_pool(contest):
    return directory.department_people() if department_contest(contest) else directory.panel_of(contest.pk)


def _runners_pool(contest):
    pools = [directory.department_people()]
    if contest.organiser_id is not None:
        pools.append(directory.organisers_of(contest.organiser_id))
    return pools


def _judges_unit(contest, unit) -> Ask:
    return lambda a: a.judges(contest) and not a.conflicted(contest, unit)


def _files_for(contest, unit) -> Ask:
    return lambda a: a.acts_for(unit) and a.enters(contest)


def deadline_moved(contest, author=None) -> list:
    """The entrants' staff (they must send by it) and whoever runs the contest."""
    pools = [_entrants_staff(contest), *_runners_pool(contest)]
    return _pick(pools, lambda a: a.enters(contest) or a.runs(contest), author)


def question_asked(contest, unit, author=None) -> list:
    """The unit's staff: they answer."""
    return _pick([_unit_staff(unit)], _files_for(contest, unit), author)


def question_answered(contest, unit, author=None) -> list:
    """Those who judge the contest and may judge the unit."""
    return _pick([_judges_pool(contest)], _judges_unit(contest, unit), author)


def evidence_received(contest, unit, author=None) -> list:
    """The unit's staff (their receipt) and those who judge the contest and may judge the unit."""
    files_for, judges = _files_for(contest, unit), _judges_unit(contest, unit)
    return _pick([_unit_staff(unit), _judges_pool(contest)], lambda a: files_for(a) or judges(a), author)


def results_changed(contest, author=None) -> list:
    """Frozen, published or withdrawn: the entrants' staff, the judges and whoever runs the contest."""
    pools = [_entrants_staff(contest), _judges_pool(contest), *_runners_pool(contest)]
    return _pick(pools, lambda a: a.enters(contest) or a.judges(contest) or a.runs(contest), author)


def contest_opened(contest, author=None) -> list:
    """The entrants' staff (they may send from now on) and the judges."""
    pools = [_entrants_staff(contest), _judges_pool(contest)]
    return _pick(pools, lambda a: a.enters(contest) or a.judges(contest), author)


def tie_waiting(contest, author=None) -> list:
    """Whoever runs the contest: they settle it."""
    return _pick(_runners_pool(contest), lambda a: a.runs(contest), author)


def final_waiting(contest, unit, author=None) -> list:
    """The chair (of the committee, or of the contest's panel) who may judge the unit."""
    judges = _judges_unit(contest, unit)
    return _pick([_judges_pool(contest)], lambda a: a.seat(contest) == CHAIR and judges(a), author)


def judging_deadline(contest, author=None) -> list:
    """Those who judge the contest (its committee, or its panel): they must finish by it."""
    return _pick([_judges_pool(contest)], lambda a: a.judges(contest), author)


def evidence_owed(contest, unit_ids: Iterable[int]) -> dict[int, list]:
    """unit id → those who send the unit's evidence in the contest (as `question_asked`'s, but for many units
    at once: a day's reminders to every entrant), as the lock answers it for many (contests.actor.filers)."""
    return filers(contest, unit_ids)


def pick_due(contest, office, people) -> list:
    """Of `people`, those the lock says pick this stage's entrants for `office`."""
    return _pick([people], lambda a: a.chooses(contest) and getattr(a.chooser(contest), "pk", None) == office.pk)
