"""The acts of notices, declared once with their rules (core.acts): who writes an announcement to many offices, and
who to a contest's entrants."""

import rules

from contests.actor import Need, actor_of
from contests.permissions import is_central, is_organiser, runs_contest
from contests.scopes import visible_contests
from core.acts import declare

from .models import Audience

ANNOUNCE = "notices.announce"
ANNOUNCE_TO_ENTRANTS = "notices.announce_to_entrants"

# An announcement reaches every provincial office, every organiser, or a contest's entrants or committee, with a
# letter: in a taken session it would be a message to all of them, so the factor is confirmed first.
declare(
    ANNOUNCE,
    is_central,
    second_factor=True,
    about="send an announcement to every office, every organiser, or a contest's entrants or committee",
)


@rules.predicate
def announces_to_entrants(user, contest) -> bool:
    """Whoever runs a contest writes to its entrants: central staff to every contest's, an organiser to its own
    office's (asked without a contest: whether they may write to any, the page's question)."""
    if contest is None:
        return is_central(user) or (is_organiser(user) and visible_contests(actor_of(user), Need.RUN).exists())
    return runs_contest(user, contest)


declare(
    ANNOUNCE_TO_ENTRANTS,
    announces_to_entrants,
    second_factor=True,
    about="send an announcement to the entrants of a contest one runs",
)


def announce_act(audience: str, contest) -> tuple[str, object]:
    """The act an announcement to this audience asks, and about what: to a contest's entrants, whoever runs it."""
    if audience == Audience.ENTRANTS and contest is not None:
        return ANNOUNCE_TO_ENTRANTS, contest
    return ANNOUNCE, None
