"""An entry: a contest × one of its units. The acts about an office's part in a contest (seeing its pages,
sending its evidence) are asked about an entry, never about the unit alone, so "this unit enters this contest"
is part of every answer instead of a second question each caller adds (docs/architecture.md, the lock)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .entrants import unit_enters
from .models import Contest, Unit


@dataclass(frozen=True)
class Entry:
    contest: Contest
    unit: Unit
    # Whether the unit is one of the contest's entrants, when whoever made the entry already knows it (the loader
    # found the unit among the contest's entrants): asked of the contest otherwise, once.
    known_entrant: bool | None = field(default=None, compare=False, repr=False)

    @property
    def enters(self) -> bool:
        """The unit is one of the contest's entrants (contests.entrants.unit_enters)."""
        if self.known_entrant is None:
            object.__setattr__(self, "known_entrant", unit_enters(self.contest, self.unit))
        return bool(self.known_entrant)

    @property
    def acts_key(self) -> tuple:
        """What an answer about the entry is kept under for the request (core.acts): what it depends on."""
        return ("entry", self.contest.pk, self.contest.state, self.unit.pk)
