import gc
import os
import re
import sys
import threading
from contextlib import nullcontext
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import migrate as migrate_command
from django.db import connection, connections
from django.test import override_settings
from django.utils import timezone, translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from rest_framework.test import APIClient

from contests.models import Unit
from core.thai import BANGKOK
from people.models import Role
from rubrics.models import ContestPeriod

# A worker's browsers, session-wide.
from .browser_support import CountedResponse, LiveRequests, chromium, full_chromium, playwright_started  # noqa: F401
from .digital_id_standin import openid_provider  # noqa: F401  (ThaID stood in for, tests/digital_id_standin.py)
from .factories import UserFactory
from .line_standin import line_api  # noqa: F401  (LINE's API stood in for, tests/line_standin.py)
from .object_store import ObjectStore

# Hypothesis checks behaviour, not speed: on a loaded 2-core CI machine an example may take longer than its
# default deadline (200 ms) or trip the too_slow health check without anything being wrong. Speed lives in bench/.
hypothesis_settings.register_profile("cdd4", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("cdd4")

# A worker holds about half a gigabyte of long-lived objects (Django, the app, the loaded test data), and Python's
# default thresholds (700, 10, 10) walk all of them again in each full collection: 63 of those at 0.4 s each,
# and 53 s of collecting over both workers of a `make test`. Collecting young objects ten thousand at a time
# leaves 21 s. Reference counting still frees everything at once; only cycles wait a little longer.
gc.set_threshold(10_000, 20, 20)


def pytest_collection_finish(session):
    """What is alive once the tests are collected (Django, the app, every test module and its parameters) lives to
    the end: frozen, the collector no longer walks it in each older generation's collection (about 4 % of a
    module's CPU time, tests/security/test_isolation.py with tests/scoring, one process)."""
    gc.collect()
    gc.freeze()


# Fixtures whose tests depend on the database engine (the `pg` marker, pyproject.toml).
QUERY_COUNTS = {"django_assert_num_queries", "django_assert_max_num_queries"}


# The longest single tests (the year 150-190 s, the others 10-40 s on SQLite; the rest take well under 10), run
# first: xdist's workers then share out the short ones after them, where at the end of the run one of these would
# leave the other worker idle (442 → 418 s for the SQLite suite here). On SQLite only: there a transactional test's
# teardown copies the session's data back (`_restore_instead_of_flush`), so no test depends on what ran before it.
# On PostgreSQL a flush empties the tables, and the service tests that flush run after those that read the
# session's data.
LONGEST_FIRST = (
    "tests/whole/cdd4/test_fiscal_year.py::test_a_fiscal_year_day_by_day",
    "tests/whole/pages/test_crawl.py::test_every_reachable_page_of_every_demo_role",
    "tests/whole/cdd4/test_output_unchanged.py::test_every_route_answers_each_asker_as_recorded",
    "tests/browser/pages/test_roles.py::test_every_role_main_pages_desktop_and_phone",
    "tests/processes/deploy/test_build_app.py::test_a_clean_tree_builds_in_production_mode",
)


# The folder is the tier (docs/testing.md). `make check` runs the quick tier: every test outside these folders.
# `make test` adds the full ones; `.ci/run` adds the service suite beside it.
FULL_FOLDERS = {
    "tests/browser/": "drives Chromium",
    "tests/processes/": "starts a process or a server beside the test",
    "tests/scale/": "reads at N and again at 10 × N (a contest's entrants, a feed's rounds)",
    "tests/whole/": "walks every route, page or screen of a kind, a whole fiscal year, or fuzzes the API",
    "tests/bench/": "runs a bench",
}
SERVICE_FOLDER = "tests/services/"  # the real PostgreSQL, Redis and Celery workers: `make test-services`
FOLDERS = (*FULL_FOLDERS, SERVICE_FOLDER)

# What a test uses that belongs in one of those folders, found from its code so that a test written in the wrong
# place fails collection with where it goes: a marker of what it needs, ...
NEEDS_MARKERS = {"browser": "tests/browser/", "walk": "tests/browser/", "service": SERVICE_FOLDER}
# ... a fixture that serves over sockets or drives Chromium (and every fixture built on them), ...
NEEDS_FIXTURES = {"live_server": "tests/processes/", "playwright_started": "tests/browser/"}
# ... a fresh portal or bench on a copy of the migrated database, which it starts as a process of its own
# (asked for by the test itself: every database test's session setup makes the copy), ...
OWN_PROCESS_COPY = "migrated_sqlite"
# ... Hypothesis driving the test client (the API fuzz), ...
HTTP_CLIENTS = {"client", "admin_client", "api", "api_client"}
# ... and, in a test, a fixture, or a function or class of the tests' own that either names (followed through their
# code: `reaches`), a process started for the test (a manage.py, nginx, moto, a bench, git or a PDF reader) or the
# scale guards' contest grown to 10 × N entrants (tests/scale/).
PROCESS_NAMES = {"subprocess", "Popen"}
GROWN = ("tests.scale.contest", "grow")


def leaves_check(name: str, found) -> str | None:
    """The tier folder a name a test's code uses belongs in, if any."""
    if name in PROCESS_NAMES:
        return "tests/processes/"
    if (getattr(found, "__module__", None), getattr(found, "__name__", None)) == GROWN:
        return "tests/scale/"
    return None


def reaches(func, seen: set | None = None) -> str | None:
    """The tier folder of the first name `leaves_check` tells in `func` (a test, a fixture), or in a function or
    class of the tests' own that it names, followed through their code."""
    seen = set() if seen is None else seen
    func = getattr(func, "__func__", func)
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return None
    seen.add(code)
    names, stack = set(), [code]
    while stack:  # the function's own names and those of what it defines inside (comprehensions, closures)
        current = stack.pop()
        names.update(current.co_names)
        stack += [const for const in current.co_consts if hasattr(const, "co_names")]
    scope = getattr(func, "__globals__", {})
    for name in sorted(names):
        found = scope.get(name)
        if folder := leaves_check(name, found):
            return folder
        if isinstance(found, dict | list | tuple):  # a table of the tests' functions, picked by a parameter
            parts = found.values() if isinstance(found, dict) else found
            callables = [part for part in parts if getattr(part, "__module__", "").startswith("tests.")]
        elif getattr(found, "__module__", "").startswith("tests."):
            callables = list(vars(found).values()) if isinstance(found, type) else [found]
        else:
            continue
        for part in callables:
            if (callable(part) or hasattr(part, "__func__")) and (folder := reaches(part, seen)):
                return folder
    return None


_REACHES: dict = {}


def _reaches_cached(func) -> str | None:
    key = getattr(func, "__code__", func)
    if key not in _REACHES:
        _REACHES[key] = reaches(func)
    return _REACHES[key]


def needs_folder(item) -> tuple[str, str] | None:
    """(the tier folder, why) a test belongs in by what it uses, or None for the quick tier."""
    for name, folder in NEEDS_MARKERS.items():
        if item.get_closest_marker(name):
            return folder, f"marked {name}"
    used = set(getattr(item, "fixturenames", ()))
    for name, folder in NEEDS_FIXTURES.items():
        if name in used:
            return folder, f"uses {name}"
    if OWN_PROCESS_COPY in getattr(getattr(item, "_fixtureinfo", None), "argnames", ()):
        return "tests/processes/", f"asks for {OWN_PROCESS_COPY}"
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False) and used & HTTP_CLIENTS:
        return "tests/whole/", "Hypothesis drives the test client"
    definitions = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
    named = [("the test", getattr(item, "function", None))]
    named += [(f"fixture {name}", defs[-1].func) for name, defs in definitions.items() if defs]
    for what, func in named:
        if func is not None and (folder := _reaches_cached(func)):
            return folder, f"{what} reaches {'a process' if folder == 'tests/processes/' else 'the grown contest'}"
    return None


