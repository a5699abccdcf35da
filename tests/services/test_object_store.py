"""Files in an S3-compatible object store, against a real S3 API server (moto's server mode):
evidence, a stage's video and documents kept there, never on the web machine's disk; downloads handed to the
store by short-lived presigned links; two web machines with separate disks sharing one upload's pieces."""

import hashlib
import io
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from knox.models import AuthToken
from tusclient import client as tus

from contests.models import Unit
from ops.health import checks_run
from people.models import Role
from submissions.maintenance import media_sweep
from submissions.models import Evidence, ResumableState, ResumableUpload
from tests.factories import UserFactory
from tests.submissions import files
from tests.submissions.test_resumable import create, send, stage_video_sent

from .test_backup_restore import manage
from .test_faults import start_portal

pytestmark = pytest.mark.service
PIECE = 256 * 1024


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.read(), answer.headers


@pytest.fixture
def staff(db):
    return UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))


@pytest.mark.django_db
def test_evidence_is_kept_in_the_store_and_handed_out_by_a_presigned_link(
    client, in_object_store, object_store, settings, tmp_path, staff
):
    settings.MEDIA_ROOT = tmp_path / "media"
    data = files.pdf(size=40_000)
    client.force_login(staff)
    created = create(client, len(data), filename="รายงาน.pdf")
    assert send(client, created["Location"], 0, data).status_code == 204
    evidence = Evidence.objects.get()

    answer = client.get(reverse("submissions:download", args=[evidence.pk]))
    body, headers = fetch(answer["Location"])
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-83")))
    other = client.get(reverse("submissions:download", args=[evidence.pk]))

    bucket = in_object_store["CDD4_S3_BUCKET"]
    assert object_store.objects(bucket) == {evidence.stored_path: data}
    assert [p for p in (tmp_path / "media").rglob("*") if p.is_file()] == []  # nothing on this machine's disk
    assert (answer.status_code, answer["Cache-Control"]) == (302, "private, no-store")
    assert answer["Location"].startswith(f"{object_store.url}/{bucket}/{evidence.stored_path}?")
    assert "X-Amz-Expires=300" in answer["Location"]
    assert (body, headers["Content-Type"]) == (data, "application/pdf")
    thai = "%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99"
    assert headers["Content-Disposition"] == f"attachment; filename=\"______.pdf\"; filename*=UTF-8''{thai}.pdf"
    assert other.status_code == 404


@pytest.mark.django_db
def test_a_stage_video_is_measured_by_ffprobe_and_kept_in_the_store(
    client, in_object_store, object_store, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    video = stage_video_sent(client)

    upload = ResumableUpload.objects.get()
    assert (upload.state, upload.stage_upload.seconds) == (ResumableState.SAVED, 360)
    assert object_store.objects(in_object_store["CDD4_S3_BUCKET"]) == {upload.stage_upload.file.name: video}


@pytest.mark.django_db
def test_the_sweep_removes_an_unnamed_object_and_health_asks_the_store(in_object_store, object_store, settings):
    client = object_store.client()
    bucket = in_object_store["CDD4_S3_BUCKET"]
    client.put_object(Bucket=bucket, Key="evidence/2566/TH-50/left-by-a-killed-upload", Body=b"x")

    young = media_sweep(now=timezone.now())
    old = media_sweep(now=timezone.now() + timedelta(days=2))
    health = {c.name: (c.ok, c.detail) for c in checks_run()}

    assert (young.orphans_removed, young.kept_young) == ([], 1)
    assert old.orphans_removed == ["evidence/2566/TH-50/left-by-a-killed-upload"]
    assert object_store.objects(bucket) == {}
    assert health["store"] == (True, "ที่เก็บไฟล์ตอบ")


def test_two_web_machines_with_their_own_disks_take_one_uploads_pieces(procs, tmp_path, object_store):
    """The district office's link breaks half-way through a video sent to one web machine; the client
    resumes, and the rest lands on the other. Each machine has its own disk: only the store is shared."""
    env = object_store.bucket("cdd4-two-machines")
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    _, token = AuthToken.objects.create(user=staff)
    ports = [start_portal(procs, tmp_path / f"machine-{n}", workers=1, **env) for n in (1, 2)]
    data = files.mp4(3 * 1024 * 1024)
    meta = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": "4.1.2", "filename": "clip.mp4"}
    headers = {"Authorization": f"Token {token}"}

    first = tus.TusClient(f"http://127.0.0.1:{ports[0]}/api/v1/uploads/", headers=headers)
    cut = first.uploader(file_stream=io.BytesIO(data), chunk_size=PIECE, metadata=meta)
    cut.upload(stop_at=len(data) // 2)
    resumed_at = cut.url.replace(f":{ports[0]}/", f":{ports[1]}/")
    second = tus.TusClient(f"http://127.0.0.1:{ports[1]}/api/v1/uploads/", headers=headers)
    second.uploader(file_stream=io.BytesIO(data), chunk_size=PIECE, url=resumed_at).upload()

    evidence = Evidence.objects.get()
    objects = object_store.objects("cdd4-two-machines")
    assert list(objects) == [evidence.stored_path]  # the pieces are gone, the file is there
    assert hashlib.sha256(objects[evidence.stored_path]).hexdigest() == hashlib.sha256(data).hexdigest()
    assert ResumableUpload.objects.get().state == ResumableState.SAVED
    on_disks = [p for n in (1, 2) for p in Path(tmp_path / f"machine-{n}").rglob("*") if p.is_file()]
    assert on_disks == []


def test_backup_and_restore_carry_the_files_of_the_object_store(procs, object_store, tmp_path, fresh_database):
    """The drill of service mode with an object store: the snapshot takes the files from the store; restore
    puts them into an empty store beside an empty database."""
    source, target = object_store.bucket("cdd4-backup-from"), object_store.bucket("cdd4-restore-into")
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    _, token = AuthToken.objects.create(user=staff)
    port = start_portal(procs, tmp_path / "web", workers=1, **source)
    data = files.pdf(size=50_000)
    meta = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": "4.1.1", "filename": "report.pdf"}
    portal = tus.TusClient(f"http://127.0.0.1:{port}/api/v1/uploads/", headers={"Authorization": f"Token {token}"})
    portal.uploader(file_stream=io.BytesIO(data), chunk_size=PIECE, metadata=meta).upload()
    snapshot = tmp_path / "snap"

    backup = manage("backup", str(snapshot), CDD4_MEDIA_ROOT=str(tmp_path / "backup-host"), **source)
    restore = manage(
        "restore", str(snapshot), DATABASE_URL=fresh_database, CDD4_MEDIA_ROOT=str(tmp_path / "new-host"), **target
    )
    again = manage("restore", str(snapshot), DATABASE_URL=fresh_database, **target)

    name = Evidence.objects.get().stored_path
    assert (backup.returncode, restore.returncode) == (0, 0), backup.stderr + restore.stderr
    assert (snapshot / "media" / name).read_bytes() == data
    assert object_store.objects("cdd4-restore-into") == {name: data} == object_store.objects("cdd4-backup-from")
    assert again.returncode == 1
    assert "ไฟล์ในที่เก็บไฟล์" in again.stderr
