# The scoring tests' contests, shared with those that read their documents back (tests/processes/scoring/).
from tests.awards.chiang_mai_contests import missions, organiser, tied  # noqa: F401
from tests.scoring.vacant_places import five_with_points  # noqa: F401