def tier_folder(nodeid: str) -> str | None:
    return next((folder for folder in FOLDERS if nodeid.startswith(folder)), None)


def pytest_ignore_collect(collection_path, config):
    """A run that leaves out every `full` test (`make check`: `-m "not full"`) does not import the tier folders'
    modules at all: their tests would all be deselected."""
    folder = f"{Path(collection_path).relative_to(config.rootpath).as_posix()}/"
    if folder.startswith(FOLDERS) and not _markexpr_may_take_full(config.option.markexpr):
        return True
    return None


@cache  # asked for every path collected, and again for the tier line
def _markexpr_may_take_full(markexpr: str) -> bool:
    """Whether some test marked `full` (with any other markers besides) can pass `-m`."""
    from itertools import product

    from _pytest.mark.expression import Expression

    if not markexpr:
        return True
    expression = Expression.compile(markexpr)
    names = sorted(set(re.findall(r"[A-Za-z_]\w*", markexpr)) - {"and", "or", "not", "full"})
    for values in product((False, True), repeat=len(names)):
        others = {name for name, on in zip(names, values, strict=True) if on}
        if expression.evaluate(lambda name, others=others: name == "full" or name in others):
            return True
    return False


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by the marks set here
def pytest_collection_modifyitems(config, items):
    """`full` (and `service`) by the test's folder; a test outside its tier's folder stops the run, naming where it
    goes. `pg`, besides the tests marked by hand, for every test that counts queries, commits for real
    (transactional_db) or tests a services.py (test_services*.py: the writes, their transactions and
    select_for_update, which SQLite ignores): `make test-services` runs them again on PostgreSQL. A live server's
    transactional_db is for a browser or nginx in front of it, not for the engine. On SQLite the longest tests go
    first (`LONGEST_FIRST`), the rest in their order."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))
    misplaced = []
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if (
            used & QUERY_COUNTS
            or ("transactional_db" in used and "live_server" not in used)
            or item.path.name.startswith("test_services")
        ):
            item.add_marker(pytest.mark.pg)
        folder = tier_folder(item.nodeid)
        if folder == SERVICE_FOLDER:
            item.add_marker(pytest.mark.service)
        if folder:
            item.add_marker(pytest.mark.full)
        elif needed := needs_folder(item):
            misplaced.append(f"{item.nodeid}: {needed[1]}: it belongs in {needed[0]}")
    if misplaced:
        raise pytest.UsageError("tests outside their tier's folder (docs/testing.md):\n" + "\n".join(misplaced))
    config.stash[TIERS] = tiers(items, full_collected=_markexpr_may_take_full(config.option.markexpr))


# How many of the collected tests each tier holds, counted before `-m` leaves some out: `make check` runs the
# quick ones, `make test` the full ones besides but for the service and walk ones (pyproject.toml).
TIERS = pytest.StashKey[dict]()


def tiers(items, *, full_collected: bool) -> dict:
    """{tier: tests} of the collected items: quick, full (as `make test` adds them), service, walk; the quick
    tier alone when the tier folders were not collected (`pytest_ignore_collect`)."""
    counts = {"quick": 0, "full": 0, "service": 0, "walk": 0} if full_collected else {"quick": 0}
    for item in items:
        apart = [name for name in ("service", "walk") if item.get_closest_marker(name)]
        counts[apart[0] if apart else "full" if item.get_closest_marker("full") else "quick"] += 1
    return counts


def pytest_terminal_summary(terminalreporter, config):
    """One line: the tests collected in each tier (an xdist worker's count; each collects the same tests)."""
    counts = config.stash.get(TIERS, None) or next(iter(getattr(config, "worker_tiers", [])), None)
    if counts:
        said = " · ".join(f"{tier}: {n:,} test{'' if n == 1 else 's'}" for tier, n in counts.items())
        terminalreporter.write_line(said if "full" in counts else f"{said} (the tier folders not collected)")


@pytest.hookimpl(optionalhook=True)  # xdist's hook: unknown without it (-p no:xdist)
def pytest_testnodedown(node, error):
    """Under xdist the workers collect: each sends its counts back when it ends (its `workeroutput`)."""
    if "tiers" in getattr(node, "workeroutput", {}):
        node.config.worker_tiers = [*getattr(node.config, "worker_tiers", []), node.workeroutput["tiers"]]


def pytest_sessionfinish(session):
    if hasattr(session.config, "workeroutput") and TIERS in session.config.stash:
        session.config.workeroutput["tiers"] = session.config.stash[TIERS]


def pytest_configure(config):
    """Each xdist worker its own Redis database, as pytest-django gives it its own test database: one
    worker's FLUSHDB or queued tasks never reach another's. REDIS_URL's number counts down: /15, /14, …"""
    worker = getattr(config, "workerinput", {}).get("workerid")  # gw0, gw1, … under `pytest -n`
    if not (worker and settings.REDIS_URL):
        return
    from cdd4.celery import app

    base, _, number = settings.REDIS_URL.rpartition("/")
    url = f"{base}/{int(number) - int(worker.removeprefix('gw'))}"
    settings.REDIS_URL = settings.CELERY_BROKER_URL = app.conf.broker_url = url
    settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "LOCATION": url}}


