"""A video's boxes (ISO/IEC 14496-12, which MP4, QuickTime .mov, M4V and 3GP all share) read for what the
portal checks: how long its tracks' samples last against what its headers claim, and what its free-form boxes
hold. Only box headers and the small timing boxes are read; the pictures (H.264, HEVC) are never decoded."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

# Boxes that only hold other boxes, on the way to each track's timing.
CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"udta", b"mvex", b"moof", b"traf", b"dinf"}
# Boxes whose bytes nothing reads: a player skips them, so anything may be hidden there.
FREE_FORM = {b"free", b"skip", b"uuid"}
# What no free-form box of a video holds: markup a browser runs, a Windows program, an archive, a PDF.
HIDDEN = (
    b"<html",
    b"<script",
    b"<?xml",
    b"<!doctype",
    b"<body",
    b"<svg",
    b"<iframe",
    b"javascript:",
    b"pk\x03\x04",
    b"%pdf-",
    b"this program cannot be run in dos mode",
)
CHUNK = 1 << 20
STTS_MAX_BYTES = 64 << 20  # a seven-minute video's table is a few kilobytes


@dataclass(frozen=True)
class Track:
    handler: bytes  # b"vide", b"soun", …
    header: Decimal | None  # tkhd's duration (movie timescale), seconds
    media: Decimal | None  # mdhd's duration, seconds
    samples: Decimal | None  # the stts table's sample durations added up, seconds


@dataclass(frozen=True)
class Movie:
    header: Decimal | None  # mvhd's duration, seconds
    tracks: tuple[Track, ...]


def boxes(stream: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box between two offsets; stops at the first broken one."""
    pos = start
    while pos + 8 <= end:
        stream.seek(pos)
        head = stream.read(8)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head)
        header = 8
        if size == 1:  # a 64-bit size follows
            wide = stream.read(8)
            if len(wide) < 8:
                return
            size = struct.unpack(">Q", wide)[0]
            header = 16
        elif size == 0:  # to the end of the file
            size = end - pos
        if size < header or pos + size > end:
            return
        yield kind, pos + header, pos + size
        pos += size


def _seconds(units: int, scale: int) -> Decimal | None:
    return (Decimal(units) / Decimal(scale)).quantize(Decimal("0.01")) if scale else None


def _times(stream: BinaryIO, body: int, end: int) -> tuple[int, int] | None:
    """(timescale, duration) of an mvhd or mdhd box, either version."""
    stream.seek(body)
    raw = stream.read(min(end - body, 32))
    if len(raw) < 20:
        return None
    if raw[0] == 1:
        return struct.unpack(">IQ", raw[20:32]) if len(raw) >= 32 else None
    return struct.unpack(">II", raw[12:20])


def _tkhd_duration(stream: BinaryIO, body: int, end: int) -> int | None:
    stream.seek(body)
    raw = stream.read(min(end - body, 36))
    if raw[:1] == b"\x01":
        return struct.unpack(">Q", raw[28:36])[0] if len(raw) >= 36 else None
    return struct.unpack(">I", raw[20:24])[0] if len(raw) >= 24 else None


def _stts_units(stream: BinaryIO, body: int, end: int) -> int | None:
    """Every sample's duration added up (media timescale units)."""
    stream.seek(body)
    head = stream.read(8)
    if len(head) < 8:
        return None
    count = struct.unpack(">I", head[4:8])[0]
    if count * 8 > min(end - body - 8, STTS_MAX_BYTES):
        return None
    table = stream.read(count * 8)
    return sum(n * delta for n, delta in struct.iter_unpack(">II", table))


@dataclass
class _Boxes:
    """What a track's boxes said, the last box of each kind winning."""

    tkhd: int | None = None  # the track header's duration (movie timescale units)
    mdhd: tuple[int, int] | None = None  # (media timescale, duration)
    hdlr: bytes = b""  # the handler: b"vide" for a video track
    stts: int | None = None  # every sample's duration added up (media timescale units)


def _track(stream: BinaryIO, start: int, stop: int, movie_scale: int) -> Track:
    found = _Boxes()

    def walk(begin: int, finish: int, parent: bytes) -> None:
        for kind, body, end in boxes(stream, begin, finish):
            if kind == b"tkhd":
                found.tkhd = _tkhd_duration(stream, body, end)
            elif kind == b"mdhd":
                found.mdhd = _times(stream, body, end)
            elif kind == b"hdlr" and parent == b"mdia":
                # The media's handler ("vide"). QuickTime also puts a data handler (component "dhlr",
                # subtype "alis" or "url ") in minf, at the same place in its box: that one says nothing of
                # the track, and read as the track's it hid every iPhone video's pictures.
                stream.seek(body + 8)
                found.hdlr = stream.read(4)
            elif kind == b"stts":
                found.stts = _stts_units(stream, body, end)
            elif kind in CONTAINERS:
                walk(body, end, kind)

    walk(start, stop, b"trak")
    scale, media = found.mdhd or (0, 0)
    tkhd, stts = found.tkhd, found.stts
    return Track(
        handler=found.hdlr,
        header=_seconds(tkhd, movie_scale) if tkhd is not None else None,
        media=_seconds(media, scale),
        samples=_seconds(stts, scale) if stts else None,
    )


def movie(stream: BinaryIO) -> Movie | None:
    """The movie header's duration and each track's timings, or None when the file has no movie box."""
    stream.seek(0, 2)
    end = stream.tell()
    for kind, start, stop in boxes(stream, 0, end):
        if kind != b"moov":
            continue
        scale, duration = 0, 0
        tracks = []
        for inner, body, body_end in boxes(stream, start, stop):
            if inner == b"mvhd":
                scale, duration = _times(stream, body, body_end) or (0, 0)
            elif inner == b"trak":
                tracks.append((body, body_end))
        return Movie(_seconds(duration, scale), tuple(_track(stream, b, e, scale) for b, e in tracks))
    return None


def hidden_content(stream: BinaryIO) -> bytes | None:
    """The first thing a free, skip or uuid box holds that no video needs (markup, a program, an archive, a
    PDF), at any depth of the movie's boxes; None when they hold nothing of the kind."""
    stream.seek(0, 2)

    def search(begin: int, finish: int) -> bytes | None:
        for kind, body, end in boxes(stream, begin, finish):
            if kind in FREE_FORM:
                found = _scan(stream, body + (16 if kind == b"uuid" else 0), end)
            elif kind in CONTAINERS:
                found = search(body, end)
            else:
                continue
            if found is not None:
                return found
        return None

    return search(0, stream.tell())


def _scan(stream: BinaryIO, begin: int, end: int) -> bytes | None:
    """Case-insensitive search of a byte range, in blocks that overlap by the longest needle; a Windows
    program is also known by the `MZ` its payload begins with."""
    stream.seek(begin)
    overlap = max(len(n) for n in HIDDEN)
    previous, pos = b"", begin
    while pos < end:
        block = stream.read(min(CHUNK, end - pos))
        if not block:
            break
        if pos == begin and block.lstrip(b"\x00").startswith(b"MZ"):
            return b"MZ"
        window = (previous + block).lower()
        for needle in HIDDEN:
            if needle in window:
                return needle
        previous, pos = window[-overlap:], pos + len(block)
    return None
