"""What bench/deadline_locust.py does in the rehearsal's database: this run's accounts and codes before the load,
the standings watched during it, and after it the checks and the figures (nothing here imports Locust or gevent)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import time
from collections import Counter, defaultdict
from contextlib import redirect_stdout
from decimal import Decimal

KILL_SLACK_S = 1.0  # a request in flight on the killed process: started before the kill, ended (failed) after it


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if ordered else float("nan")


def plan_make(counts: dict, national_criteria: list[str], district_contest: str) -> dict:
    """This run's people (fresh accounts: a signed-in account keeps its audit trail), hashed once."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from people import directory
    from people.models import Role
    from rubrics.models import ContestPeriod, Criterion
    from scoring.models import Standing
    from tests.services.portal import PASSWORD

    run, password = time.strftime("%H%M%S"), make_password(PASSWORD)
    national = ContestPeriod.objects.national().order_by("-year").first()
    district = ContestPeriod.objects.filter(contest__slug__startswith=district_contest).order_by("-year").first()

    def made(name: str, role: str, unit=None):
        user = get_user_model().objects.create(username=f"dl{run}-{name}", password=password,
                                               is_staff=role not in Role.with_office())  # fmt: skip
        directory.membership_set(user=user, role=role, unit=unit)
        return user

    def offices(rubric, n: int, criteria: list[str]) -> list[dict]:
        units = [s.unit for s in Standing.objects.filter(rubric=rubric).select_related("unit")]
        units = sorted(units, key=lambda u: u.code)[:n]
        return [{"username": made(u.code, Role.OFFICE_STAFF, u).username, "unit": u.code, "rubric": rubric.key,
                 "criteria": criteria} for u in units]  # fmt: skip

    present = set(Criterion.objects.filter(rubric=national).values_list("code", flat=True))
    district_codes = list(Criterion.objects.filter(rubric=district).order_by("order").values_list("code", flat=True))
    central = []
    for i in range(counts["central"]):
        user = made(f"central{i}", Role.CENTRAL)
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        central.append({"username": user.username, "totp_hex": device.key})
    plan = {
        "year": national.key,
        "password": PASSWORD,
        "rubric_ids": [national.pk, district.pk],
        "district_contest": district.key,
        "provincial": offices(national, counts["provincial"], [c for c in national_criteria if c in present]),
        "district": offices(district, counts["district"], district_codes[:6]),
        "committee": [{"username": made(f"member{i}", Role.COMMITTEE).username} for i in range(counts["committee"])],
        "central": central,
        "codes": certificate_codes(get_user_model().objects.get(username=central[0]["username"])),
    }
    plan["counts"] = {k: len(plan[k]) if k != "public" else counts["public"] for k in counts}
    return plan


def certificate_codes(central) -> list[str]:
    """Codes printed on issued certificates: a past year's results frozen (as after its announcement) and one
    code on each of five certificate documents issued from them."""
    from django.db import transaction
    from django.db.models import Max
    from django.utils import timezone

    from awards.models import GeneratedDocument
    from rubrics.models import ContestPeriod
    from scoring import lifecycle, snapshots
    from scoring.recompute import standings_recompute
    from tests.factories import IssuedDocumentFactory, VerificationCodeFactory

    past = ContestPeriod.objects.national().order_by("year").first()
    if not lifecycle.standing(past.pk, timezone.now()).frozen:
        standings_recompute(rubric_id=past.pk, full=True)
        with transaction.atomic():
            snapshots.standings_freeze(user=central, rubric=past)
    made = GeneratedDocument.objects.filter(rubric=past, kind="certificates", scope="all").aggregate(v=Max("version"))
    versions = range((made["v"] or 0) + 1, (made["v"] or 0) + 6)
    documents = [IssuedDocumentFactory(rubric=past, source_key=f"deadline-day-{v}", version=v) for v in versions]
    return [VerificationCodeFactory(document=document).code for document in documents]


