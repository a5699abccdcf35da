"""What a module's tests share, made once for the module instead of once a test."""

from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TypeVar

import pytest
from django.db import connection, transaction
from django.utils import timezone

T = TypeVar("T")


def built_once(django_db_blocker, build: Callable[[], T], *, at: datetime | None = None) -> Iterator[T]:
    """For a module-scoped fixture: what `build` makes (on the clock's `at`, if given), made once for the module
    in a transaction rolled back at its end; each test's own changes roll back to it. What the build left waiting
    for a commit is dropped, as a test's own rolled-back build never ran it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with pytest.MonkeyPatch.context() as clock:
            if at is not None:
                clock.setattr(timezone, "now", lambda: at)
            made = build()
        connection.run_on_commit.clear()
        yield made
        transaction.set_rollback(True)
