import pytest
from django.core import checks
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import translation

from core.checks import stopped_inside_old_chains

ON_DISK = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
SQUASHED = {
    ("contests", "0001_squashed_0014_one_act_sees_a_unit"),
    ("people", "0001_squashed_0009_unit_labels"),
}
OLD = {("contests", "0001_initial"), ("contests", "0002_province_name_order"), ("people", "0001_initial")}


def test_a_database_inside_an_old_chain_is_refused_naming_the_commit_that_still_carries_it():
    with translation.override("th"):
        (error,) = stopped_inside_old_chains(OLD | {("auth", "0001_initial")}, ON_DISK, alias="default")
    assert (error.id, error.level) == ("core.E001", checks.ERROR)
    assert error.msg == (
        "ฐานข้อมูล default ค้างอยู่ในชุด migration เดิมของ contests, people: มีบันทึกของชุดเดิม แต่ไม่มีบันทึก migration ที่มาแทนชุดนั้น"
    )
    assert error.hint == (
        "ให้ migrate ด้วยพอร์ทัลรุ่น commit 98896e80 (๒๘ พ.ย. ๒๕๖๙) ก่อน รุ่นนั้นยังมีชุด migration เดิม: "
        "CDD4_REPLACED_MIGRATIONS=1 manage.py migrate จะทำชุดเดิมต่อจนครบ แล้ว manage.py migrate "
        "จะบันทึก migration ที่มาแทนชุดนั้น จากนั้นจึง migrate ด้วยรุ่นนี้ (docs/operations.md, “Migrations”)"
    )


def test_the_refusal_reads_in_english_when_english_is_active():
    with translation.override("en"):
        (error,) = stopped_inside_old_chains(OLD, ON_DISK, alias="default")
    assert error.msg == (
        "The database default stopped inside the older migrations of contests, people: it records them but not "
        "the migration that replaced them."
    )
    assert error.hint.startswith("Migrate it first with the portal as of commit 98896e80 (2026-11-28), ")


def test_under_no_active_language_the_refusal_is_thai():
    """`migrate` turns translation off in its handle."""
    translation.deactivate_all()
    try:
        (error,) = stopped_inside_old_chains(OLD, ON_DISK, alias="default")
    finally:
        translation.deactivate()
    assert error.msg.startswith("ฐานข้อมูล default ค้างอยู่ในชุด migration เดิมของ contests, people")


def test_only_the_apps_whose_squashed_migration_is_missing_are_named():
    (error,) = stopped_inside_old_chains(OLD | {("people", "0001_squashed_0009_unit_labels")}, ON_DISK, alias="x")
    assert "contests:" in error.msg and "people" not in error.msg


@pytest.mark.parametrize(
    "recorded",
    [
        pytest.param(set(), id="fresh"),
        pytest.param(ON_DISK, id="made-by-the-squashed-migrations"),
        pytest.param(OLD | SQUASHED, id="old-chains-finished-and-the-squashed-recorded"),
    ],
)
def test_a_database_that_is_not_inside_an_old_chain_goes_on(recorded):
    assert stopped_inside_old_chains(recorded, ON_DISK, alias="default") == []


@pytest.mark.django_db
def test_the_check_reads_what_the_database_records():
    assert checks.run_checks(tags=[checks.Tags.database], databases=["default"]) == []
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("people", "0001_squashed_0009_unit_labels")
    recorder.record_applied("people", "0001_initial")
    (error,) = checks.run_checks(tags=[checks.Tags.database], databases=["default"])
    assert (error.id, "people" in error.msg) == ("core.E001", True)
