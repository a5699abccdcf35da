"""Isolation matrix: every URL pattern and every API operation, in two worlds, as each world's roles, on its
target's objects: the national contest's (TH-50's objects, eight roles) and an office-run contest's (Chonburi's
district contest, six attackers and three positive controls).

Routes come from the URL resolver and the OpenAPI schema, so a new endpoint cannot be forgotten:
`test_isolation_rules.py` holds the one table of what each role gets in each world, with its exact status, and
fails on a missing rule. Each route is two tests a world (isolation.py): here its strangers' columns (nobody
signed in, another office's people, a conflicted member), which `make check` runs; the rest of its row is
tests/whole/security/test_isolation_insiders.py's. Nobody gets a 5xx, and an attacker never sees the target's
mark, whatever the table says.
"""

import pytest

from .isolation import CHECKED, built, media_root, route_leaks_nothing, world  # noqa: F401  (the world, built once)
from .test_isolation_rules import RULES, WORLDS


@pytest.mark.parametrize("which", ["strangers"])
@pytest.mark.parametrize(("key", "route"), CHECKED, ids=[k for k, _ in CHECKED])
def test_isolation_route_leaks_nothing(key, route, which, world):  # noqa: F811
    route_leaks_nothing(key, route, which, world)


def test_isolation_matrix_size():
    """The report's figure: routes × methods × roles actually requested, in every world."""
    cells = sum(len(RULES[key].every_ask(world)) * len(roles) for world, roles in WORLDS.items() for key, _ in CHECKED)  # noqa: F811
    print(f"RESULT isolation_routes={len(CHECKED)} isolation_cells={cells} leaks_target=0")
    assert len(CHECKED) >= 140
