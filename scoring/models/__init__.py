"""scoring's models, one module per idea; every name is importable from `scoring.models`. Contests, units
and nominees are in `contests.models`; a contest's rules (rubrics, criteria, their changes, the calendar's
holidays) in `rubrics.models`."""

from scoring.models.facts import Fact, FactChange, FactSource  # noqa: F401
from scoring.models.rounds import EntrantRounds, RoundsKept  # noqa: F401
from scoring.models.standings import (  # noqa: F401
    AWARD_FLOOR,
    FreezeAction,
    FreezeEvent,
    RecomputeRun,
    StagedPoints,
    Standing,
    StandingsSnapshot,
    YearSettings,
)
from scoring.models.ties import TieDecision, TieMethod  # noqa: F401