class CpuMeter:
    """CPU seconds used over the run by the rehearsal's processes (web machines, worker, beat, nginx, Redis, the S3
    server, PostgreSQL's) and by Locust, read every 2 s per process so that a killed one keeps what it used: the
    portal's share of a machine others share, beside the load average."""

    def __init__(self, base, locust_pid: int):
        self.base, self.locust_pid, self.stopping = base, locust_pid, threading.Event()
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.loads: list[float] = []  # the machine's 1-minute load average, every 2 s

    def roots(self) -> list[int]:
        state = json.loads((self.base / "rehearse.json").read_text())
        postmaster = self.base / "pg" / "data" / "postmaster.pid"
        return list(state["pids"].values()) + ([int(postmaster.read_text().split()[0])] if postmaster.exists() else [])

    def read(self, pids: list[int], first: bool = False) -> None:
        import psutil

        for pid in pids:
            try:
                root = psutil.Process(pid)
                for proc in [root, *root.children(recursive=True)]:
                    times = proc.cpu_times()
                    used = times.user + times.system
                    self.first.setdefault(proc.pid, used if first else 0.0)
                    self.last[proc.pid] = used
            except psutil.Error:  # gone meanwhile: its last reading stands
                continue

    def run(self) -> None:
        self.read(self.roots(), first=True)
        while not self.stopping.wait(2):
            self.loads.append(round(os.getloadavg()[0], 1))
            self.read(self.roots())
            self.read([self.locust_pid])

    def seconds(self) -> tuple[float, float]:
        """(the portal's, Locust's)."""
        self.stopping.set()
        locust = self.last.get(self.locust_pid, 0.0)
        portal = sum(self.last[p] - self.first[p] for p in self.last if p != self.locust_pid)
        return portal, locust


class CatchUp:
    """Whether any standing of the contests in play waits for the worker, every half second."""

    def __init__(self, rubric_ids: list[int]):
        self.rubric_ids, self.samples, self.stopping = rubric_ids, [], threading.Event()

    def run(self) -> None:
        from django.db import connection
        from django.db.models import F

        from scoring.models import Standing

        due = Standing.objects.filter(rubric_id__in=self.rubric_ids, change_seq__gt=F("computed_seq"))
        while not self.stopping.is_set():
            self.samples.append((time.time(), due.exists()))
            time.sleep(0.5)
        connection.close()

    def stop(self) -> None:
        self.stopping.set()

    def caught_up(self, after: float, wait: float = 180) -> float | None:
        """Seconds from `after` to the first look that found nothing waiting (None: not within `wait`)."""
        deadline = time.time() + wait
        while time.time() < deadline:
            for at, dirty in list(self.samples):
                if at >= after and not dirty:
                    return at - after
            time.sleep(0.5)
        return None


def uploads_lost(accepted: list[dict], s3: dict) -> list[int]:
    """Every accepted upload: its row, the SHA-256 it keeps, and the object read back from the bucket."""
    import boto3

    from submissions.models import Evidence

    client = boto3.client("s3", endpoint_url=s3["endpoint"], region_name="us-east-1",
                          aws_access_key_id="cdd4", aws_secret_access_key="cdd4")  # fmt: skip
    rows = {e.pk: e for e in Evidence.objects.filter(pk__in=[a["id"] for a in accepted])}
    lost = []
    for a in accepted:
        row = rows.get(a["id"])
        if row is None or row.sha256 != a["sha256"]:
            lost.append(a["id"])
            continue
        body = client.get_object(Bucket=s3["bucket"], Key=row.stored_path)["Body"].read()
        if hashlib.sha256(body).hexdigest() != a["sha256"]:
            lost.append(a["id"])
    return lost


