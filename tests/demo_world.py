"""`bootstrap --no-units --demo` for the modules that read the demo: loaded once per worker process and shared.

A module takes the demo with `from tests.demo_world import demo_world  # noqa: F401` and the `demo_world`
fixture, which yields the demo's media folder (the evidence files it stored), the module's own copy. A module
that lives on a day of its own names it, `DEMO_AT = datetime(…)`: the demo is loaded on that moment, and the
module's clock stays there until its end.

On SQLite (the quick tier's in-memory test database) the first module of a worker loads the demo and keeps the
database as the load left it (the sqlite3 backup API, as tests/conftest.py keeps the session's); a later module
copies it back instead of loading again (about six seconds of a worker's CPU each time), the same rows under the same
ids. At each module's end the database as it was before the module is copied back. The load runs in a
transaction whose commit hooks are dropped before it commits: what a load rolled back at the module's end
leaves, as on PostgreSQL, where the demo is loaded in a transaction rolled back at the module's end.

`units_world` is the same for plain `bootstrap` (the real 8,000 units, no demo), shared by the modules that
read the seeds' contests and the units: one load per worker process instead of one per module."""

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

DEMO = ("--no-units", "--demo")  # bootstrap's options for each world
UNITS = ()

# This process's loads, by bootstrap's options and the moment they were made on (a day, or a module's DEMO_AT):
# the database as the load left it and its media folder, as the load wrote it (a module's tests may add files
# to their own copy).
_LOADED: dict[tuple[tuple[str, ...], date | datetime], tuple[sqlite3.Connection, Path]] = {}


def _load(options: tuple[str, ...]) -> None:
    call_command("bootstrap", *options, stdout=open(os.devnull, "w"))


def _database_copy() -> sqlite3.Connection:
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


def _database_from(copy: sqlite3.Connection) -> None:
    connection.ensure_connection()
    copy.backup(connection.connection)
    ContentType.objects.clear_cache()  # the same rows, but a copy's cache is not the copied database's


def _loaded_or_copied(options: tuple[str, ...], moment: date | datetime, media: Path, tmp_path_factory) -> None:
    """The world in the worker's database and its files in `media`: loaded on the first call for `options`
    and `moment`, copied back from that load on the later ones."""
    if (options, moment) in _LOADED:
        database, files = _LOADED[options, moment]
        _database_from(database)
        shutil.copytree(files, media, dirs_exist_ok=True)
        return
    with transaction.atomic():
        _load(options)
        # A load rolled back never runs what waits for its commit (notices sent, standings queued): nor does this.
        connection.run_on_commit.clear()
    files = tmp_path_factory.mktemp("demo-media-as-loaded")
    shutil.copytree(media, files, dirs_exist_ok=True)
    _LOADED[options, moment] = (_database_copy(), files)


def _world(options: tuple[str, ...], request, tmp_path_factory) -> Iterator[Path]:
    """What `bootstrap` with `options` loads, on the module's DEMO_AT (its clock kept there) or now, in place for
    the whole module; each test's own changes roll back to it. Yields the module's media folder, the load's
    files in it."""
    at = getattr(request.module, "DEMO_AT", None)
    media = tmp_path_factory.mktemp("media")
    with pytest.MonkeyPatch.context() as clock, override_settings(MEDIA_ROOT=media):
        if at is not None:
            clock.setattr(timezone, "now", lambda: at)
        if connection.vendor != "sqlite":
            with transaction.atomic():
                _load(options)
                yield media
                transaction.set_rollback(True)
            return
        before = _database_copy()
        try:
            _loaded_or_copied(options, at or timezone.localdate(), media, tmp_path_factory)
            yield media
        finally:
            _database_from(before)
            before.close()


@pytest.fixture(scope="module")
def demo_world(request, django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """`bootstrap --no-units --demo` for the whole module. Yields the module's media folder, the demo's files
    in it."""
    with django_db_blocker.unblock():
        yield from _world(DEMO, request, tmp_path_factory)


@pytest.fixture(scope="module")
def units_world(request, django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    """`bootstrap` with the real units and no demo (the seeds' contests, nobody's facts yet) for the whole
    module."""
    with django_db_blocker.unblock():
        yield from _world(UNITS, request, tmp_path_factory)
