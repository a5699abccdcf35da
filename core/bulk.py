"""One UPDATE … FROM (VALUES …) for many rows.

Django's bulk_update builds a CASE WHEN per row and field; for 76 results × 11 fields that Python
work alone took ~100 ms, twice the whole recompute budget. PostgreSQL and SQLite (≥ 3.33) both take
UPDATE … FROM, and both name VALUES columns column1, column2, …
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import datetime

from django.db import connection, models


class _Keep:
    """A value that leaves the column as it is (see `keep_if_unchanged`)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def _column(model: type[models.Model], name: str) -> models.Field:
    """The model's field stored in a column of its own (never a reverse relation or a generic key)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def update_rows(objs: Sequence[models.Model], fields: Sequence[str], keepable: Sequence[str] = ()) -> int:
    """`keepable` fields may hold KEEP: the column keeps its value and no new value is sent or parsed.

    On PostgreSQL an unchanged JSON document then costs nothing (its TOAST data is reused), which is
    most of the write when 76 rows are re-ranked but only one province's scores changed.
    """
    if not objs:
        return 0
    model = type(objs[0])
    cols = [_column(model, f) for f in fields]
    rows = [
        (
            obj.pk,
            *(None if (raw := getattr(obj, f.attname)) is KEEP else f.get_db_prep_save(raw, connection) for f in cols),
        )
        for obj in objs
    ]
    return update_values(model, fields, rows, keepable)


def update_values(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    keepable: Sequence[str] = (),
    match: Sequence[str] = (),
) -> int:
    """Rows as (pk, *values, *matched) already fit for the database (plain ints, bools, strings; None keeps a
    `keepable` column): a re-rank of 7,255 entrants writes a thousand moved places without a model
    instance each. `match`: columns that must still hold the row's last values, or the row is left alone."""
    if not rows:
        return 0
    meta = model._meta
    table = connection.ops.quote_name(meta.db_table)
    pk = meta.pk.column
    cols = [_column(model, f) for f in fields]
    postgres = connection.vendor == "postgresql"

    def value(col: int, field) -> str:
        ref = f"v.column{col}"
        # SQLite is dynamically typed (and CAST to "datetime" would turn text into a number).
        typed = f"CAST({ref} AS {field.db_type(connection)})" if postgres else ref
        if field.name in keepable:  # never NULL in these columns, so NULL can mean "keep"
            return f"COALESCE({typed}, {table}.{connection.ops.quote_name(field.column)})"
        return typed

    sets = ", ".join(f"{connection.ops.quote_name(f.column)} = {value(i + 2, f)}" for i, f in enumerate(cols))
    checks = "".join(
        f" AND {table}.{connection.ops.quote_name(f.column)} = {value(len(cols) + i + 2, f)}"
        for i, f in enumerate(_column(model, m) for m in match)
    )
    width = len(cols) + len(match) + 1
    row_sql = "(" + ", ".join(["%s"] * width) + ")"
    written = 0
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per := _rows_per_statement(width)):
            part = rows[start : start + per]
            sql = (
                f"UPDATE {table} SET {sets} FROM (VALUES {', '.join([row_sql] * len(part))}) AS v "
                f"WHERE {table}.{connection.ops.quote_name(pk)} = v.column1{checks}"
            )
            cursor.execute(sql, [v for row in part for v in row])
            written += cursor.rowcount
    return written


def _rows_per_statement(width: int) -> int:
    """SQLite takes at most so many parameters a statement (32,766 in its builds here; a first load numbers 8,455
    units, two parameters each); PostgreSQL's 65,535 is beyond what any caller sends."""
    if connection.vendor != "sqlite":
        return 1 << 30
    connection.ensure_connection()
    return max(1, connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)