def unsaved_recovered(unsaved: list[dict]) -> list[dict]:
    """Uploads whose every byte arrived but whose saving broke off (the web process killed while it saved): what
    beat's minute job does for them three minutes on (submissions.resumable.resumable_recover), done now;
    each is then an accepted upload to check like the others."""
    from datetime import timedelta

    from django.utils import timezone

    from submissions.models import ResumableState, ResumableUpload
    from submissions.resumable import resumable_recover

    ids = [u["upload"] for u in unsaved]
    # One still being saved by a web worker is locked, and the sweep passes it by: asked again until none is
    # left receiving, within gunicorn's timeout for the request that saves it (120 s).
    deadline = time.time() + 130
    while ResumableUpload.objects.filter(pk__in=ids, state=ResumableState.RECEIVING).exists():
        resumable_recover(now=timezone.now() + timedelta(minutes=4))
        if time.time() > deadline:
            break
        time.sleep(1)
    rows = {str(u.pk): u for u in ResumableUpload.objects.filter(pk__in=ids)}
    return [{"id": rows[u["upload"]].evidence_id if u["upload"] in rows else None, "sha256": u["sha256"],
             "kind": "tus, saved by the sweep", "at": u["at"]} for u in unsaved]  # fmt: skip


def scores_missing(scores: list[dict], year: str) -> list[dict]:
    """Each member's last saved score of each cell is the judgment kept."""
    from committee.models import Judgment
    from rubrics.models import ContestPeriod

    rubric = ContestPeriod.objects.by_key(year).get()
    last = {}
    for s in sorted(scores, key=lambda s: s["at"]):
        last[(s["username"], s["province"], s["criterion"])] = s
    missing = []
    for (username, unit, criterion), s in last.items():
        kept = Judgment.objects.filter(rubric=rubric, member__username=username, unit__code=unit,
                                       criterion__code=criterion).first()  # fmt: skip
        same = kept is not None and (
            sorted(kept.items) == s["items"] if s["items"] is not None else kept.points == Decimal(s["points"])
        )
        if not same:
            missing.append(s)
    return missing


def standings_equal(year: str, contest: str) -> bool:
    from django.core.management import call_command

    for scope in (["--year", year], ["--contest", contest]):
        outputs = []
        for extra in ([], ["--recompute"]):
            out = io.StringIO()
            with redirect_stdout(out):
                call_command("standings", *scope, "--format", "json", *extra, stdout=out)
            outputs.append([{**r, "computed_at": None} for r in json.loads(out.getvalue())])
        if outputs[0] != outputs[1]:
            return False
    return True


def answered_for_killed(state: dict, kills: list) -> list[float]:
    """When nginx answered 5xx for a request it had sent to a web process already killed, from its access log:
    within KILL_SLACK_S of the kill, nginx may still pick a kept-alive connection to the dead process, and a
    POST already written to it is not sent to the other (it is not safe to do twice)."""
    killed = [(f"127.0.0.1:{state['ports'][service]}", at) for service, at in kills if service.startswith("web")]
    times = []
    with open(state["nginx_log"]) as log:
        for line in log:
            at, status, upstream = line.split(" ", 3)[:3]
            last = upstream.strip('"').split(", ")[-1]  # the process that answered, after any retried on
            if status.startswith("5") and any(
                last == address and killed_at <= float(at) <= killed_at + KILL_SLACK_S for address, killed_at in killed
            ):
                times.append(float(at))
    return times


def sent_to_killed(error: tuple[float, int, float], to_killed: list[float]) -> bool:
    """An error whose request began after the kill, answered by nginx (502) while it still sent to the dead
    process: its log line is written when the answer is, within the request's own time."""
    at, status, ms = error
    return status == 502 and any(at <= t <= at + ms / 1000 + 0.25 for t in to_killed)


