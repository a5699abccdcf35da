"""scoring's models, one module per idea; every name is importable from `scoring.models` as before."""

from .facts import Fact, FactChange, FactSource, HolidayAction, HolidayOverride, HolidayOverrideChange  # noqa: F401
from .nominees import Nominee, NomineeVersion  # noqa: F401
from .rubrics import AwardTier, Combine, Contest, ContestQuerySet, Criterion, Dimension, Rubric, RubricQuerySet  # noqa: F401
from .standings import (  # noqa: F401
    FreezeAction,
    FreezeEvent,
    ProvinceResult,
    RecomputeRun,
    ReminderSent,
    ResultsState,
    StandingsSnapshot,
    YearSettings,
)
from .units import Level, Province, Region, SizeGroup, UnitQuerySet  # noqa: F401
