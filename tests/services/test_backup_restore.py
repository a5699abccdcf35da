"""Backup while staff upload over HTTP, then restore into a fresh PostgreSQL database and media folder."""

import json
import subprocess
import sys
import threading
from decimal import Decimal

import psycopg2
import pytest
from django.db import connection

from committee.services import judgment_record
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from scoring import demo
from tests.factories import UserFactory

from . import test_faults
from .conftest import ROOT, service_env
from .portal import Staff, sha256_file
from .test_faults import start_portal

pytestmark = pytest.mark.service
staff_names = test_faults.staff_names  # the fault tests' provincial staff (a fixture)


def manage(*args: str, **env) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "manage.py", *args]
    return subprocess.run(cmd, cwd=ROOT, env=service_env(**env), capture_output=True, text=True, timeout=300)


def committee_scores(rubric: ContestPeriod) -> int:
    members = [UserFactory(role=Role.COMMITTEE) for _ in range(2)]
    units = list(Unit.objects.order_by("code")[:5])
    for member in members:
        for unit in units:
            judgment_record(
                member=member,
                rubric=rubric,
                unit=unit,
                criterion_code="4.1.1",
                points=Decimal(3),
                expected_version=0,
            )
    return len(members) * len(units)


def test_backup_during_uploads_restores_every_file_audit_row_and_standings(
    procs, tmp_path, staff_names, fresh_database
):
    rubric = ContestPeriod.objects.get(year=2566)
    demo.demo_facts(rubric=rubric)
    scores = committee_scores(rubric)
    media = tmp_path / "media"
    port = start_portal(procs, media)
    procs.worker()
    staff = Staff(port, staff_names)
    staff.start()
    staff.wait_accepted(6)

    before = len(staff.accepted)
    snapshot = tmp_path / "snap"
    backup = threading.Thread(
        target=lambda: results.append(manage("backup", str(snapshot), CDD4_MEDIA_ROOT=str(media)))
    )
    results: list = []
    backup.start()
    backup.join(timeout=300)
    during = len(staff.accepted) - before
    staff.wait_accepted(len(staff.accepted) + 3)
    staff.finish()
    assert results[0].returncode == 0, results[0].stderr
    assert during > 0, "no upload was accepted while the backup ran"
    manifest = json.loads((snapshot / "manifest.json").read_text())
    assert manifest["tables"]["committee_judgment"] == scores
    assert manifest["missing"] == []

    restored_media = tmp_path / "restored-media"
    done = manage("restore", str(snapshot), DATABASE_URL=fresh_database, CDD4_MEDIA_ROOT=str(restored_media))
    assert done.returncode == 0, done.stderr

    db = connection.settings_dict
    with psycopg2.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=fresh_database.rsplit("/", 1)[1]
    ) as c:
        cursor = c.cursor()
        cursor.execute("SELECT id, stored_path, sha256 FROM submissions_evidence WHERE kind = 'file'")
        rows = cursor.fetchall()
        audit = {}
        for table in ("committee_scorechange", "scoring_factchange", "committee_judgment", "submissions_evidence"):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            audit[table] = cursor.fetchone()[0]
    assert audit == {t: manifest["tables"][t] for t in audit}
    accepted = {a.body["id"]: a.sha256 for a in staff.accepted}
    # Every upload accepted before the backup started is in it, each file whole; none is half there.
    assert len(rows) >= before
    for evidence_id, path, sha in rows:
        assert accepted[evidence_id] == sha
        assert sha256_file(restored_media / path) == sha

    args = ("standings", "--year", "2566", "--format", "json")
    stored = json.loads(manage(*args, DATABASE_URL=fresh_database).stdout)
    rescored = json.loads(manage(*args, "--recompute", DATABASE_URL=fresh_database).stdout)
    assert len(stored) == 76
    assert [{**r, "computed_at": None} for r in stored] == [{**r, "computed_at": None} for r in rescored]
