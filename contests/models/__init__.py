"""contests' models, one module per idea; every name is importable from `contests.models`."""

from .contests import Combine, Contest, ContestQuerySet, ContestState  # noqa: F401
from .nominees import Nominee, NomineeFields, NomineeVersion  # noqa: F401
from .units import Level, Province, Region, SizeGroup, UnitQuerySet  # noqa: F401
