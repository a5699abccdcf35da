"""A committed portal with evidence and standings to back up, its media in a folder of the test's own: the
fixtures of tests/ops and of tests/processes/ops, which restore its backups in a process of their own."""

import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection

from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from people.models import Role
from scoring import demo
from scoring.recompute import standings_recompute
from scoring.standings import standings_rows
from tests.factories import UserFactory
from tests.submissions import files
from tests.submissions.test_services import _submit

# These restore into a fresh embedded deployment (SQLite); in service mode the same round trip runs against
# PostgreSQL in tests/services/test_backup_restore.py.
embedded_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="embedded (SQLite) round trip; PostgreSQL's is in tests/services"
)


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


@pytest.fixture
def phuket_user(phuket):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
