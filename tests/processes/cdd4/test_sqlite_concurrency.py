"""The embedded default holds a small office's real use: several files sent at once, none refused.

On `make run`'s SQLite, several files chosen at once all arrive, none answered 503 "database is locked"
(a deferred transaction that read first cannot take the write lock, and SQLite does not wait for a
lock it would deadlock on: cdd4/settings.py begins each one IMMEDIATE). Here the real thing runs:
`manage.py runserver` (threaded, as `make run`) on a SQLite file of its own, and eight uploads sent at the same
moment from eight threads.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from tests.submissions import files

ROOT = Path(__file__).resolve().parents[3]
USER, PASSWORD = "concurrent-cm", "concurrent-pass-2566"
# `make run`'s first steps: migrate, then bootstrap (without the units: the test needs a province).
PREPARE = (
    "import io; from django.core.management import call_command;"
    "call_command('migrate', verbosity=0); call_command('bootstrap', '--no-units', stdout=io.StringIO());"
)
MAKE_USER = (
    "from django.contrib.auth.models import User; from people.models import Membership, Role;"
    "from contests.models import Unit;"
    f"u = User.objects.create_user('{USER}', password='{PASSWORD}');"
    "Membership.objects.create(user=u, role=Role.OFFICE_STAFF, unit=Unit.objects.get(code='TH-50'))"
)
STORED = (
    "from submissions.models import Evidence;"
    "rows = Evidence.objects.filter(submission__criterion__code='1.1').order_by('version');"
    "print(sorted(rows.values_list('original_name', flat=True)), list(rows.values_list('version', flat=True)))"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def embedded_server(tmp_path, db, migrated_sqlite):
    """`make run`'s settings (no DATABASE_URL, no REDIS_URL) on a fresh var dir; yields the base URL."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(CDD4_VAR_DIR=str(tmp_path), DJANGO_DEBUG="0", LOG_LEVEL="WARNING")

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )

    shutil.copyfile(migrated_sqlite, tmp_path / "db.sqlite3")  # `migrate` below finds them applied (tests/conftest.py)
    manage("shell", "-c", PREPARE + MAKE_USER)  # one process: each Django start costs 2–3 s on these machines
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                requests.get(f"{base}/accounts/login/", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield base, manage
    finally:
        server.terminate()
        server.wait(timeout=10)


def logged_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/").text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    answer = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "username": USER, "password": PASSWORD},
        allow_redirects=False,
    )
    assert answer.status_code == 302
    return session


def test_eight_files_sent_at_once_are_all_stored(embedded_server):
    base, manage = embedded_server
    session = logged_in(base)
    url = f"{base}/years/2566/provinces/TH-50/criteria/1.1/upload/"
    headers = {"X-CSRFToken": session.cookies["csrftoken"], "Accept": "application/json"}
    start, statuses = threading.Barrier(8), {}

    def send(n: int) -> None:
        # Distinct files: the same bytes twice are refused.
        body = files.pdf(extra=f"% report {n}\n".encode(), size=200 * 1024)
        start.wait()
        answer = session.post(url, headers=headers, files={"file": (f"report-{n}.pdf", body, "application/pdf")})
        statuses[n] = answer.status_code

    threads = [threading.Thread(target=send, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert statuses == {n: 201 for n in range(8)}
    stored = manage("shell", "-c", STORED).stdout.strip().splitlines()[-1]  # after the shell's import notice
    assert stored == f"{sorted(f'report-{n}.pdf' for n in range(8))} {list(range(1, 9))}"  # each its own version
