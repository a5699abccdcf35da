"""Small real files built in memory: the sniffers must accept these and refuse their hostile cousins."""

import io
import struct
import uuid
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from contests.media import sample_video
from tests.stages.stage_support import box


def pdf(extra: bytes = b"", size: int = 0) -> bytes:
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + extra
    if size:
        body += b"%" + b"0" * max(0, size - len(body) - 20) + b"\n"
    return body + b"trailer\n<<>>\n%%EOF\n"


def pdf_new() -> bytes:
    """A PDF no earlier call returned: the portal refuses the same bytes twice for one criterion."""
    return pdf(extra=f"% {uuid.uuid4().hex}\n".encode())


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def ooxml(main: str = "word/document.xml", extra: dict | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        if main not in (extra or {}):
            zf.writestr(main, '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def zip_bomb() -> bytes:
    return ooxml(extra={"word/media/big.bin": b"\x00" * (40 * 1024 * 1024)})


def mp4(size: int = 4096) -> bytes:
    """A one-second video of about `size` bytes: playable where ffmpeg is installed (ffprobe checks uploads
    there), padded with a `free` box; else an MP4 container of that size."""
    video = sample_video(1)
    if video is None:
        ftyp = struct.pack(">I", 24) + b"ftypisom" + struct.pack(">I", 512) + b"isomiso2"
        return ftyp + struct.pack(">I", size - 24) + b"mdat" + b"\x00" * (size - 32)
    pad = max(size - len(video), 8)
    return video + struct.pack(">I", pad) + b"free" + b"\x00" * (pad - 8)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def quicktime(seconds: float, brand: bytes = b"qt  ", scale: int = 600) -> bytes:
    """A video laid out as an iPhone writes IMG_0412.MOV: ftyp `qt  `, wide, mdat, then moov, whose video
    track's media has QuickTime's two handlers (the media's "mhlr"/"vide", then minf's "dhlr"/"alis") and one
    sample `seconds` long. `brand`: the same file as another phone's format brands it (3GP, M4V)."""
    units = round(seconds * scale)
    mvhd = struct.pack(">B3xIIII", 0, 0, 0, scale, units) + bytes(80)
    tkhd = struct.pack(">B3xIIIII", 0, 0, 0, 1, 0, units) + bytes(60)
    mdhd = struct.pack(">B3xIIII", 0, 0, 0, scale, units) + bytes(4)
    media_handler = struct.pack(">B3x4s4s", 0, b"mhlr", b"vide") + bytes(12) + b"\x0cCoreMediaVideo"
    data_handler = struct.pack(">B3x4s4s", 0, b"dhlr", b"alis") + bytes(12) + b"\x0bCoreMediaData"
    stbl = box(b"stbl", box(b"stts", struct.pack(">B3xIII", 0, 1, 1, units)))
    minf = box(b"minf", box(b"hdlr", data_handler) + box(b"dinf", b"") + stbl)
    mdia = box(b"mdia", box(b"mdhd", mdhd) + box(b"hdlr", media_handler) + minf)
    trak = box(b"trak", box(b"tkhd", tkhd) + mdia)
    ftyp = box(b"ftyp", brand + b"\x00\x00\x00\x00" + brand)
    return ftyp + box(b"wide", b"") + box(b"mdat", b"\x00" * 64) + box(b"moov", box(b"mvhd", mvhd) + trak)
