"""Every write route asks each act once where it decides: its page once (the loader, or the gate), its service
once more (`acts.require`), never again beside them. The routes are the URL resolver's, each with the writes the
isolation table sends it (tests/security/test_isolation_rules.py: its POST and DELETE, with their forms) in each of
its worlds, as the first role the table lets through there, so a new write route is asked here as soon as the
table has its rule (write_asks.py). The admin's pages of a model, Django's own and alike for every model, are
asked the same in tests/whole/security/test_admin_model_page_writes_ask_once.py."""

import pytest

from .conftest import url_patterns
from .isolation import media_root, world  # noqa: F401  (the isolation table's world)
from .test_isolation_rules import RULES, WORLDS
from .write_asks import EXEMPT, ORDERS, WRITES, asks, built, sent_asks_twice, served_as, worlds, writes  # noqa: F401

WRITTEN = writes(model_pages=False)


def test_every_route_exempt_is_a_write_route_of_the_resolver():
    """An exemption names a route that is there and takes a write: one that left or stopped taking it goes."""
    taking = {
        key
        for key, _route in url_patterns()
        if key in RULES
        for name, roles in WORLDS.items()
        if any(a.method in WRITES and served_as(a.row, roles, ORDERS[name]) for a in RULES[key].every_ask(name))
    }
    assert sorted(set(EXEMPT) - taking) == []


# `built` (write_asks.py) is the write's world, by name: each world is built once, its writes sent in turn.
@pytest.mark.parametrize(("built", "key", "route", "ask", "role"), WRITTEN, indirect=["built"])
def test_a_write_asks_each_act_once_on_its_page_and_once_in_its_service(built, key, route, ask, role, world, asks):  # noqa: F811
    assert sent_asks_twice(key, route, ask, role, world, RULES, asks) == []
