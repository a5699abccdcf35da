"""Refusals beyond the isolation tables' one status per route and role (tests/security/test_isolation_rules.py):
guessed evidence ids, a withdrawn version, a user with no membership, and what an upload is told when its
session has expired."""

import pytest
from django.urls import reverse

from submissions.models import Evidence
from tests.factories import UserFactory

from . import files

C = [2566, "TH-50", "1.1"]
P = [2566, "TH-50"]


def _upload():
    return {"file": files.upload("a.pdf", files.pdf_new()), "description": "ภาพ"}


@pytest.fixture
def evidence(owner_client):
    owner_client.post(reverse("submissions:upload", args=C), _upload())
    owner_client.logout()
    return Evidence.objects.get()


def test_other_province_cannot_download_even_by_guessing_ids(client, phuket_user, evidence):
    client.force_login(phuket_user)
    for pk in range(max(evidence.pk - 2, 1), evidence.pk + 3):
        assert client.get(reverse("submissions:download", args=[pk])).status_code == 404


def test_committee_cannot_download_withdrawn_version(client, provincial_user, committee_user, evidence):
    from submissions import services

    services.evidence_withdraw(user=provincial_user, evidence=evidence)
    client.force_login(committee_user)

    assert client.get(reverse("submissions:download", args=[evidence.pk])).status_code == 404


def test_provincial_without_membership_sees_nothing(client, evidence):
    client.force_login(UserFactory())

    assert client.get(reverse("submissions:unit", args=P)).status_code == 404
    assert client.get(reverse("submissions:download", args=[evidence.pk])).status_code == 404


def test_a_small_upload_after_the_session_expired_is_told_to_log_in_thai_first(client, chiang_mai):
    """Under the upload gate's size (CDD4_ANONYMOUS_BODY_BYTES) the view itself answers, in the same words and
    shape (core.api.error_response) as the gate gives a larger body, for upload.js to show."""
    response = client.post(reverse("submissions:upload", args=C), _upload(), headers={"accept": "application/json"})

    assert response.status_code == 401
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "not_authenticated",
                "detail": "กรุณาเข้าสู่ระบบก่อนส่งไฟล์ / Log in before sending files",
                "th": "กรุณาเข้าสู่ระบบก่อนส่งไฟล์",
                "en": "Log in before sending files",
                "attr": None,
            }
        ],
    }
    assert Evidence.objects.count() == 0
