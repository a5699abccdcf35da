import pytest
from prometheus_client import REGISTRY

from tests.factories import PASSWORD
from tests.submissions import files

pytestmark = pytest.mark.django_db


def sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_metrics_refused_outside_allowed_networks_without_token(client, settings):
    settings.CDD4_METRICS_TOKEN = "s3cret-token"
    response = client.get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403
    assert response.content.decode().startswith("ไม่อนุญาต")
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    ok = client.get("/metrics", REMOTE_ADDR="203.0.113.9", HTTP_AUTHORIZATION="Bearer s3cret-token")
    assert ok.status_code == 200


def test_metrics_scraped_counts_requests_uploads_and_login_failures(client, provincial_user):
    failures = sample("cdd4_login_failures_total")
    client.post("/accounts/login/", {"username": provincial_user.username, "password": "wrong"})
    uploads = sample("cdd4_uploads_total", file_kind="pdf")
    upload_bytes = sample("cdd4_upload_bytes_total")
    client.login(username=provincial_user.username, password=PASSWORD)
    data = files.pdf(b"% metrics\n")
    response = client.post(
        "/api/v1/years/2566/evidence/",
        {"criterion": "1.1", "file": files.upload("r.pdf", data)},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 201, response.content

    scrape = client.get("/metrics")
    assert scrape.status_code == 200
    text = scrape.content.decode()
    assert 'cdd4_request_seconds_count{method="POST",view="login"}' in text
    assert sample("cdd4_login_failures_total") == failures + 1
    assert sample("cdd4_uploads_total", file_kind="pdf") == uploads + 1
    assert sample("cdd4_upload_bytes_total") == upload_bytes + len(data)
    assert "cdd4_recompute_seconds_count" in text
    assert 'cdd4_celery_tasks_total{outcome="success",task="scoring.recompute"}' in text
