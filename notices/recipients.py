"""Who a notice reaches: one question per kind (`QUESTIONS`: whom the lock lets know of it, given the notice's
contest and unit), put to candidate people from people.directory — who must act, who may know — so nobody
hears of what they cannot see: another office, a member conflicted on the unit, a panel of another contest.
The person who made the change is left out: they know.

The same question is asked again when a notice is sent, when the digest is made and when the inbox is read
(`reader_check`): a member declared conflicted since, a panelist removed, a closed account, no longer hear of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property

from django.db.models import Q, prefetch_related_objects

from contests.actor import CHAIR, Actor, actor_of, actors_load, department_contest, filers
from contests.entrants import contest_entrants
from contests.entries import Entry
from contests.models import Contest, Level, Unit
from core import acts
from people import directory

from .hooks import picks_for
from .models import Kind

SUBMIT_EVIDENCE = "submissions.submit_evidence"  # declared in submissions/permissions.py
Ask = Callable[[Actor], bool]
Question = Callable[..., Ask]  # (contest, unit) → the kind's question about one person


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
    """A notice about no unit (one recorded without it) has no conflict to ask about: judging the contest is enough."""
    if unit is None:
        return _judges(contest)
    return lambda a: a.rights(contest).judges and not a.rights(contest).conflicted(unit)


def _files_for(contest, unit) -> Ask:
    """Sends the unit's evidence in the contest: the act the upload asks (submissions.submit_evidence, about the
    entry), asked by its name, as notices sits below submissions."""
    entry = Entry(contest, unit)
    return lambda a: a.user is not None and acts.allowed(a.user, SUBMIT_EVIDENCE, entry)


def _entrants_or_runners(contest, unit=None) -> Ask:
    return lambda a: a.rights(contest).enters or a.rights(contest).runs


def _files_for_or_judges_unit(contest, unit) -> Ask:
    files_for, judges = _files_for(contest, unit), _judges_unit(contest, unit)
    return lambda a: files_for(a) or judges(a)


def _entrants_judges_or_runners(contest, unit=None) -> Ask:
    return lambda a: a.rights(contest).enters or a.rights(contest).judges or a.rights(contest).runs


def _entrants_or_judges(contest, unit=None) -> Ask:
    return lambda a: a.rights(contest).enters or a.rights(contest).judges


def _runners_or_chair(contest, unit=None) -> Ask:
    """Whoever runs the contest, or chairs its judging: a tie at an award line is theirs to settle."""
    return lambda a: a.rights(contest).runs or a.rights(contest).seat == CHAIR


def _chair_of_unit(contest, unit) -> Ask:
    judges = _judges_unit(contest, unit)
    return lambda a: a.rights(contest).seat == CHAIR and judges(a)


def _judges(contest, unit=None) -> Ask:
    return lambda a: a.rights(contest).judges


def _picks_for(contest, office) -> Ask:
    return lambda a: any(picks_for(a, contest, office))


def _reminded(contest, unit=None) -> Ask:
    """A reminder's reader still owes what it reminds of: files for the unit, picks for the office, or judges."""
    judges = _judges(contest)
    if unit is None:
        return judges
    files_for, picks = _files_for(contest, unit), _picks_for(contest, unit)
    return lambda a: files_for(a) or picks(a) or judges(a)


def _announced(contest, unit=None) -> Ask:
    """An announcement to a contest: to an entrant office (`unit`), those who send its evidence there; to the
    contest alone, those who judge it (its committee, or its panel)."""
    return _judges(contest) if unit is None else _files_for(contest, unit)


def _works_for(unit_id: int) -> Ask:
    """An office's people: the office is their own (an announcement to every office, or to every organiser)."""
    return lambda a: a.acts_for(unit_id)


QUESTIONS: dict[str, Question] = {
    Kind.DEADLINE_MOVED: _entrants_or_runners,
    Kind.QUESTION_ASKED: _files_for,
    Kind.QUESTION_ANSWERED: _judges_unit,
    Kind.EVIDENCE_RECEIVED: _files_for_or_judges_unit,
    Kind.RESULTS_FROZEN: _entrants_judges_or_runners,
    Kind.RESULTS_PUBLISHED: _entrants_judges_or_runners,
    Kind.RESULTS_WITHDRAWN: _entrants_judges_or_runners,
    Kind.CONTEST_OPENED: _entrants_or_judges,
    Kind.TIE_WAITING: _runners_or_chair,
    Kind.AWARD_CORRECTED: _files_for,
    Kind.FINAL_WAITING: _chair_of_unit,
    Kind.JUDGING_DEADLINE: _judges,
    Kind.PICK_DUE: _picks_for,
    Kind.REMINDER_DUE: _reminded,
    Kind.REMINDER_OVERDUE: _reminded,
    Kind.LATE_REMINDED: _files_for,
    Kind.ANNOUNCEMENT: _announced,
}  # the kinds about no contest (an account's, the operators' alert) are told by the app that makes them, which asks
# its own lock: asked again only whether the account is open
# The kinds also told about an office without a contest (`about_no_contest`), and their question about it.
OFFICE_QUESTIONS: dict[str, Callable[[int], Ask]] = {Kind.ANNOUNCEMENT: _works_for}