def report(plan: dict, out: dict, kills: list, monitor: CatchUp, state: dict, *, began: float, ended: float) -> dict:
    events = [a["at"] for a in out["accepted"]] + [s["at"] for s in out["scores"]]
    last_event = max(events) if events else ended
    caught_up = monitor.caught_up(last_event)
    web_kills = [at for service, at in kills if service.startswith("web")]
    to_killed = answered_for_killed(state, kills)
    kinds = defaultdict(list)
    for at, name, status, ms in out["samples"]:
        kinds[name].append((at, status, ms))
    rows, outside = {}, []
    for name, samples in sorted(kinds.items()):
        answered = [ms for _, status, ms in samples if status > 0]
        errors = [(at, s, ms) for at, s, ms in samples if s == 0 or s >= 500]
        in_flight = [e for e in errors if any(e[0] <= k <= e[0] + e[2] / 1000 + KILL_SLACK_S for k in web_kills)]
        in_flight += [e for e in errors if e not in in_flight and sent_to_killed(e, to_killed)]
        outside += [(name, at - began, s) for at, s, ms in errors if (at, s, ms) not in in_flight]
        rows[name] = {"requests": len(samples), "median_ms": pct(answered, 50), "p95_ms": pct(answered, 95),
                      "errors": len(errors), "errors_in_flight_at_kill": len(in_flight),
                      "statuses": dict(Counter(s for _, s, _ in samples))}  # fmt: skip
    recovered = unsaved_recovered(out["unsaved"])
    lost = uploads_lost(out["accepted"] + recovered, state["s3"])
    missing = scores_missing(out["scores"], plan["year"])
    equal = standings_equal(plan["year"], plan["district_contest"])
    pages = [ms for name, v in kinds.items() for _, s, ms in v if is_page(name, s)]
    uploads = [ms for _, s, ms in kinds.get("upload 1 MB (form)", []) if 0 < s < 500]
    return {
        "kinds": rows,
        "kills": [(service, at - began) for service, at in kills],
        "accepted": len(out["accepted"]),
        "accepted_by_kind": dict(Counter(a["kind"] for a in out["accepted"] + recovered)),
        "unsaved_then_recovered": len(recovered),
        "lost": lost,
        "scores": len(out["scores"]),
        "scores_missing": missing,
        "errors_outside_kills": outside,
        "caught_up_s": caught_up,
        "equal": equal,
        "page_p95_ms": pct(pages, 95),
        "upload_1mb_p95_ms": pct(uploads, 95),
        "correct": not lost and not missing and equal and not outside and caught_up is not None,
    }


def is_page(name: str, status: int) -> bool:
    """A page a person waits to read: the named pages answered, and the first page after signing in when it is
    one (200; a redirect to the second-factor page or elsewhere is not)."""
    if name == "after sign-in":
        return status == 200
    return 0 < status < 500 and any(word in name for word in ("page", "dashboard", "matrix", "screen", "verify"))


def print_report(r: dict) -> None:
    print(f"{'kind':38} {'requests':>8} {'median':>8} {'p95':>8}  errors (in flight at a kill)  statuses")
    for name, k in r["kinds"].items():
        print(f"{name:38} {k['requests']:8} {k['median_ms']:6.0f}ms {k['p95_ms']:6.0f}ms  "
              f"{k['errors']} ({k['errors_in_flight_at_kill']})  {k['statuses']}")  # fmt: skip
    print(f"kills: {', '.join(f'{s} at {t:.0f} s' for s, t in r['kills']) or 'none'}")
    print(f"accepted uploads {r['accepted']} {r['accepted_by_kind']}; lost or damaged {len(r['lost'])}")
    print(
        f"complete over tus but their saving broken off by a kill: {r['unsaved_then_recovered']} (saved by the sweep)"
    )
    print(f"scores saved {r['scores']}; not recorded {len(r['scores_missing'])}")
    print(f"errors outside the killed process's requests: {r['errors_outside_kills'][:20]}")
    print(f"standings caught up {r['caught_up_s']} s after the last event; equal to a full recompute: {r['equal']}")
    print(f"load: {r.get('load')}")
    print(f"RESULT deadline_lost={len(r['lost'])} uploads ==0")
    print(f"RESULT deadline_scores_missing={len(r['scores_missing'])} scores ==0")
    print(f"RESULT deadline_5xx_outside_kills={len(r['errors_outside_kills'])} responses ==0")
    print(f"RESULT deadline_page_p95_ms={r['page_p95_ms']:.0f} ms <=500")
    print(f"RESULT deadline_upload_1mb_p95_ms={r['upload_1mb_p95_ms']:.0f} ms <=1000")
    print(f"RESULT deadline_caught_up_s={r['caught_up_s'] if r['caught_up_s'] is not None else -1:.1f} s <=10")
    print(f"RESULT deadline_standings_equal={int(r['equal'])} bool ==1")
