"""The fields that held any unit are called `unit` (tools/rename_fields.py) in the state only: a database made
before migrates on keeping every row and its links, each field reading the column it had."""

# rename-fields: leave (the rows are made with the models as they were, by their old field names)

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from contests.models import ChosenEntrant
from people.models import Conflict, Membership
from scoring.models import Standing, YearSettings
from tests.contests.test_migrations import empty_database, migrate  # noqa: F401  (fixtures)

pytestmark = pytest.mark.usefixtures("empty_database")


def _before_the_renames(graph) -> list:
    """Targets that apply every migration but the renames and those that come after them."""
    renames = [n for n in graph.nodes if n[1].endswith("_fields_named_for_any_unit")]
    later = {n for node in renames for n in graph.backwards_plan(node)}
    kept = set(graph.nodes) - later
    return [n for n in kept if not graph.node_map[n].children & kept]


def _old_rows(old) -> dict:
    units = old.get_model("contests", "Unit").objects
    province = units.create(
        code="TH-20", dopa_code="20", level="province", name_th="ชลบุรี", name_en="Chon Buri", is_cdd_office=True
    )
    district = units.create(
        code="2001", dopa_code="2001", level="district", parent=province, name_th="เมืองชลบุรี", name_en="Mueang"
    )
    contest = old.get_model("contests", "Contest").objects.create(
        slug="chonburi-web-2564", name_th="เว็บไซต์", name_en="Website", year=2564, organiser=province,
        entrant_level="district",
    )  # fmt: skip
    old.get_model("contests", "ChosenEntrant").objects.create(contest=contest, province=district)
    rubric = old.get_model("scoring", "Rubric").objects.create(
        contest=contest, year=2564, name_th="เกณฑ์", name_en="Rubric", starts_on=date(2020, 10, 1),
        ends_on=date(2021, 9, 30), total_points=Decimal("100"),
    )  # fmt: skip
    standing = old.get_model("scoring", "Standing").objects.create(
        rubric=rubric, province=district, total=Decimal("42.50"), rank=1
    )
    old.get_model("scoring", "YearSettings").objects.create(rubric=rubric, standings_visible_to_provinces=True)
    users = old.get_model("auth", "User").objects
    staff, member = users.create(username="staff-2001"), users.create(username="member")
    old.get_model("people", "Membership").objects.create(user=staff, role="provincial", province=district)
    conflict = old.get_model("people", "Conflict").objects.create(member=member, province=province)
    return {
        "province": province.pk, "district": district.pk, "contest": contest.pk, "standing": standing.pk,
        "rubric": rubric.pk, "staff": staff.pk, "conflict": conflict.pk,
    }  # fmt: skip


def test_a_database_before_the_field_renames_migrates_on_keeping_rows_and_links():
    graph = MigrationExecutor(connection).loader.graph
    latest = graph.leaf_nodes()
    ids = _old_rows(migrate(_before_the_renames(graph)))

    migrate(latest)

    standing = Standing.objects.get(pk=ids["standing"])
    assert (standing.unit_id, standing.total, standing.rank) == (ids["district"], Decimal("42.50"), 1)
    assert Standing._meta.get_field("unit").column == "province_id"
    assert list(ChosenEntrant.objects.filter(contest_id=ids["contest"]).values_list("unit_id", flat=True)) == [
        ids["district"]
    ]
    assert YearSettings.objects.get(rubric_id=ids["rubric"]).standings_visible_to_entrants is True
    assert Membership.objects.get(user_id=ids["staff"]).unit_id == ids["district"]
    assert Conflict.objects.get(pk=ids["conflict"]).unit_id == ids["province"]
    assert list(Standing.objects.filter(unit__code="2001").values_list("pk", flat=True)) == [ids["standing"]]
