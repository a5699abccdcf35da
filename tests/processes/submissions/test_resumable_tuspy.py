"""The official Python tus client (tuspy) against the portal: a script sends a file in pieces with an API token,
stops half-way as a broken link would, and another run resumes from the server's offset."""

import io

from knox.models import AuthToken
from tusclient import client as tus

from submissions.models import Evidence
from tests.submissions import files


def test_tuspy_sends_stops_and_resumes_to_the_same_bytes(live_server, provincial_user, media_root):
    _, token = AuthToken.objects.create(user=provincial_user)
    portal = tus.TusClient(f"{live_server.url}/api/v1/uploads/", headers={"Authorization": f"Token {token}"})
    data = files.pdf(size=1_000_000)
    meta = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": "1.1", "filename": "ผลการอบรม.pdf"}

    first = portal.uploader(file_stream=io.BytesIO(data), chunk_size=256 * 1024, metadata=meta)
    first.upload(stop_at=512 * 1024)  # the script is stopped after two pieces
    assert Evidence.objects.count() == 0

    again = portal.uploader(file_stream=io.BytesIO(data), chunk_size=256 * 1024, url=first.url)
    assert again.offset == 512 * 1024  # asked of the server (HEAD), not remembered
    again.upload()

    evidence = Evidence.objects.get()
    assert (media_root / evidence.stored_path).read_bytes() == data
    assert evidence.original_name == "ผลการอบรม.pdf"
