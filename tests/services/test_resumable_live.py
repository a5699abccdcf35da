"""Files in pieces against the production set-up: gunicorn with two worker processes on PostgreSQL. Two
scripts send two files at once in pieces, each stopped half-way and resumed by a new client, the pieces landing on
whichever process takes them (the file lock and the offset in the database keep them in order): each file arrives
byte-identical, once, as the evidence of its criterion."""

import hashlib
import io
import threading
from datetime import timedelta

import psycopg2
import pytest
from django.db import connection
from django.utils import timezone
from knox.models import AuthToken
from tusclient import client as tus

from contests.models import Unit
from people.models import Role
from submissions.models import Evidence, ResumableState, ResumableUpload
from submissions.resumable import resumable_recover
from tests.factories import UserFactory
from tests.submissions import files
from tests.submissions.test_resumable import complete_unsaved

from .test_faults import start_portal

pytestmark = pytest.mark.service
PIECE = 256 * 1024


def test_two_processes_take_the_pieces_of_two_files_and_each_arrives_whole(procs, tmp_path):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    _, token = AuthToken.objects.create(user=staff)
    media = tmp_path / "media"
    port = start_portal(procs, media, workers=2)
    sent = {"4.1.2": ("clip.mp4", files.mp4(3 * 1024 * 1024)), "4.1.1": ("report.pdf", files.pdf(size=2 * 1024 * 1024))}
    failures, auth = [], f"Token {token}"

    def script(criterion: str, name: str, data: bytes) -> None:
        try:
            portal = tus.TusClient(f"http://127.0.0.1:{port}/api/v1/uploads/", headers={"Authorization": auth})
            meta = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": criterion, "filename": name}
            first = portal.uploader(file_stream=io.BytesIO(data), chunk_size=PIECE, metadata=meta)
            first.upload(stop_at=len(data) // 2)  # the link breaks half-way
            portal.uploader(file_stream=io.BytesIO(data), chunk_size=PIECE, url=first.url).upload()
        except Exception as error:
            failures.append((criterion, error))

    threads = [threading.Thread(target=script, args=(c, *pair)) for c, pair in sent.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    kept = {e.submission.criterion.code: e for e in Evidence.objects.select_related("submission__criterion")}
    assert sorted(kept) == sorted(sent)
    for criterion, (name, data) in sent.items():
        stored = (media / kept[criterion].stored_path).read_bytes()
        assert (kept[criterion].original_name, hashlib.sha256(stored).hexdigest()) == (
            name,
            hashlib.sha256(data).hexdigest(),
        )
    assert set(ResumableUpload.objects.values_list("state", flat=True)) == {ResumableState.SAVED}
    assert list((media / "tus").iterdir()) == []  # no piece left behind


def test_an_upload_another_process_is_saving_is_passed_by_and_saved_once(
    services_up, provincial_user, rubric, chiang_mai, settings, tmp_path
):
    """The request that took the last piece holds the row while it saves: the sweep passes it by and saves
    nothing; once that process is gone without saving, the sweep saves it, and a second sweep finds nothing."""
    settings.MEDIA_ROOT = tmp_path / "media"
    arrived = timezone.now() - timedelta(hours=1)
    upload = complete_unsaved(provincial_user, rubric, chiang_mai, files.pdf(size=50_000), arrived)
    db = connection.settings_dict
    saving = psycopg2.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"])
    try:
        with saving.cursor() as held:
            held.execute("SELECT 1 FROM submissions_resumableupload WHERE id = %s FOR UPDATE", [str(upload.pk)])
            passed_by = resumable_recover(now=arrived + timedelta(minutes=4))
            assert not Evidence.objects.exists()
        saving.rollback()  # the process saving it is gone, having saved nothing
    finally:
        saving.close()

    saved = resumable_recover(now=arrived + timedelta(minutes=5))
    again = resumable_recover(now=arrived + timedelta(minutes=6))

    upload.refresh_from_db()
    assert (passed_by, saved, again) == (0, 1, 0)
    assert (upload.state, upload.evidence) == (ResumableState.SAVED, Evidence.objects.get())
