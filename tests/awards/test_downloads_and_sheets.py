"""A document's download and the year's sheets: their headers, the pages that list them and the formats the API
offers; an office contest's awardee's certificate for its organiser (who may ask for each of the national
contest's, an awardee's own certificate too: tests/security/test_isolation_rules.py)."""

import pytest
from django.test import Client

from awards.models import DocumentStatus, GeneratedDocument
from people.models import Role
from tests.factories import DistrictFactory, UserFactory, office_contest


@pytest.fixture
def doc(rubric):
    # A finished document without a render: its download's headers do not depend on the PDF's content.
    from django.core.files.base import ContentFile

    d = GeneratedDocument(rubric=rubric, kind="results", source_key="k", version=1, status=DocumentStatus.DONE)
    d.file.save("t.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    d.save()
    return d


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


def test_an_office_contest_s_organiser_and_the_awardee_get_its_certificate_and_another_entrant_does_not(chiang_mai):
    district, other = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    own = _own_certificate(office_contest("cm-web-2564", chiang_mai, district, other), district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    entrant = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    stranger = UserFactory(role=Role.OFFICE_STAFF, role__unit=other)
    got = []
    for user in (organiser, entrant, stranger):
        client = Client()
        client.force_login(user)
        got.append(client.get(f"/awards/documents/{own.pk}/download/").status_code)
    assert got == [200, 200, 404]
