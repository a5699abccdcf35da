"""Files sent in pieces over tus 1.0: decided at creation before any byte, appended at the server's
offset, resumed after a broken piece, and saved by the same service as any upload once the last piece is in."""

import hashlib
import io
from base64 import b64encode
from datetime import timedelta

import pytest
from django.db import OperationalError, connection
from django.utils import timezone

from core.files import names_under, open_stored, put, upload_tmp_dir
from submissions.models import Evidence, ResumableState, ResumableUpload
from submissions.resumable import Piece, resumable_append, resumable_expire, resumable_recover
from tests.stages.stage_support import box, load_chain, mp4, organiser
from tests.stages.test_stages import pick

from . import files
from .conftest import stored_files

URL = "/api/v1/uploads/"
TUS = {"Tus-Resumable": "1.0.0"}
STREAM = "application/offset+octet-stream"


def meta(**pairs) -> str:
    return ",".join(f"{k} {b64encode(v.encode()).decode()}" for k, v in pairs.items())


def create(client, length: int, **pairs):
    pairs = {
        "kind": "evidence",
        "rubric": "2566",
        "unit": "TH-50",
        "criterion": "1.1",
        "filename": "รายงาน.pdf",
    } | pairs
    return client.post(URL, headers=TUS | {"Upload-Length": str(length), "Upload-Metadata": meta(**pairs)})


def send(client, location: str, offset: int, data: bytes, **headers):
    return client.patch(location, data, content_type=STREAM, headers=TUS | {"Upload-Offset": str(offset)} | headers)


def test_a_pdf_in_three_pieces_becomes_evidence_byte_for_byte(owner_client, media_root):
    data = files.pdf(size=300_000)
    created = create(owner_client, len(data), description="ภาพกิจกรรม")
    assert created.status_code == 201
    location = created["Location"]

    offset = 0
    for piece in (data[:100_000], data[100_000:200_000], data[200_000:]):
        assert owner_client.head(location, headers=TUS)["Upload-Offset"] == str(offset)
        answer = send(owner_client, location, offset, piece)
        assert answer.status_code == 204
        offset += len(piece)
        assert answer["Upload-Offset"] == str(offset)

    evidence = Evidence.objects.get()
    assert (evidence.version, evidence.original_name, evidence.description) == (1, "รายงาน.pdf", "ภาพกิจกรรม")
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert (media_root / evidence.stored_path).read_bytes() == data
    assert stored_files(media_root) == [media_root / evidence.stored_path]  # no piece left behind
    answer = owner_client.get(location).json()
    assert {k: v for k, v in answer.items() if k != "row_html"} == {
        "state": "saved",
        "offset": len(data),
        "length": len(data),
        "refusal": "",
        "evidence": evidence.pk,
        "download_url": f"/evidence/{evidence.pk}/download/",
        "status": "ส่งแล้ว",
    }
    assert f'data-id="{evidence.pk}"' in answer["row_html"]


def test_a_piece_cut_by_a_broken_link_is_resumed_from_what_arrived(provincial_user, owner_client, media_root):
    data = files.pdf(size=200_000)
    location = create(owner_client, len(data))["Location"]
    upload = ResumableUpload.objects.get()

    class BrokenLink(io.BytesIO):
        def read(self, n=-1):
            if self.tell() >= 70_000:
                raise OSError("connection reset by peer")
            return super().read(min(n, 70_000 - self.tell()))

    resumable_append(upload_id=upload.pk, user=provincial_user, piece=Piece(0, BrokenLink(data), len(data)))
    arrived = int(owner_client.head(location, headers=TUS)["Upload-Offset"])
    assert arrived == 70_000

    assert send(owner_client, location, arrived, data[arrived:]).status_code == 204
    assert (media_root / Evidence.objects.get().stored_path).read_bytes() == data


