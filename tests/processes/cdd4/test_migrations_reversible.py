"""A database migrated at main 45e466b4 (the last main before the house was finished: issue "Finish the house"
asks that such a database migrate forward and back) migrates forward to today's leaves, back to its own, and
forward again, and the rows of the tables that move between apps (the contest periods, the schedule's rounds)
survive each step as they were.

The migrations run in a process of their own on a SQLite file (`python -m
tests.processes.cdd4.test_migrations_reversible <file>`): a migration's RunPython writes through the default
database, which in the test process is the session's test database."""

import json
import os
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# The leaf migration of each app at main 45e466b4: what a database migrated then has applied. An app not here (one
# made since) is at zero on such a database, so "back" unapplies all of it.
MAIN_45E466B4 = (
    ("accounts", "0012_person_session"),
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("auth", "0012_alter_user_first_name_max_length"),
    ("awards", "0013_certificate_numbers"),
    ("axes", "0010_accessattemptexpiration"),
    ("committee", "0009_rubric_models_in_rubrics"),
    ("contenttypes", "0002_remove_content_type_name"),
    ("contests", "0001_squashed_0014_one_act_sees_a_unit"),
    ("django_otp_webauthn", "0004_webauthnuserhandle"),
    ("knox", "0009_extend_authtoken_field"),
    ("nominees", "0001_squashed_0002_acts_declared_by_nominees"),
    ("notices", "0016_outreach_invitations"),
    ("ops", "0001_squashed_0008_office_records_act"),
    ("otp_static", "0003_add_timestamps"),
    ("otp_totp", "0003_add_timestamps"),
    ("people", "0001_squashed_0009_unit_labels"),
    ("rubrics", "0001_rubric_models_from_scoring"),
    ("scoring", "0046_published_awards_corrected"),
    ("sessions", "0001_initial"),
    ("stages", "0001_squashed_0002_acts_declared_by_stages"),
    ("submissions", "0012_evidence_from_line"),
)
# The models (as they were at 45e466b4) whose rows must survive: the tables a later change moves to another app
# or renames keep their names and rows (db_table pinned), whatever the models are called then.
KEPT = (
    ("contests", "Unit"),
    ("contests", "Contest"),
    ("rubrics", "Rubric"),
    ("rubrics", "Dimension"),
    ("rubrics", "Criterion"),
    ("scoring", "Standing"),
    ("scoring", "RoundsKept"),
    ("scoring", "EntrantRounds"),
)


def test_a_database_migrated_at_main_45e466b4_migrates_forward_back_and_forward_keeping_its_rows(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL")}
    done = subprocess.run(
        [sys.executable, "-m", "tests.processes.cdd4.test_migrations_reversible", str(database)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    steps = json.loads(done.stdout.strip().splitlines()[-1])

    assert [step for step, _ in steps] == ["at 45e466b4", "forward", "back", "forward again"]
    rows = steps[0][1]
    assert {table: len(found) for table, found in rows.items()} == {
        "scoring_province": 2, "scoring_contest": 1, "scoring_rubric": 1, "scoring_dimension": 1,
        "scoring_criterion": 1, "scoring_provinceresult": 1, "scoring_roundskept": 1, "scoring_entrantrounds": 1,
    }  # fmt: skip
    assert [found for _, found in steps] == [rows, rows, rows, rows]


def filled(model, **given) -> dict:
    """`given`, and a plain value for each other column the model requires (no default, not nullable)."""
    from django.db import models

    plain = {
        models.CharField: "x",
        models.TextField: "x",
        models.SlugField: "x",
        models.BooleanField: False,
        models.DecimalField: Decimal("1"),
        models.DateTimeField: datetime(2023, 7, 20, 3, 30),
        models.DateField: date(2023, 7, 20),
        models.JSONField: [],
        models.IntegerField: 1,
    }
    values = dict(given)
    for field in model._meta.concrete_fields:
        if field.name in values or field.attname in values or field.primary_key:
            continue
        if field.null or field.has_default():
            continue
        values[field.name] = next(v for kind, v in plain.items() if isinstance(field, kind))
    return values


def round_trip() -> list:
    """Migrates the empty database (DATABASE_URL) to MAIN_45E466B4, writes a few rows into KEPT's tables, then
    forward, back and forward again; [step, {table: rows}] after each."""
    import django

    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(list(MAIN_45E466B4))
    then = executor.loader.project_state(list(MAIN_45E466B4)).apps
    model = {name: then.get_model(app, name) for app, name in KEPT}

    province = model["Unit"].objects.create(**filled(model["Unit"], code="TH-50", dopa_code="50", level="province"))
    district = model["Unit"].objects.create(
        **filled(model["Unit"], code="5001", dopa_code="5001", level="district", parent=province)
    )
    contest = model["Contest"].objects.create(**filled(model["Contest"], slug="cm-2566", year=2566, organiser=province))
    rubric = model["Rubric"].objects.create(
        **filled(model["Rubric"], contest=contest, year=2566, starts_on=date(2022, 10, 1), ends_on=date(2023, 9, 30))
    )
    dimension = model["Dimension"].objects.create(**filled(model["Dimension"], rubric=rubric, code="1"))
    criterion = model["Criterion"].objects.create(
        **filled(model["Criterion"], rubric=rubric, dimension=dimension, code="1.1", rule={"kind": "manual"})
    )
    standing = model["Standing"].objects.create(**filled(model["Standing"], rubric=rubric, unit=district))
    model["RoundsKept"].objects.create(**filled(model["RoundsKept"], rubric=rubric, windows="2023-07-01"))
    model["EntrantRounds"].objects.create(
        **filled(
            model["EntrantRounds"],
            standing=standing,
            rubric=rubric,
            criterion=criterion,
            unit=district,
            code="1",
            met=5,
        )
    )

    def rows() -> dict:
        found = {}
        with connection.cursor() as cursor:
            for kept in model.values():  # its columns at 45e466b4: a column added since is not theirs to keep
                table, columns = kept._meta.db_table, ", ".join(f'"{f.column}"' for f in kept._meta.concrete_fields)
                cursor.execute(f'SELECT {columns} FROM "{table}" ORDER BY 1')
                found[table] = [[str(value) for value in row] for row in cursor.fetchall()]
        return found

    def migrate(targets) -> None:
        executor.loader.build_graph()  # what is applied now
        executor.migrate(targets)

    steps = [["at 45e466b4", rows()]]
    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    migrate(leaves)
    steps.append(["forward", rows()])
    then_apps = {app for app, _ in MAIN_45E466B4}
    migrate([*MAIN_45E466B4, *((app, None) for app, _ in leaves if app not in then_apps)])
    steps.append(["back", rows()])
    migrate(leaves)
    steps.append(["forward again", rows()])
    return steps


if __name__ == "__main__":  # in the process the test starts: the file, the settings, embedded mode
    os.environ |= {"DATABASE_URL": f"sqlite:///{sys.argv[1]}", "DJANGO_SETTINGS_MODULE": "cdd4.settings"}
    print(json.dumps(round_trip(), ensure_ascii=False))
