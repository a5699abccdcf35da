# The scoring tests' contests (tests/scoring/), for the tests that read their documents back.
from tests.awards.chiang_mai_contests import missions, organiser, tied  # noqa: F401
from tests.scoring.vacant_places import five_with_points  # noqa: F401
