"""The acts of notices, declared once with their rules (core.acts): who writes an announcement to many offices."""

from contests.permissions import is_central
from core.acts import declare

ANNOUNCE = "notices.announce"

# An announcement reaches every provincial office, every organiser, or a contest's entrants or committee, with a
# letter: in a taken session it would be a message to all of them, so the factor is confirmed first.
declare(
    ANNOUNCE,
    is_central,
    second_factor=True,
    about="send an announcement to every office, every organiser, or a contest's entrants or committee",
)
