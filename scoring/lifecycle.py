"""A contest period's lifecycle, in one place: its states, what may be done in each, and where
each action leads. Every path that depends on it asks `check` (reminders, freezing and publishing,
documents and their verification, evidence, imports), so no path decides for itself.

Nothing is stored here. `state_of` reads the state from what is stored already (the contest's
draft/open switch, the period's last day, its frozen snapshot and the audit trail's last word on the
publication); the functions after it (`state`, `ensure`, `allows`, `ensure_changeable`, `standing`) gather
those for one period, so every path that depends on the state reads it here and asks `check`: nothing else
reads a snapshot to decide what is allowed.

    draft ──open──▶ open ──(last day passes)──▶ closed ──freeze──▶ frozen ──publish──▶ published
                     └────────────freeze──────────────────────────▶ │ ▲                   │
                                       open/closed ◀──unfreeze──────┘ └──publish── withdrawn ◀──withdraw

A published period may be corrected (some awards changed, with a reason) and stays published.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from contests.models import ContestState
from core.errors import PortalError, YearFrozen
from core.labels import both
from rubrics.models import ContestPeriod
from scoring.models import FreezeEvent, StandingsSnapshot


class State(models.TextChoices):
    DRAFT = "draft", gettext_lazy("draft")
    OPEN = "open", pgettext_lazy("contests.lifecycle", "open")
    CLOSED = "closed", gettext_lazy("closed for entries")
    # A state, "ตรึงผลแล้ว": never the label before a date ("frozen at", "ตรึงผลเมื่อ"), which is another word in Thai.
    FROZEN = "frozen", pgettext_lazy("contests.lifecycle", "frozen")
    PUBLISHED = "published", gettext_lazy("published")
    WITHDRAWN = "withdrawn", gettext_lazy("withdrawn")


class Action(models.TextChoices):
    OPEN = "open", gettext_lazy("open the contest")
    REMIND = "remind", gettext_lazy("remind of deadlines")
    SUBMIT = "submit", gettext_lazy("submit or withdraw evidence")
    CHANGE = "change", gettext_lazy("change facts or scores")
    FREEZE = "freeze", gettext_lazy("freeze")
    UNFREEZE = "unfreeze", gettext_lazy("unfreeze")
    PUBLISH = "publish", gettext_lazy("publish")
    WITHDRAW = "withdraw", gettext_lazy("withdraw the publication")
    ISSUE = "issue", gettext_lazy("issue a final document")
    SETTLE = "settle", gettext_lazy("settle a tie at an award line")
    CORRECT = "correct", gettext_lazy("correct published awards")


# Where each allowed action leads; an action missing from a state's row is refused in that state.
# Unfreezing leads back to entries (open or closed: the calendar's word, read again by `state_of`).
# Late evidence still counts as late (docs/decisions.md, decision 3), so a closed period still takes it.
TRANSITIONS: dict[State, dict[Action, State]] = {
    State.DRAFT: {Action.OPEN: State.OPEN, Action.CHANGE: State.DRAFT},
    State.OPEN: {
        Action.REMIND: State.OPEN,
        Action.SUBMIT: State.OPEN,
        Action.CHANGE: State.OPEN,
        Action.FREEZE: State.FROZEN,
        Action.SETTLE: State.OPEN,
    },
    State.CLOSED: {
        Action.SUBMIT: State.CLOSED,
        Action.CHANGE: State.CLOSED,
        Action.FREEZE: State.FROZEN,
        Action.SETTLE: State.CLOSED,
    },
    # Frozen again: the snapshot is taken anew from the same (locked) standings.
    State.FROZEN: {
        Action.FREEZE: State.FROZEN,
        Action.UNFREEZE: State.OPEN,
        Action.PUBLISH: State.PUBLISHED,
        Action.ISSUE: State.FROZEN,
        # A tie at an award line is settled on the figures that will be announced; the snapshot takes it.
        Action.SETTLE: State.FROZEN,
    },
    # A correction changes some awards of the published results and issues the corrected documents: the year
    # stays frozen and its evidence closed.
    State.PUBLISHED: {
        Action.PUBLISH: State.PUBLISHED,
        Action.WITHDRAW: State.WITHDRAWN,
        Action.ISSUE: State.PUBLISHED,
        Action.CORRECT: State.PUBLISHED,
    },
    # Withdrawn results are published again as they are, or unfrozen and corrected: never issued meanwhile.
    State.WITHDRAWN: {Action.PUBLISH: State.PUBLISHED, Action.UNFREEZE: State.OPEN},
}

# What each state is, said when it refuses an action ("cannot <action>: <state>"), Thai first.
_WHY: dict[State, tuple[str, str]] = {
    State.DRAFT: ("การประกวดนี้ยังเป็นร่าง ยังไม่เปิด", "this contest is still a draft, not open"),
    State.OPEN: ("การประกวดนี้เปิดแล้ว ผลยังไม่ได้ตรึง", "the contest is open and its results are not frozen"),
    State.CLOSED: (
        "การประกวดนี้เปิดแล้วและปิดรับแล้ว ผลยังไม่ได้ตรึง",
        "the contest was open and is closed for entries; its results are not frozen",
    ),
    State.FROZEN: ("ผลตรึงไว้แล้ว ยังไม่ได้ประกาศ", "the results are frozen, not published"),
    State.PUBLISHED: ("ประกาศผลแล้ว ผลเป็นที่สิ้นสุด", "the results are published and final"),
    State.WITHDRAWN: ("ถอนการประกาศผลแล้ว ผลยังตรึงไว้", "the publication was withdrawn; the results stay frozen"),
}


class Refused(PortalError):
    """An action the period's state does not allow (409: the request is fine, the moment is not)."""

    status = 409
    code = "state"

    def __init__(self, state: State, action: Action) -> None:
        self.state, self.action = state, action
        th, en = _WHY[state]
        act_th, act_en = both(Action(action).label)
        super().__init__(f"{act_th}ไม่ได้: {th}", f"cannot {act_en}: {en}")