def update_documents(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple], same: Mapping[str, object] = {}
) -> int:
    """`update_values` for rows of plain values (str, int, bool, None, datetimes, dicts for JSON columns): on
    PostgreSQL the rows travel as one JSON document the server unpacks (`json_to_recordset`), so thousands
    of rows cost one `json.dumps` and one parameter rather than a parameter and an adapter per value (the
    7,255 rows of a full recompute). Elsewhere, `update_values`. `same`: fields written with one
    value in every row, sent once rather than in each row (the server parses the document at some 30 MB/s)."""
    if not rows:
        return 0
    meta = model._meta
    cols = [_column(model, f) for f in fields]
    constants = [(_column(model, f), value) for f, value in same.items()]  # never mutated
    if connection.vendor != "postgresql":
        prep = [f.get_db_prep_save for f in cols]
        tail = tuple(f.get_db_prep_save(value, connection) for f, value in constants)
        plain = [(row[0], *(p(v, connection) for p, v in zip(prep, row[1:], strict=True)), *tail) for row in rows]
        return update_values(model, [*fields, *same], plain)
    qn = connection.ops.quote_name
    table, pk = qn(meta.db_table), meta.pk.column
    shape = ", ".join(
        [f"{qn(pk)} {meta.pk.db_type(connection)}", *(f"{qn(f.column)} {f.db_type(connection)}" for f in cols)]
    )
    sets = ", ".join(
        [
            *(f"{qn(f.column)} = v.{qn(f.column)}" for f in cols),
            *(f"{qn(f.column)} = CAST(%s AS {f.db_type(connection)})" for f, _ in constants),
        ]
    )
    sql = (
        f"UPDATE {table} SET {sets} FROM json_to_recordset(%s::json) AS v({shape}) WHERE {table}.{qn(pk)} = v.{qn(pk)}"
    )
    names = [pk, *(f.column for f in cols)]
    with connection.cursor() as cursor:
        document = json.dumps([dict(zip(names, row, strict=True)) for row in rows], default=_iso)
        cursor.execute(sql, [*(f.get_db_prep_save(value, connection) for f, value in constants), document])
        return cursor.rowcount


def insert_values(
    model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple], *, returning: bool = False
) -> list[int]:
    """Rows of plain values (ints, strings, bools, None, dates, aware datetimes, dicts for JSON columns) in
    `fields`' order, inserted without a model instance each: a day's reminders write 87,000 rows, and
    bulk_create's instance and per-value preparation was most of its time. A column not named takes its
    field's default, made once for every row. `returning`: the new rows' ids, in the rows' order (as
    bulk_create reads them back, on PostgreSQL and SQLite ≥ 3.35)."""
    if not rows:
        return []
    meta = model._meta
    qn = connection.ops.quote_name
    named = [_column(model, f) for f in fields]
    rest = [f for f in meta.concrete_fields if f.name not in fields and not f.primary_key]
    defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)
    # Only the values the driver cannot take as they are pass through the field (JSON; dates on SQLite).
    prep = [None if f.get_internal_type() in _PLAIN else f.get_db_prep_save for f in named]
    ready = [
        (*(v if p is None else p(v, connection) for p, v in zip(prep, row, strict=True)), *defaults) for row in rows
    ]
    columns = ", ".join(qn(f.column) for f in [*named, *rest])
    row_sql = "(" + ", ".join(["%s"] * (len(named) + len(rest))) + ")"
    tail = f" RETURNING {qn(meta.pk.column)}" if returning else ""
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(ready), per := min(_rows_per_statement(len(named) + len(rest)), 5000)):
            part = ready[start : start + per]
            sql = f"INSERT INTO {qn(meta.db_table)} ({columns}) VALUES {', '.join([row_sql] * len(part))}{tail}"
            cursor.execute(sql, [v for row in part for v in row])
            if returning:
                ids += [pk for (pk,) in cursor.fetchall()]
    return ids


_PLAIN = {
    "AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "PositiveBigIntegerField", "ForeignKey", "OneToOneField", "CharField",
    "TextField", "BooleanField",
}  # fmt: skip


def pg_array(values: Sequence[int] | Sequence[str]) -> str:
    """`values` (ints, bools or strings, none None) as one PostgreSQL array literal ('{1,2,3}'), to be cast
    (`%s::bigint[]`): the server reads it as one constant. psycopg2 sends a list as ARRAY[1, 2, 3], an
    expression the server parses and plans element by element (75,000 places: 0.4 s between the adapter and
    the planner). A bool is written True or False, which PostgreSQL reads as a boolean."""
    if values and isinstance(values[0], str):
        return "{" + ",".join('"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"
    return "{" + ",".join(map(str, values)) + "}"


def _iso(value: object) -> str:
    if isinstance(value, datetime):  # as PostgreSQL reads a timestamp with its zone
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
