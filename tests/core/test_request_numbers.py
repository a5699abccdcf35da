"""Every number a request carries is read one way (core.numbers: ASCII digits only): digits of other scripts and
other numbers ("²", "١", "๒", "①", "𝟚") swept over every numeric part of an address the URL resolver knows and
over each numeric box of the forms read by hand: never a 500, and never read as a number."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404

from committee.models import Panelist
from committee.panels import panelist_appoint
from core import acts
from core.numbers import ascii_digits, is_whole, whole
from notices.models import Receipt
from people.models import Role
from tests.factories import DistrictFactory, UserFactory, office_contest
from tests.packages import sources

ODD = ["²", "١", "๒", "①", "𝟚", "1²", "٣٣"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text", ODD)
def test_only_ascii_digits_are_a_whole_number(text):
    assert (whole(text), is_whole(text), ascii_digits(text)) == (None, False, False)


def test_ascii_digits_are_read_and_a_key_too_long_is_not():
    assert (whole("007"), whole("1" * 18), whole("1" * 19), whole(" 1"), whole("-1"), whole(5)) == (
        7, int("1" * 18), None, None, None, None,
    )  # fmt: skip


def _routes(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _routes(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p


def _numeric(match: re.Match) -> str:
    kind, name = match.group(1), match.group(2)
    if kind in ("int", "rubric") or (kind == "path" and name == "object_id"):  # the admin's row id
        return "{n}"
    return "x"


def _numeric_routes() -> list[tuple[str, str]]:
    """(route, its address with each number a placeholder) for every route with a number in it: an id, a
    contest's year (`<contest:key>`), an admin row."""
    found = []
    for route, _pattern in _routes(get_resolver().url_patterns):
        address = re.sub(r"<(?:(\w+):)?(\w+)>", _numeric, route)
        if "{n}" in address and not route.startswith("^") and not address.endswith(("/history/", "/delete/")):
            found.append((route, "/" + address))
    return found


NUMERIC_ROUTES = _numeric_routes()
SWEPT = ["²", "١", "๒", "①", "𝟚"]


def test_the_sweep_finds_the_routes_with_numbers():
    assert len(NUMERIC_ROUTES) > 50


@pytest.fixture(scope="module")
def central_session(django_db_setup, django_db_blocker) -> str:
    """One central staff member's session for the whole sweep, made in a transaction rolled back at the module's
    end; whatever a request does to it rolls back with its test."""
    with django_db_blocker.unblock(), transaction.atomic():
        signed = Client()
        signed.force_login(UserFactory(role=Role.CENTRAL))
        yield signed.cookies[settings.SESSION_COOKIE_NAME].value
        transaction.set_rollback(True)


@pytest.mark.parametrize(("route", "address"), NUMERIC_ROUTES, ids=[r for r, _ in NUMERIC_ROUTES])
def test_no_route_reads_another_scripts_digits_as_a_number(route, address, client, db, central_session):
    client.cookies[settings.SESSION_COOKIE_NAME] = central_session
    for odd in SWEPT:
        path = address.replace("{n}", odd * 4 if "<contest:" in route else odd)
        try:
            match = resolve(path)
        except Resolver404:
            match = None
        assert match is None or not any(isinstance(v, int) for v in match.kwargs.values()), path
        # The admin's row pages read the id as Django's model field does (int() of any script's digits): the
        # same row, the same lock, and never a 500.
        refused = (200, 302, 400, 403, 404, 405) if "<path:object_id>" in route else (302, 400, 403, 404, 405)
        assert client.get(path).status_code in refused, path


@pytest.fixture
def cm(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    return office_contest("cm-web-2564", chiang_mai, district), district


@pytest.mark.parametrize("odd", ODD)
def test_the_inbox_reads_an_odd_page_count_as_the_first_page(odd, client, chiang_mai):
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    assert client.get("/notices/", {"pages": odd}).status_code == 200


@pytest.mark.parametrize("odd", ODD)
def test_marking_an_odd_receipt_read_marks_nothing_by_it(odd, client, chiang_mai):
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai))
    response = client.post("/notices/read/", {"receipt": odd})
    assert response.status_code == 302 and Receipt.objects.count() == 0


@pytest.mark.parametrize("odd", ODD)
def test_the_panel_form_appoints_nobody_from_an_odd_id(odd, client, cm, chiang_mai):
    rubric, _ = cm
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    client.force_login(organiser)
    response = client.post(f"/standings/{rubric.key}/panel/", {"action": "appoint", "user": odd})
    assert response.status_code in (302, 400)
    assert not Panelist.objects.filter(contest=rubric.contest).exists()


@pytest.mark.parametrize("odd", ODD)
def test_the_matrix_reads_an_odd_page_as_the_first(odd, client, cm, chiang_mai):
    rubric, _ = cm
    organiser, member = (
        UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
    )
    panelist_appoint(by=acts.as_confirmed(organiser), contest=rubric.contest, user=member)
    client.force_login(member)
    response = client.get(reverse("admin:committee_matrix"), {"year": rubric.key, "page": odd})
    assert response.status_code == 200 and response.context["page"] == 1


def _ascii_first(tree: ast.AST) -> set[int]:
    """The `isdigit` attributes asked of a name that the same `and` asks `isascii()` of first: of ASCII's
    characters only "0"-"9" are digits, so together they ask what `core.numbers.ascii_digits` asks."""
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            asked: set[str] = set()
            for value in node.values:
                call = value.func if isinstance(value, ast.Call) else None
                if isinstance(call, ast.Attribute) and isinstance(call.value, ast.Name):
                    if call.attr == "isascii":
                        asked.add(call.value.id)
                    elif call.attr == "isdigit" and call.value.id in asked:
                        allowed.add(id(call))
    return allowed


DIGIT_ASKS = ("isdigit", "isnumeric", "isdecimal")


@functools.cache
def _source_calls() -> dict[str, list[str]]:
    """Where each of `DIGIT_ASKS` is asked in our source, every file parsed once for all three."""
    found: dict[str, list[str]] = {name: [] for name in DIGIT_ASKS}
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed = _ascii_first(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in found and id(node) not in allowed:
                found[node.attr].append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


# Counting digits is not reading a number: a typed number's length is bounded by every digit it holds.
COUNTS_DIGITS = {"rulebook/rules/facts.py"}


@pytest.mark.parametrize("name", DIGIT_ASKS)
def test_no_number_is_read_by_str_isdigit(name):
    found = [where for where in _source_calls()[name] if where.split(":")[0] not in COUNTS_DIGITS]
    assert found == []
