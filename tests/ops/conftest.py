import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from people.models import Role
from scoring import demo
from scoring.recompute import standings_recompute
from scoring.standings import standings_rows
from tests.factories import UserFactory
from tests.submissions import files
from tests.submissions.test_services import _submit

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def portal(reloaded, transactional_db, rubric, chiang_mai, phuket, provincial_user, phuket_user):
    """Committed (SQLite's online backup waits for a writer's open transaction, as it should).
    Demo facts, evidence from two provinces (two versions of one), and a rendered document."""
    demo.demo_facts(rubric=rubric)
    _submit(provincial_user, rubric, chiang_mai, "1.1", data=files.pdf(b"% cm v1\n"))
    _submit(provincial_user, rubric, chiang_mai, "1.1", data=files.pdf(b"% cm v2\n"))
    _submit(provincial_user, rubric, chiang_mai, "2.2.1", "photo.png", files.png())
    _submit(phuket_user, rubric, phuket, "1.1", data=files.pdf(b"% hkt\n"))
    GeneratedDocument.objects.create(
        rubric=rubric,
        kind=DocumentKind.RESULTS,
        source_key="k1",
        version=1,
        status=DocumentStatus.DONE,
        file=ContentFile(files.pdf(b"% results\n"), name="results.pdf"),
    )
    standings_recompute(rubric_id=rubric.pk, full=True)
    return json.loads(json.dumps(standings_rows(rubric)))


def manage(*args: str, var_dir: Path) -> subprocess.CompletedProcess:
    """manage.py in a fresh embedded deployment of its own (SQLite and media under var_dir)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CDD4_MEDIA_ROOT")}
    env["CDD4_VAR_DIR"] = str(var_dir)
    cmd = [sys.executable, "manage.py", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture
def phuket_user(phuket):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
