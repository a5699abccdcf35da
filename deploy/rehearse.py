"""Production rehearsed on one machine, without a Docker engine: docker-compose.yml's services as plain processes.

    python deploy/rehearse.py [--dir var/rehearse] [--port 8088] [--demo]      (`make rehearse`; Ctrl-C stops all)
    kill -TERM $(cat var/rehearse/rehearse.pid)                                  (`make rehearse-stop`)

A PostgreSQL cluster of its own (initdb into DIR/pg, as the postgres user when run as root), a redis-server with
compose's flags, moto's S3 server in MinIO's place with the bucket `cdd4-files`, compose's `migrate` job (its own
command: migrate, collectstatic in production mode, bootstrap), then `web` and `web2` (gunicorn, compose's own
command, each with its own scratch folder), `worker` and `beat`, and nginx from deploy/nginx.conf with the service
names pointed at local ports. Every process gets compose's variables and .env.example's, production mode included;
only what names a place differs (OVERRIDES). Like compose's `restart: unless-stopped`, a long-running process that
exits is started again. DIR/rehearse.json names every port, process id and log for tests and benches.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUCKET = "cdd4-files"
LONG_RUNNING = ["web", "web2", "worker", "beat"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what: str, check, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception:  # not answering yet (a refused connection, an endpoint error)
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"rehearse: {what} did not come up within {timeout:.0f} s")
        time.sleep(0.2)


def answers(url: str, headers: dict | None = None) -> bool:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as reply:
        return reply.status == 200


def env_example() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${NAME} (and ${NAME:-default}) from the .env values."""
    return re.sub(r"\$\{([A-Z0-9_]+)(?::-([^}]*))?\}", lambda m: env.get(m.group(1), m.group(2) or ""), str(value))


