"""A short deadline day with Locust against the rehearsal (bench/deadline_locust.py, the bench's own driver): office
staff uploading by form and over tus with cut links, the committee scoring, central staff on the dashboard, the
public verifying, while web2 and the worker are killed and started again. Correctness only, not latency (the
machine is shared): nothing accepted is lost, every saved score is kept, no 5xx but the killed process's own
requests in flight, and the standings catch up and equal a full recompute."""

import json
import subprocess
import sys

import pytest

from tests.deploy.rehearsal import ROOT, rehearsal_running

pytestmark = pytest.mark.service


def test_a_deadline_day_with_a_web_machine_and_the_worker_killed_loses_nothing(tmp_path):
    with rehearsal_running(demo=True) as (_, _, base):
        people = ["--provincial", "6", "--district", "3", "--committee", "2", "--central", "1", "--public", "2"]
        args = [sys.executable, "bench/deadline_locust.py", "--dir", str(base), "--minutes", "1", *people]
        run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
        report = json.loads((base / "deadline-locust.json").read_text())

    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    assert [service for service, _ in report["kills"]] == ["web2", "worker"]
    assert {"upload small (form)", "upload 1 MB (form)", "tus"} <= set(report["accepted_by_kind"])
    assert report["scores"] > 0
    assert (report["lost"], report["scores_missing"], report["errors_outside_kills"]) == ([], [], [])
    assert report["equal"] is True
    assert report["caught_up_s"] is not None
