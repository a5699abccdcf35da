"""scoring's models, one module per idea; every name is importable from `scoring.models`. Contests, units
and nominees are in `contests.models`."""

from scoring.models.facts import Fact, FactChange, FactSource, HolidayAction, HolidayOverride, HolidayOverrideChange  # noqa: F401
from scoring.models.revisions import RubricChange  # noqa: F401
from scoring.models.rounds import EntrantRounds, RoundsKept  # noqa: F401
from scoring.models.rubrics import AwardTier, ClosedDay, Criterion, Dimension, Rubric, RubricQuerySet  # noqa: F401
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
