"""The portal as users reach it: a gunicorn process, staff uploading over HTTP, and an audit of what was kept.

Shared by the fault tests and `bench/rush.py`.
"""

from __future__ import annotations

import functools
import hashlib
import http.client
import json
import re
import socket
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.submissions import files

PASSWORD = "portal-pass-2566"
BOUNDARY = "----cdd4portalA1b2C3d4"
# Both kinds 4.1.2 needs (a PDF and a video): once both are in, the province's timeliness fact is set.
CRITERIA = [("4.1.1", "report.pdf"), ("4.1.2", "clip.mp4")]


@functools.cache
def password_hash() -> str:
    # PBKDF2 at full strength, the portal's hasher (the test process uses MD5). A weaker hash would be
    # upgraded at the first login, which ends that user's other sessions.
    hasher = PBKDF2PasswordHasher()
    return hasher.encode(PASSWORD, hasher.salt())


def multipart(criterion: str, name: str, data: bytes) -> bytes:
    return (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="criterion"\r\n\r\n{criterion}\r\n'
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listening on port {port} after {timeout}s")


def wait_answering(port: int, timeout: float = 60.0) -> None:
    """Until /healthz answers: gunicorn listens before its workers are ready, and on a busy machine that takes
    longer than a test's request timeout."""
    wait_listening(port, timeout)
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Client:
    """One member of staff: a session cookie and a kept-alive connection."""

    def __init__(self, port: int, username: str, timeout: float = 60):
        self.port, self.username, self.timeout, self.cookies = port, username, timeout, {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)

    def request(self, method: str, path: str, payload: bytes | None = None, headers: dict | None = None):
        headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        try:
            self.conn.request(method, path, body=payload, headers=headers)
            response = self.conn.getresponse()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, response.read()

    def login(self, password: str = PASSWORD) -> int:
        """The status of the login POST (302 when it worked); the page is kept in `last_page`."""
        _, page = self.request("GET", "/accounts/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        form = f"csrfmiddlewaretoken={token}&username={self.username}&password={password}".encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        status, self.last_page = self.request("POST", "/accounts/login/", form, headers)
        return status

    def upload(self, payload: bytes, year: int = 2566) -> tuple[int, dict]:
        headers = {
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
            "X-CSRFToken": self.cookies["csrftoken"],
            "Accept": "application/json",
        }
        status, data = self.request("POST", f"/api/v1/years/{year}/evidence/", payload, headers)
        try:
            return status, json.loads(data)
        except ValueError:
            return status, {"raw": data[:200].decode(errors="replace")}


@dataclass
class Attempt:
    username: str
    criterion: str
    sha256: str
    status: int  # 0: the connection failed
    body: dict


@dataclass
class Staff:
    """Provincial staff uploading in a loop while a fault happens; a refused upload is sent again, as people do."""

    port: int
    usernames: list[str]
    size: int = 64 * 1024
    attempts: list[Attempt] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self):
        self.lock, self.threads, self.errors = threading.Lock(), [], []
        self.logged_in = threading.Semaphore(0)

    def _payload(self, username: str, n: int) -> tuple[str, str, bytes]:
        criterion, name = CRITERIA[n % len(CRITERIA)]
        marker = f"{username}-{n}".encode()
        data = files.pdf(b"% " + marker + b"\n", size=self.size) if name.endswith(".pdf") else files.mp4(self.size)
        if name.endswith(".mp4"):
            # A distinct, valid trailing box: the portal refuses the same bytes twice for one criterion.
            tail = marker[:32].ljust(32, b"-")
            data += (8 + len(tail)).to_bytes(4, "big") + b"free" + tail
        return criterion, name, data

    def _run(self, username: str) -> None:
        client = Client(self.port, username)
        status = client.login()
        self.logged_in.release()
        if status != 302:
            self.errors.append(f"login failed for {username}: {status} {client.last_page[:300]!r}")
            return
        n = 0
        while not self.stop.is_set():
            criterion, name, data = self._payload(username, n)
            try:
                status, body = client.upload(multipart(criterion, name, data))
            except (OSError, http.client.HTTPException):
                status, body = 0, {}
            with self.lock:
                self.attempts.append(Attempt(username, criterion, hashlib.sha256(data).hexdigest(), status, body))
            if status == 201:
                n += 1
            else:
                time.sleep(0.2)  # refused: wait a moment and send the same file again

    def start(self) -> None:
        """Returns once everyone has logged in (PBKDF2 takes a while), so no fault hits a login."""
        self.threads = [threading.Thread(target=self._run, args=(u,), daemon=True) for u in self.usernames]
        for t in self.threads:
            t.start()
        for _ in self.threads:
            assert self.logged_in.acquire(timeout=60), "staff could not log in within 60 s"
        assert not self.errors, self.errors

    def wait_accepted(self, count: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.accepted) < count and not self.errors:
            time.sleep(0.05)
        assert not self.errors, self.errors
        assert len(self.accepted) >= count, f"{len(self.accepted)} of {count} uploads accepted within {timeout}s"

    def finish(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=90)
        assert not self.errors, self.errors

    @property
    def accepted(self) -> list[Attempt]:
        return [a for a in self.attempts if a.status == 201]

    def statuses(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for a in self.attempts:
            counts[a.status] = counts.get(a.status, 0) + 1
        return counts


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def audit(staff: Staff, rows: dict[int, tuple[str, str]], media: Path) -> dict:
    """Every accepted upload kept whole; nothing half-written under evidence/; the temp folder empty.

    `rows`: evidence id → (stored_path, sha256) as the database has them.
    """
    sent = {a.sha256 for a in staff.attempts}
    lost = [a for a in staff.accepted if a.body.get("id") not in rows]
    wrong = [a for a in staff.accepted if a.body.get("id") in rows and rows[a.body["id"]][1] != a.sha256]
    damaged = [p for p, sha in rows.values() if not (media / p).is_file() or sha256_file(media / p) != sha]
    named = {p for p, _ in rows.values()}
    stored = [p for p in (media / "evidence").rglob("*") if p.is_file()]
    unnamed = [p for p in stored if str(p.relative_to(media)) not in named]
    partial = [p for p in unnamed if sha256_file(p) not in sent]
    temp = [p for p in (media / "tmp").glob("*")] if (media / "tmp").exists() else []
    return {"lost": lost, "wrong": wrong, "damaged": damaged, "partial": partial, "unnamed": unnamed, "temp": temp}
