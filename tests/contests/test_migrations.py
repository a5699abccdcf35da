"""The chains each app's squashed migration replaces (`<app>/migrations/replaced/`), as a database that has not
applied the squash goes through them: the models that moved between apps and the models renamed keep every row,
its id and its links, and their content types (tests/contests/old_chain/)."""

# rename-fields: leave (the rows are made with the old chains' models, by their old field names)

from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import AlterField
from django.db.migrations.recorder import MigrationRecorder
from django.db.migrations.state import ProjectState
from django.test import override_settings

from core.migration_ops import replaced_chains_finished
from ops.models import SiteContact
from tests.contests.old_chain import chain_end, contests_moved, fields_renamed, stages_moved, units_renamed


def replaced_modules() -> dict[str, str]:
    """MIGRATION_MODULES for the old chains (as CDD4_REPLACED_MIGRATIONS=1 sets them)."""
    return {
        path.parent.parent.parent.name: f"{path.parent.parent.parent.name}.migrations.replaced"
        for path in sorted(settings.BASE_DIR.glob("*/migrations/replaced/__init__.py"))
    }


@pytest.fixture
def old_chain(settings):
    """Django sees the replaced chains in place of the squashed migrations during the test."""
    settings.MIGRATION_MODULES = replaced_modules()


# What a field's words are: a change of these alone changes no column, no constraint and no row (each is among
# Django's `Field.non_db_attrs`), and nothing a migration's own code reads through its models.
WORDS = frozenset({"verbose_name", "help_text", "choices"})


def words_only(loader) -> set[tuple[str, str, int]]:
    """(app, migration, position) of every AlterField in the loader's graph that changes at most a field's
    words, found by walking the models' state unrendered (which costs no model classes)."""
    found, state = set(), ProjectState(real_apps=loader.unmigrated_apps)
    for key in _plan(loader.graph):
        migration = loader.graph.nodes[key]
        for position, operation in enumerate(migration.operations):
            if isinstance(operation, AlterField):
                before = state.models[migration.app_label, operation.model_name_lower].fields[operation.name]
                if _kwargs(before) == _kwargs(operation.field):
                    found.add((*key, position))
            operation.state_forwards(migration.app_label, state)
    return found


def _plan(graph) -> list[tuple[str, str]]:
    """Every migration of the graph, each after those it depends on."""
    plan: dict[tuple[str, str], None] = {}
    for leaf in graph.leaf_nodes():
        plan |= dict.fromkeys(graph.forwards_plan(leaf))
    return list(plan)


def _kwargs(field) -> tuple:
    """A field as Django writes it in a migration, without its words."""
    _, path, args, kwargs = field.deconstruct()
    return path, tuple(args), tuple(sorted((k, repr(v)) for k, v in kwargs.items() if k not in WORDS))


def migrate(targets):
    """The database migrated to `targets`; the models as they were there. An operation that reloads a model
    without its related ones (AddConstraint, a plain AlterField) leaves the state's apps delayed: models that
    point at it keep the class it had before, so the apps are rendered again (as RunPython has them).

    Every operation runs but an AlterField that changes a field's words alone (`words_only`): the old chains
    hold hundreds of them (the labels' move to the catalogue), none touches the database, and each had Django
    render the changed model and every model related to it again, two thirds of the walk's minute and a half."""
    executor = MigrationExecutor(connection)
    skipped = words_only(executor.loader)
    for (app, name), migration in executor.loader.graph.nodes.items():
        migration.operations = [op for i, op in enumerate(migration.operations) if (app, name, i) not in skipped]
    state = executor.migrate(targets)
    state.clear_delayed_apps_cache()
    return state.apps


def before(graph, node) -> list:
    """Targets that apply every migration but `node` and those that depend on it."""
    kept = set(graph.nodes) - set(graph.backwards_plan(node))
    return [n for n in kept if not graph.node_map[n].children & kept]


@pytest.fixture
def empty_database(reloaded, transactional_db, tmp_path):
    """An empty database of the test's engine stands in for `default` during the test. Migrated forward to
    before contests 0001 and on to the end, it costs one `migrate`; taking the test database back and forward
    again cost two (half a minute of a worker). Hands back the test database it stands in for."""
    test_database = connections["default"]
    with an_empty_database(test_database, "migrations", tmp_path):
        yield test_database


@contextmanager
def an_empty_database(test_database, suffix: str, tmp_path):
    """An empty database named for `suffix` stands in for `default` inside the block."""
    kept = connections["default"]
    empty = test_database.copy()
    name = f"{test_database.settings_dict['NAME']}_{suffix}"
    if test_database.vendor == "sqlite":
        empty.settings_dict["NAME"] = str(tmp_path / f"{suffix}.sqlite3")
    else:
        empty.settings_dict["NAME"] = name
        with test_database.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
    connections["default"] = empty
    ContentType.objects.clear_cache()
    try:
        yield empty
    finally:
        empty.close()
        connections["default"] = kept
        ContentType.objects.clear_cache()
        if test_database.vendor != "sqlite":
            with test_database.cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{name}"')


