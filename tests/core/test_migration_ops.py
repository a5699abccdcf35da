import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from core.migration_ops import move_content_type, rename_content_type, rename_permission

pytestmark = pytest.mark.django_db


def test_content_type_follows_the_model_and_back():
    moved = ContentType.objects.create(app_label="oldapp", model="thing")
    operation = move_content_type("thing", "oldapp", "newapp")
    operation.code(apps, None)
    moved.refresh_from_db()
    assert (moved.app_label, moved.model) == ("newapp", "thing")
    operation.reverse_code(apps, None)
    moved.refresh_from_db()
    assert (moved.app_label, moved.model) == ("oldapp", "thing")


def test_an_existing_content_type_under_the_new_app_is_left_alone():
    old = ContentType.objects.create(app_label="oldapp", model="thing")
    new = ContentType.objects.create(app_label="newapp", model="thing")
    move_content_type("thing", "oldapp", "newapp").code(apps, None)
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.app_label, new.app_label) == ("oldapp", "newapp")


def test_a_renamed_models_content_type_and_default_permissions_follow_it_and_back():
    renamed = ContentType.objects.create(app_label="oldapp", model="province")
    group = Group.objects.create(name="unit editors")
    group.permissions.add(
        *(
            Permission.objects.create(content_type=renamed, codename=f"{action}_province", name=action)
            for action in ("change", "view")
        )
    )
    operation = rename_content_type("oldapp", "province", "unit")
    operation.code(apps, None)
    renamed.refresh_from_db()
    assert (renamed.model, _held(group)) == ("unit", ["oldapp.change_unit", "oldapp.view_unit"])
    operation.reverse_code(apps, None)
    renamed.refresh_from_db()
    assert (renamed.model, _held(group)) == ("province", ["oldapp.change_province", "oldapp.view_province"])


def test_a_content_type_under_the_new_name_already_leaves_both_alone():
    old = ContentType.objects.create(app_label="oldapp", model="province")
    ContentType.objects.create(app_label="oldapp", model="unit")
    rename_content_type("oldapp", "province", "unit").code(apps, None)
    old.refresh_from_db()
    assert old.model == "province"


def _row(app_label: str, model: str, codename: str) -> Permission:
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(content_type=content_type, codename=codename, name=codename)


def _held(group: Group) -> list[str]:
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all())


def test_a_group_holding_a_moved_act_holds_it_under_its_owners_name(django_user_model):
    group = Group.objects.create(name="stage readers")
    group.permissions.add(_row("scoring", "rubric", "view_stage"), _row("scoring", "rubric", "select_stage"))
    member = django_user_model.objects.create_user("reader")
    member.groups.add(group)
    rename_permission("scoring.select_stage", "stages.pick", models=("rubric", "stage")).code(apps, None)
    rename_permission("scoring.view_stage", "stages.view", models=("rubric", "stage")).code(apps, None)
    assert _held(group) == ["stages.pick", "stages.view"]
    member = django_user_model.objects.get(pk=member.pk)  # a fresh user: Django keeps what it read
    assert (member.has_perm("stages.view"), member.has_perm("scoring.view_stage")) == (True, False)


def test_the_two_acts_that_saw_a_unit_become_one_and_their_groups_keep_it():
    office = Group.objects.create(name="office pages")
    office.permissions.add(_row("submissions", "submission", "view_province"))
    nominees = Group.objects.create(name="nominee pages")
    nominees.permissions.add(_row("scoring", "rubric", "view_province"))
    rename_permission("scoring.view_province", "contests.see_unit", models=("rubric", "unit")).code(apps, None)
    rename_permission("submissions.view_province", "contests.see_unit", models=("submission", "unit")).code(apps, None)
    assert (_held(office), _held(nominees)) == (["contests.see_unit"], ["contests.see_unit"])
    assert Permission.objects.filter(codename="view_province").count() == 0
    assert Permission.objects.get(codename="see_unit").content_type.model == "unit"


def test_a_renamed_act_keeps_its_content_type_within_its_app_and_goes_back():
    kept = _row("ops", "sitecontact", "view_province")
    group = Group.objects.create(name="office records")
    group.permissions.add(kept)
    operation = rename_permission("ops.view_province", "ops.view_office_records")
    operation.code(apps, None)
    kept.refresh_from_db()
    assert (kept.content_type.model, _held(group)) == ("sitecontact", ["ops.view_office_records"])
    operation.reverse_code(apps, None)
    assert _held(group) == ["ops.view_province"]


def test_nobody_holding_the_old_name_changes_nothing():
    before = set(Permission.objects.values_list("pk", "content_type_id", "codename"))
    rename_permission("scoring.view_nominees", "nominees.view", models=("rubric", "nominee")).code(apps, None)
    assert set(Permission.objects.values_list("pk", "content_type_id", "codename")) == before


def test_a_move_to_another_app_names_its_content_types():
    with pytest.raises(ValueError, match="models="):
        rename_permission("scoring.view_stage", "stages.view")
