"""Isolation matrix: every URL pattern and every API operation, as six roles, on TH-50's objects.

Routes come from the URL resolver and the OpenAPI schema, so a new endpoint cannot be forgotten:
`test_isolation_rules.py` holds the one table of what each role may get, and fails on a missing rule.
"""

import re
from http.cookies import SimpleCookie

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings

from contests.models import Unit
from scoring.models import Rubric

from .conftest import ROLES, sign_in, th50_world, url_patterns
from .test_isolation_rules import KNOWN_LEAKS, RULES, SKIP

DENIED = {401, 403, 404}
LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def fill(route: str, rule, world) -> str:
    """A concrete path: the world's year, code and criterion, and the pk of its object of the rule."""
    obj = world.objects.get(rule.obj) if rule.obj else None
    if rule.obj and obj is None:
        obj = apps.get_model(rule.obj).objects.first()
    values = world.params | {"pk": str(getattr(obj, "pk", "")), "object_id": str(getattr(obj, "pk", ""))}
    values["id"] = values["pk"]
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)
    path = re.sub(r"\^?\(\?P<(\w+)>[^)]*\)\$?", lambda m: values[m.group(1)], path).replace("^", "").replace("$", "")
    return "/" + path + rule.query.format(**values)


def outcome(response) -> str:
    """'-' when refused (401/403/404 or sent to a login page), '+' when served, '!' on a server error."""
    if response.status_code >= 500:
        return "!"
    if response.status_code in DENIED:
        return "-"
    if response.status_code == 302 and response["Location"].split("?")[0].endswith(LOGIN_PATHS):
        return "-"
    return "+"


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def meets(want: str, got: str, status: int, shows: bool) -> bool:
    """Whether a response is what the rule's symbol asks (test_isolation_rules.py's legend)."""
    return {
        "-": got == "-",
        "4": status == 404,
        "0": got == "+" and not shows,
        "*": got == "+" and shows,
        "+": True,
    }[want]


def run(key: str, route: str, world, rules=RULES) -> list[str]:
    """Every (method, role) of the route's rule; returns the leaks found, empty when none."""
    rule = rules[key]
    path = fill(route, rule, world)
    leaks = []
    client = Client()  # its middleware loaded once per route, not per request; each request its own cookie jar
    for method, expected in rule.methods.items():
        for role, want in zip(world.roles, expected.split(), strict=True):
            client.cookies = SimpleCookie()
            if role in world.sessions:
                client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
            elif world.users[role] is not None:
                client.force_login(world.users[role])
            with transaction.atomic():
                response = getattr(client, method.lower())(path)
                got, body = outcome(response), body_of(response)
                transaction.set_rollback(True)
            shows = world.mark.encode() in body
            if got == "!" or not meets(want, got, response.status_code, shows):
                leaks.append(f"{method} {path} as {role}: expected {want}, got {response.status_code} mark={shows}")
            if role in world.attackers and shows:
                leaks.append(f"{method} {path} as {role}: {world.code}'s data in the response")
    return leaks


CHECKED = [(key, route) for key, route in url_patterns() if key not in SKIP]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """TH-50's world built once for the module, in a transaction rolled back at its end; each test's own
    changes (and each request's: `run` rolls every one back) roll back to here (as tests/security/office).
    Built per test, it was a fifth of this module's time."""
    from cdd4.celery import app

    media = tmp_path_factory.mktemp("media")
    eager, app.conf.task_always_eager = app.conf.task_always_eager, True  # as tests/conftest.py's eager_celery
    try:
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
            rubric = Rubric.objects.get(year=2566)
            th50 = sign_in(th50_world(rubric, Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")))
            app.conf.task_always_eager = eager
            yield th50, media
            transaction.set_rollback(True)
    finally:
        app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def media_root(settings, request, tmp_path):
    """The module's world's files (tests/security/conftest.py's: a fresh empty folder for each test)."""
    needs_world = "world" in request.fixturenames
    settings.MEDIA_ROOT = request.getfixturevalue("built")[1] if needs_world else tmp_path / "media"
    cache.clear()
    return settings.MEDIA_ROOT


@pytest.fixture
def world(built, db):
    return built[0]


@pytest.mark.parametrize(("key", "route"), CHECKED, ids=[k for k, _ in CHECKED])
def test_isolation_route_leaks_nothing(key, route, world):
    leaks = run(key, route, world)
    if key in KNOWN_LEAKS:
        assert leaks, "ปิดช่องรั่วแล้ว ให้ลบออกจาก KNOWN_LEAKS"
        assert all(" as conflicted:" in leak for leak in leaks), leaks
        pytest.xfail(KNOWN_LEAKS[key])
    assert leaks == []


def test_isolation_matrix_size():
    """The report's figure: routes × methods × roles actually requested."""
    cells = sum(len(RULES[key].methods) for key, _ in CHECKED) * len(ROLES)
    print(f"RESULT isolation_routes={len(CHECKED)} isolation_cells={cells} leaks_target=0")
    assert len(CHECKED) >= 140