def test_an_old_database_walks_the_old_chain_and_on_keeping_every_row_and_the_schema_a_fresh_one_gets(
    empty_database, old_chain, tmp_path
):
    """One walk, as a database made at the old chain's start would take it, with rows made at each stop: before
    contests 0001 (tests/contests/old_chain/contests_moved.py), before the units' rename (units_renamed.py), before
    stages and nominees left contests (stages_moved.py), before the fields' renames (fields_renamed.py), and at the
    old chain's end where the squashed migrations begin (chain_end.py); then on to the latest migration. Each
    part's rows are checked at the end. (One walk, not one a part: the chains' last migrations cost most of a walk,
    Django re-rendering the models' state on each AlterField.) The schema it ends at is the one a fresh database
    gets through the squashed migrations and, on SQLite, the one the suite's test database was made with from the
    models (tests/conftest.py `django_db_use_migrations`), table by table and index by index."""
    graph = MigrationExecutor(connection).loader.graph
    # Everything but contests 0001 and what came after it (scoring 0017, the other apps' state-only retargets).
    moved = contests_moved.rows(migrate(before(graph, ("contests", "0001_initial"))))
    with override_settings(MIGRATION_MODULES={}):  # a plain `migrate` refuses a database stopped here
        refused = replaced_chains_finished(databases=["default"])
    assert {error.id for error in refused} == {"core.E001"}
    assert "scoring.0001_squashed_" in " ".join(error.msg for error in refused)
    # Each stop is past the one before (what was applied is among its targets' plans): the walk only goes forward.
    renamed = units_renamed.rows(migrate(before(graph, units_renamed.node(graph))))
    staged = stages_moved.rows(migrate(stages_moved.before_the_move(graph)))
    fields = fields_renamed.rows(migrate(fields_renamed.before_the_renames(graph)))
    ended = chain_end.rows(migrate(graph.leaf_nodes()))

    with override_settings(MIGRATION_MODULES={}):  # the squashed migrations and any that follow them
        squashed = MigrationExecutor(connection)
        latest = squashed.loader.graph.leaf_nodes()
        plan = squashed.migration_plan(latest)
        assert not {(m.app_label, m.name) for m, _ in plan} & set(squashed.loader.replacements)  # counted applied
        assert replaced_chains_finished(databases=["default"]) == []
        call_command("migrate", verbosity=0)
        assert MigrationExecutor(connection).migration_plan(latest) == []
        assert set(squashed.loader.replacements) <= set(MigrationRecorder(connection).applied_migrations())
        ContentType.objects.clear_cache()

        contests_moved.check(moved)
        units_renamed.check(renamed)
        stages_moved.check(staged)
        chain_end.check(ended)
        fields_renamed.check(fields)
        walked = database_schema(connection)

        with an_empty_database(empty_database, "squashed", tmp_path) as fresh:
            MigrationExecutor(fresh).migrate(latest)
            assert list(SiteContact.objects.values_list("pk", "phone")) == [(1, "")]  # seeded by ops' squashed one
            made = database_schema(fresh)
    assert sorted(made) == sorted(walked)
    for table in sorted(walked):
        assert made[table] == walked[table], table
    if connection.vendor == "sqlite":
        suite_database = empty_database  # what the fixture hands back: the test database it stands in for
        assert sqlite_schema(connection) == sqlite_schema(suite_database)


def database_schema(database) -> dict:
    """On SQLite each table's and index's SQL clause by clause (`sqlite_schema`); elsewhere each table's columns
    and constraints as the engine reports them, without the names Django makes up (PostgreSQL names a unique
    column `_key` when the table is made with it, `_uniq` when it is added later). SQLite's own report of its
    check constraints depends on their order in the table's SQL."""
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


def sqlite_schema(database) -> dict[str, list[str]]:
    """Each table's column and constraint clauses (in any order: a column added by a migration comes last) and
    each index's statement, as SQLite keeps them."""
    with database.cursor() as cursor:
        cursor.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
            "AND tbl_name != 'django_migrations'"
        )
        return {name: _clauses(sql) if kind == "table" else [sql] for kind, name, sql in cursor.fetchall()}


def _clauses(create: str) -> list[str]:
    """CREATE TABLE's parts between its outer parentheses, split at the commas outside any inner ones."""
    parts, depth, part = [], 0, ""
    for char in create[create.index("(") + 1 : create.rindex(")")]:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(part.strip())
            part = ""
        else:
            part += char
    return sorted([*parts, part.strip()])
