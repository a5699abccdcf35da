"""The quick reply's buttons: what an office owes now, and the signed choice each button sends back.

A button's postback data names the set, the contest period, the criterion and the round, and lives
settings.CDD4_LINE_CHOICE_MINUTES; it is signed (HMAC-SHA256 keyed with SECRET_KEY) over those and over the LINE
user and the message ids of the set, so it files only those files, for only the person it was offered to, and is
checked again when the worker files them. LINE keeps postback data to 300 characters; this is under 90.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from contests.actor import actor_of
from core.thai import thai_date, thai_digits
from notices.channels.line.client import QUICK_REPLY_MAX, Choice
from rubrics.models import ContestPeriod
from schedule.obligations import Obligation, answerable
from schedule.selectors import entrant_obligations, person_obligations
from schedule.states import ObligationKind, ObligationState

from .models import LineSet

SALT = "submissions.line.choice"
FILE, ROUNDS, MORE = "f", "r", "m"  # file the set as this; ask which round; the next page of what is owed
OWED = (ObligationState.OPEN, ObligationState.LATE)
PAGE = QUICK_REPLY_MAX - 1  # the last button reads "more" when there is more


@dataclass(frozen=True)
class Tapped:
    """A button's postback data as read back: `round` is the round number (0: the criterion has none), or the
    page for MORE."""

    kind: str
    set_id: int
    rubric_id: int
    criterion: str
    round: int
    expires: int

    def body(self) -> str:
        return f"{self.kind}|{self.set_id}|{self.rubric_id}|{self.criterion}|{self.round}|{self.expires}"


def _signature(tapped: Tapped, line_set: LineSet, message_ids: list[str]) -> str:
    bound = f"{tapped.body()}|{line_set.line_user_id}|{','.join(sorted(message_ids))}"
    return salted_hmac(SALT, bound, algorithm="sha256").hexdigest()[:32]


def _data(tapped: Tapped, line_set: LineSet, message_ids: list[str]) -> str:
    return f"{tapped.body()}|{_signature(tapped, line_set, message_ids)}"


def choice_read(data: str, line_set_of) -> tuple[Tapped, LineSet] | None:
    """The choice a postback's data names, with its set (`line_set_of(set_id)`, None for no such set of this
    person's), when its signature holds over that set's LINE user and messages; None for anything else."""
    parts = data.split("|")
    if len(parts) != 7 or parts[0] not in (FILE, ROUNDS, MORE):
        return None
    try:
        tapped = Tapped(parts[0], int(parts[1]), int(parts[2]), parts[3], int(parts[4]), int(parts[5]))
    except ValueError:
        return None
    line_set = line_set_of(tapped.set_id)
    if line_set is None:
        return None
    ids = list(line_set.items.values_list("message_id", flat=True))
    if not constant_time_compare(parts[6], _signature(tapped, line_set, ids)):
        return None
    return tapped, line_set


def choice_lives(tapped: Tapped, at: datetime) -> bool:
    return at.timestamp() <= tapped.expires


def owed_now(user) -> list[Obligation]:
    """The criteria the person's office owes now, open or late, one each (its soonest round), soonest first:
    the schedule's own reading of what the person owes (schedule.selectors.person_obligations)."""
    seen: set[tuple[int, str]] = set()
    found = []
    for o in person_obligations(user, states=OWED):
        if o.kind == ObligationKind.EVIDENCE and (o.rubric_id, o.criterion) not in seen:
            seen.add((o.rubric_id, o.criterion))
            found.append(o)
    return found


def opened_rounds(user, rubric: ContestPeriod, criterion: str) -> list[Obligation]:
    """The rounds of a criterion a file sent now may answer: each whose window has opened (schedule's
    `answerable`), in due order."""
    office = actor_of(user).own_office
    if office is None:
        return []
    return answerable(entrant_obligations(rubric, office, criteria=[criterion]))


def _expiry() -> int:
    return int((timezone.now() + timedelta(minutes=settings.CDD4_LINE_CHOICE_MINUTES)).timestamp())


def criterion_choices(line_set: LineSet, owed: list[Obligation], page: int = 0) -> list[Choice]:
    """One button per criterion owed (a criterion in rounds asks its round next), PAGE a reply, then "more"."""
    ids = list(line_set.items.values_list("message_id", flat=True))
    expires = _expiry()
    shown = owed[page * PAGE : (page + 1) * PAGE]
    buttons = []
    for o in shown:
        kind = ROUNDS if o.rounds else FILE
        tapped = Tapped(kind, line_set.pk, o.rubric_id, o.criterion, 0, expires)
        due = _("late") if o.state == ObligationState.LATE else thai_date(o.due, short=True)
        said = f"{o.label_th} ({due})" if due else o.label_th
        buttons.append(Choice(label=o.label_th, data=_data(tapped, line_set, ids), said=said))
    if len(owed) > (page + 1) * PAGE:
        more = Tapped(MORE, line_set.pk, 0, "", page + 1, expires)
        buttons.append(Choice(label=_("More…"), data=_data(more, line_set, ids), said=_("Show more criteria")))
    return buttons


def round_choices(line_set: LineSet, rounds: list[Obligation]) -> list[Choice]:
    """One button per round opened, the newest first (the one most likely sent now), at most a quick reply's."""
    ids = list(line_set.items.values_list("message_id", flat=True))
    expires = _expiry()
    buttons = []
    for o in list(reversed(rounds))[:QUICK_REPLY_MAX]:
        tapped = Tapped(FILE, line_set.pk, o.rubric_id, o.criterion, o.index, expires)
        label = f"{thai_digits(o.criterion)} {thai_date(o.written, short=True)}"
        buttons.append(Choice(label=label, data=_data(tapped, line_set, ids), said=f"{o.label_th}: {o.round_th}"))
    return buttons
