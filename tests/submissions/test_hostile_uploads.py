"""Hostile uploads through the real view: each is refused with a Thai reason and stores nothing."""

import shutil

import pytest
from django.urls import reverse

from submissions.models import Evidence, FileKind, UploadLimit
from tests.stages.stage_support import container_mp4

from . import files
from .conftest import stored_files

JSON = {"accept": "application/json"}
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

HOSTILE = [
    ("exe_renamed_pdf", "1.1", "report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "application/pdf", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("html_renamed_pdf", "1.1", "report.pdf", HTML, "application/pdf", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("svg_with_script", "1.1", "chart.svg", SVG, "image/svg+xml", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("svg_renamed_png", "1.1", "chart.png", SVG, "image/png", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("pdf_header_then_html", "1.1", "x.pdf", b"%PDF-1.4\n" + HTML + b"\n%%EOF", "application/pdf", "เนื้อหาแปลกปลอม"),
    ("pdf_without_eof", "1.1", "cut.pdf", b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n" * 10, "application/pdf", "ไม่สมบูรณ์"),
    ("empty_file", "1.1", "empty.pdf", b"", "application/pdf", "ไฟล์ว่างเปล่า"),
    ("tiny_garbage", "1.1", "tiny.pdf", b"%PD", "application/pdf", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("zip_bomb_as_docx", "1.1", "plan.docx", None, "application/msword", "zip bomb"),
    ("plain_zip_as_docx", "1.1", "plan.docx", None, "application/zip", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("macro_docm_as_docx", "1.1", "plan.docx", None, "application/msword", "มาโคร"),
    (
        "png_then_script",
        "1.1",
        "a.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<script>alert(1)</script>IEND",
        "image/png",
        "ชนิดไฟล์ไม่ถูกต้อง",
    ),
    ("jpeg_truncated", "1.1", "a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg", "ไม่สมบูรณ์"),
    (
        "jpeg_html_polyglot",
        "1.1",
        "a.jpg",
        b"\xff\xd8\xff\xfe\x00\x30<html><script>x()</script>" + b"\xff\xd9",
        "image/jpeg",
        "ชนิดไฟล์ไม่ถูกต้อง",
    ),
    ("gif_not_allowed", "1.1", "a.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("elf_renamed_mp4", "4.1.2", "clip.mp4", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "video/mp4", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("php_renamed_jpg", "1.1", "a.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("shell_script_as_xlsx", "1.1", "a.xlsx", b"#!/bin/sh\nrm -rf /\n", "application/vnd.ms-excel", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("video_where_not_allowed", "1.1", "clip.mp4", None, "video/mp4", "ตัวชี้วัด ๑.๑ รับเฉพาะ"),
    ("docx_where_only_pdf_video", "4.1.2", "plan.docx", None, "application/pdf", "ตัวชี้วัด ๔.๑.๒ รับเฉพาะ"),
    ("html_declared_as_pdf_named_docx", "1.1", "a.docx", HTML, "application/pdf", "ชนิดไฟล์ไม่ถูกต้อง"),
    ("zip_with_traversal_entries", "1.1", "a.xlsx", None, "application/zip", "ชนิดไฟล์ไม่ถูกต้อง"),
]


def _data(case: str, data: bytes | None) -> bytes:
    if data is not None:
        return data
    import io
    import zipfile

    if case == "zip_bomb_as_docx":
        return files.zip_bomb()
    if case == "macro_docm_as_docx":
        return files.ooxml(extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    if case == "video_where_not_allowed":
        return files.mp4()
    if case == "docx_where_only_pdf_video":
        return files.ooxml()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../etc/cron.d/x" if "traversal" in case else "notes.txt", "* * * * * root sh")
    return buf.getvalue()


def _url(code: str) -> str:
    return reverse("submissions:upload", args=[2566, "TH-50", code])


@pytest.mark.parametrize(("case", "code", "name", "data", "declared", "reason"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_upload_hostile_file_refused_and_nothing_stored(
    owner_client, media_root, case, code, name, data, declared, reason
):
    response = owner_client.post(_url(code), {"file": files.upload(name, _data(case, data), declared)}, headers=JSON)

    assert response.status_code == 400
    refused = response.json()["refused"]
    assert len(refused) == 1
    assert reason in refused[0]["th"]
    assert response.json()["created"] == []
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_upload_oversize_refused_while_streaming(owner_client, media_root):
    UploadLimit.objects.create(file_kind=FileKind.PDF, max_mb=1)
    big = files.pdf(size=1024 * 1024 + 10)

    response = owner_client.post(_url("1.1"), {"file": files.upload("big.pdf", big)}, headers=JSON)

    assert response.status_code == 413
    assert response.json()["refused"][0]["th"] == "ไฟล์ใหญ่เกินกำหนด (ไฟล์ประเภทนี้ไม่เกิน ๑ MB)"
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []


def test_upload_content_length_over_hard_cap_refused_unread(owner_client, media_root, settings):
    settings.CDD4_UPLOAD_LIMITS_MB = {"pdf": 1, "image": 1, "office": 1, "video": 1}
    response = owner_client.post(
        _url("1.1"), {"file": files.upload("a.pdf", files.pdf())}, headers=JSON, CONTENT_LENGTH=str(50 * 1024 * 1024)
    )

    assert response.status_code == 413
    assert Evidence.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\evil.pdf", "evil.pdf"),
        ("evil\x00.exe.pdf", "evil.exe.pdf"),
        ("....", "file.pdf"),
        ("ก" * 300 + ".pdf", "ก" * 116 + ".pdf"),
        ("report.exe", "report.exe.pdf"),
        ("<script>alert(1)</script>.pdf", "script>.pdf"),
    ],
)
def test_upload_hostile_name_stored_under_server_name(owner_client, media_root, raw, shown):
    response = owner_client.post(_url("1.1"), {"file": files.upload(raw, files.pdf())}, headers=JSON)

    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.stored_path.startswith("evidence/2566/TH-50/")
    assert len(evidence.stored_path.rsplit("/", 1)[1]) == 32
    assert len(evidence.original_name) <= 120
    assert "/" not in evidence.original_name and "\x00" not in evidence.original_name
    assert evidence.original_name == shown
    assert [p.name for p in stored_files(media_root)] == [evidence.stored_path.rsplit("/", 1)[1]]


def test_upload_wrong_declared_mime_served_by_content(owner_client):
    owner_client.post(_url("1.1"), {"file": files.upload("report.pdf", files.pdf(), "text/html")}, headers=JSON)
    evidence = Evidence.objects.get()

    response = owner_client.get(reverse("submissions:download", args=[evidence.pk]))

    assert evidence.content_type == "application/pdf"
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd", "ftp://x.org/a"]
)
def test_link_hostile_scheme_refused(owner_client, url):
    response = owner_client.post(
        reverse("submissions:link", args=[2566, "TH-50", "4.1.1"]), {"url": url, "description": "x"}, headers=JSON
    )

    assert response.status_code == 400
    assert response.json()["refused"][0]["th"] == "ลิงก์ไม่ถูกต้อง (ต้องขึ้นต้นด้วย http:// หรือ https://)"
    assert Evidence.objects.count() == 0


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffmpeg is not installed (.ci/run does)")
def test_a_container_that_plays_nothing_is_refused_as_a_video(owner_client, media_root):
    """MP4 boxes in order and a movie header saying six minutes, but no picture; ffprobe says so."""
    fake = container_mp4(360) + b"\x00\x00\x00\x10free" + b"MZ\x90\x00" + bytes(4)

    response = owner_client.post(_url("4.1.2"), {"file": files.upload("clip.mp4", fake, "video/mp4")}, headers=JSON)

    assert response.status_code == 400
    assert response.json()["refused"][0]["th"] == ("ไฟล์นี้ไม่ใช่วีดิทัศน์ที่เปิดดูได้ (ไม่พบภาพในไฟล์) กรุณาส่งไฟล์ MP4 ที่เปิดดูได้")
    assert Evidence.objects.count() == 0
    assert stored_files(media_root) == []
