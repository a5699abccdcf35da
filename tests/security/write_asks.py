"""What a write route asks: each write the isolation table sends a route (tests/security/test_isolation_rules.py:
its POST and DELETE, with their forms) in each of its worlds, as the first role the table lets through there, sent
with every ask of an act counted (`asks`), and the acts its sender was asked twice (`sent_asks_twice`).

Counted by wrapping the one ask function (core.acts.allowed, which the gate, the loaders, the services and the
notices' recipients all call) while it delegates to the real one, and telling the service's asks by core.acts.require,
through which a service asks: as tests/security/test_lock_asks.py counts the upload and the score.

The portal's own write routes are tests/security/test_write_routes_ask_once.py's, in `make check`; the admin's pages
of a model, Django's own and alike for every model, tests/whole/security/test_admin_model_page_writes_ask_once.py's."""

from __future__ import annotations

import re
import sys
from collections import Counter
from contextlib import ExitStack
from http.cookies import SimpleCookie

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings

from core import acts
from tests.security.conftest import url_patterns
from tests.security.isolation import BUILDERS, fill
from tests.security.office.conftest import ATTACKERS as OFFICE_ATTACKERS
from tests.security.test_isolation_rules import RULES, SKIP, WORLDS

WRITES = ("POST", "PUT", "PATCH", "DELETE")
# The role a write is sent as: the first the table lets through, insiders first (who does the write).
ORDERS = {
    "national": (
        "owner",
        "committee",
        "chair",
        "central",
        "other_organiser",
        "other_province",
        "conflicted",
        "anonymous",
    ),
    # An office's contest: its own first (the builder, the panel, the nominee), then the others the table lets in.
    "office": ("organiser", "entrant", "panelist", *OFFICE_ATTACKERS),
}
# Routes whose writes ask no act by design, with the reason: nothing to count.
EXEMPT = {
    "login": "the sign-in form: who is asking is not known yet",
    "set_language": "Django's language switch: a cookie, no act",
    "accounts:invitation": "an invitation's link sets a password: the link is the key, no act",
    "accounts:reset": "a reset asked by address: anyone may ask, no act",
    "accounts:reset_confirm": "a reset's link sets a password: the link is the key, no act",
    "accounts:digital_id_sign_in": "signing in with a digital ID: who is asking is not known yet",
    "accounts:digital_id_callback": "the digital ID's answer: who is asking is not known yet",
}

# Who asks an act of a person as one of a notice's readers, not as the one sending the request (core/acts.py):
# a page that lists the person's notices asks it of each, the sender among them.
READERS = "notices.recipients."


MODEL_PAGE = re.compile(r"admin:\w+_(changelist|add|change|history|delete)")


def served_as(row: str, roles: tuple, order: tuple) -> str | None:
    """The first role of `order` the table's row lets through."""
    cells = dict(zip(roles, row.split(), strict=True))
    return next((role for role in order if cells[role][0] != "-"), None)


def model_page(key: str, route: str) -> bool:
    """One of the admin's pages of a model (its list, add, change, history, delete, or the old address of a
    change): Django's own, alike for every model, so asked in `make test` only (tests/whole/security)."""
    return bool(MODEL_PAGE.fullmatch(key)) or route.endswith("/<path:object_id>/")


def writes(model_pages: bool) -> list:
    """(world, key, route, ask, role) for each write of every route of the resolver that the table lets some
    role of a world through, sent as the first of the world's order it lets through: the admin's pages of a
    model (`model_page`) or every other route."""
    found = []
    for name, roles in WORLDS.items():
        for key, route in url_patterns():
            if key in SKIP or key in EXEMPT or model_page(key, route) != model_pages:
                continue
            for ask in RULES[key].every_ask(name):
                role = served_as(ask.row, roles, ORDERS[name]) if ask.method in WRITES else None
                if role is not None:
                    said = f"{name}-{ask.method} {key}{ask.label()} as {role}"
                    found.append(pytest.param(name, key, route, ask, role, id=said))
    return found


def _about(obj) -> tuple | None:
    """What an act is asked about, as the lock keeps its answer: an entry by its key, a row by its pk."""
    if obj is None:
        return None
    kept = getattr(obj, "acts_key", None)
    return (type(obj).__name__, *kept) if kept is not None else (type(obj).__name__, getattr(obj, "pk", id(obj)))


def _caller() -> str:
    """Who asked, for the failure's message: the first frame of the portal's own code outside the lock."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.split(".")[0] not in ("core", "tests", "django", "rules") and module != "rubrics.access":
            return f"{module}.{frame.f_code.co_name}:{frame.f_lineno}"
        frame = frame.f_back
    return "?"


@pytest.fixture(scope="module")
def worlds(django_db_setup, django_db_blocker, tmp_path_factory):
    """The module's worlds, one at a time, by name: built when a test first names one, in a transaction rolled back
    when a test names the other or the module ends. Each write names its own world among its parameters, which
    pytest cannot group under a module's fixture: `built` parametrized so was built again for every test, five
    sixths of the module's time."""
    held: dict = {}
    with ExitStack() as stack:

        def world_named(name: str) -> tuple:
            if held.get("name") != name:
                stack.close()
                media = tmp_path_factory.mktemp("media")
                stack.enter_context(django_db_blocker.unblock())
                stack.enter_context(override_settings(MEDIA_ROOT=media))
                stack.enter_context(transaction.atomic())
                stack.callback(transaction.set_rollback, True)
                held.update(name=name, built=(BUILDERS[name](), media))
            return held["built"]

        yield world_named


@pytest.fixture
def built(request, worlds) -> tuple:
    """The world a write names (its `built` parameter), as isolation.py's `built` gives it: (world, media folder)."""
    world, media = worlds(request.param)
    assert world.name == request.param
    return world, media


@pytest.fixture
def asks(monkeypatch) -> list[tuple]:
    """Every ask of an act, as (the person's id, the act, what it was asked about, "page" or "service")."""
    asked: list[tuple] = []
    inside: list[str] = []
    allowed, require = acts.allowed, acts.require

    def counted(user, name, obj=None):
        asked.append((getattr(user, "pk", None), name, _about(obj), "service" if inside else "page", _caller()))
        return allowed(user, name, obj)

    def required(user, name, obj=None):
        inside.append(name)
        try:
            return require(user, name, obj)
        finally:
            inside.pop()

    monkeypatch.setattr(acts, "allowed", counted)
    monkeypatch.setattr(acts, "require", required)
    return asked


def sent_asks_twice(key: str, route: str, ask, role: str, target, rules: dict, asks: list) -> list[str]:
    """Sends the table's write as `role` (rolled back) and answers each act its sender was asked twice by the
    page or twice by the service, with who asked; none when each was asked once."""
    path = fill(route, rules[key], target, ask)
    client = Client()
    if role in target.sessions:
        client.cookies = SimpleCookie({settings.SESSION_COOKIE_NAME: target.sessions[role]})
    headers = {"accept": "application/json"} if ask.json else {}
    with transaction.atomic():
        send = getattr(client, ask.method.lower())
        response = send(path, ask.data(), headers=headers) if ask.data else send(path, headers=headers)
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{ask.method} {path} as {role}"
    sender = getattr(target.users[role], "pk", None)
    mine = [asked for asked in asks if asked[0] == sender and not asked[4].startswith(READERS)]
    counted = Counter((name, about, where) for _who, name, about, where, _caller in mine)
    return sorted(
        {
            f"{name} ({where}) by {caller}"
            for _who, name, about, where, caller in mine
            if counted[name, about, where] > 1
        }
    )
