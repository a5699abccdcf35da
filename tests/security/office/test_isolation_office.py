"""Isolation matrix with another office's contest as the target: every URL pattern and every API operation,
as six attackers and three positive controls, on Chonburi's contest and its objects; each route twice, the
strangers' columns (`make check`) and the rest (`make test`).

A user with another office's login (an organiser, a district's staff, a panel's member), Chonburi's own
staff who do not enter, and the national committee must be refused, preferably as not found, and never see
the contest's mark; nobody gets a 5xx. The table is test_isolation_office_rules.py."""

import pytest

from ..conftest import schema_operations, url_patterns
from ..test_isolation import COLUMNS, columns, run
from ..test_isolation_rules import SKIP, Rule
from .test_isolation_office_rules import KNOWN_LEAKS, RULES

CHECKED = [(key, route) for key, route in url_patterns() if key not in SKIP]


@pytest.mark.parametrize("which", COLUMNS)
@pytest.mark.parametrize(("key", "route"), CHECKED, ids=[k for k, _ in CHECKED])
def test_office_isolation_route_leaks_nothing(key, route, which, office):
    roles = columns(office, which)
    leaks = run(key, route, office, RULES, roles)
    leaking, reason = KNOWN_LEAKS.get(key, ((), ""))
    if set(leaking) & set(roles):
        assert leaks, "ปิดช่องรั่วแล้ว ให้ลบออกจาก KNOWN_LEAKS"
        others = [leak for leak in leaks if leak.split(" as ", 1)[1].split(":")[0] not in leaking]
        assert others == [], "ช่องรั่วที่ยังไม่รู้จัก"
        pytest.xfail(reason)
    assert leaks == []


def test_office_rules_cover_every_route():
    missing = sorted(key for key, _ in url_patterns() if key not in RULES and key not in SKIP)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับเส้นทางใหม่"
    assert sorted(set(RULES) - {key for key, _ in url_patterns()}) == []


def test_office_rules_cover_every_api_operation():
    missing = sorted(f"{name} {m}" for name, m in schema_operations() if m not in RULES.get(name, Rule()).methods)
    assert missing == [], "ยังไม่มีกฎสิทธิ์สำหรับ API"
