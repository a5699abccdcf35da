"""A contest's rounds counted: for each round of each criterion, how many entrants owe it, met it or are
late, with a page of the owing ones (central's dashboard, "due soon", and the missing list, by round)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from scoring.models import Rubric, Standing

from .contest import ContestSchedule, DueRound, within
from .obligations import Obligation, rounds_met
from .sendings import sendings
from .states import ObligationState

OWING = (ObligationState.OPEN, ObligationState.LATE)


@dataclass
class RoundTally:
    """One round of one criterion across a contest's entrants: how many owe it (open or late), met it, are
    late, and the owing entrants' obligations shown (`shown`, by unit code: one page of them)."""

    round: DueRound
    owed: int = 0
    met: int = 0
    late: int = 0
    shown: list[Obligation] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.owed - len(self.shown)


def round_tallies(
    rubric: Rubric,
    *,
    criteria: Iterable[str] | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    shown: int = 30,
    offset: int = 0,
    today: date | None = None,
) -> list[RoundTally]:
    """Each round (of the criteria asked, falling due in the window) with its entrants counted by state and
    the owing ones listed from `offset`, `shown` of them: central's dashboard ("due soon") and the missing
    list, by round. In rubric order, each criterion's rounds in due order. `contest_obligations`' queries.

    An entrant's rounds are counted from which of them its sendings met (`rounds_met`): a round not met
    stands as it stands for an entrant that sent nothing. Its obligations are made only when one is shown."""
    contest = ContestSchedule(rubric, today)
    chosen = contest.chosen(criteria, due_from, due_to)
    tallies: dict[tuple[str, int], RoundTally] = {}
    for rounds in chosen:
        for r in rounds:
            if not (due_from or due_to) or within(r.due, due_from, due_to):
                tallies[(r.criterion.code, r.index)] = RoundTally(r)
    if not tallies:
        return []
    pairs = list(Standing.objects.filter(rubric=rubric).order_by("unit__code").values_list("unit_id", "unit__code"))
    sent = sendings(rubric, contest.spec, None, {r[0].criterion.code for r in chosen})
    for rounds in chosen:
        code = rounds[0].criterion.code
        dues = contest.shared(rounds).dues
        counted = [tallies.get((code, r.index)) for r in rounds]
        unmet = [s.state for s in contest.shared(rounds).unsent]  # a round not met stands as if nothing came
        owing = [state in OWING for state in unmet]
        late = [state == ObligationState.LATE for state in unmet]
        for unit_id, unit_code in pairs:
            got = sent.get((unit_id, code))
            met = rounds_met(dues, sorted(s.day for s in got)) if got else None
            made = None  # an entrant's obligations are made only when one of them is shown
            for n, tally in enumerate(counted):
                if tally is None:
                    continue
                if met is not None and met[n] is not None:
                    tally.met += 1
                elif owing[n]:
                    if tally.owed >= offset and len(tally.shown) < shown:
                        made = made or contest.obligations(unit_id, unit_code, rounds, got or [])
                        tally.shown.append(made[n])
                    tally.owed += 1
                    tally.late += late[n]
    return list(tallies.values())
