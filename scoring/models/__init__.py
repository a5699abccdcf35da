"""scoring's models, one module per idea; every name is importable from `scoring.models`. Contests, units
and nominees are in `contests.models`."""

from .facts import Fact, FactChange, FactSource, HolidayAction, HolidayOverride, HolidayOverrideChange  # noqa: F401
from .revisions import RubricChange  # noqa: F401
from .rubrics import AwardTier, Criterion, Dimension, Rubric, RubricQuerySet  # noqa: F401
from .standings import (  # noqa: F401
    FreezeAction,
    FreezeEvent,
    ProvinceResult,
    RecomputeRun,
    ReminderSent,
    StandingsSnapshot,
    YearSettings,
)
