"""contests' models, one module per idea; every name is importable from `contests.models`."""

from .contests import ChosenEntrant, Combine, Contest, ContestQuerySet, ContestState, national_q  # noqa: F401
from .units import Level, Region, SizeGroup, Unit, UnitQuerySet  # noqa: F401
