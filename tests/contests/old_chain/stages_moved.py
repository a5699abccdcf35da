"""Selection in stages and nominees leave contests for apps of their own in the state only: a database made by the
chain before the move keeps every row, its id and its links, the tables, and the content types (relabelled in
place, so admin history and granted permissions follow the models). Walked by tests/contests/test_migrations.py
with the other moves."""

# rename-fields: leave (the rows are made with the old chain's models, by their old field names)

from datetime import date

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from nominees.models import Nominee, NomineeVersion
from stages.models import Stage, StageEntry
from tests.contests.old_chain import chonburi_district


def before_the_move(graph) -> list:
    """Targets that apply every migration but the new apps' first and those that depend on them."""
    kept = set(graph.nodes)
    for app in ("stages", "nominees"):
        kept -= set(graph.backwards_plan(next(n for n in graph.nodes if n[0] == app and n[1].endswith("_initial"))))
    return [n for n in kept if not graph.node_map[n].children & kept]


def rows(old) -> dict:
    """What a staged contest with a pick, and a contest with a nominee, left in a database before the move."""
    unit = old.get_model("contests", "Unit").objects
    province, district = chonburi_district(unit, "2003", "บางละมุง", "Bang Lamung")
    contest = old.get_model("contests", "Contest").objects
    staged = contest.create(slug="chonburi-stage-2568", name_th="ขั้น", name_en="Stage", year=2568, organiser=province)
    honours = contest.create(
        slug="itmodel-2568", name_th="บุคคล", name_en="People", year=2568, organiser=province, nominates=True
    )
    stage = old.get_model("contests", "Stage").objects.create(
        contest_id=staged.pk, chooser_level="province", quota=2, deadline=date(2025, 1, 31)
    )
    entry = old.get_model("contests", "StageEntry").objects.create(
        stage_id=stage.pk, unit_id=district.pk, chooser_id=province.pk, chosen_at=timezone.now()
    )
    nominee = old.get_model("contests", "Nominee").objects.create(
        contest_id=honours.pk,
        unit_id=province.pk,
        name_th="สมใจ ใจดี",
        position_th="นักวิชาการ",
        submitted_at=timezone.now(),
    )
    version = old.get_model("contests", "NomineeVersion").objects.create(
        nominee_id=nominee.pk, version=1, name_th="สมใจ ใจดี", position_th="นักวิชาการ", submitted_at=timezone.now()
    )
    types = old.get_model("contenttypes", "ContentType").objects
    stage_type = types.get_or_create(app_label="contests", model="stage")[0]
    nominee_type = types.get_or_create(app_label="contests", model="nominee")[0]
    permission = old.get_model("auth", "Permission").objects.create(
        content_type=nominee_type, codename="view_nominee", name="Can view nominee"
    )
    return {
        "staged": staged.pk, "honours": honours.pk, "province": province.pk, "district": district.pk,
        "stage": stage.pk, "entry": entry.pk, "nominee": nominee.pk, "version": version.pk,
        "stage_type": stage_type.pk, "nominee_type": nominee_type.pk, "permission": permission.pk,
    }  # fmt: skip


def check(ids: dict) -> None:
    """After the chain's end: the rows of `rows`, in the apps they moved to, in the state only."""
    assert (Stage._meta.db_table, StageEntry._meta.db_table) == ("contests_stage", "contests_stageentry")
    assert (Nominee._meta.db_table, NomineeVersion._meta.db_table) == ("scoring_nominee", "scoring_nomineeversion")
    stage = Stage.objects.get(pk=ids["stage"])
    assert (stage.contest_id, stage.chooser_level, stage.quota) == (ids["staged"], "province", 2)
    entry = StageEntry.objects.get(pk=ids["entry"])
    assert (entry.stage_id, entry.unit_id, entry.chooser_id) == (ids["stage"], ids["district"], ids["province"])
    nominee = Nominee.objects.get(pk=ids["nominee"])
    assert (nominee.contest_id, nominee.unit_id, nominee.name_th) == (ids["honours"], ids["province"], "สมใจ ใจดี")
    assert list(nominee.versions.values_list("pk", flat=True)) == [ids["version"]]
    # The same content type rows, relabelled, and the permission given on them kept.
    assert ContentType.objects.get_for_model(Stage).pk == ids["stage_type"]
    assert ContentType.objects.get_for_model(Nominee).pk == ids["nominee_type"]
    assert not ContentType.objects.filter(app_label="contests", model__in=["stage", "nominee"]).exists()
    kept = Permission.objects.get(pk=ids["permission"])
    assert (kept.content_type_id, kept.codename) == (ids["nominee_type"], "view_nominee")
