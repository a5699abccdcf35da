"""Schemathesis, run as a client runs it, against the schema the live portal serves.

A live server on this test's database; one Schemathesis run per role (central staff, a provincial office, a
committee member, an office that organises a district contest, and a district office entering it, pinned to a
national document it may not download: 404), each with its own knox token. Every
phase (the schema's examples, coverage with negative data, fuzzing) is checked with not_a_server_error,
status_code_conformance and response_schema_conformance; bounded examples and a fixed seed keep it short
and repeatable. Path parameters are pinned to what the role may act on, so the bodies reach validation
and the services, and the examples in the schema are accepted (201/200/202), not only refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from knox.models import AuthToken

from awards.models import DocumentKind
from awards.services import document_request
from cdd4.celery import app
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from tests.factories import DistrictFactory, IssuedDocumentFactory, UserFactory, office_contest

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
CHECKS = "not_a_server_error,status_code_conformance,response_schema_conformance"
SEED = 2566
MAX_EXAMPLES = 8
ORGANISED = "pk-web-2564"  # Phuket's office runs it among two of its districts
FACTS = "POST /api/v1/years/{key}/facts/"
DOCUMENTS = "POST /api/v1/years/{key}/documents/"
NOMINEE = "POST /api/v1/contests/{slug}/nominees/{code}/"
EXERCISED = {
    "central": {FACTS, DOCUMENTS, NOMINEE},
    "provincial": {"POST /api/v1/years/{key}/evidence/"},
    "committee": {"POST /api/v1/years/{key}/judgments/"},
    "organiser": {DOCUMENTS, NOMINEE},
    "district": set(),  # its run is about what it may not read: a national document (404)
}
HYPOTHESIS = Path(__file__).resolve().parents[3] / ".hypothesis"
COVERED = "central"  # the role whose run covers every operation with the coverage phase


def _portal():
    """The bootstrap data (a transactional test before this one may have flushed it), the five roles and
    an office's district contest that takes nominees."""
    if not Unit.objects.exists():
        call_command("bootstrap", "--no-units", verbosity=0, stdout=open(os.devnull, "w"))
    from scoring.recompute import standings_recompute

    standings_recompute(rubric_id=ContestPeriod.objects.get(year=2566).pk)
    chiang_mai, phuket = Unit.objects.get(code="TH-50"), Unit.objects.get(code="TH-83")
    districts = [DistrictFactory(parent=phuket), DistrictFactory(parent=phuket)]
    organised = office_contest(ORGANISED, phuket, *districts, nominates=True)
    # One finished document: the district's breakdown (its office and central staff may read it).
    document = document_request(rubric=organised, kind=DocumentKind.BREAKDOWN, unit=districts[0])
    # The national year, and the office's contest by its slug (central staff run it, the others get 404).
    national = {"key": "2566", "slug": ORGANISED, "code": districts[0].code, "id": str(document.pk)}
    organiser = {**national, "key": ORGANISED}
    return {
        "central": (UserFactory(role=Role.CENTRAL), national),
        "provincial": (UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai), national),
        "committee": (UserFactory(role=Role.COMMITTEE), national),
        "organiser": (UserFactory(role=Role.ORGANISER, role__unit=phuket), organiser),
        "district": (
            UserFactory(role=Role.OFFICE_STAFF, role__unit=districts[0]),
            {**organiser, "id": str(IssuedDocumentFactory(rubric=ContestPeriod.objects.get(year=2566)).pk)},
        ),
    }


def _config(path: Path, pinned: dict[str, str], role: str) -> Path:
    # No example database: each run starts from none, as it did in a fresh folder of its own (below).
    lines = [f"seed = {SEED}", "[generation]", f"max-examples = {MAX_EXAMPLES}", 'database = "none"', "[parameters]"]
    lines += [f'"path.{name}" = "{value}"' for name, value in pinned.items()]
    if role != COVERED:
        # The coverage phase (every boundary and malformed value of every field, about 500 requests, three
        # quarters of a run) runs whole for central staff. For another role an operation it may not do is
        # refused before its body is read, the same answer for every value: examples and fuzzing show that;
        # the coverage phase runs on the operations the role may do.
        lines += ["[[operations]]", f"exclude-name = {json.dumps(sorted(EXERCISED[role]))}"]
        lines += ["[operations.phases.coverage]", "enabled = false"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("role", ["central", "provincial", "committee", "organiser", "district"])
def test_schemathesis_finds_no_nonconformance(role, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    user, pinned = _portal()[role]
    _, token = AuthToken.objects.create(user)
    # Documents asked for during the run are queued for a worker (none here): the API answers 202 with their
    # status, and the test does not spend its minutes rendering the national PDFs.
    app.conf.task_always_eager = False
    out = Path(os.environ.get("CDD4_SCHEMATHESIS_OUT", tmp_path))  # keeps each role's report and output there
    report = out / f"schemathesis-{role}.json"
    run = subprocess.run(
        [
            SCHEMATHESIS,
            "--no-color",
            "--config-file",
            str(_config(tmp_path / "schemathesis.toml", pinned, role)),
            "run",
            f"{live_server.url}/api/v1/schema/",
            "--header",
            f"Authorization: Token {token}",
            # A fresh connection per request. Once, under load, a request failed "Connection aborted" on a
            # bare "<!DOCTYPE HTML>", the development server's HTTP/0.9 error for a request line it could not
            # parse: bytes left on a kept-alive connection. Closing each connection leaves nothing to carry.
            "--header",
            "Connection: close",
            "--checks",
            CHECKS,
            "--phases",
            "examples,coverage,fuzzing",
            "--continue-on-failure",
            "--workers",
            "1",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,  # its .schemathesis/ cache goes there, not into the work tree
        # Hypothesis' table of what UTF-8 encodes, shared with the suite's own (made once, read in 2 ms): each
        # run in a folder of its own made it again, 1.9 s a role.
        env={**os.environ, "HYPOTHESIS_STORAGE_DIRECTORY": str(HYPOTHESIS)},
    )
    (out / f"schemathesis-{role}.txt").write_text(run.stdout)
    figures = json.loads(report.read_text())
    print(
        f"RESULT schemathesis {role}: {figures['operations']['tested']} operations, "
        f"{figures['test_cases']['generated']} cases, {figures['test_cases']['unique_failures']} failures"
    )
    assert run.returncode == 0, run.stdout[-20000:]
    assert (figures["operations"]["tested"], figures["test_cases"]["unique_failures"]) == (
        19,
        0,
    )  # with the stage picks and an entrant's obligations
    accepted = {op for op, phases in figures["valid_rates"].items() if any(p["accepted"] for p in phases.values())}
    assert accepted >= EXERCISED[role]  # the write operations this role may do were done, not only refused
