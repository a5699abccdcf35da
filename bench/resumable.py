"""Resumable upload benchmark (issue #42): a 500 MB video sent over tus with three broken links, resumed each time.

gunicorn (1 sync worker) on loopback, the official tus client (tuspy) with an API token, 8 MB pieces as the page
sends. The link breaks three times: the client is stopped after a third, two thirds and nine tenths of the file
(`stop_at`, as a closed laptop would) and a new client resumes from the offset the portal reports (HEAD). Prints
the time, that the stored file is byte-identical, and the worker's peak RSS over idle (pieces stream to disk:
target ≤ 50 MB). Runs in a throwaway var dir; nothing is kept.

    .venv/bin/python bench/resumable.py [--mb 500]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path
from urllib.request import Request, urlopen

from _setup import smoke
from upload import PeakRss, playable_head, provincial_staff, throwaway_portal

PIECE = 8 * 1024 * 1024
BREAKS = (1 / 3, 2 / 3, 9 / 10)


def video(path: Path, size: int) -> str:
    """A video of `size` bytes (one second that plays, then a `free` box), written in blocks; its SHA-256."""
    digest = hashlib.sha256()
    with path.open("wb") as f:
        head = playable_head()
        head += (size - len(head)).to_bytes(4, "big") + b"free"
        f.write(head)
        digest.update(head)
        left, block = size - len(head), os.urandom(1024 * 1024)
        while left > 0:
            part = block[: min(left, len(block))]
            f.write(part)
            digest.update(part)
            left -= len(part)
    return digest.hexdigest()


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=24 if smoke() else 500)  # the suite's smoke run: three pieces
    args = ap.parse_args()
    from tusclient import client as tus

    with throwaway_portal(units=False, setup=provincial_staff(token=True)) as (var, port, worker, token):
        size = args.mb * 1024 * 1024
        source = var / "video.mp4"
        sha = video(source, size)
        portal = tus.TusClient(f"http://127.0.0.1:{port}/api/v1/uploads/", headers={"Authorization": f"Token {token}"})
        meta = {"kind": "evidence", "rubric": "2566", "unit": "TH-50", "criterion": "4.1.1", "filename": "clip.mp4"}
        for _ in range(100):  # until gunicorn answers (tus' OPTIONS, which needs no sign-in)
            try:
                urlopen(Request(f"http://127.0.0.1:{port}/api/v1/uploads/", method="OPTIONS"), timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        with PeakRss(worker) as memory:
            started = time.perf_counter()
            uploader = portal.uploader(str(source), chunk_size=PIECE, metadata=meta)
            resumed_at = []
            for fraction in BREAKS:
                uploader.upload(stop_at=int(size * fraction))  # the link breaks here
                uploader = portal.uploader(str(source), chunk_size=PIECE, url=uploader.url)  # a new client
                resumed_at.append(uploader.offset)
            uploader.upload()
            elapsed = time.perf_counter() - started
        files = [p for p in (var / "media" / "evidence").rglob("*") if p.is_file()]
        same = len(files) == 1 and sha256_of(files[0]) == sha
        over = memory.over_idle_mb
        print(f"{args.mb} MB in {PIECE // (1024 * 1024)} MB pieces, resumed at {resumed_at}: {elapsed:.1f} s")
        print(f"stored file byte-identical: {same}")
        print(
            f"worker RSS: idle {memory.idle / 1024:.1f} MB, peak {memory.peak / 1024:.1f} MB, over idle {over:.1f} MB"
        )
        print(f"RESULT resumable_total_s={elapsed:.1f} s info")
        print(f"RESULT resumable_identical={int(same)} bool ==1")
        print(f"RESULT resumable_rss_over_idle_mb={over:.1f} MB <=50")
        return 0 if same and over <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
