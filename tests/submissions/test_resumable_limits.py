"""What an upload sent in pieces may hold: no piece after it expires, disk space promised to every open upload,
a few open uploads a person, and expired ones swept even where no beat runs (the embedded default)."""

import shutil
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from core.files import names_under, upload_tmp_dir
from submissions.models import Evidence, ResumableUpload

from . import files
from .test_resumable import TUS, create, send

MB = 1024 * 1024


def test_a_piece_after_the_upload_expired_is_refused_and_nothing_is_saved(owner_client, media_root):
    data = files.pdf(size=50_000)
    location = create(owner_client, len(data))["Location"]
    assert send(owner_client, location, 0, data[:20_000]).status_code == 204
    ResumableUpload.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    refused = send(owner_client, location, 20_000, data[20_000:])

    assert refused.status_code == 410
    assert refused.json()["errors"][0]["th"] == "การส่งไฟล์นี้หมดเวลาแล้ว กรุณาเริ่มส่งไฟล์ใหม่"
    assert owner_client.head(location, headers=TUS).status_code == 410
    assert ResumableUpload.objects.get().offset == 20_000
    assert Evidence.objects.count() == 0


def test_free_space_counts_what_every_open_upload_still_has_to_send(owner_client, phuket_user, settings, media_root):
    settings.CDD4_RESUMABLE_OPEN = 10
    free_mb = shutil.disk_usage(upload_tmp_dir()).free // MB
    settings.CDD4_MIN_FREE_MB = free_mb - 250  # room for two 100 MB videos, not three
    video = {"filename": "clip.mp4", "criterion": "4.1.1"}
    first = create(owner_client, 100 * MB, **video)
    send(owner_client, first["Location"], 0, files.mp4(4096)[:4096])  # 4 KB of its 100 MB arrived
    second = create(owner_client, 100 * MB, **video)
    other = Client(raise_request_exception=False)  # a 507 is reported as a server error, and answered
    other.force_login(phuket_user)
    third = create(other, 100 * MB, unit="TH-83", **video)  # anyone's uploads share the one disk

    assert (first.status_code, second.status_code, third.status_code) == (201, 201, 507)
    assert third.json()["errors"][0]["th"].startswith("พื้นที่จัดเก็บไฟล์ของระบบเต็ม")


def test_a_person_has_at_most_three_open_uploads(owner_client, media_root):
    opened = [create(owner_client, 5000) for _ in range(3)]
    fourth = create(owner_client, 5000)

    assert [r.status_code for r in opened] == [201, 201, 201]
    assert fourth.status_code == 429
    assert fourth.json()["errors"][0]["th"] == "ส่งไฟล์ค้างไว้ได้ไม่เกิน 3 ไฟล์พร้อมกัน ส่งไฟล์ที่ค้างให้ครบหรือยกเลิกก่อน"
    owner_client.delete(opened[0]["Location"], headers=TUS)
    ResumableUpload.objects.filter(pk=ResumableUpload.objects.first().pk).update(expires_at=timezone.now())
    assert [create(owner_client, 5000).status_code for _ in range(2)] == [201, 201]  # given up, expired: not open


def test_without_beat_an_expired_upload_is_swept_when_the_next_one_begins(
    owner_client, media_root, settings, django_capture_on_commit_callbacks
):
    assert settings.CELERY_TASK_ALWAYS_EAGER  # the embedded default: tasks in-process, no beat
    abandoned = create(owner_client, 5000)["Location"]
    send(owner_client, abandoned, 0, files.pdf()[:100])
    ResumableUpload.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    assert len(list(names_under("tus"))) == 1

    with django_capture_on_commit_callbacks(execute=True):
        began = create(owner_client, 5000)

    assert began.status_code == 201
    assert [str(u.pk) for u in ResumableUpload.objects.all()] == [began["Location"].rstrip("/").rsplit("/", 1)[1]]
    assert list(names_under("tus")) == []