class ReaderCheck:
    """Whether one person may still know of a notice of a kind about a contest and a unit: an open account, and
    the kind's question answered yes now. Each question is asked once per kind, contest and unit; `answered`
    holds the answers by (kind, contest id, unit id)."""

    def __init__(self, user) -> None:
        self.user = user
        self.answered: dict[tuple[str, int | None, int | None], bool] = {}

    @cached_property
    def actor(self) -> Actor:
        """Made at the first question about a contest: a notice about none asks nothing of the lock."""
        return actor_of(self.user)

    def _read_conflicts(self) -> None:
        """The person's conflicts read once, at the first question about a unit, for every unit asked about."""
        if "conflicts" not in getattr(self.user, "_prefetched_objects_cache", {}):
            prefetch_related_objects([self.user], "conflicts")

    def about_no_contest(self, kind: str, unit_id: int | None) -> bool:
        """A notice about no contest: the account being open, and for a kind told about an office (an
        announcement to every office) the office still its reader's (OFFICE_QUESTIONS)."""
        key = (kind, None, unit_id)
        if key not in self.answered:
            question = OFFICE_QUESTIONS.get(kind)
            answer = self.user.is_active
            if answer and question is not None and unit_id is not None:
                answer = question(unit_id)(self.actor)
            self.answered[key] = answer
        return self.answered[key]

    def __call__(self, kind: str, contest: Contest | None, unit: Unit | None) -> bool:
        if contest is None:
            return self.about_no_contest(kind, getattr(unit, "pk", None))
        key = (kind, contest.pk, getattr(unit, "pk", None))
        if key not in self.answered:
            question = QUESTIONS.get(kind)
            if not self.user.is_active or question is None:
                self.answered[key] = self.user.is_active
            else:
                if unit is not None:
                    self._read_conflicts()
                self.answered[key] = question(contest, unit)(self.actor)
        return self.answered[key]


def readers_load(users: list, *, conflicts: list) -> None:
    """Many readers' roles and offices read at once, and the conflicts of those asked about a unit (`conflicts`):
    their checks then ask no query per person (a sender's chunk). 2 queries at most."""
    actors_load(users)
    todo = [u for u in conflicts if "conflicts" not in getattr(u, "_prefetched_objects_cache", {})]
    if todo:
        prefetch_related_objects(todo, "conflicts")


def reader_check(user) -> ReaderCheck:
    """The person's check, made once per user object (a request's, as its actor is): the inbox and the bell
    ask it the same questions."""
    check = getattr(user, "_notice_reader_check", None)
    if check is None:
        check = ReaderCheck(user)
        setattr(user, "_notice_reader_check", check)  # noqa: B010  (a user model has no such field to type)
    return check


def deadline_moved(contest, author=None) -> list:
    """The entrants' staff (they must send by it) and whoever runs the contest."""
    pools = [_entrants_staff(contest), *_runners_pool(contest)]
    return _pick(pools, _entrants_or_runners(contest), author)


def question_asked(contest, unit, author=None) -> list:
    """The unit's staff: they answer."""
    return _pick([_unit_staff(unit)], _files_for(contest, unit), author)


def question_answered(contest, unit, author=None) -> list:
    """Those who judge the contest and may judge the unit."""
    return _pick([_judges_pool(contest)], _judges_unit(contest, unit), author)


def evidence_received(contest, unit, author=None) -> list:
    """The unit's staff (their receipt) and those who judge the contest and may judge the unit."""
    pools = [_unit_staff(unit), _judges_pool(contest)]
    return _pick(pools, _files_for_or_judges_unit(contest, unit), author)


def results_changed(contest, author=None) -> list:
    """Frozen, published or withdrawn: the entrants' staff, the judges and whoever runs the contest."""
    pools = [_entrants_staff(contest), _judges_pool(contest), *_runners_pool(contest)]
    return _pick(pools, _entrants_judges_or_runners(contest), author)


def contest_opened(contest, author=None) -> list:
    """The entrants' staff (they may send from now on) and the judges."""
    pools = [_entrants_staff(contest), _judges_pool(contest)]
    return _pick(pools, _entrants_or_judges(contest), author)


def tie_waiting(contest, author=None) -> list:
    """Whoever runs the contest and the chair of its judging: they settle it."""
    return _pick([*_runners_pool(contest), _judges_pool(contest)], _runners_or_chair(contest), author)


def award_corrected(contest, unit, author=None) -> list:
    """The awardee's own staff, who send its evidence: its award, and so its certificate, changed."""
    return _pick([_unit_staff(unit)], _files_for(contest, unit), author)


def final_waiting(contest, unit, author=None) -> list:
    """The chair (of the committee, or of the contest's panel) who may judge the unit."""
    return _pick([_judges_pool(contest)], _chair_of_unit(contest, unit), author)


def judging_deadline(contest, author=None) -> list:
    """Those who judge the contest (its committee, or its panel): they must finish by it."""
    return _pick([_judges_pool(contest)], _judges(contest), author)


def evidence_owed(contest, unit_ids: Iterable[int]) -> dict[int, list]:
    """unit id → those who send the unit's evidence in the contest (as `question_asked`'s, but for many units
    at once: a day's reminders to every entrant), as the lock answers it for many (contests.actor.filers)."""
    return filers(contest, unit_ids)


def pick_due(contest, office, people) -> list:
    """Of `people`, those the lock says pick this stage's entrants for `office`."""
    return _pick([people], _picks_for(contest, office))


def announced_offices(*, organisers: bool = False) -> dict[int, list]:
    """office id → who may read an announcement to every provincial office there (`organisers`: to every office's
    organisers, at any level): those the lock says work for it."""
    level = Q() if organisers else Q(membership__unit__level=Level.PROVINCE)
    found = directory.staff_by_office(level, organisers=organisers)
    return {office: chosen for office, people in found.items() if (chosen := _pick([people], _works_for(office)))}