def test_a_piece_at_the_wrong_offset_or_with_a_wrong_checksum_keeps_nothing(owner_client):
    data = files.pdf(size=50_000)
    location = create(owner_client, len(data))["Location"]
    send(owner_client, location, 0, data[:10_000])

    assert send(owner_client, location, 0, data[:10_000]).status_code == 409
    wrong = "sha1 " + b64encode(hashlib.sha1(b"other").digest()).decode()
    refused = send(owner_client, location, 10_000, data[10_000:20_000], **{"Upload-Checksum": wrong})
    assert refused.status_code == 460
    assert owner_client.head(location, headers=TUS)["Upload-Offset"] == "10000"
    right = "sha1 " + b64encode(hashlib.sha1(data[10_000:]).digest()).decode()
    assert send(owner_client, location, 10_000, data[10_000:], **{"Upload-Checksum": right}).status_code == 204
    assert Evidence.objects.count() == 1


def test_creation_decides_before_any_byte(owner_client, phuket, media_root):
    other = create(owner_client, 1000, unit=phuket.code)
    too_big = create(owner_client, 51 * 1024 * 1024)
    program = create(owner_client, 1000, filename="setup.exe")

    assert other.status_code == 403
    assert too_big.status_code == 413
    assert too_big.json()["errors"][0]["th"] == "ไฟล์ใหญ่เกินกำหนด (ไฟล์ประเภทนี้ไม่เกิน ๕๐ MB)"
    assert program.status_code == 400
    assert ResumableUpload.objects.count() == 0
    assert stored_files(media_root) == []


def test_a_program_named_like_a_video_is_refused_at_its_first_piece(owner_client, media_root):
    fake = b"MZ\x90\x00" + b"\x00" * 5000
    location = create(owner_client, 10 * 1024 * 1024, filename="clip.mp4", criterion="4.1.1")["Location"]

    refused = send(owner_client, location, 0, fake)

    assert refused.status_code == 400
    assert refused.json()["errors"][0]["th"].startswith("ชนิดไฟล์ไม่ถูกต้อง")
    assert owner_client.head(location, headers=TUS).status_code == 410
    assert owner_client.get(location).json()["state"] == "refused"
    assert stored_files(media_root) == []
    again = send(owner_client, location, 5004, b"\x00" * 100)  # a script that sends on regardless
    assert again.status_code == 410
    assert again.json()["errors"][0]["th"].startswith("ชนิดไฟล์ไม่ถูกต้อง")


def test_another_persons_upload_is_not_there(owner_client, client, phuket_user):
    location = create(owner_client, 1000)["Location"]
    client.force_login(phuket_user)

    assert client.head(location, headers=TUS).status_code == 404
    assert send(client, location, 0, b"%PDF-1.4").status_code == 404
    assert client.delete(location, headers=TUS).status_code == 404
    assert client.get(location).status_code == 404


def test_anonymous_gets_401_but_anyone_may_ask_what_the_server_speaks(client):
    assert create(client, 1000).status_code == 401
    options = client.options(URL)
    assert (options.status_code, options["Tus-Version"], options["Tus-Extension"]) == (
        204,
        "1.0.0",
        "creation,termination,checksum,expiration",
    )


def test_given_up_and_expired_uploads_are_removed_with_their_bytes(owner_client, media_root):
    cancelled = create(owner_client, 5000)["Location"]
    send(owner_client, cancelled, 0, files.pdf()[:100])
    assert owner_client.delete(cancelled, headers=TUS).status_code == 204
    create(owner_client, 5000)
    upload = ResumableUpload.objects.get()
    send(owner_client, f"{URL}{upload.pk}/", 0, files.pdf()[:100])
    kept = list(names_under("tus"))

    assert resumable_expire(now=timezone.now()) == 0
    assert resumable_expire(now=upload.expires_at + timedelta(seconds=1)) == 1
    assert ResumableUpload.objects.count() == 0
    assert ([n.split("/")[1] for n in kept], list(names_under("tus"))) == ([str(upload.pk)], [])


