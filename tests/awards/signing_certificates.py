"""A throw-away signing certificate made here, as a CA would issue one for document signing, uploaded, and a
signed PDF validated with pyHanko: for the signing tests, quick and those that read the PDFs back."""

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from awards import services

PASSPHRASE = "ทดสอบ-passphrase"


def make_certificate(days=365, start=None, name="กรมการพัฒนาชุมชน"):
    """A self-signed signing certificate and its key, as a CA would issue for document signing."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.COUNTRY_NAME, "TH")])
    start = start or datetime.now(UTC) - timedelta(days=1)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True
        )  # digitalSignature, nonRepudiation, keyCertSign
        .sign(key, hashes.SHA256())
    )
    return key, cert


def p12(key, cert, passphrase=PASSPHRASE) -> bytes:
    encryption = serialization.BestAvailableEncryption(passphrase.encode())
    return pkcs12.serialize_key_and_certificates(b"cdd", key, cert, None, encryption)


@pytest.fixture
def certificate(db):
    key, cert = make_certificate()
    row = services.signing_certificate_upload(data=p12(key, cert), passphrase=PASSPHRASE)
    return row, cert


def _validate(data: bytes, cert):
    reader = PdfFileReader(BytesIO(data))
    assert len(reader.embedded_signatures) == 1
    embedded = reader.embedded_signatures[0]
    root = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[root]))
    return embedded, status
