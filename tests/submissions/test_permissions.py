"""Owner / other province / committee / anonymous × every page and endpoint."""

import pytest
from django.urls import reverse

from people.models import Role
from submissions.models import Evidence
from tests.factories import UserFactory

from . import files

OWNER, OTHER, COMMITTEE, CENTRAL, ANON = "owner", "other", "committee", "central", "anon"
WHO = [OWNER, OTHER, COMMITTEE, CENTRAL, ANON]
C = [2566, "TH-50", "1.1"]
P = [2566, "TH-50"]


def _upload():
    return {"file": files.upload("a.pdf", files.pdf_new()), "description": "ภาพ"}


# (name, method, url builder, data builder, expected status per role)
ENDPOINTS = [
    (
        "home",
        "get",
        lambda e: reverse("submissions:home"),
        None,
        # Central staff: their dashboard; a visitor: the public landing.
        {OWNER: 302, OTHER: 302, COMMITTEE: 200, CENTRAL: 302, ANON: 200},
    ),
    (
        "province",
        "get",
        lambda e: reverse("submissions:province", args=P),
        None,
        {OWNER: 200, OTHER: 404, COMMITTEE: 200, CENTRAL: 200, ANON: 302},
    ),
    (
        "criterion",
        "get",
        lambda e: reverse("submissions:criterion", args=C),
        None,
        {OWNER: 200, OTHER: 404, COMMITTEE: 200, CENTRAL: 200, ANON: 302},
    ),
    (
        "innovation",
        "get",
        lambda e: reverse("submissions:innovation", args=P),
        None,
        {OWNER: 200, OTHER: 404, COMMITTEE: 200, CENTRAL: 200, ANON: 302},
    ),
    (
        "innovation_post",
        "post",
        lambda e: reverse("submissions:innovation", args=P),
        lambda: {"title_th": "x"},
        {OWNER: 200, OTHER: 404, COMMITTEE: 403, CENTRAL: 403, ANON: 302},
    ),
    (
        "upload",
        "post",
        lambda e: reverse("submissions:upload", args=C),
        _upload,
        {OWNER: 201, OTHER: 404, COMMITTEE: 403, CENTRAL: 403, ANON: 401},
    ),
    (
        "link",
        "post",
        lambda e: reverse("submissions:link", args=C),
        lambda: {"url": "https://youtu.be/x"},
        {OWNER: 201, OTHER: 404, COMMITTEE: 403, CENTRAL: 403, ANON: 302},
    ),
    (
        "download",
        "get",
        lambda e: reverse("submissions:download", args=[e.pk]),
        None,
        {OWNER: 200, OTHER: 404, COMMITTEE: 200, CENTRAL: 200, ANON: 302},
    ),
    (
        "withdraw",
        "post",
        lambda e: reverse("submissions:withdraw", args=[e.pk]),
        lambda: {},
        {OWNER: 302, OTHER: 404, COMMITTEE: 403, CENTRAL: 403, ANON: 302},
    ),
    (
        "api_list",
        "get",
        lambda e: reverse("api-evidence", args=[2566]),
        None,
        {OWNER: 200, OTHER: 200, COMMITTEE: 200, CENTRAL: 200, ANON: 401},
    ),
    (
        "api_post",
        "post",
        lambda e: reverse("api-evidence", args=[2566]),
        lambda: {**_upload(), "criterion": "1.1"},
        {OWNER: 201, OTHER: 201, COMMITTEE: 403, CENTRAL: 403, ANON: 401},
    ),
]


@pytest.fixture
def users(provincial_user, phuket_user, committee_user, central_user):
    return {OWNER: provincial_user, OTHER: phuket_user, COMMITTEE: committee_user, CENTRAL: central_user, ANON: None}


@pytest.fixture
def evidence(owner_client):
    owner_client.post(reverse("submissions:upload", args=C), _upload())
    owner_client.logout()
    return Evidence.objects.get()


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("name", "method", "url", "data", "expected"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS])
def test_permission_matrix(client, users, evidence, who, name, method, url, data, expected):
    if users[who] is not None:
        client.force_login(users[who])

    response = getattr(client, method)(url(evidence), data() if data else None, headers={"accept": "application/json"})

    assert response.status_code == expected[who]


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

    assert client.get(reverse("submissions:province", args=P)).status_code == 404
    assert client.get(reverse("submissions:download", args=[evidence.pk])).status_code == 404


def test_chair_sees_province_pages(client, evidence):
    client.force_login(UserFactory(role=Role.CHAIR))

    assert client.get(reverse("submissions:criterion", args=C)).status_code == 200


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
