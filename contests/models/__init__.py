"""contests' models, one module per idea; every name is importable from `contests.models`."""

from .contests import ChosenEntrant, Combine, Contest, ContestQuerySet, ContestState, national_q  # noqa: F401
from .nominees import Employment, Nominee, NomineeFields, NomineeState, NomineeVersion  # noqa: F401
from .stages import (  # noqa: F401
    Barred,
    FileKind,
    PastModel,
    RankWithin,
    RegisterSource,
    Stage,
    StageEntry,
    StageFile,
    StageUpload,
)
from .units import Level, Region, SizeGroup, Unit, UnitQuerySet  # noqa: F401
