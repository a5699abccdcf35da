"""The API keeps its contract where Schemathesis found it broken: a POST that Django's CSRF check refused answered
403 as an HTML page on the five write operations, and a document the user may not download answered 403
where the schema says 404. Both now answer the documented JSON error (core.api's shape), Thai first."""

import pytest
from django.test import Client
from knox.models import AuthToken

from people.models import Role
from tests.factories import IssuedDocumentFactory, UserFactory

# The five write operations, each with a path parameter its route does not take: the request falls to the
# API's catch-all address, whose CSRF check ran before anything else.
WRITES = [
    "/api/v1/years/Y2566/facts/",
    "/api/v1/years/Y2566/judgments/",
    "/api/v1/years/Y2566/documents/",
    "/api/v1/years/Y2566/evidence/",
    "/api/v1/contests/cdd4%212566/nominees/TH-50/",
]


@pytest.mark.parametrize("path", WRITES)
@pytest.mark.parametrize("signed_in", ["token", "session"])
def test_a_post_refused_by_csrf_answers_the_apis_json_error(rubric, path, signed_in):
    client = Client(enforce_csrf_checks=True)
    user = UserFactory(role=Role.CENTRAL)
    headers = {}
    if signed_in == "token":
        headers["Authorization"] = f"Token {AuthToken.objects.create(user)[1]}"
    else:
        client.force_login(user)

    response = client.post(path, {"kind": "results"}, content_type="application/json", headers=headers)

    assert (response.status_code, response["Content-Type"]) == (403, "application/json")
    [error] = response.json()["errors"]
    assert response.json()["type"] == "client_error"
    assert (error["code"], error["attr"]) == ("csrf_failed", None)
    assert error["th"].startswith("คำขอไม่ผ่านการตรวจ CSRF")
    assert error["detail"] == f"{error['th']} / {error['en']}"


def test_a_page_refused_by_csrf_is_still_the_portals_page(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory(role=Role.CENTRAL))
    response = client.post("/standings/contests/build/", {"action": "download"})
    assert response.status_code == 403
    assert [t.name for t in response.templates][:1] == ["403_csrf.html"]


@pytest.mark.parametrize("suffix", ["", "file"])
@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE])
def test_a_document_the_user_may_not_download_is_not_found(rubric, chiang_mai, role, suffix):
    document = IssuedDocumentFactory(rubric=rubric)
    user = UserFactory(role=role, role__unit=chiang_mai) if role == Role.OFFICE_STAFF else UserFactory(role=role)
    client = Client()
    client.force_login(user)

    response = client.get(f"/api/v1/documents/{document.pk}/{suffix}")

    assert response.status_code == 404
    [error] = response.json()["errors"]
    assert (error["code"], error["th"]) == ("not_found", "ไม่พบรายการนี้")
