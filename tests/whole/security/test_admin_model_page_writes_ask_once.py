"""The admin's pages of a model (its list, add, change, history, delete) ask each act once where they decide, as
every other write route does (tests/security/test_write_routes_ask_once.py, in `make check`): Django's own pages,
alike for every model, each sent the isolation table's writes in each of its worlds (tests/security/write_asks.py)."""

import pytest

from tests.security.isolation import media_root, world  # noqa: F401  (the isolation table's world)
from tests.security.test_isolation_rules import RULES
from tests.security.write_asks import asks, built, sent_asks_twice, worlds, writes  # noqa: F401

WRITTEN = writes(model_pages=True)


# `built` (tests/security/write_asks.py) is the write's world, by name: each world is built once, its writes sent
# in turn.
@pytest.mark.parametrize(("built", "key", "route", "ask", "role"), WRITTEN, indirect=["built"])
def test_a_write_asks_each_act_once_on_its_page_and_once_in_its_service(built, key, route, ask, role, world, asks):  # noqa: F811
    assert sent_asks_twice(key, route, ask, role, world, RULES, asks) == []
