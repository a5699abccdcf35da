"""scoring's models, one module per idea; every name is importable from `scoring.models`. Contests, units
and nominees are in `contests.models`; a contest's rules (rubrics, criteria, their changes, each year's
settings, the calendar's holidays) in `rubrics.models`; the rounds kept per entrant in `schedule.models`."""

from scoring.models.facts import Fact, FactChange, FactSource  # noqa: F401
from scoring.models.standings import FreezeAction, FreezeEvent, RecomputeRun, StagedPoints, Standing, StandingsSnapshot  # noqa: F401
from scoring.models.ties import TieDecision, TieMethod  # noqa: F401
