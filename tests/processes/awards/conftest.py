# The awards tests' fixtures (tests/awards/), for the tests that read the documents back with a reader process.
from tests.awards.chiang_mai_contests import contest, district_contest, districts, organiser, tied  # noqa: F401
from tests.awards.documents import demo_standings, final_standings, media_root, rendered  # noqa: F401
from tests.awards.signing_certificates import certificate  # noqa: F401
from tests.awards.verification import public_url  # noqa: F401