def state_allows(state: State, action: Action) -> bool:
    return action in TRANSITIONS[state]


def check(state: State, action: Action) -> State:
    """The state `action` leads to from `state`; Refused, Thai first, if `state` does not allow it."""
    try:
        return TRANSITIONS[state][action]
    except KeyError:
        raise Refused(State(state), Action(action)) from None


def state_of(
    *, contest_state: str, ends_on: date, today: date, frozen: bool, published: bool, last_word: str | None = None
) -> State:
    """A period's state from what is stored: the contest's switch, the period's last day, whether its results
    are frozen (a snapshot) and published, and `last_word`, the audit trail's latest freeze action. A draft
    stays a draft whatever else is stored: its results are no one's but its runners'."""
    if contest_state == ContestState.DRAFT:
        return State.DRAFT
    if published:
        return State.PUBLISHED
    if frozen:
        return State.WITHDRAWN if last_word == Action.WITHDRAW else State.FROZEN
    return State.CLOSED if ends_on < today else State.OPEN


def results_after(actions: Iterable[str]) -> State | None:
    """Where a period's results stand after its freeze actions, oldest first: frozen, published, withdrawn,
    or None while they are open to change."""
    after: dict[str, State] = {
        Action.FREEZE: State.FROZEN,
        Action.PUBLISH: State.PUBLISHED,
        Action.WITHDRAW: State.WITHDRAWN,
        Action.CORRECT: State.PUBLISHED,
    }
    state = None
    for action in actions:
        state = after.get(action)
    return state


@dataclass(frozen=True)
class DocumentBasis:
    """Whether a document was made from frozen results, and since when those results are withdrawn."""

    frozen: bool
    withdrawn_at: datetime | None = None


