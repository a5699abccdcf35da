"""Digital signature of final documents, read back: signed PAdES, and still PDF/A and searchable as poppler
reads it."""

from django.test import Client

from awards import services
from awards.models import DocumentStatus
from people.models import Role
from tests.awards.documents import squash
from tests.awards.signing_certificates import _validate
from tests.factories import UserFactory
from tests.processes.awards.readers import pdfinfo, pdftext


def test_final_document_is_signed_pades_and_stays_pdfa_and_searchable(
    final_standings, certificate, django_capture_on_commit_callbacks, tmp_path
):
    row, cert = certificate
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.document_request(rubric=final_standings, kind="announcement")
    doc.refresh_from_db()
    assert (doc.status, doc.signed_with) == (DocumentStatus.DONE, row)
    assert Client().get(f"/awards/documents/{doc.pk}/status/").status_code == 302
    central = Client()
    central.force_login(UserFactory(role=Role.CENTRAL))
    assert central.get(f"/api/v1/documents/{doc.pk}/").json()["signed"] is True
    data = doc.file.read()
    embedded, status = _validate(data, cert)
    assert (status.intact, status.valid, status.trusted) == (True, True, True)
    assert status.coverage.name == "ENTIRE_FILE"
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES baseline
    assert (status.signing_cert.sha256.hex(), status.md_algorithm) == (row.fingerprint, "sha256")
    tampered = data[:200] + bytes([data[200] ^ 1]) + data[201:]  # one bit inside the first (ICC) stream
    assert _validate(tampered, cert)[1].intact is False
    path = tmp_path / "signed.pdf"
    path.write_bytes(data)
    assert 'pdfaid:part="3" pdfaid:conformance="A"' in pdfinfo(path, "-meta")
    assert squash("หนึ่งหมื่นห้าพันบาทถ้วน") in squash(pdftext(path, "-raw"))