@pytest.fixture(scope="session", autouse=True)
def tracked_live_server():
    """On an in-memory SQLite test database Django hands every request thread of the live server the ONE
    connection of the test (ThreadedWSGIServer's connections_override), so two requests at once interleave
    their transactions on it: one's rollback undid another's saved row (a browser's four-file pick kept 3
    of 4). There the live server runs Django for one request at a time (its threads still accept and read
    sockets, so a browser's idle preconnection blocks nothing); concurrent uploads are tested against a
    real server on a file database (tests/processes/cdd4/test_sqlite_concurrency.py) and on PostgreSQL.

    On either engine it counts the requests it has not finished (`LiveRequests`), up to the end of each
    response's close, where Django sends `request_finished` and looks at the database: a browser test waits
    for none to be left before its database is closed to it (tests/browser_support.py `launch`)."""
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread

    serial = connection.vendor == "sqlite"

    class Tracked(ThreadedWSGIServer):
        turn = threading.Lock()

        def set_app(self, application):
            def app(environ, start_response):
                LiveRequests.begun()
                try:
                    with self.turn if serial else nullcontext():
                        response = application(environ, start_response)
                except BaseException:
                    LiveRequests.ended()
                    raise
                return CountedResponse(response)

            super().set_app(app)

    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = Tracked
    yield
    LiveServerThread.server_class = threaded


