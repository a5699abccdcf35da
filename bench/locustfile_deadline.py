"""The deadline day's people, as Locust users against the rehearsal (deploy/rehearse.py) through nginx.

Run by bench/deadline_locust.py (`make bench-deadline`), which writes the plan this file reads (DEADLINE_PLAN: the
accounts it made, the cells, the codes) and reads back what it writes at the end (DEADLINE_OUT: every request's
time, status and duration, every upload the portal accepted with the SHA-256 sent, every score it saved).

Each user comes from an address of its own on the loopback (127.0.x.y), as 76 offices and the public do: the
per-address limits (sign-in lockout, the verification page's 30 a minute) apply to each, not to all at once.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import socket
import time
from itertools import count

from locust import HttpUser, between, events, task
from requests.adapters import HTTPAdapter
from requests.cookies import RequestsCookieJar
from scan import pdf  # bench/: Locust puts the locustfile's folder on the path

PLAN = json.loads(open(os.environ["DEADLINE_PLAN"]).read())
TUS_PIECE = 8 * 1024 * 1024  # static/js/upload.js: files over 5 MB go over tus in 8 MB pieces
SAMPLES: list[tuple[float, str, int, float]] = []  # (wall-clock start, kind, status (0: no answer), ms)
ACCEPTED: list[dict] = []  # {"id", "sha256", "kind", "at"}
UNSAVED: list[dict] = []  # {"upload", "sha256", "at"}: complete over tus, its saving broken off
SCORES: list[dict] = []  # {"username", "province", "criterion", "points", "items", "at"}
addresses = count(2)


@events.request.add_listener
def _sample(request_type, name, response_time, response, exception, start_time=None, **_):
    status = getattr(response, "status_code", 0) or 0
    SAMPLES.append((start_time or time.time(), name, status, response_time))


@events.quitting.add_listener
def _write(**_):
    with open(os.environ["DEADLINE_OUT"], "w") as out:
        json.dump({"samples": SAMPLES, "accepted": ACCEPTED, "unsaved": UNSAVED, "scores": SCORES}, out)


class FromAddress(HTTPAdapter):
    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **{**kwargs, "source_address": (self.address, 0)})


class PlainHttpCookies(RequestsCookieJar):
    """Production's cookies are Secure; the rehearsal is plain HTTP on the loopback (no TLS in front), where a
    browser on localhost sends them all the same."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


class Person(HttpUser):
    abstract = True
    accounts: list[dict] = []

    def on_start(self):
        n = next(addresses)
        self.address = f"127.0.{n // 250}.{n % 250 + 2}"
        self.client.mount("http://", FromAddress(self.address))
        self.client.cookies = PlainHttpCookies()
        self.account = self.accounts.pop() if self.accounts else None
        if self.account:
            self.sign_in()

    def sign_in(self):
        page = self.client.get("/accounts/login/", name="sign-in page").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token, "username": self.account["username"], "password": PLAN["password"]}
        reply = self.client.post("/accounts/login/", data=form, name="sign in", allow_redirects=False)
        where = reply.headers.get("Location", "/")
        # Whoever set up an app is asked for its code before any other page (accounts.middleware).
        asked = self.client.get(where, name="after sign-in", allow_redirects=False).headers.get("Location", "")
        if "/accounts/second-factor/" in asked:
            self.second_factor(asked)

    def second_factor(self, where: str):
        """The code the person's app shows, typed into the page the sign-in sent them to."""
        import hmac

        page = self.client.get(where, name="second-factor page").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        key, step = bytes.fromhex(self.account["totp_hex"]), int(time.time()) // 30
        digest = hmac.new(key, step.to_bytes(8, "big"), "sha1").digest()
        offset = digest[-1] & 0x0F
        code = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
        form = {"csrfmiddlewaretoken": token, "token": f"{code:06d}", "next": "/"}
        self.client.post(where, data=form, name="second factor", allow_redirects=False)

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")