class Rehearsal:
    def __init__(self, base: Path, port: int, demo: bool):
        self.base, self.demo, self.stopping = base.resolve(), demo, threading.Event()
        self.compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
        self.ports = {"nginx": port, "pg": free_port(), "redis": free_port(), "s3": free_port()}
        self.ports |= {"web": free_port(), "web2": free_port()}
        self.procs: dict[str, subprocess.Popen] = {}
        self.pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1].parent
        (self.base / "logs").mkdir(parents=True, exist_ok=True)

    # --- the environment: compose's, with the service names pointed at this machine ---
    def env(self, service: str) -> dict[str, str]:
        dotenv = env_example() | {"POSTGRES_PASSWORD": "", "MINIO_ROOT_USER": "cdd4", "MINIO_ROOT_PASSWORD": "cdd4"}
        given = {k: interpolate(v, dotenv) for k, v in self.compose[service].get("environment", {}).items()}
        origin = f"http://127.0.0.1:{self.ports['nginx']}"
        # What names a place or a machine differs; everything else is compose's and .env.example's.
        overrides = {
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.ports['pg']}/cdd4",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "CDD4_S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
            "CDD4_S3_PUBLIC_URL": origin,
            "CDD4_PUBLIC_URL": origin,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_CSRF_TRUSTED_ORIGINS": origin,
            "DJANGO_SECRET_KEY": self.secret,
            "DJANGO_SSL_REDIRECT": "0",  # plain HTTP on the loopback: no TLS terminates in front
            "CDD4_TRUSTED_PROXIES": "127.0.0.1/32",  # nginx, here on the loopback
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",  # no SMTP server here
            "CDD4_VAR_DIR": str(self.base / "app"),
            "CDD4_MEDIA_ROOT": str(self.base / "media" / service),  # each machine's own scratch space
            "PROMETHEUS_MULTIPROC_DIR": str(self.base / "metrics"),
        }
        return {**os.environ, **dotenv, **given, **overrides}

    def command(self, service: str) -> list[str]:
        """The service's own command from docker-compose.yml, bound to this machine."""
        cmd = self.compose[service]["command"]
        cmd = cmd.replace("0.0.0.0:8000", f"127.0.0.1:{self.ports.get(service, 0)}")
        cmd = cmd.replace("/tmp/celerybeat-schedule", str(self.base / "celerybeat-schedule"))
        cmd = cmd.replace("/var/lib/cdd4/metrics", str(self.base / "metrics"))
        bin_dir = Path(sys.executable).parent
        cmd = re.sub(r"\bpython\b", sys.executable, cmd)
        cmd = re.sub(r"(?<![/\w])(gunicorn|celery)\b", lambda m: str(bin_dir / m.group(1)), cmd)
        # A long-running service's process is its program, not a shell around it: a kill reaches gunicorn or
        # celery itself, as `docker kill` reaches a container's main process.
        return ["sh", "-c", ("exec " if service in LONG_RUNNING else "") + cmd]

    # --- the backing services ---
    def as_postgres(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=120)

    def postgres(self) -> None:
        data = self.base / "pg" / "data"
        if os.geteuid() == 0:
            (self.base / "pg").mkdir(exist_ok=True)
            shutil.chown(self.base / "pg", "postgres")
        if not data.exists():
            self.as_postgres(
                str(self.pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"
            )
        options = f"-p {self.ports['pg']} -k {self.base / 'pg'} -c listen_addresses=127.0.0.1"
        log = str(self.base / "pg" / "postgres.log")
        self.as_postgres(str(self.pg_bin / "pg_ctl"), "-D", str(data), "-l", log, "-o", options, "-w", "start")
        created = subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-p", str(self.ports["pg"]), "-U", "postgres", "cdd4"], capture_output=True
        )
        if created.returncode != 0 and b"already exists" not in created.stderr:
            raise SystemExit(f"rehearse: createdb failed: {created.stderr.decode()}")

    def start(self, name: str, args: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.base / "logs" / f"{name}.log", "ab")
        proc = subprocess.Popen(args, cwd=ROOT, env=env or os.environ, stdout=log, stderr=log, start_new_session=True)
        self.procs[name] = proc
        self.write_state()
        return proc

    def listens(self, name: str) -> bool:
        """The service takes a connection on its port (refused: OSError, which wait_until waits out)."""
        with socket.create_connection(("127.0.0.1", self.ports[name]), 1):
            return True

    def redis(self) -> None:
        flags = self.compose["redis"]["command"][1:]  # compose's: append-only, no eviction
        args = ["redis-server", *flags, "--port", str(self.ports["redis"]), "--bind", "127.0.0.1"]
        self.start("redis", [*args, "--dir", str(self.base), "--save", ""])
        wait_until("redis", lambda: self.listens("redis"))

    def object_store(self) -> None:
        self.start(
            "s3", [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(self.ports["s3"])]
        )
        import boto3

        client = boto3.client(
            "s3", endpoint_url=f"http://127.0.0.1:{self.ports['s3']}", region_name="us-east-1",
            aws_access_key_id="cdd4", aws_secret_access_key="cdd4",
        )  # fmt: skip
        wait_until("moto", lambda: client.list_buckets() is not None)
        client.create_bucket(Bucket=BUCKET)  # minio-bucket's job

    def nginx(self) -> None:
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        for before, after in {
            "server web:8000;": f"server 127.0.0.1:{self.ports['web']};",
            "server web2:8000;": f"server 127.0.0.1:{self.ports['web2']};",
            "server minio:9000;": f"server 127.0.0.1:{self.ports['s3']};",
            "listen 80;": f"listen 127.0.0.1:{self.ports['nginx']};",
            "/srv/static/": f"{self.base / 'app' / 'staticfiles'}/",
            "root /srv/static;": f"root {self.base / 'app' / 'staticfiles'};",
            "/srv/media/": f"{self.base / 'media' / 'web'}/",
            "/tmp/nginx-body": str(self.base / "nginx" / "body"),
        }.items():
            assert before in site, before
            site = site.replace(before, after)
        folder = self.base / "nginx"
        folder.mkdir(exist_ok=True)
        (folder / "site.conf").write_text(site)
        (folder / "nginx.conf").write_text(
            f"daemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
            + ("user root;\n" if os.geteuid() == 0 else "")
            + "events {}\nhttp {\n"
            # Which process answered each request: a 502 sent to a killed web process is told from any other.
            + " log_format upstream '$msec $status \"$upstream_addr\" $request_method $request_uri';\n"
            + f" access_log {folder}/access.log upstream;\n include /etc/nginx/mime.types;\n"
            f" include {folder}/site.conf;\n}}\n"
        )
        self.start("nginx", ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf")])
        wait_until("nginx", lambda: answers(f"http://127.0.0.1:{self.ports['nginx']}/nginx-health"))

    # --- the portal ---
    def migrate(self) -> None:
        env, log = self.env("migrate"), self.base / "logs" / "migrate.log"
        jobs = [self.command("migrate")] + ([[sys.executable, "manage.py", "bootstrap", "--demo"]] if self.demo else [])
        for job in jobs:
            with open(log, "ab") as out:
                if subprocess.run(job, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT).returncode != 0:
                    raise SystemExit(f"rehearse: the migrate job failed: see {log}")

    def supervise(self, service: str) -> None:
        """Started again whenever it exits, as compose's `restart: unless-stopped` does."""

        def watch():
            while not self.stopping.is_set():
                proc = self.start(service, self.command(service), self.env(service))
                proc.wait()
                if not self.stopping.is_set():
                    print(f"rehearse: {service} exited ({proc.returncode}); starting it again", flush=True)
                    time.sleep(0.5)

        threading.Thread(target=watch, daemon=True).start()

    def up(self) -> None:
        self.secret = secrets.token_urlsafe(40)
        for folder in ("app", "metrics", "media/web", "media/web2"):
            (self.base / folder).mkdir(parents=True, exist_ok=True)
        (self.base / "rehearse.pid").write_text(str(os.getpid()))
        started = time.monotonic()
        for step in (self.postgres, self.redis, self.object_store, self.migrate, self.portal, self.nginx):
            began = time.monotonic()
            step()
            print(f"rehearse: {step.__name__} {time.monotonic() - began:.1f} s", flush=True)
        self.write_state()
        took = time.monotonic() - started
        print(f"rehearse: up in {took:.0f} s at http://127.0.0.1:{self.ports['nginx']}/ ({self.base})", flush=True)

    def portal(self) -> None:
        for service in LONG_RUNNING:
            self.supervise(service)
        healthz = {"X-Forwarded-Proto": "https", "Host": "localhost"}  # as compose's health check asks
        for web in ("web", "web2"):
            wait_until(web, lambda web=web: answers(f"http://127.0.0.1:{self.ports[web]}/healthz", healthz), 180)

    def write_state(self) -> None:
        state = {
            "ports": self.ports,
            "pids": {name: proc.pid for name, proc in self.procs.items()},
            "database_url": f"postgres://postgres@127.0.0.1:{self.ports['pg']}/cdd4",
            "redis_url": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "s3": {"endpoint": f"http://127.0.0.1:{self.ports['s3']}", "bucket": BUCKET},
            "logs": str(self.base / "logs"),
            "nginx_log": str(self.base / "nginx" / "access.log"),
        }
        (self.base / "rehearse.json").write_text(json.dumps(state, indent=1))

    def down(self) -> None:
        self.stopping.set()
        order = ["nginx", "web", "web2", "beat", "worker", "s3", "redis"]
        for name in order:
            proc = self.procs.get(name)
            if proc and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        for name in order:
            proc = self.procs.get(name)
            if proc:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
        data = self.base / "pg" / "data"
        if (data / "postmaster.pid").exists():
            self.as_postgres(str(self.pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        (self.base / "rehearse.pid").unlink(missing_ok=True)
        print("rehearse: stopped", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "var" / "rehearse")
    parser.add_argument("--port", type=int, default=8088, help="nginx's port on 127.0.0.1")
    parser.add_argument("--demo", action="store_true", help="load the demo data after the migrate job")
    options = parser.parse_args()
    rehearsal = Rehearsal(options.dir, options.port, options.demo)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        rehearsal.up()
        stop.wait()
    finally:
        rehearsal.down()


if __name__ == "__main__":
    main()
