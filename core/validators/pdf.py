"""PDF actions that run code or programs in the reader, found in the real objects (pikepdf / qpdf).

The committee previews PDFs inline, so /JavaScript, /JS and /Launch are refused wherever they are:
written with #xx escapes (/Java#53cript), inside compressed object streams, nested in direct objects.
Three looks, cheapest first: the raw bytes with name escapes decoded; every object as qpdf reads it;
and, for a file qpdf cannot open, every Flate stream inflated under a size cap.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import pikepdf

from .budget import Budget
from .refusal import UploadRefused

ACTIVE = (b"/javascript", b"/js ", b"/js(", b"/js<", b"/js\n", b"/js\r", b"/js/", b"/js[", b"/launch")
ACTIVE_NAMES = {"/JavaScript", "/JS", "/Launch"}
NAME_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
STREAM = re.compile(rb"stream\r?\n")
INFLATE_CAP = 64 * 1024 * 1024  # inflated bytes looked at in a file qpdf cannot open
MAX_DEPTH = 32
CHUNK = 1 << 20
EVERY = 200  # objects between two looks at the clock


def active_pdf() -> UploadRefused:
    return UploadRefused(
        "ไม่รับไฟล์ PDF ที่มีสคริปต์หรือคำสั่งเปิดโปรแกรม (JavaScript/Launch)",
        "PDFs with scripts or program launches (JavaScript/Launch) are not accepted",
    )


def _unescaped(data: bytes) -> bytes:
    return NAME_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode()), data)


def _has_active(data: bytes) -> bool:
    window = _unescaped(data).lower()
    return any(n in window for n in ACTIVE)


def _raw_active(path: str) -> bool:
    overlap = max(len(n) for n in ACTIVE) * 3  # an escaped name is up to three times longer
    previous = b""
    with open(path, "rb") as f:
        while block := f.read(CHUNK):
            if _has_active(previous + block):
                return True
            previous = block[-overlap:]
    return False


def _object_active(obj, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(obj, pikepdf.Stream):
        obj = obj.stream_dict
    if isinstance(obj, pikepdf.Dictionary):
        if any(key in ACTIVE_NAMES for key in obj.keys()) or str(obj.get("/S", "")) in ACTIVE_NAMES:
            return True
        children: Iterator[object] = (obj.get(key) for key in obj.keys())
    elif isinstance(obj, pikepdf.Array):
        children = iter(obj)
    else:
        return False
    # Indirect children are objects of their own, each visited by the caller's loop.
    return any(
        isinstance(child, pikepdf.Dictionary | pikepdf.Array) and not child.is_indirect
        and _object_active(child, depth + 1)
        for child in children
    )  # fmt: skip


def _streams_active(path: str, budget: Budget) -> bool:
    """For a file qpdf cannot open (a reader may still repair it): inflate what looks like a stream."""
    with open(path, "rb") as f:
        data = f.read()
    left = INFLATE_CAP
    for match in STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end() : match.end() + left], left)
        except zlib.error:
            continue
        if _has_active(inflated):
            return True
        left -= len(inflated)
        if left <= 0:
            return False
        budget.check()
    return False


def check_pdf(path: str, budget: Budget) -> None:
    if _raw_active(path):
        raise active_pdf()
    budget.check()
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return  # encrypted (an owner password): only the raw look; it is served as a download
    except pikepdf.PdfError:
        if _streams_active(path, budget):
            raise active_pdf() from None
        return
    with pdf:
        for seen, obj in enumerate(pdf.objects, start=1):
            if _object_active(obj):
                raise active_pdf()
            if seen % EVERY == 0:
                budget.check()
    budget.check()