class OfficeStaff(Person):
    """Provincial (or district) office staff on their criterion pages, sending files the way the page does:
    up to 5 MB in one form POST, larger over tus in 8 MB pieces, a link cut now and then and resumed."""

    abstract = True
    wait_time = between(3, 10)  # reading the page, finding the next scan

    def criterion(self) -> str:
        return random.choice(self.account["criteria"])

    def page_url(self, criterion: str) -> str:
        return f"/years/{self.account['rubric']}/provinces/{self.account['unit']}/criteria/{criterion}/"

    @task(4)
    def open_page(self):
        self.client.get(self.page_url(self.criterion()), name=f"{self.label} criterion page")

    def form_upload(self, size: int, kind: str):
        criterion, data = self.criterion(), pdf(size)
        reply = self.client.post(
            self.page_url(criterion) + "upload/",
            files={"file": ("scan.pdf", data, "application/pdf")},
            data={"description": "deadline day"},
            headers={"X-CSRFToken": self.csrf(), "Accept": "application/json"},
            name=kind,
        )
        if reply.status_code == 201:
            for row in reply.json()["created"]:
                ACCEPTED.append(
                    {"id": row["id"], "sha256": hashlib.sha256(data).hexdigest(), "kind": kind, "at": time.time()}
                )

    def tus_upload(self, size: int, cut: bool):
        """A large file over tus; with `cut`, the first piece's connection drops part-way and the page resumes
        from the offset the portal reports (HEAD), as tus-js-client does."""
        criterion, data = self.criterion(), pdf(size)
        size = len(data)
        meta = {"kind": "evidence", "rubric": self.account["rubric"], "unit": self.account["unit"],
                "criterion": criterion, "filename": "large-scan.pdf"}  # fmt: skip
        tus = {"Tus-Resumable": "1.0.0", "X-CSRFToken": self.csrf()}
        encoded = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items())
        made = self.client.post(
            "/api/v1/uploads/", headers={**tus, "Upload-Length": str(size), "Upload-Metadata": encoded},
            name="tus create",
        )  # fmt: skip
        if made.status_code != 201:
            return
        path = "/api/v1/uploads/" + made.headers["Location"].rstrip("/").rsplit("/", 1)[-1] + "/"
        if cut:
            self.cut_piece(path, data[:TUS_PIECE])
        offset, tries = 0, 0
        while offset < size and tries < 6:
            tries += 1
            head = self.client.head(path, headers=tus, name="tus offset (HEAD)")
            if head.status_code != 200:
                time.sleep(2)
                continue
            offset = int(head.headers["Upload-Offset"])
            if offset >= size:
                break
            piece = data[offset : offset + TUS_PIECE]
            headers = {**tus, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
            self.client.patch(path, data=piece, headers=headers, name="tus piece 8 MB")
        sha, result = hashlib.sha256(data).hexdigest(), {}
        for _ in range(10):  # the page asks what became of the file once its last piece is in
            status = self.client.get(path, headers={"Accept": "application/json"}, name="tus result")
            result = status.json() if status.status_code == 200 else {}
            if result.get("evidence"):
                ACCEPTED.append({"id": result["evidence"], "sha256": sha, "kind": "tus", "at": time.time()})
                return
            if result.get("state") != "receiving" or result.get("offset") != size:
                return  # refused (the reason is on the page), or not all sent
            time.sleep(3)
        # Every byte in, its saving broken off (the process killed while it saved): the sweep saves it later.
        UNSAVED.append({"upload": path.rstrip("/").rsplit("/", 1)[-1], "sha256": sha, "at": time.time()})

    def cut_piece(self, path: str, piece: bytes):
        """The link drops after a third of the piece: the headers and some bytes sent, then the socket closed."""
        cookies = "; ".join(f"{k}={v}" for k, v in self.client.cookies.items())
        host = self.host.split("//", 1)[1]
        lines = [f"PATCH {path} HTTP/1.1", f"Host: {host}", "Tus-Resumable: 1.0.0", f"X-CSRFToken: {self.csrf()}",
                 "Upload-Offset: 0", "Content-Type: application/offset+octet-stream",
                 f"Content-Length: {len(piece)}", f"Cookie: {cookies}"]  # fmt: skip
        started = time.time()
        try:
            ip, port = host.split(":")
            with socket.create_connection((ip, int(port)), timeout=30, source_address=(self.address, 0)) as s:
                s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + piece[: len(piece) // 3])
        except OSError:
            pass
        SAMPLES.append((started, "tus piece cut (no answer expected)", -1, (time.time() - started) * 1000))


class ProvincialStaff(OfficeStaff):
    accounts = PLAN["provincial"]
    label = "provincial"
    opening_scan = [True]  # taken by the first provincial office to start

    def on_start(self):
        """The first office to start begins with a large scan over tus whose link drops, so every run, however
        short, carries a resumed upload; the rest start by reading their pages."""
        super().on_start()
        if self.account and self.opening_scan and self.opening_scan.pop():
            self.tus_upload(12 * 1024 * 1024, cut=True)

    @task(3)
    def upload_small(self):
        self.form_upload(random.randint(60, 300) * 1024, "upload small (form)")

    @task(3)
    def upload_1mb(self):
        self.form_upload(1024 * 1024, "upload 1 MB (form)")

    @task(1)
    def upload_large(self):
        self.tus_upload(random.choice([12, 20]) * 1024 * 1024, cut=random.random() < 0.5)


class DistrictStaff(OfficeStaff):
    accounts = PLAN["district"]
    label = "district"

    @task(3)
    def upload_1mb(self):
        self.form_upload(1024 * 1024, "upload 1 MB (form)")

    @task(1)
    def upload_4mb(self):
        self.form_upload(4 * 1024 * 1024, "upload 4 MB (form)")


class CommitteeMember(Person):
    """Opens the matrix, takes the next cell with evidence, reads it and scores it (the admin's scoring screen)."""

    accounts = PLAN["committee"]
    wait_time = between(5, 15)  # reading the evidence before scoring

    @task(1)
    def matrix(self):
        self.client.get(f"/admin/committee/judgment/matrix/?year={PLAN['year']}", name="committee matrix")

    @task(4)
    def score_next(self):
        reply = self.client.get(
            f"/admin/committee/judgment/next/?year={PLAN['year']}", name="committee next", allow_redirects=False
        )
        where = reply.headers.get("Location", "")
        match = re.search(r"/score/([^/]+)/([^/]+)/([^/?]+)/", where)
        if not match:
            return
        screen = self.client.get(where, name="committee score screen").text
        form = re.search(r'<form method="post" id="judge-form">(.*?)</form>', screen, re.S)
        if not form:
            return
        body = form.group(1)
        version = re.search(r'name="expected_version" value="(\d+)"', body).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        fields = {"csrfmiddlewaretoken": token, "action": "judge", "expected_version": version}
        items = re.findall(r'type="checkbox" name="items" value="([^"]+)"', body)
        levels = re.findall(r'type="radio" name="points" value="([^"]+)"', body)
        top = re.search(r'name="points" type="number"[^>]*max="([^"]+)"', body)
        picked_items, points = None, None
        if items:
            picked_items = sorted(random.sample(items, random.randint(0, len(items))))
            fields["items"] = picked_items
        elif levels:
            points = fields["points"] = random.choice(levels)
        elif top:
            points = fields["points"] = f"{random.uniform(0, float(top.group(1))):.2f}"
        else:
            return
        saved = self.client.post(where, data=fields, name="committee score (POST)", allow_redirects=False)
        if saved.status_code == 302:
            _, unit, criterion = match.groups()
            SCORES.append({"username": self.account["username"], "province": unit, "criterion": criterion,
                           "points": points, "items": picked_items, "at": time.time()})  # fmt: skip


class CentralStaff(Person):
    """The dashboard, then its live poll every 2 s for a while, as the page's own script sends it (the stamp of
    the standings it shows: the portal answers 204 while they have not changed, the new part when they have)."""

    accounts = PLAN["central"]
    wait_time = between(2, 4)

    @task
    def dashboard(self):
        page = self.client.get(f"/standings/{PLAN['year']}/", name="dashboard").text
        for _ in range(5):
            time.sleep(2)
            # As the page's htmx asks: with the standings' stamp it shows (204 while they have not changed).
            stamp = re.search(r'data-stamp="([^"]*)"', page)
            query = f"?since={stamp.group(1)}&map=total&page=1" if stamp else ""
            live = self.client.get(f"/standings/{PLAN['year']}/live/{query}", name="dashboard live poll")
            if live.status_code == 200:
                page = live.text


class PublicVisitor(Person):
    """Someone holding a certificate: the verification page, then its code (the QR code's address)."""

    accounts = []
    wait_time = between(5, 20)

    @task(3)
    def verify_code(self):
        self.client.get(f"/verify/{random.choice(PLAN['codes'])}/", name="verify a certificate")

    @task(1)
    def verify_page(self):
        self.client.get("/verify/", name="verify page")


def _counts() -> None:
    """How many of each: the plan's accounts (Locust would otherwise share the users out by weight)."""
    for kind, key in [(ProvincialStaff, "provincial"), (DistrictStaff, "district"), (CommitteeMember, "committee"),
                      (CentralStaff, "central"), (PublicVisitor, "public")]:  # fmt: skip
        kind.fixed_count = PLAN["counts"][key]


_counts()
