"""The fields that held any unit are called `unit` (tools/rename_fields.py) in the state only: a database made
before the renames (the old chain's `*_fields_named_for_any_unit` migrations) keeps every row and its links, each
field reading the column it had. Walked by tests/contests/test_migrations.py with the other moves."""

# rename-fields: leave (the rows are made with the models as they were, by their old field names)

from decimal import Decimal

from contests.models import ChosenEntrant
from people.models import Conflict, Membership
from scoring.models import Standing, YearSettings
from tests.contests.old_chain import chonburi_district, rubric_2564


def before_the_renames(graph) -> list:
    """Targets that apply every migration but the renames and those that come after them."""
    renames = [n for n in graph.nodes if n[1].endswith("_fields_named_for_any_unit")]
    later = {n for node in renames for n in graph.backwards_plan(node)}
    kept = set(graph.nodes) - later
    return [n for n in kept if not graph.node_map[n].children & kept]


def rows(old) -> dict:
    """A district's contest with its chosen entrant, standing and year settings, an office member and a declared
    conflict, made with the models before the renames."""
    province, district = chonburi_district(old.get_model("contests", "Unit").objects, "2004", "พนัสนิคม", "Phanat")
    contest = old.get_model("contests", "Contest").objects.create(
        slug="chonburi-fields-2564", name_th="เว็บไซต์", name_en="Website", year=2564, organiser=province,
        entrant_level="district",
    )  # fmt: skip
    old.get_model("contests", "ChosenEntrant").objects.create(contest=contest, province=district)
    rubric = rubric_2564(old, contest)
    standing = old.get_model("scoring", "Standing").objects.create(
        rubric=rubric, province=district, total=Decimal("42.50"), rank=1
    )
    old.get_model("scoring", "YearSettings").objects.create(rubric=rubric, standings_visible_to_provinces=True)
    users = old.get_model("auth", "User").objects
    staff, member = users.create(username="staff-2004"), users.create(username="member-2004")
    old.get_model("people", "Membership").objects.create(user=staff, role="provincial", province=district)
    conflict = old.get_model("people", "Conflict").objects.create(member=member, province=province)
    return {
        "province": province.pk, "district": district.pk, "contest": contest.pk, "standing": standing.pk,
        "rubric": rubric.pk, "staff": staff.pk, "conflict": conflict.pk,
    }  # fmt: skip


def check(ids: dict) -> None:
    """After the renames: the rows of `rows`, each field reading its old column."""
    standing = Standing.objects.get(pk=ids["standing"])
    assert (standing.unit_id, standing.total, standing.rank) == (ids["district"], Decimal("42.50"), 1)
    assert Standing._meta.get_field("unit").column == "province_id"
    assert list(ChosenEntrant.objects.filter(contest_id=ids["contest"]).values_list("unit_id", flat=True)) == [
        ids["district"]
    ]
    assert YearSettings.objects.get(rubric_id=ids["rubric"]).standings_visible_to_entrants is True
    assert Membership.objects.get(user_id=ids["staff"]).unit_id == ids["district"]
    assert Conflict.objects.get(pk=ids["conflict"]).unit_id == ids["province"]
    assert list(Standing.objects.filter(unit__code="2004").values_list("pk", flat=True)) == [ids["standing"]]
