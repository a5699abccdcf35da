"""Province → Unit and ProvinceResult → Standing rename the models in the state only: a database made by the
chain before the renames keeps every row, its id and its links, the tables, the contest's chosen entrants, and the
content types and permissions (renamed in place, so admin history and granted permissions follow the models).
Walked by tests/contests/test_migrations.py with the other moves."""

# rename-codemod: leave (the rows are made with the old chain's models, by their old names)
# rename-fields: leave (and by their old field names)

from decimal import Decimal

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from contests.models import Contest, Unit
from scoring.models import Standing
from tests.contests.old_chain import chonburi_district, rubric_2564


def node(graph) -> tuple[str, str]:
    """The rename's migration, whatever number its app gave it."""
    return next((a, n) for a, n in graph.nodes if a == "contests" and n.endswith("_unit_named_for_any_unit"))


def rows(old) -> dict:
    """What a contest with a chosen entrant and its result left in a database before the renames (its district and
    its organiser's account named apart from the other moves' rows made in the same database)."""
    unit = old.get_model("contests", "Province").objects
    province, district = chonburi_district(unit, "2002", "บ้านบึง", "Ban Bueng")
    contest = old.get_model("contests", "Contest").objects.create(
        slug="chonburi-web-2564", name_th="เว็บไซต์", name_en="Website", year=2564, organiser=province,
        entrant_level="district",
    )  # fmt: skip
    contest.entrants.add(district)
    rubric = rubric_2564(old, contest)
    result = old.get_model("scoring", "ProvinceResult").objects.create(
        rubric=rubric, province=district, total=Decimal("42.50"), rank=1
    )
    types = old.get_model("contenttypes", "ContentType").objects
    unit_type = types.get_or_create(app_label="contests", model="province")[0]
    result_type = types.get_or_create(app_label="scoring", model="provinceresult")[0]
    permission = old.get_model("auth", "Permission").objects.create(
        content_type=unit_type, codename="view_province", name="Can view province"
    )
    user = old.get_model("auth", "User").objects.create(username="organiser-20-web")
    user.user_permissions.add(permission)
    entry = old.get_model("admin", "LogEntry").objects.create(
        user=user, content_type_id=result_type.pk, object_id=str(result.pk), object_repr="2002",
        action_flag=ADDITION, action_time=timezone.now(),
    )  # fmt: skip
    return {
        "province": province.pk, "district": district.pk, "contest": contest.pk, "result": result.pk,
        "unit_type": unit_type.pk, "result_type": result_type.pk, "permission": permission.pk, "user": user.pk,
        "entry": entry.pk,
    }  # fmt: skip


def check(ids: dict) -> None:
    """After the chain's end: the rows of `rows`, renamed in the state only."""
    assert (Unit._meta.db_table, Standing._meta.db_table) == ("scoring_province", "scoring_provinceresult")
    district = Unit.objects.get(pk=ids["district"])
    assert (district.code, district.parent_id, district.level) == ("2002", ids["province"], "district")
    assert list(Contest.objects.get(pk=ids["contest"]).entrants.values_list("pk", flat=True)) == [ids["district"]]
    standing = Standing.objects.get(pk=ids["result"])
    assert (standing.unit_id, standing.total, standing.rank) == (ids["district"], Decimal("42.50"), 1)
    # The same content type and permission rows, renamed.
    assert ContentType.objects.get_for_model(Unit).pk == ids["unit_type"]
    assert ContentType.objects.get_for_model(Standing).pk == ids["result_type"]
    assert not ContentType.objects.filter(model__in=["province", "provinceresult"]).exists()
    kept = Permission.objects.get(pk=ids["permission"])
    assert (kept.content_type_id, kept.codename) == (ids["unit_type"], "view_unit")
    assert list(Permission.objects.filter(user=ids["user"]).values_list("codename", flat=True)) == ["view_unit"]
    assert LogEntry.objects.get(pk=ids["entry"]).get_edited_object() == standing
