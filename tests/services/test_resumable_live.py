"""Files in pieces against the production set-up: gunicorn with two worker processes on PostgreSQL. Two
scripts send two files at once in pieces, each stopped half-way and resumed by a new client, the pieces landing on
whichever process takes them (the file lock and the offset in the database keep them in order): each file arrives
byte-identical, once, as the evidence of its criterion."""

import hashlib
import io
import threading

import pytest
from knox.models import AuthToken
from tusclient import client as tus

from contests.models import Unit
from people.models import Role
from submissions.models import Evidence, ResumableState, ResumableUpload
from tests.factories import UserFactory
from tests.submissions import files

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
