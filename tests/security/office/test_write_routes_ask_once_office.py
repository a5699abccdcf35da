"""Every write route asks each act once on its page and once in its service, in another office's contest: the
writes only its organiser, its entrant or its panel may send (the builder, the panel, the nominee), sent as
tests/security/office/test_isolation_office_rules.py sends them (tests/security/test_write_routes_ask_once.py
says how the asks are counted)."""

import pytest

from ..test_write_routes_ask_once import asks, sent_asks_twice, writes  # noqa: F401  (asks: the counting fixture)
from .conftest import ATTACKERS, ROLES
from .test_isolation_office_rules import RULES

# The contest's own first (who does the write), then the others the table lets through.
ORDER = ("organiser", "entrant", "panelist", *ATTACKERS)
WRITTEN = writes(RULES, ROLES, ORDER)


@pytest.mark.parametrize(("key", "route", "ask", "role"), WRITTEN)
def test_a_write_in_an_office_contest_asks_each_act_once_on_its_page_and_once_in_its_service(
    key,
    route,
    ask,
    role,
    office,
    asks,  # noqa: F811
):
    assert sent_asks_twice(key, route, ask, role, office, RULES, asks) == []
