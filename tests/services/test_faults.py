"""Faults while provincial staff upload over HTTP to a real gunicorn: Redis restarted, PostgreSQL restarted.

Each test: every accepted upload (201) is kept whole, nothing half-written is under evidence/, the temp
folder is empty, every refusal is a Thai 503, and the live standings equal a full recompute afterwards.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from django.db.models import F

from contests.models import Unit
from people.models import Role
from scoring.models import Standing
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.submissions import files

from .conftest import ROOT, WORKER, service_env, wait_for
from .portal import BOUNDARY, Client, Staff, audit, free_port, multipart, password_hash, wait_answering

pytestmark = pytest.mark.service
DB_DOWN_TH = "ฐานข้อมูลไม่พร้อมชั่วคราว รายการนี้ยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้งในไม่กี่วินาที"


@pytest.fixture
def staff_names(services_up) -> list[str]:
    names = []
    for code in ("TH-50", "TH-83", "TH-57"):
        unit = Unit.objects.get(code=code)
        user = UserFactory(username=f"fault-{code}", role=Role.OFFICE_STAFF, role__unit=unit)
        user.password = password_hash()
        user.save()
        names.append(user.username)
    return names


def start_portal(procs, media, workers: int = 3, **env) -> int:
    """gunicorn as in docker-compose's web service (the app loaded once in the master, its workers forked from
    it), on a free port, with its own media folder."""
    port = free_port()
    gunicorn = [str(ROOT / ".venv" / "bin" / "gunicorn"), "cdd4.wsgi", "--preload", "-b", f"127.0.0.1:{port}"]
    gunicorn += ["-w", str(workers)]
    procs.start(
        [*gunicorn, "--timeout", "60"], "web", CDD4_MEDIA_ROOT=str(media), DJANGO_DEBUG="0", LOG_LEVEL="ERROR", **env
    )
    wait_answering(port)
    return port


def assert_kept(staff: Staff, rows: dict, media) -> None:
    report = audit(staff, rows, media)
    assert {k: v for k, v in report.items() if v} == {}, report


def standings_match_full_recompute(db_url: str, read) -> None:
    """The live results, then a full rescore of all 76 from the stored facts: they must be the same."""
    live = read()
    args = [sys.executable, "manage.py", "standings", "--year", "2566", "--format", "json", "--recompute"]
    done = subprocess.run(args, cwd=ROOT, env=service_env(DATABASE_URL=db_url), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(json.loads(done.stdout)) == 76
    assert read() == live


def test_redis_restarted_during_uploads_keeps_every_upload_and_converges(procs, private_redis, tmp_path, staff_names):
    media = tmp_path / "media"
    port = start_portal(procs, media, REDIS_URL=private_redis.url)
    procs.worker_restarted(private_redis.url)
    procs.beat(private_redis.url, every=1)
    staff = Staff(port, staff_names)
    staff.start()
    staff.wait_accepted(6)

    private_redis.kill()  # the broker and the cache gone at once, as when Redis restarts
    assert Client(port, staff_names[0]).login() == 302  # login counts live in PostgreSQL: unaffected
    staff.wait_accepted(len(staff.accepted) + 6)  # uploads go on: publishing fails fast, beat heals later
    private_redis.start()  # back, empty
    staff.wait_accepted(len(staff.accepted) + 6)
    staff.finish()

    assert set(staff.statuses()) == {201}, [a for a in staff.attempts if a.status != 201]
    rows = {e.pk: (e.stored_path, e.sha256) for e in Evidence.objects.all()}
    print(f"redis restart: statuses {staff.statuses()}, worker restarts {procs.restarts}")
    assert len(rows) == len(staff.accepted)
    assert_kept(staff, rows, media)
    settled = lambda: not Standing.objects.filter(change_seq__gt=F("computed_seq")).exists()  # noqa: E731
    wait_for(settled, timeout=60)
    standings_match_full_recompute(
        service_env()["DATABASE_URL"],
        lambda: sorted(Standing.objects.values_list("unit__code", "total", "rank", "criteria")),
    )


def test_postgres_restarted_during_uploads_keeps_every_upload_and_converges(
    procs, private_postgres, tmp_path, staff_names
):
    from django.db import connection

    private_postgres.copy_from(connection.settings_dict["NAME"])  # users, provinces, rubric: set up above
    media = tmp_path / "media"
    port = start_portal(procs, media, DATABASE_URL=private_postgres.url)
    procs.supervise(WORKER, "worker", DATABASE_URL=private_postgres.url)
    beat = [sys.executable, "-m", "celery", "-A", "cdd4", "beat", "-s", str(tmp_path / "beat")]
    procs.start(beat, "beat", DATABASE_URL=private_postgres.url, CDD4_HEAL_EVERY_SECONDS="1")
    staff = Staff(port, staff_names)
    staff.start()
    staff.wait_accepted(6)

    private_postgres.stop("immediate")  # a crash: open transactions die mid-upload
    time.sleep(2)
    private_postgres.start()  # crash recovery, then the portal reconnects on its own
    staff.wait_accepted(len(staff.accepted) + 9)
    staff.finish()

    statuses = staff.statuses()
    assert set(statuses) <= {201, 503} and statuses.get(503, 0) >= 1, statuses
    refusals = [a.body for a in staff.attempts if a.status == 503]
    # The API's one error shape (docs/api.md): Thai first, a stable code.
    assert all([(e["code"], e["th"]) for e in body["errors"]] == [("unavailable", DB_DOWN_TH)] for body in refusals), (
        refusals[:3]
    )

    def read(query: str):
        with private_postgres.connect() as db, db.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    rows = {pk: (path, sha) for pk, path, sha in read("SELECT id, stored_path, sha256 FROM submissions_evidence")}
    report = audit(staff, rows, media)
    print(f"postgres restart: statuses {statuses}, unnamed files before the sweep {len(report['unnamed'])}, "
          f"worker restarts {procs.restarts}")  # fmt: skip
    # A crash during COMMIT leaves the outcome unknown, so such a file stays (whole) until the sweep.
    assert {k: v for k, v in report.items() if v and k != "unnamed"} == {}, report
    sweep = [sys.executable, "manage.py", "media_sweep", "--hours", "0"]
    env = service_env(DATABASE_URL=private_postgres.url, CDD4_MEDIA_ROOT=str(media))
    assert subprocess.run(sweep, cwd=ROOT, env=env, capture_output=True, timeout=60).returncode == 0
    assert_kept(staff, rows, media)

    wait_for(lambda: read("SELECT count(*) FROM scoring_provinceresult WHERE change_seq > computed_seq")[0][0] == 0)
    standings_match_full_recompute(
        private_postgres.url,
        lambda: read("SELECT province_id, total, rank, criteria::text FROM scoring_provinceresult ORDER BY 1"),
    )


def test_web_worker_killed_mid_upload_leaves_nothing_visible_and_sweep_clears_it(procs, tmp_path, staff_names):
    media = tmp_path / "media"
    port = start_portal(procs, media, workers=1)
    web = procs.procs[-1]
    client = Client(port, staff_names[0])
    assert client.login() == 302
    head = multipart("4.1.1", "big.pdf", b"")[: -len(f"\r\n--{BOUNDARY}--\r\n")]
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(
        (
            f"POST /api/v1/years/2566/evidence/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {len(head) + 8 * 2**20}\r\n"
            f"X-CSRFToken: {client.cookies['csrftoken']}\r\n"
            f"Cookie: sessionid={client.cookies['sessionid']}; csrftoken={client.cookies['csrftoken']}\r\n\r\n"
        ).encode()
        + head
        + files.pdf(size=2 * 2**20)[:-8]  # a quarter of the file, then the sender stalls
    )
    temp = media / "tmp"
    wait_for(lambda: temp.is_dir() and any(p.stat().st_size > 2**20 for p in temp.iterdir()))
    worker = int(subprocess.run(["pgrep", "-P", str(web.pid)], capture_output=True, text=True).stdout.split()[0])
    os.kill(worker, signal.SIGKILL)  # the process writing the upload dies mid-file
    sock.close()

    assert Evidence.objects.count() == 0
    assert [p for p in (media / "evidence").rglob("*") if p.is_file()] == []  # nothing half-written is named
    assert len(list(temp.iterdir())) == 1  # the dead process's temp file: no row, not served
    sweep = [sys.executable, "manage.py", "media_sweep", "--hours", "0"]
    done = subprocess.run(sweep, cwd=ROOT, env=service_env(CDD4_MEDIA_ROOT=str(media)), capture_output=True, text=True)
    assert "ไฟล์ชั่วคราว" in done.stdout
    assert list(temp.iterdir()) == []
    wait_answering(port)  # gunicorn's master has started a new worker
    status, body = client.upload(multipart("4.1.1", "again.pdf", files.pdf(size=2**20)))
    assert status == 201, body
