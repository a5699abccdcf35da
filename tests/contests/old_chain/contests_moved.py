"""Contests 0001 takes Contest, Nominee and the units out of scoring without touching a row: a database at the state
before it (scoring 0016) keeps every row, its id and its links, and the moved models keep their content types (so
the admin history of a nominee still opens it). Walked by tests/contests/test_migrations.py with the other moves."""

# rename-fields: leave (the rows are made with the old chains' models, by their old field names)

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from contests.models import Contest, Unit
from nominees.models import Nominee, NomineeVersion
from people.models import Membership
from scoring.models import Rubric
from tests.contests.old_chain import chonburi_district, rubric_2564

MOVED = ("province", "contest", "nominee", "nomineeversion")


def rows(old) -> dict:
    """What an office's contest with a nominee left in a database at scoring 0016, made with that state's models."""
    user = old.get_model("auth", "User").objects.create(username="organiser-20")
    unit = old.get_model("scoring", "Province").objects
    province, district = chonburi_district(unit, "2001", "เมืองชลบุรี", "Mueang")
    contest = old.get_model("scoring", "Contest").objects.create(
        slug="chonburi-itmodel-2564", name_th="คนต้นแบบ ไอที", name_en="IT role model", year=2564,
        organiser=province, entrant_level="district", nominates=True,
    )  # fmt: skip
    contest.entrants.add(district)
    rubric = rubric_2564(old, contest)
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


def check(ids: dict) -> None:
    """After the chain's end: the rows of `rows`, their models moved in the state only."""
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
