"""Digital signature of final documents: a throw-away certificate (tests/awards/signing_certificates.py),
validated with pyHanko."""

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.management import call_command
from django.test import Client
from pyhanko.pdf_utils.reader import PdfFileReader

from awards import documents, selectors, services, signing
from awards.models import DocumentStatus, SigningCertificate
from people.models import Role
from scoring.models import Standing
from tests.awards.signing_certificates import PASSPHRASE, _validate, make_certificate, p12
from tests.factories import UserFactory


def test_upload_keeps_key_encrypted_for_the_server_never_with_the_passphrase(certificate):
    row, cert = certificate
    assert row.active and row.fingerprint == cert.fingerprint(hashes.SHA256()).hex()
    assert row.subject == "C=TH,CN=กรมการพัฒนาชุมชน"
    stored = bytes(row.pkcs12)
    assert PASSPHRASE.encode() not in stored
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates(stored, PASSPHRASE.encode())
    assert signing.signer(stored).signing_cert.sha256.hex() == row.fingerprint


def test_second_upload_replaces_the_first_which_is_kept(certificate):
    first, _ = certificate
    key, cert = make_certificate(name="ผู้ลงนามใหม่")
    second = services.signing_certificate_upload(data=p12(key, cert), passphrase=PASSPHRASE)
    first.refresh_from_db()
    assert (first.active, second.active, selectors.signing_certificate()) == (False, True, second)
    assert services.signing_certificate_withdraw() == 1
    assert selectors.signing_certificate() is None
    assert SigningCertificate.objects.count() == 2


@pytest.mark.parametrize(
    ("make", "passphrase", "message"),
    [
        (lambda: p12(*make_certificate()), "wrong", "รหัสผ่านไม่ถูกต้อง"),
        (lambda: b"not a certificate", "", "ไม่ใช่ไฟล์ PKCS#12"),
        (lambda: p12(*make_certificate(days=10, start=datetime.now(UTC) - timedelta(days=20))), PASSPHRASE, "หมดอายุ"),
        (lambda: p12(make_certificate()[0], None), PASSPHRASE, "ต้องมีทั้งกุญแจส่วนตัวและใบรับรอง"),
    ],
)
def test_unusable_certificate_is_refused_with_a_thai_reason(db, make, passphrase, message):
    with pytest.raises(signing.CertificateError, match=message):
        services.signing_certificate_upload(data=make(), passphrase=passphrase)
    assert SigningCertificate.objects.count() == 0


def test_draft_document_is_not_signed(final_standings, certificate, django_capture_on_commit_callbacks):
    Standing.objects.filter(rubric=final_standings, unit__code="TH-50").update(change_seq=99)
    assert not documents.final(final_standings)
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.document_request(rubric=final_standings, kind="certificates")
    doc.refresh_from_db()
    assert (doc.status, doc.signed_with) == (DocumentStatus.DONE, None)
    central = Client()
    central.force_login(UserFactory(role=Role.CENTRAL))
    assert central.get(f"/awards/documents/{doc.pk}/status/").json()["signed"] is False
    assert PdfFileReader(BytesIO(doc.file.read())).embedded_signatures == []


def test_new_certificate_gives_new_signed_version(final_standings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        unsigned = services.document_request(rubric=final_standings, kind="results")
    key, cert = make_certificate()
    services.signing_certificate_upload(data=p12(key, cert), passphrase=PASSPHRASE)
    with django_capture_on_commit_callbacks(execute=True):
        signed = services.document_request(rubric=final_standings, kind="results")
    signed.refresh_from_db()
    assert (unsigned.version, signed.version) == (1, 2)
    assert _validate(signed.file.read(), cert)[1].valid


def test_expired_stored_certificate_fails_the_document_with_its_reason(
    final_standings, certificate, django_capture_on_commit_callbacks
):
    row, _ = certificate
    key, cert = make_certificate(days=10, start=datetime.now(UTC) - timedelta(days=20))
    sealed = signing.seal(p12(key, cert), PASSPHRASE, now=datetime.now(UTC) - timedelta(days=15))  # valid then
    SigningCertificate.objects.filter(pk=row.pk).update(pkcs12=sealed.data)
    with django_capture_on_commit_callbacks(execute=True):
        doc = services.document_request(rubric=final_standings, kind="results")
    doc.refresh_from_db()
    assert doc.status == DocumentStatus.FAILED
    assert doc.error.startswith("ใบรับรองหมดอายุแล้วเมื่อ")


def test_central_uploads_on_the_results_page_others_cannot(demo_standings, central_user, provincial_user):
    key, cert = make_certificate()
    url = "/awards/years/2566/signing-certificate/"

    def post(client, **data):
        return client.post(url, {"file": BytesIO(p12(key, cert)), "passphrase": PASSPHRASE, **data})

    assert post(Client()).status_code == 302 and SigningCertificate.objects.count() == 0  # anonymous: to login
    provincial = Client()
    provincial.force_login(provincial_user)
    assert post(provincial).status_code == 403
    central = Client()
    central.force_login(central_user)
    response = post(central)
    assert response["Location"] == "/awards/years/2566/#signature"
    assert SigningCertificate.objects.get().fingerprint == cert.fingerprint(hashes.SHA256()).hex()
    page = central.get("/awards/years/2566/").content.decode()
    assert "C=TH,CN=กรมการพัฒนาชุมชน" in page and "ยกเลิกการลงนามดิจิทัล" in page
    assert cert.fingerprint(hashes.SHA256()).hex() in central.get("/admin/awards/signingcertificate/").content.decode()
    wrong = central.post(url, {"file": BytesIO(p12(key, cert)), "passphrase": "ผิด"}, follow=True)
    assert "รหัสผ่านไม่ถูกต้อง" in wrong.content.decode()
    central.post(url, {"withdraw": "1"})
    assert selectors.signing_certificate() is None


def test_export_results_command_signs_with_the_same_certificate(final_standings, certificate, tmp_path):
    row, cert = certificate
    out = tmp_path / "set.pdf"
    call_command("export_results", "--year", "2566", "--out", str(out), "--kind", "announcement,certificates")
    status = _validate(out.read_bytes(), cert)[1]
    assert (status.intact, status.valid, status.signing_cert.sha256.hex()) == (True, True, row.fingerprint)
