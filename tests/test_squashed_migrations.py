"""Each app's migrations are one squashed migration (tools/squash_migrations.py) replacing the app's old chain
(`<app>/migrations/replaced/`): it makes the state and the schema the old chain made, and a database made by
the old chain to its end goes on with it, keeping its rows."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from contests.models import Contest, Unit
from core.migration_ops import replaced_chains_finished
from ops.models import SiteContact
from scoring.models import Rubric, Standing
from tests.contests.test_migrations import an_empty_database, empty_database, replaced_modules, sqlite_schema  # noqa: F401


def _replaced_files(label: str) -> set[str]:
    return {p.stem for p in (settings.BASE_DIR / label / "migrations" / "replaced").glob("0*.py")}


def test_each_app_has_one_leaf_and_one_squashed_migration_replacing_its_whole_old_chain():
    loader = MigrationLoader(None)
    labels = sorted(replaced_modules())
    assert labels == [
        "accounts", "awards", "committee", "contests", "nominees", "notices", "ops", "people", "scoring", "stages",
        "submissions",
    ]  # fmt: skip
    for label in labels:
        (squashed,) = [key for key in loader.replacements if key[0] == label]
        replaces = loader.replacements[squashed].replaces
        assert squashed[1] == f"0001_squashed_{replaces[-1][1]}"
        assert {name for app, name in replaces if app == label} == _replaced_files(label)
        assert len(graph_leaves := loader.graph.leaf_nodes(label)) == 1, graph_leaves
        assert not loader.graph.node_map[squashed].parents & {
            n for n in loader.graph.node_map.values() if n.key[0] == label
        }
        assert not set(replaces) & set(loader.graph.nodes)  # a fresh database goes through the squashed ones only


def test_the_squashed_migrations_make_the_state_the_old_chains_end_in(settings):
    """The state at the squashed migrations themselves: the migrations after them change it further."""
    loader = MigrationLoader(None)
    squashed = loader.project_state(nodes=list(loader.replacements), at_end=True)
    settings.MIGRATION_MODULES = replaced_modules()
    old = MigrationLoader(None).project_state()
    ours = {key for key in old.models if key[0] in replaced_modules()}
    assert {key for key in squashed.models if key[0] in replaced_modules()} == ours
    for key in sorted(ours):
        assert _model(squashed.models[key]) == _model(old.models[key]), key


def _model(state) -> tuple:
    """A model's state with its fields, indexes and constraints in any order (as the autodetector takes them)."""
    options = {
        name: sorted(value, key=lambda item: item.name) if name in ("indexes", "constraints") else value
        for name, value in state.options.items()
    }
    fields = {name: field.deconstruct()[1:] for name, field in state.fields.items()}
    return state.name, fields, options, state.bases, state.managers


def _schema(database) -> dict:
    """On SQLite each table's and index's SQL clause by clause (as tests/contests/test_migrations.py compares);
    elsewhere each table's columns and constraints as the engine reports them, without the names Django makes
    up (PostgreSQL names a unique column `_key` when the table is made with it, `_uniq` when it is added later).
    SQLite's own report of its check constraints depends on their order in the table's SQL."""
    if database.vendor == "sqlite":
        return sqlite_schema(database)
    introspection = database.introspection
    with database.cursor() as cursor:
        tables = [t.name for t in introspection.get_table_list(cursor) if t.type == "t"]
        tables.remove("django_migrations")
        schema = {}
        for table in tables:
            columns = sorted(
                (c.name, str(c.type_code), c.display_size, c.precision, c.scale, c.null_ok, c.default)
                for c in introspection.get_table_description(cursor, table)
            )
            constraints = sorted(
                repr(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in c.items() if k != "definition"))
                for c in introspection.get_constraints(cursor, table).values()
            )
            schema[table] = {"columns": columns, "constraints": constraints}
        return schema


def _old_rows(old) -> dict:
    """A contest with an entrant's standing, and the contact row, made with the old chain's end models."""
    unit = old.get_model("contests", "Unit").objects.create(
        code="TH-99", dopa_code="99", level="province", name_th="ทดสอบ", name_en="Test"
    )
    contest = old.get_model("contests", "Contest").objects.create(
        slug="test-web-2564", name_th="เว็บไซต์", name_en="Website", year=2564, organiser=unit
    )
    rubric = old.get_model("scoring", "Rubric").objects.create(
        contest=contest, year=2564, name_th="เกณฑ์", name_en="Rubric", starts_on=date(2020, 10, 1),
        ends_on=date(2021, 9, 30), total_points=Decimal("100"),
    )  # fmt: skip
    standing = old.get_model("scoring", "Standing").objects.create(
        rubric=rubric,
        province=unit,  # rename-fields: keep (the old chain's field)
        total=Decimal("42.50"),
        rank=1,
    )
    old.get_model("ops", "SiteContact").objects.filter(pk=1).update(phone="02 141 6000")
    return {"unit": unit.pk, "contest": contest.pk, "rubric": rubric.pk, "standing": standing.pk}


@pytest.mark.pg
def test_a_database_at_the_old_chains_end_goes_on_with_its_rows_and_a_fresh_one_gets_its_schema(
    empty_database,  # noqa: F811  (the fixture)
    settings,
    tmp_path,
):
    kept = settings.MIGRATION_MODULES
    settings.MIGRATION_MODULES = replaced_modules()
    old = MigrationExecutor(connection)
    ids = _old_rows(old.migrate(old.loader.graph.leaf_nodes()).apps)
    settings.MIGRATION_MODULES = kept

    squashed = MigrationExecutor(connection)
    plan = squashed.migration_plan(squashed.loader.graph.leaf_nodes())
    assert not {(m.app_label, m.name) for m, _ in plan} & set(squashed.loader.replacements)  # counted as applied
    assert replaced_chains_finished(databases=["default"]) == []
    squashed.migrate(squashed.loader.graph.leaf_nodes())
    recorded = MigrationRecorder(connection).applied_migrations()
    assert set(squashed.loader.replacements) <= set(recorded)
    assert (Unit.objects.get(pk=ids["unit"]).code, Contest.objects.get(pk=ids["contest"]).organiser_id) == (
        "TH-99",
        ids["unit"],
    )
    assert Rubric.objects.get(pk=ids["rubric"]).contest_id == ids["contest"]
    standing = Standing.objects.get(pk=ids["standing"])
    assert (standing.unit_id, standing.total, standing.rank) == (ids["unit"], Decimal("42.50"), 1)
    assert list(SiteContact.objects.values_list("pk", "phone")) == [(1, "02 141 6000")]
    old_schema = _schema(connection)

    with an_empty_database(empty_database, "squashed", tmp_path) as fresh:
        MigrationExecutor(fresh).migrate(squashed.loader.graph.leaf_nodes())
        assert list(SiteContact.objects.values_list("pk", "phone")) == [(1, "")]  # seeded by ops' squashed one
        fresh_schema = _schema(fresh)
    assert sorted(fresh_schema) == sorted(old_schema)
    for table in sorted(old_schema):
        assert fresh_schema[table] == old_schema[table], table
