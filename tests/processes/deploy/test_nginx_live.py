"""deploy/nginx.conf in front of the portal, over real sockets: an anonymous upload is turned away
before nginx buffers its body; a script with an API token gets through."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from knox.models import AuthToken

from cdd4 import options
from cdd4.object_store import object_store as object_store_settings
from contests.models import Unit
from people.models import Role
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.submissions import files

from .nginx_site import site_for

pytestmark = pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_nginx(tmp_path, port: int, site: str):
    site = site.replace("listen 80", f"listen 127.0.0.1:{port}").replace("/tmp/nginx-body", str(tmp_path / "body"))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"events {{}}\nhttp {{\n access_log off;\n include {tmp_path}/site.conf;\n}}\n"
    )
    proc = subprocess.Popen(["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc


@pytest.fixture
def nginx(live_server, tmp_path):
    port = free_port()
    proc = start_nginx(tmp_path, port, site_for(live_server.url.removeprefix("http://")))
    yield port, tmp_path / "body"
    proc.send_signal(signal.SIGQUIT)
    proc.wait(timeout=10)


@pytest.fixture
def nginx_and_store(live_server, tmp_path, object_store, settings):
    """nginx before the portal and the object store, as in docker-compose: the bucket `cdd4-files`, links
    signed for nginx's own address."""
    port = free_port()
    env = object_store.bucket("cdd4-files") | {"CDD4_S3_PUBLIC_URL": f"http://127.0.0.1:{port}"}
    settings.CDD4_OBJECT_STORE = object_store_settings(options.read(env))
    settings.STORAGES = {**settings.STORAGES, "default": settings.CDD4_OBJECT_STORE}
    site = site_for(live_server.url.removeprefix("http://"), object_store.url.removeprefix("http://"))
    proc = start_nginx(tmp_path, port, site)
    yield port
    proc.send_signal(signal.SIGQUIT)
    proc.wait(timeout=10)


def send(port: int, head: bytes, body: bytes, *, head_only: bool = False) -> bytes:
    """nginx's reply. `head_only` stops at the reply's head: after refusing a body it was never sent whole,
    nginx keeps the connection open for its lingering_timeout (5 s) to drain the rest, so the end never comes."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(head + body)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
            if head_only and b"\r\n\r\n" in b"".join(chunks):
                break
    return b"".join(chunks)


def buffered(body_dir: Path) -> list:
    return [p for p in body_dir.rglob("*") if p.is_file()] if body_dir.exists() else []


def staff_with_token():
    if not Unit.objects.exists():  # a transactional test flushed the bootstrap data
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=Unit.objects.get(code="TH-50"))
    return user, AuthToken.objects.create(user=user)[1]


def api_upload(port: int, token: str, pdf: bytes) -> bytes:
    """A script sends one PDF to criterion 1.1 through nginx with its API token; nginx's answer."""
    body = (
        b'--x\r\nContent-Disposition: form-data; name="criterion"\r\n\r\n1.1\r\n'
        b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n" + pdf + b"\r\n--x--\r\n"
    )
    head = (
        "POST /api/v1/years/2566/evidence/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        f"Authorization: Token {token}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return send(port, head, body)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "path",
    ["/api/v1/years/2566/evidence/", "/standings/stages/model-subdistricts-2567/files/", "/api/v1/uploads/"],
)
def test_anonymous_300mb_upload_refused_by_nginx_before_its_body(nginx, settings, tmp_path, path):
    """401 from the gate, not nginx's own 413: a stage's video reaches the portal as evidence does."""
    port, body_dir = nginx
    settings.MEDIA_ROOT = tmp_path / "media"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {300 * 1024 * 1024}\r\n\r\n"
    ).encode()

    reply = send(port, head, b"--x\r\n" + b"0" * 1_000_000, head_only=True)

    assert reply.startswith(b"HTTP/1.1 401")
    assert buffered(body_dir) == []
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.upload"))


@pytest.mark.django_db(transaction=True)
def test_upload_with_an_api_token_passes_the_gate(nginx, settings, tmp_path):
    port, _ = nginx
    settings.MEDIA_ROOT = tmp_path / "media"
    _, token = staff_with_token()
    reply = api_upload(port, token, files.pdf())

    assert reply.startswith(b"HTTP/1.1 201"), reply[:500]


@pytest.mark.django_db(transaction=True)
def test_a_file_in_the_object_store_is_downloaded_through_nginx_by_its_signed_link(nginx_and_store, tmp_path, settings):
    port = nginx_and_store
    settings.MEDIA_ROOT = tmp_path / "media"
    user, token = staff_with_token()
    pdf = files.pdf(size=30_000)
    assert api_upload(port, token, pdf).startswith(b"HTTP/1.1 201")
    evidence = Evidence.objects.get()
    ask = f"GET /evidence/{evidence.pk}/download/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"

    browser = Client()
    browser.force_login(user)
    session = f"Cookie: {settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}\r\n"

    anonymous = send(port, (ask + "\r\n").encode(), b"")
    answer = send(port, (ask + session + "\r\n").encode(), b"")
    link = re.search(rb"\r\nLocation: (\S+)\r\n", answer).group(1).decode()
    with urllib.request.urlopen(link, timeout=10) as got:
        data, headers = got.read(), got.headers

    assert b"\r\nLocation: /accounts/login/?next=" in anonymous  # no link for whoever is not signed in
    assert answer.startswith(b"HTTP/1.1 302")
    assert link.startswith(f"http://127.0.0.1:{port}/cdd4-files/{evidence.stored_path}?")
    assert (data, headers["Content-Type"], headers["X-Content-Type-Options"]) == (pdf, "application/pdf", "nosniff")
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_a_host_the_portal_does_not_serve_is_closed_unanswered(tmp_path):
    port = free_port()
    proc = start_nginx(tmp_path, port, site_for("127.0.0.1:9"))  # no portal behind: nothing may reach it
    try:
        unknown = send(port, b"GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", b"")
        by_address = send(port, b"GET /nginx-health HTTP/1.1\r\nHost: 10.0.0.5\r\nConnection: close\r\n\r\n", b"")
        served = send(port, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", b"")
    finally:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)

    assert unknown == b""  # 444: the connection closed, no status line
    assert by_address.startswith(b"HTTP/1.1 200") and by_address.endswith(b"ok\n")  # the container's health check
    assert served.startswith(b"HTTP/1.1 502")  # a served name reaches the (absent) portal


def test_with_no_web_process_answering_nginx_answers_502_with_the_thai_page(tmp_path):
    static = tmp_path / "static"
    call_command("unavailable_page", into=static, verbosity=0)
    port = free_port()
    site = site_for("127.0.0.1:9").replace("root /srv/static;", f"root {static};")  # nothing listens on :9
    proc = start_nginx(tmp_path, port, site)
    try:
        page = send(port, b"GET /standings/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", b"")
        form = b"confirm=1"
        head = b"POST /standings/2566/freeze/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        sent = send(port, head + b"Content-Length: %d\r\n\r\n" % len(form), form)
        asked = b"GET /errors/unavailable.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        direct = send(port, asked, b"")
    finally:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)

    for answer in (page, sent):
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 502")
        assert b"Content-Type: text/html; charset=utf-8" in head and b"Cache-Control: no-store" in head
        text = body.decode()
        assert "<title>ระบบไม่ตอบสนองชั่วคราว</title>" in text
        assert "สิ่งที่เพิ่งส่งอาจยังไม่ได้บันทึก" in text
    assert direct.startswith(b"HTTP/1.1 404")  # nginx's answer only, not an address anyone opens
