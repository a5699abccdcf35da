"""The many-row writes of a recompute (core.bulk), on each engine: raw SQL, so run again on PostgreSQL."""

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection

from core.bulk import insert_values, update_documents
from scoring.models import Standing

pytestmark = pytest.mark.pg

FIELDS = ("total", "criteria", "rank", "award")
ROW = ("unit__code", "total", "criteria", "rank", "award", "explanations", "computed_at")


def test_update_documents_writes_each_rows_values_and_the_shared_ones_once(rubric):
    results = Standing.objects.filter(rubric=rubric).order_by("unit__code")
    first, second, untouched = results[:3]
    results.update(explanations={"1.1": {"th": "เดิม", "en": "old"}})
    at = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)

    written = update_documents(
        Standing,
        FIELDS,
        [(first.pk, "81.50", {"1.1": "4.25"}, 1, "winner"), (second.pk, "7", {"1.1": "0"}, 2, "")],
        same={"explanations": {}, "computed_at": at},
    )

    assert written == 2
    rows = {code: rest for code, *rest in results.filter(pk__in=[first.pk, second.pk, untouched.pk]).values_list(*ROW)}
    assert rows == {
        first.unit.code: [Decimal("81.50"), {"1.1": "4.25"}, 1, "winner", {}, at],
        second.unit.code: [Decimal("7.00"), {"1.1": "0"}, 2, "", {}, at],
        untouched.unit.code: [untouched.total, untouched.criteria, untouched.rank, untouched.award,
                  {"1.1": {"th": "เดิม", "en": "old"}}, untouched.computed_at],
    }  # fmt: skip


def test_more_rows_than_sqlite_takes_parameters_go_in_several_statements(rubric):
    """A first load numbers 8,455 units; SQLite refuses a statement with more parameters than its limit."""
    results = list(Standing.objects.filter(rubric=rubric).order_by("pk"))
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        limit = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 10)  # 5 rows of (pk, rank)
    try:
        written = update_documents(Standing, ["rank"], [(r.pk, 100 + i) for i, r in enumerate(results)])
    finally:
        if connection.vendor == "sqlite":
            connection.connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)

    assert written == len(results) == 76
    ranks = Standing.objects.filter(rubric=rubric).order_by("pk").values_list("rank", flat=True)
    assert list(ranks) == list(range(100, 176))


def test_update_documents_of_no_rows_sends_nothing(rubric, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert update_documents(Standing, FIELDS, [], same={"explanations": {}}) == 0


def test_insert_values_gives_the_new_ids_in_row_order_and_every_unnamed_column_its_default(db):
    from notices.models import Kind, Notice

    rows = [(Kind.REMINDER_DUE, "first", {"left": 3}), (Kind.REMINDER_OVERDUE, "second", {})]

    ids = insert_values(Notice, ("kind", "key", "params"), rows, returning=True)

    written = Notice.objects.filter(pk__in=ids).in_bulk()
    assert [(written[pk].kind, written[pk].key, written[pk].params) for pk in ids] == [
        ("reminder_due", "first", {"left": 3}),
        ("reminder_overdue", "second", {}),
    ]
    assert [(written[pk].link, written[pk].contest_id) for pk in ids] == [("", None), ("", None)]
    assert written[ids[0]].created_at == written[ids[1]].created_at  # the default made once for every row


def test_insert_values_of_many_rows_keeps_every_value_as_written_and_the_ids_in_row_order(db):
    """From COPY_FROM rows PostgreSQL's COPY carries them (CSV): quotes, commas, tabs, line breaks, backslashes, an
    empty string (not NULL), None (NULL), JSON, a date and an aware moment arrive as they were."""
    from datetime import date

    from core.bulk import COPY_FROM
    from notices.models import Kind, Notice, Reminder
    from tests.factories import UserFactory

    awkward = 'a "quoted", comma\ttab\nline \\ back ไทย'
    rows = [(Kind.REMINDER_DUE, f"k{i}", awkward if i % 2 else "", {"n": i, "s": awkward}) for i in range(COPY_FROM)]
    ids = insert_values(Notice, ("kind", "key", "about", "params"), rows, returning=True)
    written = Notice.objects.in_bulk(ids)
    assert [(written[pk].key, written[pk].about, written[pk].params) for pk in ids] == [
        (key, about, params) for _, key, about, params in rows
    ]
    assert {(n.link, n.unit_id) for n in written.values()} == {("", None)}
    user = UserFactory()
    day = date(2022, 5, 31)
    records = [(f"o{i}", day, Kind.REMINDER_DUE, user.pk, pk) for i, pk in enumerate(ids)]
    assert insert_values(Reminder, ("obligation", "due_on", "kind", "user", "notice"), records) == []
    assert set(Reminder.objects.values_list("due_on", flat=True)) == {day}
    assert Reminder.objects.count() == COPY_FROM


def test_any_of_finds_the_rows_among_thousands_of_values_and_none_among_no_values(db):
    from django.db.models import F

    from core.bulk import AnyOf
    from notices.models import Kind, Notice

    ids = insert_values(Notice, ("kind", "key"), [(Kind.REMINDER_DUE, f"k{i}") for i in range(3)], returning=True)
    wanted = ["k0", "k2", *(f"missing{i}" for i in range(5000))]
    assert sorted(Notice.objects.filter(AnyOf(F("key"), wanted)).values_list("key", flat=True)) == ["k0", "k2"]
    assert Notice.objects.filter(AnyOf(F("pk"), ids[1:])).count() == 2
    assert not Notice.objects.filter(AnyOf(F("pk"), [])).exists()
