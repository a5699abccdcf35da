"""Who may do what, for every page and endpoint: anonymous / provincial / committee / central."""

import pytest
from django.test import Client

from awards.models import DocumentStatus, GeneratedDocument
from people.models import Conflict, Role
from scoring.models import Standing
from tests.factories import DistrictFactory, UserFactory, office_contest

ROLES = ["anonymous", "provincial", "committee", "central"]


@pytest.fixture
def doc(rubric):
    # A finished document without a render: permissions do not depend on the PDF's content.
    from django.core.files.base import ContentFile

    d = GeneratedDocument(rubric=rubric, kind="results", source_key="k", version=1, status=DocumentStatus.DONE)
    d.file.save("t.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    d.save()
    return d


def _user(role, chiang_mai):
    if role == "anonymous":
        return None
    if role == "provincial":
        return UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    return UserFactory(role={"committee": Role.COMMITTEE, "central": Role.CENTRAL}[role])


def _client(role, chiang_mai) -> Client:
    client = Client()
    user = _user(role, chiang_mai)
    if user is not None:
        client.force_login(user)
    return client


PAGES = [
    # (method, url, data, expected status per role)
    ("get", "/awards/years/2566/", None, [302, 403, 200, 200]),
    ("post", "/awards/years/2566/documents/", {"kind": "bogus"}, [302, 403, 403, 302]),
    ("post", "/awards/years/2566/signature/", {"signer_name": ""}, [302, 403, 403, 302]),
    ("post", "/awards/years/2566/signing-certificate/", {"withdraw": "1"}, [302, 403, 403, 302]),
    ("get", "/awards/documents/{doc}/status/", None, [302, 404, 404, 200]),  # as the API
    ("get", "/awards/documents/{doc}/download/", None, [302, 404, 404, 200]),
    ("get", "/admin/awards/generateddocument/", None, [302, 302, 403, 200]),
    ("get", "/admin/awards/awardsignature/", None, [302, 302, 403, 200]),
    ("get", "/admin/awards/signingcertificate/", None, [302, 302, 403, 200]),
]

API = [
    ("get", "/api/v1/years/2566/exports/standings.xlsx", None, [401, 403, 403, 200]),
    ("get", "/api/v1/years/2566/exports/facts.csv", None, [401, 403, 403, 200]),
    ("get", "/api/v1/years/2566/exports/fact-changes.csv", None, [401, 403, 403, 200]),
    ("post", "/api/v1/years/2566/documents/", {"kind": "bogus"}, [401, 403, 403, 400]),
    ("get", "/api/v1/documents/{doc}/", None, [401, 404, 404, 200]),  # the schema's 404
    ("get", "/api/v1/documents/{doc}/file", None, [401, 404, 404, 200]),
]


@pytest.mark.parametrize(("method", "url", "data", "expected"), PAGES + API)
def test_permission_matrix_every_page_and_endpoint(method, url, data, expected, doc, chiang_mai):
    got = []
    for role in ROLES:
        client = _client(role, chiang_mai)
        response = getattr(client, method)(url.format(doc=doc.pk), data or {})
        got.append(response.status_code)
    assert got == expected


def test_download_is_an_attachment(doc, central_user):
    client = Client()
    client.force_login(central_user)
    response = client.get(f"/awards/documents/{doc.pk}/download/")
    assert response["Content-Disposition"] == 'attachment; filename="cdd4-2566-results-all-v1.pdf"'
    assert response["Content-Type"] == "application/pdf"


def test_results_page_committee_sees_table_not_document_tools(committee_user):
    client = Client()
    client.force_login(committee_user)
    html = client.get("/awards/years/2566/").content.decode()
    assert html.count("<tr><td>") == 76
    assert 'id="documents"' not in html


def test_api_export_attachment_headers(central_user, api):
    api.force_authenticate(central_user)
    response = api.get("/api/v1/years/2566/exports/standings.csv")
    assert response["Content-Disposition"] == 'attachment; filename="cdd4-2566-standings.csv"'
    assert response.content[:3] == b"\xef\xbb\xbf"
    assert api.get("/api/v1/years/2566/exports/nope.csv").status_code == 404


def test_api_schema_documents_exports(central_user, api):
    api.force_authenticate(central_user)
    schema = api.get("/api/v1/schema/").content.decode()
    assert "/api/v1/years/{key}/exports/{sheet}.{fmt}" in schema
    assert "/api/v1/years/{key}/documents/" in schema


def test_results_page_and_admin_list_every_year_sheet_in_its_registry_formats(central_user):
    client = Client()
    client.force_login(central_user)
    html = client.get("/awards/years/2566/").content.decode()
    admin_html = client.get("/admin/awards/generateddocument/").content.decode()
    sheets = ["standings", "facts", "fact-changes", "judgments", "judgment-changes"]
    links = [f'href="/api/v1/years/2566/exports/{s}.{fmt}"' for s in sheets for fmt in ("xlsx", "csv")]
    assert [link in html for link in links] == [True] * 10
    assert [link in admin_html for link in links] == [True] * 10
    assert "/exports/evidence-index" not in html + admin_html


def test_api_exports_only_year_sheets_in_their_formats(central_user, api):
    api.force_authenticate(central_user)
    statuses = [api.get(f"/api/v1/years/2566/exports/{s}").status_code for s in ("evidence-index.csv", "facts.pdf")]
    schema = api.get("/api/v1/schema/").content.decode()
    assert statuses == [404, 404]
    assert "- judgment-changes" in schema and "- score-history" not in schema


# One awardee's certificate: who may ask for it and take it away is who may get the certificates at all (whoever
# runs the contest), never the awardee's own office, another office, another contest's organiser or a panelist,
# conflicted or not. Every request targets Chiang Mai's own certificate.
AWARDEE_ROLES = ["anonymous", "owner", "other_office", "other_organiser", "panelist", "conflicted", "central"]
AWARDEE = [
    ("get", "/awards/documents/{doc}/download/", None, [302, 404, 404, 404, 404, 404, 200]),
    ("get", "/awards/documents/{doc}/status/", None, [302, 404, 404, 404, 404, 404, 200]),
    ("get", "/api/v1/documents/{doc}/file", None, [401, 404, 404, 404, 404, 404, 200]),
    ("post", "/awards/years/2566/documents/", {"kind": "certificates", "province": "TH-50"}, [302] + [403] * 5 + [302]),
    ("post", "/api/v1/years/2566/documents/", {"kind": "certificates", "province": "TH-50"}, [401] + [403] * 5 + [202]),
]


def _own_certificate(rubric, unit) -> GeneratedDocument:
    """An awardee's certificate made with the combined file, without a render: rights do not read the PDF."""
    from django.core.files.base import ContentFile

    combined = GeneratedDocument.objects.create(
        rubric=rubric, kind="certificates", source_key="k", version=1, status=DocumentStatus.DONE
    )
    own = GeneratedDocument(
        rubric=rubric, kind="certificates", unit=unit, scope=unit.code, source_key="k", version=1,
        status=DocumentStatus.DONE, combined=combined,
    )  # fmt: skip
    own.file.save("own.pdf", ContentFile(b"%PDF-1.7 own"), save=False)
    own.save()
    return own


@pytest.fixture
def awardee_users(rubric, chiang_mai, phuket) -> dict:
    winner = rubric.award_tiers.order_by("order").first().code
    Standing.objects.filter(rubric=rubric, unit=chiang_mai).update(award=winner)  # so the awardee is asked for
    conflicted = UserFactory(role=Role.COMMITTEE)
    Conflict.objects.create(member=conflicted, unit=chiang_mai, reason="ญาติ")
    office_contest("phuket-web-2564", phuket, DistrictFactory(parent=phuket))  # the organiser's own contest
    return {
        "anonymous": None,
        "owner": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "other_office": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "panelist": UserFactory(role=Role.COMMITTEE),
        "conflicted": conflicted,
        "central": UserFactory(role=Role.CENTRAL),
    }


@pytest.mark.parametrize(("method", "url", "data", "expected"), AWARDEE)
def test_one_awardee_s_certificate_is_for_whoever_runs_the_contest(
    method, url, data, expected, rubric, chiang_mai, awardee_users
):
    own = _own_certificate(rubric, chiang_mai)
    got = []
    for role in AWARDEE_ROLES:
        client = Client()
        if awardee_users[role] is not None:
            client.force_login(awardee_users[role])
        response = getattr(client, method)(url.format(doc=own.pk), data or {})
        got.append(response.status_code)
    assert got == expected


def test_an_office_contest_s_organiser_gets_its_awardee_s_certificate_and_the_awardee_does_not(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    own = _own_certificate(office_contest("cm-web-2564", chiang_mai, district), district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    entrant = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    got = []
    for user in (organiser, entrant):
        client = Client()
        client.force_login(user)
        got.append(client.get(f"/awards/documents/{own.pk}/download/").status_code)
    assert got == [200, 404]