MIGRATION_MODULES, MIGRATE = settings.MIGRATION_MODULES, migrate_command.Command


@pytest.fixture(scope="session")
def django_db_use_migrations() -> bool:
    """On SQLite each worker's test database is made from the models (pytest-django's --no-migrations), not by
    replaying the migrations: Django renders every related model's state again for each AlterField, about
    15 s of a worker on these machines. `make test` checks first that the migrations make the models
    (`makemigrations --check`). On PostgreSQL the migrations' schema and the models' differ in details (auth's
    many-to-many ids are bigint after its migrations, a unique constraint added later is named `_uniq`, not
    `_key`), so there the test database is migrated, as production's is. `django_db_setup` below puts the
    migrations back for the tests."""
    return settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"


def _migrations_back() -> None:
    """pytest-django turned migrations off for the whole session; after the test database is made they are
    on again (a test may migrate another database) and recorded as applied to it, as `migrate` would have."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    settings.MIGRATION_MODULES = MIGRATION_MODULES
    migrate_command.Command = MIGRATE  # pytest-django put a quiet subclass in its place
    recorder = MigrationRecorder(connection)
    recorder.ensure_schema()
    graph = MigrationLoader(connection).graph
    nodes = {*graph.nodes, *(old for migration in graph.nodes.values() for old in migration.replaces)}
    recorder.migration_qs.bulk_create(recorder.Migration(app=app, name=name) for app, name in sorted(nodes))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, migrated_sqlite):
    """Provinces and the B.E. 2566 rubric, loaded once; each test rolls back its own changes. The 8,000
    districts and subdistricts stay out (tests/factories.py makes the few a test needs)."""
    from cdd4.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, True  # standings computed, not queued
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            _migrations_back()
            _keep_migrated(migrated_sqlite)
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
        if connection.vendor == "sqlite":
            _restore_instead_of_flush()
    app.conf.task_always_eager = eager


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A SQLite file holding what `migrate` makes of an empty database (its schema, every migration recorded
    as applied), copied from the worker's own test database once it is made (`django_db_setup`; ask for that
    too). A test that starts `make run`'s portal or a bench on a fresh database starts from a copy: its
    `migrate` then finds every migration applied instead of spending a quarter of a minute on them again."""
    return tmp_path_factory.mktemp("migrated") / "db.sqlite3"


def _keep_migrated(path: Path) -> None:
    import sqlite3

    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    copy.close()


def _restore_instead_of_flush():
    """After a transactional test (a browser's, a live server's), Django flushes every table and the next such
    test loaded the provinces and the rubric again with `bootstrap` (about half a second, a hundred times a
    run). On SQLite the database as the session loaded it is kept in memory instead and copied back whole in
    place of the flush: the same bootstrapped state without the test's rows, with the same ids, in milliseconds."""
    import sqlite3

    from django.contrib.contenttypes.models import ContentType
    from django.test import TransactionTestCase

    connection.ensure_connection()
    loaded = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(loaded)

    def restore(test):
        connections["default"].ensure_connection()
        loaded.backup(connections["default"].connection)
        ContentType.objects.clear_cache()

    TransactionTestCase._fixture_teardown = restore


@pytest.fixture
def reloaded(django_db_setup, django_db_blocker):
    """Set up before `transactional_db`, so torn down after its flush: loads what the session loaded once
    (also first, when an earlier transactional test, e.g. a browser test, left the tables empty)."""
    with django_db_blocker.unblock():
        if not ContestPeriod.objects.exists():
            call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    yield
    with django_db_blocker.unblock():
        if not ContestPeriod.objects.exists():  # flushed (on SQLite the session's data is copied back instead)
            call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))


OUR_TEMPLATES = str(Path(__file__).resolve().parents[1])


