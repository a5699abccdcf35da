"""The deadline day's scans (bench/locustfile_deadline.py, bench/deadline_profile.py): distinct PDFs as a scanner
writes them."""

from __future__ import annotations

import os
import random
from itertools import count

files = count()


def pdf(size: int) -> bytes:
    """A distinct scan as a scanner writes it, `size` bytes: one page whose image is one stream, with its
    cross-reference table (a file without one is rebuilt by the checks' reader, at a cost that grows with it)."""
    marker = f"deadline {os.getpid()} {next(files)} {random.random()}"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page]
    head = f"%PDF-1.4\n% {marker}\n".encode()
    room = size - len(head) - 540  # what the objects, the table and the trailer take besides the image
    image = os.urandom(64) + b"\x00" * max(0, room - 64)
    objects.append(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(image) + image + b"\nendstream")  # fmt: skip
    body, offsets = bytearray(head), []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    table = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, table)
    return bytes(body)
