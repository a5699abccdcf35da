"""Content sniffing: a file is what its bytes say, never what its name or declared type claim."""

from __future__ import annotations

import os
import struct
import unicodedata
import zipfile
from dataclasses import dataclass

from .budget import Budget
from .mp4 import hidden_content
from .ooxml import check_part
from .pdf import check_pdf
from .refusal import UploadRefused
from .video import check_video

__all__ = ["Detected", "UploadRefused", "clean_name", "inspect_file", "refuse_type", "sniff_group"]

# The fine-grained types the portal accepts, and the limit group (FileKind) each belongs to.
TYPES = {
    "pdf": ("pdf", "application/pdf", ".pdf"),
    "png": ("image", "image/png", ".png"),
    "jpeg": ("image", "image/jpeg", ".jpg"),
    "docx": ("office", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "xlsx": ("office", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    "pptx": ("office", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    "mp4": ("video", "video/mp4", ".mp4"),
    "mov": ("video", "video/quicktime", ".mov"),
    "m4v": ("video", "video/x-m4v", ".m4v"),
    "3gp": ("video", "video/3gpp", ".3gp"),
}
# The videos phones record, known by the major brand in their first box (`ftyp`): each is the same ISO base
# media file (ISO/IEC 14496-12: boxes, a movie, tracks, sample tables), so every check below reads them alike.
# HEVC (H.265) changes only the pictures inside, which are never decoded here: it comes as MP4 or QuickTime.
VIDEO_BRANDS = dict.fromkeys(
    (b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"dash", b"MSNV"), "mp4"
) | {
    b"qt  ": "mov",  # QuickTime: what an iPhone records (IMG_0412.MOV)
    b"M4V ": "m4v",
    b"M4VH": "m4v",
    b"M4VP": "m4v",
    **dict.fromkeys((b"3gp4", b"3gp5", b"3gp6", b"3gp7", b"3gs7", b"3ge6", b"3ge7", b"3gg6", b"3g2a", b"3g2b"), "3gp"),
}
# Markup a browser could be talked into running, should the file ever be shown inline somewhere.
MARKUP = (b"<html", b"<script", b"<!doctype", b"<body", b"<svg", b"<iframe", b"<?xml-stylesheet", b"javascript:")
# Zip-bomb limits: we never unpack, but a viewer opening the file on a committee laptop would.
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_TOTAL = 300 * 1024 * 1024
ZIP_MAX_RATIO = 150
OOXML_MAIN = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
# Top-level boxes of a video (ISO/IEC 14496-12; `wide` is QuickTime's); anything else after `ftyp` is not one.
MP4_BOXES = {
    b"ftyp",
    b"moov",
    b"mdat",
    b"free",
    b"skip",
    b"wide",
    b"uuid",
    b"moof",
    b"mfra",
    b"meta",
    b"pdin",
    b"sidx",
    b"styp",
    b"emsg",
    b"prft",
    b"udta",
}
NAME_MAX = 120


@dataclass(frozen=True)
class Detected:
    subtype: str  # a key of TYPES

    @property
    def file_kind(self) -> str:
        return TYPES[self.subtype][0]

    @property
    def content_type(self) -> str:
        return TYPES[self.subtype][1]

    @property
    def ext(self) -> str:
        return TYPES[self.subtype][2]


def sniff_group(head: bytes) -> str | None:
    """From the first bytes only: the limit group, so the upload handler can cap it while streaming."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff"):
        return "image"
    if head.startswith(b"PK\x03\x04"):
        return "office"
    if video_subtype(head) is not None:
        return "video"
    return None


def video_subtype(head: bytes) -> str | None:
    """Which of the videos phones record the first bytes begin (a key of TYPES), or None for none of them."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return VIDEO_BRANDS.get(head[8:12])
    return None


def _tail(path: str, n: int) -> bytes:
    with open(path, "rb") as f:
        f.seek(max(0, os.path.getsize(path) - n))
        return f.read()


def _has_markup(data: bytes) -> bool:
    lowered = data.lower()
    return any(m in lowered for m in MARKUP)


def _file_contains(path: str, needles: tuple[bytes, ...], chunk: int = 1 << 20) -> bool:
    """Case-insensitive search of the whole file, in chunks that overlap by the longest needle."""
    overlap = max(len(n) for n in needles)
    previous = b""
    with open(path, "rb") as f:
        while block := f.read(chunk):
            window = (previous + block).lower()
            if any(n in window for n in needles):
                return True
            previous = window[-overlap:]
    return False


def _mp4_boxes_ok(path: str) -> bool:
    """Walks the top-level boxes: each must be a known type and their sizes must reach the end exactly."""
    size, offset = os.path.getsize(path), 0
    with open(path, "rb") as f:
        while offset < size:
            f.seek(offset)
            header = f.read(16)
            if len(header) < 8:
                return False
            length, kind = struct.unpack(">I4s", header[:8])
            if length == 1 and len(header) == 16:
                length = struct.unpack(">Q", header[8:16])[0]
            elif length == 0:
                length = size - offset  # the last box runs to the end of the file
            if kind not in MP4_BOXES or length < 8:
                return False
            offset += length
    return offset == size


def refuse_type() -> UploadRefused:
    """A kind the portal takes nowhere; where the criterion is known, its page names what that one takes
    (submissions.policy.type_refusal)."""
    return UploadRefused(
        "ชนิดไฟล์ไม่ถูกต้อง: รับเฉพาะ PDF, JPG/PNG, DOCX/XLSX/PPTX และวีดิทัศน์ MP4/MOV/M4V/3GP (ตรวจจากเนื้อหาไฟล์ ไม่ใช่นามสกุล)",
        "File type not accepted: only PDF, JPG/PNG, DOCX/XLSX/PPTX and MP4/MOV/M4V/3GP video (checked by content, not"
        " extension)",
        wrong_type=True,
    )


def _check_zip(path: str, budget: Budget) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > ZIP_MAX_ENTRIES:
                raise UploadRefused("ไฟล์มีส่วนประกอบมากผิดปกติ", "The file has an abnormal number of parts")
            total = 0
            for info in infos:
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > ZIP_MAX_TOTAL or (info.file_size > 1024 * 1024 and ratio > ZIP_MAX_RATIO):
                    raise UploadRefused(
                        "ไฟล์ถูกบีบอัดผิดปกติ (อาจเป็น zip bomb) จึงไม่รับ",
                        "The file is abnormally compressed (a possible zip bomb) and is refused",
                    )
            names = {i.filename for i in infos}
            for info in infos:  # sizes are bounded above; each XML part streams through the parser
                if info.filename.lower().endswith((".xml", ".rels")):
                    check_part(zf, info, budget)
    except zipfile.BadZipFile as exc:
        raise refuse_type() from exc
    if "[Content_Types].xml" not in names:
        raise refuse_type()
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise UploadRefused("ไม่รับไฟล์ที่มีมาโคร", "Files with macros are not accepted")
    for main, subtype in OOXML_MAIN.items():
        if main in names:
            return subtype
    raise refuse_type()


def inspect_file(path: str) -> Detected:
    """The whole stored upload, checked by content. Raises UploadRefused with a Thai reason."""
    size = os.path.getsize(path)
    if size == 0:
        raise UploadRefused("ไฟล์ว่างเปล่า", "The file is empty")
    with open(path, "rb") as f:
        head = f.read(4096)
    budget = Budget()
    group = sniff_group(head)
    if group is None:
        raise refuse_type()
    if group == "pdf":
        # A PDF header in front of HTML is a polyglot, not a report.
        if _has_markup(head) or b"%%EOF" not in _tail(path, 2048) or _file_contains(path, (b"<html", b"<script")):
            raise UploadRefused("ไฟล์ PDF ไม่สมบูรณ์หรือมีเนื้อหาแปลกปลอม", "The PDF is incomplete or has foreign content")
        check_pdf(path, budget)
        return Detected("pdf")
    if group == "image":
        if _file_contains(path, MARKUP):  # an image has no business holding markup anywhere
            raise refuse_type()
        if head.startswith(b"\x89PNG"):
            if head[12:16] != b"IHDR" or b"IEND" not in _tail(path, 64):
                raise UploadRefused("ไฟล์ PNG ไม่สมบูรณ์", "The PNG image is incomplete")
            return Detected("png")
        if b"\xff\xd9" not in _tail(path, 64):
            raise UploadRefused("ไฟล์ JPG ไม่สมบูรณ์", "The JPG image is incomplete")
        return Detected("jpeg")
    if group == "office":
        return Detected(_check_zip(path, budget))
    if not _mp4_boxes_ok(path):
        raise UploadRefused("ไฟล์วีดิทัศน์ไม่สมบูรณ์หรือมีเนื้อหาแปลกปลอม", "The video is incomplete or has foreign content")
    check_video(path)
    with open(path, "rb") as f:
        hidden = hidden_content(f)
    if hidden is not None:  # a player skips free, skip and uuid boxes; a file kept as evidence carries them
        raise UploadRefused(
            "ไฟล์วีดิทัศน์นี้มีเนื้อหาอื่นซ่อนอยู่ (หน้าเว็บ โปรแกรม ไฟล์บีบอัด หรือ PDF) จึงไม่รับ กรุณาส่งไฟล์ตามที่โปรแกรมตัดต่อบันทึกออกมา",
            "This video hides other content (a web page, a program, an archive or a PDF) and is refused; "
            "send the file as your editor saved it",
        )
    return Detected(video_subtype(head) or "mp4")


def clean_name(raw: str | None, ext: str) -> str:
    """A display name safe in any header or page: no path, no control characters, bounded, right extension."""
    name = unicodedata.normalize("NFC", raw or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join(name.split()).strip(" .")
    stem, dot, old_ext = name.rpartition(".")
    if not dot:
        stem, old_ext = name, ""
    if ("." + old_ext).lower() in (ext, ".jpeg" if ext == ".jpg" else ext):
        ext = "." + old_ext
    else:
        stem = name
    stem = stem.strip(" .") or "file"
    return stem[: NAME_MAX - len(ext)] + ext
