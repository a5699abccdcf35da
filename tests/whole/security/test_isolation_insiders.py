"""The isolation matrix's rest of each row: every route of the one table (tests/security/test_isolation_rules.py),
in both worlds, as the roles but the strangers (the target's own people, those who may see it, the other
insiders), each held to its cell. The strangers' columns of the same routes are tests/security/test_isolation.py's,
in `make check`; both run one test body (tests/security/isolation.py)."""

import pytest

from tests.security.isolation import CHECKED, built, media_root, route_leaks_nothing, world  # noqa: F401


@pytest.mark.parametrize("which", ["the rest"])
@pytest.mark.parametrize(("key", "route"), CHECKED, ids=[k for k, _ in CHECKED])
def test_isolation_route_leaks_nothing(key, route, which, world):  # noqa: F811
    route_leaks_nothing(key, route, which, world)