def basis_of(events: Iterable[tuple[str, datetime]], issued_at: datetime) -> DocumentBasis:
    """What a document made at `issued_at` stands on, from the period's freeze actions (action, when),
    oldest first. Made while the results were open it was never final. Its results are withdrawn while the
    latest word on them is a withdrawal, whether it came before or after the document was made; freezing
    anew or unfreezing ends those results, so nothing after that speaks of them."""
    events = list(events)
    before = [(a, at) for a, at in events if at <= issued_at]
    state = results_after(a for a, _ in before)
    if state is None:
        return DocumentBasis(frozen=False)
    withdrawn_at = before[-1][1] if state == State.WITHDRAWN else None
    for action, at in events[len(before) :]:
        if action in (Action.FREEZE, Action.UNFREEZE):
            break
        withdrawn_at = at if action == Action.WITHDRAW else None
    return DocumentBasis(frozen=True, withdrawn_at=withdrawn_at)


def state(rubric: ContestPeriod, *, today: date | None = None) -> State:
    """Read fresh (not from the caller's cached contest): a freeze or an opening a moment ago already holds.
    One query; two while results are frozen but not published (was the last word a withdrawal?)."""
    contest_state, ends_on, frozen, published_at = (
        ContestPeriod.objects.filter(pk=rubric.pk)
        .values_list("contest__state", "ends_on", "snapshot__id", "snapshot__published_at")
        .get()
    )
    last = None
    if frozen is not None and published_at is None:
        last = FreezeEvent.objects.filter(rubric_id=rubric.pk).values_list("action", flat=True).first()
    return state_of(
        contest_state=contest_state,
        ends_on=ends_on,
        today=today or timezone.localdate(),
        frozen=frozen is not None,
        published=published_at is not None,
        last_word=last,
    )


def results_state(rubric: ContestPeriod, snapshot: StandingsSnapshot | None, today: date) -> dict:
    """Where the period's results stand and what the lifecycle allows now (freezing, publishing), with who
    froze, published or withdrew them, when and why: the freeze card's, on its page and on the dashboard."""
    events = list(FreezeEvent.objects.filter(rubric=rubric).select_related("by")[:10]) if snapshot else []
    now = state_of(
        contest_state=rubric.contest.state,
        ends_on=rubric.ends_on,
        today=today,
        frozen=snapshot is not None,
        published=bool(snapshot and snapshot.published_at),
        last_word=events[0].action if events else None,
    )
    # Since when the results stand so: a state says its moment ("ตรึงผลแล้ว เมื่อ …"), never a bare label.
    since = {
        State.FROZEN: snapshot and snapshot.frozen_at,
        State.PUBLISHED: snapshot and snapshot.published_at,
        State.WITHDRAWN: events[0].at if events else None,
    }.get(now)
    return {
        "snapshot": snapshot,
        "freeze_events": events,
        "state": now,
        "since": since,
        "allows": set(TRANSITIONS[now]),
    }


def ensure(rubric: ContestPeriod, action: Action, *, today: date | None = None) -> State:
    """The state `action` leads to; Refused, Thai first, if the period's state forbids it."""
    return check(state(rubric, today=today), action)


def allows(rubric: ContestPeriod, action: Action, *, today: date | None = None) -> bool:
    try:
        ensure(rubric, action, today=today)
    except Refused:
        return False
    return True


def ensure_opens(rubric: ContestPeriod) -> None:
    """Refused, Thai first, unless the period may open: opening is once, only a draft opens."""
    ensure(rubric, Action.OPEN)


def ensure_changeable(rubric: ContestPeriod) -> None:
    """Facts, scores, deadlines and the rubric change only while the lifecycle allows it; refused as YearFrozen
    (a whole-file row error), which every import lists among its rows."""
    if not allows(rubric, Action.CHANGE):
        raise YearFrozen(rubric.year)


def standing(rubric_id: int, issued_at: datetime) -> DocumentBasis:
    """What a document of the period made at `issued_at` stands on: were its results frozen, are they withdrawn."""
    events = FreezeEvent.objects.filter(rubric_id=rubric_id).order_by("at", "id").values_list("action", "at")
    return basis_of(events, issued_at)
