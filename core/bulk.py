"""One UPDATE … FROM (VALUES …) for many rows.

Django's bulk_update builds a CASE WHEN per row and field; for 76 results × 11 fields that Python
work alone took ~100 ms, twice the whole recompute budget. PostgreSQL and SQLite (≥ 3.33) both take
UPDATE … FROM, and both name VALUES columns column1, column2, …
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models import Lookup


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
    bulk_create reads them back, on PostgreSQL and SQLite ≥ 3.35). On PostgreSQL, COPY_FROM rows or more travel
    by COPY (`_copy`); fewer, and on SQLite, as INSERT … VALUES, 5,000 rows a statement."""
    if not rows:
        return []
    meta = model._meta
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself: the proxy's lookup per value was a fifth of the work
    named = [_column(model, f) for f in fields]
    rest = [f for f in meta.concrete_fields if f.name not in fields and not f.primary_key]
    if db.vendor == "postgresql" and len(rows) >= COPY_FROM and _copies(db):
        return _copy(db, model, named, rest, rows, returning)
    qn = db.ops.quote_name
    defaults = tuple(f.get_db_prep_save(f.get_default(), db) for f in rest)
    # Only the values the driver cannot take as they are pass through the field (JSON; dates on SQLite).
    prep = [None if f.get_internal_type() in _PLAIN else f.get_db_prep_save for f in named]
    ready = [(*(v if p is None else p(v, db) for p, v in zip(prep, row, strict=True)), *defaults) for row in rows]
    columns = ", ".join(qn(f.column) for f in [*named, *rest])
    row_sql = "(" + ", ".join(["%s"] * (len(named) + len(rest))) + ")"
    tail = f" RETURNING {qn(meta.pk.column)}" if returning else ""
    ids: list[int] = []
    with db.cursor() as cursor:
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
COPY_FROM = 200  # rows from which PostgreSQL's COPY beats one INSERT … VALUES
COPY_PART = 20_000  # rows a COPY sends at a time: the text held in memory stays a few megabytes


def _copy(db, model: type[models.Model], named: list, rest: list, rows: Sequence[tuple], returning: bool) -> list[int]:
    """PostgreSQL's COPY … FROM STDIN (CSV): the server reads the rows as a stream, with no statement of tens of
    thousands of parameters to parse and plan; a day's reminders write their 87,000 rows in about a third of the
    time. The ids, when asked for, are taken from the table's sequence first (one query) and sent with the
    rows, so they are known in the rows' order. Each value is written as CSV: a string always quoted (an empty
    one is not NULL), None unquoted and empty (NULL), a JSON column's value dumped, dates in ISO form."""
    meta = model._meta
    qn = db.ops.quote_name
    ids: list[int] = []
    if returning:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            ids = sorted(n for (n,) in cursor.fetchall())
    encode = [_encoder(f) for f in named]
    tail = "".join("," + _encoder(f)(f.get_default()) for f in rest)
    columns = ", ".join(qn(f.column) for f in [*([meta.pk] if returning else []), *named, *rest])
    sql = f"COPY {qn(meta.db_table)} ({columns}) FROM STDIN WITH (FORMAT csv)"
    with db.cursor() as cursor:
        for start in range(0, len(rows), COPY_PART):
            part = rows[start : start + COPY_PART]
            head = [f"{ids[start + i]}," for i in range(len(part))] if returning else [""] * len(part)
            lines = [
                h + ",".join(e(v) for e, v in zip(encode, row, strict=True)) + tail
                for h, row in zip(head, part, strict=True)
            ]
            cursor.cursor.copy_expert(sql, io.StringIO("\n".join(lines) + "\n"))
    return ids


def _copies(db) -> bool:
    """Whether the driver streams COPY as `_copy` asks it (psycopg2's `copy_expert`)."""
    db.ensure_connection()
    return type(db.connection).__module__.startswith("psycopg2")


def _csv(value: object) -> str:
    """One value as PostgreSQL's CSV reads it."""
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, date):  # a datetime too: ISO with its offset
        return value.isoformat()
    return str(value)


def _quoted(value: object) -> str:
    return "" if value is None else '"' + str(value).replace('"', '""') + '"'


def _number(value: object) -> str:
    return "" if value is None else str(int(value))  # type: ignore[call-overload]


def _encoder(field: models.Field) -> Callable[[object], str]:
    """How a column's values are written, chosen once per column: most are strings or ids."""
    kind = field.get_internal_type()
    if kind == "JSONField":
        encoder = field.encoder  # type: ignore[attr-defined]
        return lambda value: "" if value is None else _quoted(json.dumps(value, cls=encoder))
    if kind in ("CharField", "TextField"):
        return _quoted
    if kind in _PLAIN and kind != "BooleanField":
        return _number
    return _csv


class AnyOf(Lookup):
    """`lhs IN (values)` for thousands of values, used as an expression: `rows.filter(AnyOf(F("key"), keys))`.
    On PostgreSQL the values travel as one array literal (`= ANY('{…}'::type[])`, `pg_array`); Django's `__in`
    prepared each value through the field, some 10 µs apiece, most of a day's reminders' reads at 75,000
    entrants. Elsewhere (SQLite) as IN (%s, …): at most the database's parameters a statement."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_prep_lookup(self) -> list:
        return list(self.rhs)

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = self.rhs
        if not values:
            return "1 = 0", []
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::{self.lhs.output_field.db_type(connection)}[])", [*params, pg_array(values)]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*params, *values]


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