class TemplateVariableError(AssertionError):
    """A variable one of our templates names does not exist: loud in tests, silent "" in production."""


class RaiseOnInvalid(str):
    """`string_if_invalid` that raises for our own templates. Django's admin templates lean on missing
    variables by design, so those (anything outside this repository or under the venv) stay silent."""

    def __contains__(self, key):
        return key == "%s"

    def __mod__(self, name):
        # The frames themselves, not inspect.stack(): that reads every frame's source lines and module
        # (~35 ms a lookup, and the admin's templates miss many variables on every page).
        frame = sys._getframe(1)
        while frame is not None:
            origin = getattr(frame.f_locals.get("self"), "origin", None)
            frame_is_render = frame.f_code.co_name == "render"
            frame = frame.f_back
            if frame_is_render and origin is not None:
                where = str(origin.name)
                if where.startswith(OUR_TEMPLATES) and "/.venv/" not in where and "site-packages" not in where:
                    raise TemplateVariableError(f"undefined template variable {name!r} in {where}")
                return ""
        return ""


@pytest.fixture(scope="session", autouse=True)
def loud_template_errors():
    """Every test renders with invalid variables raising: otherwise a page's 500 hides behind green tests.
    Set once for the session: a TEMPLATES change resets the template engines, so set per test it made
    every test compile every template it rendered again."""
    options = {**settings.TEMPLATES[0]["OPTIONS"], "string_if_invalid": RaiseOnInvalid("%s")}
    with override_settings(TEMPLATES=[{**settings.TEMPLATES[0], "OPTIONS": options}, *settings.TEMPLATES[1:]]):
        yield


@pytest.fixture(scope="session", autouse=True)
def second_factor_offered():
    """The product requires a second factor of central staff and organisers before they freeze, publish,
    withdraw, change an open contest or make a token. The suite's thousands of such steps test
    those decisions themselves, so the session runs with it offered; tests/accounts and the browser walk turn
    it back to "required" (the `second_factor_required` fixture) and prove every guarded step asks for it."""
    with override_settings(CDD4_SECOND_FACTOR="offered"):
        yield


@pytest.fixture
def second_factor_required(settings):
    settings.CDD4_SECOND_FACTOR = "required"


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """PBKDF2's deliberate slowness (~0.3 s a user) is for attackers, not for test factories."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def eager_celery():
    """Tasks run in-process in ordinary tests, in both modes; tests/services use the real broker."""
    from cdd4.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def thai_after_each_test():
    """A request in English leaves English active in the thread that made it (the locale middleware activates the
    asker's language and nothing puts it back): the next test in the process would read its messages in English."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_fact_counts():
    """The dashboard keeps fact counts per process under the results' change marks (scoring.entrant_counts); a
    rolled-back test database can show the same marks again with other facts."""
    from scoring.entrant_counts import forget_counts

    forget_counts()


@pytest.fixture
def rubric(db) -> ContestPeriod:
    return ContestPeriod.objects.get(year=2566)


@pytest.fixture
def chiang_mai(db) -> Unit:
    return Unit.objects.get(code="TH-50")


@pytest.fixture
def phuket(db) -> Unit:
    return Unit.objects.get(code="TH-83")


@pytest.fixture
def central_user(db):
    return UserFactory(role=Role.CENTRAL)


@pytest.fixture
def committee_user(db):
    return UserFactory(role=Role.COMMITTEE)


@pytest.fixture
def provincial_user(db, chiang_mai):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def clock(monkeypatch):
    """Sets the portal's clock (Django's timezone.now, so localdate too) to a moment in Bangkok:
    `clock(2021, 7, 20, 16, 30)`. For pages and API calls, which cannot be handed a `now`."""

    def set_to(*when):
        moment = datetime(*when, tzinfo=BANGKOK)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_to


@pytest.fixture(scope="session")
def object_store(tmp_path_factory):
    store = ObjectStore(tmp_path_factory.mktemp("moto"))
    store.start()
    yield store
    store.proc.terminate()
    store.proc.wait(timeout=10)


@pytest.fixture
def in_object_store(object_store, settings, request):
    """This process keeps its files in a fresh bucket of the object store, as service mode with CDD4_S3_BUCKET."""
    from cdd4 import options
    from cdd4.object_store import object_store as configured

    env = object_store.bucket(f"cdd4-{abs(hash(request.node.nodeid)) % 10**10}")
    settings.CDD4_OBJECT_STORE = configured(options.read(env))
    settings.STORAGES = {**settings.STORAGES, "default": settings.CDD4_OBJECT_STORE}
    return env
