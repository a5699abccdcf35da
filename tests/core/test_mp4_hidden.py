"""An MP4's free, skip and uuid boxes, which every player skips, hold no web page, program, archive or PDF: such a
file is refused as evidence, wherever among the movie's boxes the box sits."""

import pytest

from contests.media import sample_video
from core.validators.content import UploadRefused, inspect_file
from tests.stages.stage_support import box, track_mp4
from tests.submissions import files

HIDDEN_TH = "ไฟล์วีดิทัศน์นี้มีเนื้อหาอื่นซ่อนอยู่ (หน้าเว็บ โปรแกรม ไฟล์บีบอัด หรือ PDF) จึงไม่รับ"
XMP_UUID = bytes.fromhex("be7acfcb97a942e89c71999491e3afac")
PAYLOADS = {
    "html": b"<HTML><body>hi</body></html>",
    "script": b"\x00\x00<script>alert(1)</script>",
    "xml": b'<?xml version="1.0"?><svg/>',
    "exe": b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56),
    "exe_after_padding": bytes(64) + b"MZ\x90\x00",
    "zip": files.ooxml(),
    "pdf": files.pdf(),
}


def video() -> bytes:
    return sample_video(1) or track_mp4(1)


def refused(tmp_path, data: bytes) -> str | None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    try:
        inspect_file(str(path))
    except UploadRefused as error:
        return error.th
    return None


@pytest.mark.parametrize("kind", [b"free", b"skip"])
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_free_or_skip_box_holding_foreign_content_is_refused(tmp_path, kind, payload):
    assert refused(tmp_path, video() + box(kind, payload)) == HIDDEN_TH + " กรุณาส่งไฟล์ตามที่โปรแกรมตัดต่อบันทึกออกมา"


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_a_uuid_box_holding_foreign_content_is_refused(tmp_path, payload):
    assert refused(tmp_path, video() + box(b"uuid", XMP_UUID + payload)).startswith(HIDDEN_TH)


def test_a_free_box_inside_the_movie_box_is_searched_too(tmp_path):
    data = video()
    at = data.index(b"moov") - 4
    size = int.from_bytes(data[at : at + 4], "big")
    moov = data[at + 8 : at + size] + box(b"udta", box(b"free", PAYLOADS["html"]))
    nested = data[:at] + box(b"moov", moov) + data[at + size :]
    assert refused(tmp_path, nested).startswith(HIDDEN_TH)


def test_padding_and_an_editors_own_boxes_pass(tmp_path):
    xmp = XMP_UUID + b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"/>'
    data = video() + box(b"free", bytes(40_000)) + box(b"skip", b"IsoMedia File Produced by Google") + box(b"uuid", xmp)
    assert refused(tmp_path, data) is None