def stage_video_sent(client) -> bytes:
    """Chiang Mai's organiser sends a picked subdistrict's six-minute video in two pieces; returns its bytes."""
    chain = load_chain()
    pick(organiser(chain.mae_rim), chain.district_stage, chain.rim_nua)
    chiang_mai = organiser(chain.mae_rim.parent)
    pick(chiang_mai, chain.region_stage, chain.rim_nua)
    client.force_login(chiang_mai)
    video = mp4(6 * 60) + box(b"free", bytes(40_000))  # six minutes: within the document's 5 – 7
    target = {"kind": "stage_file", "contest": chain.region_stage.slug, "unit": chain.rim_nua.code, "code": "video"}
    location = create(client, len(video), filename="ตำบลริมเหนือ.mp4", **target)["Location"]
    send(client, location, 0, video[:20_000])
    assert send(client, location, 20_000, video[20_000:]).status_code == 204
    return video


@pytest.mark.django_db
def test_a_stage_video_in_pieces_is_checked_as_one_sent_whole(client, media_root):
    video = stage_video_sent(client)

    upload = ResumableUpload.objects.get()
    assert (upload.state, upload.stage_upload.seconds) == (ResumableState.SAVED, 360)
    assert upload.stage_upload.file.read() == video


def complete_unsaved(user, rubric, unit, data: bytes, arrived) -> ResumableUpload:
    """What a saving broken off leaves: every piece in the store, the row complete and unsaved (a tus client
    asking sees it complete and sends nothing more)."""
    upload = ResumableUpload.objects.create(
        user=user, rubric=rubric, unit=unit, code="1.1", filename="รายงาน.pdf", length=len(data),
        offset=len(data), received_at=arrived, expires_at=arrived + timedelta(days=3),
    )  # fmt: skip
    for at, piece in ((0, data[:20_000]), (20_000, data[20_000:])):
        local = upload_tmp_dir() / f"piece-{at}"
        local.write_bytes(piece)
        put(f"tus/{upload.pk}/{at:012d}-a", local)
        upload.pieces.append(f"tus/{upload.pk}/{at:012d}-a")
    upload.save(update_fields=["pieces"])
    return upload


def test_a_complete_upload_whose_saving_broke_off_is_saved_minutes_later(
    provincial_user, rubric, chiang_mai, media_root
):
    """Beat's minute job saves it once nobody can still be saving it (a web worker is killed after 2 minutes on
    one request), as of its last byte."""
    data = files.pdf(size=50_000)
    arrived = timezone.now() - timedelta(hours=1)
    upload = complete_unsaved(provincial_user, rubric, chiang_mai, data, arrived)

    still_saving = resumable_recover(now=arrived + timedelta(minutes=2))
    recovered = resumable_recover(now=arrived + timedelta(minutes=4))

    upload.refresh_from_db()
    evidence = Evidence.objects.get()
    assert (still_saving, recovered, upload.state, upload.evidence) == (0, 1, ResumableState.SAVED, evidence)
    assert (evidence.created_at, evidence.original_name) == (arrived, "รายงาน.pdf")
    with open_stored(evidence.stored_path) as stored:
        assert stored.read() == data
    assert list(names_under("tus")) == []


def test_a_saving_cut_off_before_its_row_says_saved_keeps_nothing_and_the_sweep_saves_it_once(
    provincial_user, rubric, chiang_mai, media_root
):
    """The database goes at the moment the row is to say "saved", after the evidence is written: the two are one
    transaction, so nothing of it is kept, and the sweep saves the file once, not refused as sent twice."""
    data = files.pdf(size=50_000)
    arrived = timezone.now() - timedelta(hours=1)
    upload = complete_unsaved(provincial_user, rubric, chiang_mai, data, arrived)

    def database_gone_at_saved(execute, sql, params, many, context):
        if sql.startswith('UPDATE "submissions_resumableupload" SET "state"'):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(database_gone_at_saved), pytest.raises(OperationalError):
        resumable_recover(now=arrived + timedelta(minutes=4))
    assert (Evidence.objects.count(), ResumableUpload.objects.get().state) == (0, ResumableState.RECEIVING)
    recovered = resumable_recover(now=arrived + timedelta(minutes=5))

    upload.refresh_from_db()
    evidence = Evidence.objects.get()
    assert (recovered, upload.state, upload.evidence, upload.refusal) == (1, ResumableState.SAVED, evidence, "")
    assert (evidence.version, evidence.sha256) == (1, hashlib.sha256(data).hexdigest())
    assert list(names_under("tus")) == []
