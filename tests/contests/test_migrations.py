"""The chains each app's squashed migration replaces (`<app>/migrations/replaced/`), as a database that has not
applied the squash goes through them: contests 0001 takes Contest, Nominee and the units out of scoring without
touching a row: a database at the state before it (scoring 0016) migrated forward keeps every row, its id and
its links, and the moved models keep their content types (so the admin history of a nominee still opens it)."""

# rename-fields: leave (the rows are made with the old chains' models, by their old field names)

from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.utils import timezone

from contests.models import Contest, Unit
from core.migration_ops import replaced_chains_finished
from nominees.models import Nominee, NomineeVersion
from people.models import Membership
from scoring.models import Rubric

MOVED = ("province", "contest", "nominee", "nomineeversion")


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


def migrate(targets):
    """The database migrated to `targets`; the models as they were there."""
    return MigrationExecutor(connection).migrate(targets).apps


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


def _old_rows(old) -> dict:
    """What an office's contest with a nominee left in a database at scoring 0016, made with that state's models."""
    user = old.get_model("auth", "User").objects.create(username="organiser-20")
    unit = old.get_model("scoring", "Province").objects
    # The test database may hold the 76 provinces already (tests/conftest.py); the district is this test's.
    province, _ = unit.get_or_create(
        code="TH-20", defaults={"dopa_code": "20", "level": "province", "name_th": "ชลบุรี", "name_en": "Chon Buri"}
    )
    district = unit.create(
        code="2001", dopa_code="2001", level="district", parent=province, name_th="เมืองชลบุรี", name_en="Mueang"
    )
    contest = old.get_model("scoring", "Contest").objects.create(
        slug="chonburi-itmodel-2564", name_th="คนต้นแบบ ไอที", name_en="IT role model", year=2564,
        organiser=province, entrant_level="district", nominates=True,
    )  # fmt: skip
    contest.entrants.add(district)
    rubric = old.get_model("scoring", "Rubric").objects.create(
        contest=contest, year=2564, name_th="เกณฑ์", name_en="Rubric", starts_on=date(2020, 10, 1),
        ends_on=date(2021, 9, 30), total_points=Decimal("100"),
    )  # fmt: skip
    sent = {"name_th": "นางสาวใจดี มีสุข", "position_th": "นักวิชาการพัฒนาชุมชน", "submitted_by": user}
    nominee = old.get_model("scoring", "Nominee").objects.create(
        contest=contest, unit=district, submitted_at=timezone.now(), **sent
    )
    version = old.get_model("scoring", "NomineeVersion").objects.create(
        nominee=nominee, version=1, submitted_at=nominee.submitted_at, **sent
    )
    old.get_model("people", "Membership").objects.create(user=user, role="organiser", province=province)
    types = old.get_model("contenttypes", "ContentType").objects
    assert not types.filter(app_label="contests").exists()  # as before the app existed
    type_ids = {m: types.get_or_create(app_label="scoring", model=m)[0].pk for m in MOVED}
    entry = old.get_model("admin", "LogEntry").objects.create(
        user=user, content_type_id=type_ids["nominee"], object_id=str(nominee.pk), object_repr=nominee.name_th,
        action_flag=ADDITION, action_time=timezone.now(),
    )  # fmt: skip
    return {
        "user": user.pk, "province": province.pk, "district": district.pk, "contest": contest.pk,
        "rubric": rubric.pk, "nominee": nominee.pk, "version": version.pk, "types": type_ids, "entry": entry.pk,
    }  # fmt: skip


def test_a_database_at_scoring_0016_migrates_forward_keeping_rows_links_and_content_types(empty_database, old_chain):
    """Also: on SQLite the migrations end at the very schema the suite's test database was made with from the
    models (tests/conftest.py `django_db_use_migrations`), table by table and index by index."""
    graph = MigrationExecutor(connection).loader.graph
    latest = graph.leaf_nodes()
    # Everything but contests 0001 and what came after it (scoring 0017, the other apps' state-only retargets).
    old = migrate(before(graph, ("contests", "0001_initial")))
    ids = _old_rows(old)
    with override_settings(MIGRATION_MODULES={}):  # a plain `migrate` refuses a database stopped here
        refused = replaced_chains_finished(databases=["default"])
    assert {error.id for error in refused} == {"core.E001"}
    assert "scoring.0001_squashed_" in " ".join(error.msg for error in refused)

    with override_settings(MIGRATION_MODULES={}):  # plain `migrate` finishes the old chain first, then goes on
        call_command("migrate", verbosity=0)
    assert MigrationExecutor(connection).migration_plan(latest) == []
    ContentType.objects.clear_cache()

    district = Unit.objects.get(pk=ids["district"])
    assert (district.code, district.parent_id, district.level) == ("2001", ids["province"], "district")
    contest = Contest.objects.get(pk=ids["contest"])
    assert (contest.slug, contest.organiser_id, contest.nominates) == ("chonburi-itmodel-2564", ids["province"], True)
    assert list(contest.entrants.values_list("pk", flat=True)) == [ids["district"]]
    assert Rubric.objects.get(pk=ids["rubric"]).contest_id == ids["contest"]
    nominee = Nominee.objects.get(pk=ids["nominee"])
    assert (nominee.name_th, nominee.contest_id, nominee.unit_id, nominee.submitted_by_id) == (
        "นางสาวใจดี มีสุข",
        ids["contest"],
        ids["district"],
        ids["user"],
    )
    assert list(nominee.versions.values_list("pk", "version")) == [(ids["version"], 1)]
    assert Membership.objects.get(user_id=ids["user"]).unit_id == ids["province"]
    # The same content type rows, relabelled: permissions and admin history follow the models.
    # The units' model is named by the chain's end, so its type is matched to the old name by the model.
    # Nominees went on from contests to an app of their own (nominees 0001), their types with them.
    apps_now = ("contests", "contests", "nominees", "nominees")
    for old_name, model, app in zip(MOVED, (Unit, Contest, Nominee, NomineeVersion), apps_now, strict=True):
        moved = ContentType.objects.get_for_model(model)
        assert (moved.pk, moved.app_label) == (ids["types"][old_name], app)
    assert not ContentType.objects.filter(app_label="scoring", model__in=MOVED).exists()
    assert LogEntry.objects.get(pk=ids["entry"]).get_edited_object() == nominee
    if connection.vendor == "sqlite":
        suite_database = empty_database  # what the fixture hands back: the test database it stands in for
        assert sqlite_schema(connection) == sqlite_schema(suite_database)


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
