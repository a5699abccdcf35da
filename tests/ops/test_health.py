from datetime import timedelta

import pytest
from django.utils import timezone

from ops import services
from ops.health import checks_run
from ops.models import BackupRecord, BackupStatus, CheckAlert, Heartbeat
from scoring.models import RecomputeRun, Standing

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roomy(settings):
    settings.CDD4_MIN_FREE_MB = 1


def states(response) -> dict[str, bool]:
    return {name: c["ok"] for name, c in response.json()["checks"].items()}


def test_healthz_answers_anonymous(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"ok": True})


def test_readyz_embedded_all_green(client, settings):
    settings.REDIS_URL = ""  # the embedded default, also when the suite runs in service mode
    response = client.get("/readyz")
    assert response.status_code == 200
    assert states(response) == {"database": True, "redis": True, "worker": True, "recompute": True, "disk": True}


def test_readyz_red_when_media_disk_nearly_full(client, settings):
    settings.CDD4_MIN_FREE_MB = 10**9
    response = client.get("/readyz")
    assert response.status_code == 503
    assert states(response)["disk"] is False
    assert response.json()["checks"]["disk"]["detail"].startswith("พื้นที่ว่าง ")


def test_readyz_service_mode_red_without_redis_and_with_a_stale_heartbeat(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    Heartbeat.objects.create(name="worker", at=timezone.now() - timedelta(seconds=121))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert {k: v for k, v in states(response).items() if not v} == {"redis": False, "worker": False}
    assert response.json()["checks"]["worker"]["detail"] == "ไม่มีสัญญาณจาก worker มา 121 s"

    services.heartbeat_record(name="worker")
    assert states(client.get("/readyz"))["worker"] is True


def test_readyz_red_when_stale_results_wait_with_no_recompute(client, rubric, settings):
    Standing.objects.filter(rubric=rubric, unit__code="TH-50").update(change_seq=10**6)
    RecomputeRun.objects.all().delete()  # the session's own set-up ran one moments ago
    RecomputeRun.objects.create(rubric=rubric, started_at=timezone.now() - timedelta(minutes=6))
    assert states(client.get("/readyz"))["recompute"] is False
    RecomputeRun.objects.create(rubric=rubric, started_at=timezone.now())
    assert states(client.get("/readyz"))["recompute"] is True


def test_operators_are_told_once_per_incident_after_a_check_stays_red(
    settings, mailoutbox, chiang_mai, django_capture_on_commit_callbacks
):
    """The alert is a notice the outbox sends (every mail is), to the operators' accounts that may see the
    portal's status: an operator's address on an office's account is not told."""
    from people.models import Role
    from tests.factories import UserFactory

    settings.CDD4_OPERATORS, settings.CDD4_MIN_FREE_MB = ["ops@cdd.go.th", "Staff@cdd.go.th"], 10**9
    UserFactory(username="ops", email="ops@cdd.go.th", role=Role.CENTRAL)
    UserFactory(username="staff", email="staff@cdd.go.th", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    assert services.alerts_update(checks=checks_run()) == []  # red now: not yet long enough
    CheckAlert.objects.filter(check_name="disk").update(red_since=timezone.now() - timedelta(minutes=4))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.alerts_update(checks=checks_run()) == ["disk"]
        assert services.alerts_update(checks=checks_run()) == []  # same incident: no second e-mail
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ops@cdd.go.th"]
    assert mailoutbox[0].subject == "ระบบมีปัญหาต่อเนื่อง: disk"
    assert "/ops/status/" in mailoutbox[0].body

    settings.CDD4_MIN_FREE_MB = 1
    services.alerts_update(checks=checks_run())
    assert CheckAlert.objects.get(check_name="disk").red_since is None  # green ends the incident


def test_status_panel_central_only(client, central_user, provincial_user):
    BackupRecord.objects.create(
        started_at=timezone.now() - timedelta(hours=5),
        finished_at=timezone.now() - timedelta(hours=5),
        status=BackupStatus.DONE,
        path="/backups/cdd4-20261122-000000",
        files=12,
        size=2048,
    )
    assert client.get("/ops/status/").status_code == 302
    client.force_login(provincial_user)
    assert client.get("/ops/status/").status_code == 403
    client.force_login(central_user)
    page = client.get("/ops/status/").content.decode()
    assert "(๕ ชั่วโมงก่อน) · ๑๒ ไฟล์" in page
    assert "/backups/cdd4-20261122-000000" in page
    assert 'id="failed-tasks">๐' in page
