"""Resumable upload benchmark: a 500 MB video sent over tus with three broken links, resumed each time.

gunicorn (1 sync worker) on loopback, the official tus client (tuspy) with an API token, 8 MB pieces as the page
sends. The link breaks three times: the client is stopped after a third, two thirds and nine tenths of the file
(`stop_at`, as a closed laptop would) and a new client resumes from the offset the portal reports (HEAD). Prints
the time, that the stored file is byte-identical, and the worker's peak RSS over idle (pieces stream to disk:
target ≤ 50 MB). Runs in a throwaway var dir; nothing is kept.

With --store s3 the portal keeps the pieces and the file in an S3-compatible object store (moto's server mode
started on loopback, as service mode with CDD4_S3_BUCKET): each piece goes to the store, the last one joins them
on the web machine's disk for the checks and sends the whole file back up in 8 MB parts.

    .venv/bin/python bench/resumable.py [--mb 500] [--store disk|s3]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from urllib.request import Request, urlopen

from _setup import exit_status, smoke
from upload import PeakRss, free_port, playable_head, provincial_staff, throwaway_portal

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
        left, block = size - len(head), filler()
        while left > 0:
            part = block[: min(left, len(block))]
            f.write(part)
            digest.update(part)
            left -= len(part)
    return digest.hexdigest()


# The portal refuses a video whose free box hides a page, an archive, a PDF or a program
# (core/validators/mp4.py): random bytes spell "<svg" or "PK\x03\x04" in about one megabyte in 300, and then
# the file is refused as it should be. The filler leaves out "<", "%" and a zip header's 3 and 4, which every
# short signature holds; the long ones ("javascript:", a program's DOS stub) do not come by chance.
SIGNATURE_BYTES = b"<%\x03\x04"


def filler() -> bytes:
    """A megabyte of random bytes in which no hidden-content signature can appear, starting with no "MZ"."""
    random = os.urandom(1024 * 1024).translate(bytes.maketrans(SIGNATURE_BYTES, b"\x01\x02\x05\x06"))
    return b"\x01" + random[1:]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def object_store():
    """moto's S3 server on a free port with an empty bucket; the portal pointed at it through the environment.
    Yields a function that returns the SHA-256 of every object in the bucket."""
    import boto3

    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1", aws_access_key_id="b", aws_secret_access_key="b")
    try:
        for _ in range(100):
            try:
                s3.create_bucket(Bucket="cdd4-bench")
                break
            except Exception:  # not listening yet
                time.sleep(0.2)
        env = {"CDD4_S3_BUCKET": "cdd4-bench", "CDD4_S3_ENDPOINT_URL": url}
        os.environ.update(env | {"CDD4_S3_ACCESS_KEY": "b", "CDD4_S3_SECRET_KEY": "b"})

        def digests() -> list[str]:
            found = []
            for item in s3.list_objects_v2(Bucket="cdd4-bench").get("Contents", []):
                digest, body = hashlib.sha256(), s3.get_object(Bucket="cdd4-bench", Key=item["Key"])["Body"]
                for block in iter(partial(body.read, 1 << 20), b""):
                    digest.update(block)
                found.append(digest.hexdigest())
            return found

        yield digests
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=24 if smoke() else 500)  # the suite's smoke run: three pieces
    ap.add_argument("--store", choices=["disk", "s3"], default="disk")
    args = ap.parse_args()
    from tusclient import client as tus
    from tusclient.exceptions import TusUploadFailed

    with ExitStack() as stack:
        stored = stack.enter_context(object_store()) if args.store == "s3" else None
        try:
            return run(tus, args.mb, stored)
        except TusUploadFailed as error:  # the portal's reason, Thai and English, not only its status
            sys.exit(f"{error} ({error.status_code}): {error.response_content!r}")


def run(tus, mb: int, stored) -> int:
    label = "resumable" if stored is None else "resumable_s3"
    with throwaway_portal(units=False, setup=provincial_staff(token=True)) as (var, port, worker, token):
        size = mb * 1024 * 1024
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
        if stored is not None:
            # The worker's first word with the store loads boto's models (about 40 MB, once per process): asked
            # before the idle reading, so what is measured is what the file's size costs.
            try:
                urlopen(f"http://127.0.0.1:{port}/readyz", timeout=10)
            except OSError:  # 503 (no worker heartbeat here) still asked the store
                pass
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
        if stored is None:
            files = [p for p in (var / "media" / "evidence").rglob("*") if p.is_file()]
            same = len(files) == 1 and sha256_of(files[0]) == sha
        else:
            same = stored() == [sha]  # the file, and no piece left in the store
        over = memory.over_idle_mb
        where = "media folder" if stored is None else "object store"
        print(f"{mb} MB ({where}) in {PIECE >> 20} MB pieces, resumed at {resumed_at}: {elapsed:.1f} s")
        print(f"stored file byte-identical: {same}")
        print(
            f"worker RSS: idle {memory.idle / 1024:.1f} MB, peak {memory.peak / 1024:.1f} MB, over idle {over:.1f} MB"
        )
        print(f"RESULT {label}_total_s={elapsed:.1f} s info")
        print(f"RESULT {label}_identical={int(same)} bool ==1")
        print(f"RESULT {label}_rss_over_idle_mb={over:.1f} MB <=50")
        return exit_status(correct=same, targets_met=over <= 50)


if __name__ == "__main__":
    sys.exit(main())
