"""The isolation matrix's machinery: each route of the URL resolver filled for a world, asked as its roles, and
each response held to its cell of the one table (test_isolation_rules.py), with the worlds built once for a test
module that imports `built`, `media_root` and `world`.

Each route is two tests a world, one test body (`route_leaks_nothing`): its strangers' columns (nobody signed in,
another office's people, a conflicted member) in tests/security/test_isolation.py, which `make check` runs, and
the rest of its row in tests/whole/security/test_isolation_insiders.py, which `make test` adds.
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
from rubrics.models import ContestPeriod
from tests.security.conftest import sign_in, th50_world, url_patterns
from tests.security.office.conftest import chonburi_world
from tests.security.test_isolation_rules import KNOWN_LEAKS, RULES, SKIP, WORLDS

DENIED = {401, 403, 404}
PORTAL_PAGES_UNDER_ADMIN = ("/admin/password_change/",)


def fill(route: str, rule, world, ask=None) -> str:
    """A concrete path: the world's year, code and criterion (or the ask's own `params`), and the pk of its
    object of the rule (or of the ask)."""
    params = ask.params if ask else {}
    obj = world.objects[ask.obj] if ask and ask.obj else world.objects.get(rule.obj) if rule.obj else None
    if rule.obj and obj is None:
        obj = apps.get_model(rule.obj).objects.first()
    values = world.params | {"pk": str(getattr(obj, "pk", "")), "object_id": str(getattr(obj, "pk", ""))}
    values["id"] = values["pk"]
    values |= params or {}
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], route)
    path = re.sub(r"\^?\(\?P<(\w+)>[^)]*\)\$?", lambda m: values[m.group(1)], path).replace("^", "").replace("$", "")
    return "/" + path + rule.query_for(world.name).format(**values)


def login_page(path: str) -> str:
    """Where a refusal sends someone to sign in: the admin's login for the admin's pages, but for its password
    change, which is the portal's own (counted) page; the portal's login everywhere else."""
    if path.startswith("/admin/") and not path.startswith(PORTAL_PAGES_UNDER_ADMIN):
        return "/admin/login/"
    return "/accounts/login/"


def outcome(response, path: str) -> str:
    """'-' when refused (401/403/404 or sent to the login page of the part asked), '+' when served, '!' on a
    server error."""
    if response.status_code >= 500:
        return "!"
    if response.status_code in DENIED:
        return "-"
    if response.status_code == 302 and response["Location"].split("?")[0] == login_page(path):
        return "-"
    return "+"


def body_of(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def meets(want: str, got: str, status: int, shows: bool) -> bool:
    """Whether a response is what the rule's cell asks: its sign and its exact status
    (test_isolation_rules.py's legend)."""
    sign, code = want[0], int(want[1:])
    return (
        status == code
        and {
            "-": got == "-",
            "0": got == "+" and not shows,
            "*": got == "+" and shows,
            "+": got == "+",
        }[sign]
    )


def responses(key: str, route: str, world, rules, roles):
    """(ask, role, cell, response, body) for every ask of the route's rule in the world (its plain GET, POST and
    DELETE, then its own) as each of `roles`, each request rolled back."""
    rule = rules[key]
    client = Client()  # its middleware loaded once per route, not per request; each request its own cookie jar
    for ask in rule.every_ask(world.name):
        path = fill(route, rule, world, ask)
        for role, want in zip(world.roles, ask.row.split(), strict=True):
            if role not in roles:
                continue
            client.cookies = SimpleCookie()
            if role in world.sessions:
                client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
            elif world.users[role] is not None:
                client.force_login(world.users[role])
            headers = {"accept": "application/json"} if ask.json else {}
            with transaction.atomic():
                send = getattr(client, ask.method.lower())
                response = send(path, ask.data(), headers=headers) if ask.data else send(path, headers=headers)
                body = body_of(response)
                transaction.set_rollback(True)
            yield ask, role, want, response, body


def run(key: str, route: str, world, rules=RULES, roles=None) -> list[str]:
    """Every ask of the route's rule as each of `roles` (every role of the world when None); returns the
    leaks and the cells not met, empty when none."""
    leaks = []
    for ask, role, want, response, body in responses(key, route, world, rules, roles or world.roles):
        path = fill(route, rules[key], world, ask)
        shows, got, asked = (
            world.mark.encode() in body,
            outcome(response, path),
            f"{ask.method} {path}{ask.label()} as {role}",
        )
        if got == "!" or not meets(want, got, response.status_code, shows):
            leaks.append(f"{asked}: expected {want}, got {response.status_code} mark={shows}")
        if role in world.attackers and shows:
            leaks.append(f"{asked}: {world.code}'s data in the response")
    return leaks


def columns(world, which: str) -> tuple:
    """The roles of one test: the strangers (`make check` asks them), or the rest of the world's roles."""
    if which == "strangers":
        return world.strangers
    return tuple(role for role in world.roles if role not in world.strangers)


CHECKED = [(key, route) for key, route in url_patterns() if key not in SKIP]


def national_world():
    """TH-50's world (conftest.py), signed in, its tasks run as they are sent (as tests/conftest.py's
    eager_celery)."""
    from cdd4.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        rubric = ContestPeriod.objects.get(year=2566)
        return sign_in(th50_world(rubric, Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")))
    finally:
        app.conf.task_always_eager = eager


def office_world():
    """Chonburi's world (office/conftest.py), signed in."""
    return sign_in(chonburi_world())


BUILDERS = {"national": national_world, "office": office_world}


@pytest.fixture(scope="module", params=list(WORLDS))
def built(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """One world built once for the module, in a transaction rolled back at its end: pytest runs every test of
    one world, then ends it before building the other. Each test's own changes (and each request's: `run` rolls
    every one back) roll back to here (as tests/security/office). Built per test, it was a fifth of the
    module's time."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        world = BUILDERS[request.param]()
        assert world.name == request.param
        yield world, media
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root(request):
    """The module's world's files, MEDIA_ROOT while `built` lasts (tests/security/media.py's: a fresh empty
    folder for each test, made only for a test without the world: a folder and a settings change for each of
    the matrix's requests' tests were a few seconds of the module)."""
    cache.clear()
    if "world" in request.fixturenames:
        return request.getfixturevalue("built")[1]
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = request.getfixturevalue("tmp_path") / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def world(built, db):
    return built[0]


def route_leaks_nothing(key: str, route: str, which: str, world) -> None:
    """The route's asks as the roles of `which` (`columns`) meet their cells, and show an attacker nothing: a
    leak KNOWN_LEAKS names is an expected failure, until it is closed."""
    roles = columns(world, which)
    leaks = run(key, route, world, roles=roles)
    leaking, reason = KNOWN_LEAKS.get((world.name, key), ((), ""))
    if set(leaking) & set(roles):
        assert leaks, "ปิดช่องรั่วแล้ว ให้ลบออกจาก KNOWN_LEAKS"
        others = [leak for leak in leaks if leak.split(" as ", 1)[1].split(":")[0] not in leaking]
        assert others == [], "ช่องรั่วที่ยังไม่รู้จัก"
        pytest.xfail(reason)
    assert leaks == []
