"""The digital signature of a final document: PAdES baseline (B-B) with pyHanko, the Department's certificate.

The PKCS#12 file central staff upload is opened once with the passphrase they type, checked (key and
certificate both present, in date), then stored re-encrypted under a key derived from the
server's secret (CDD4_SIGNING_SECRET, else SECRET_KEY). The typed passphrase is never stored, and a
copy of the database alone does not open the key. Pure functions: the model row is written in services.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import pkcs12
from django.conf import settings
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.errors import PortalError

MAX_UPLOAD = 64 * 1024  # a PKCS#12 with its chain is a few KB
# The keys a PKCS#12 can be written back with (pkcs12.PKCS12PrivateKeyTypes); an exchange-only key (DH, X25519,
# X448) cannot sign, so a file holding one holds no private key for this purpose.
SIGNING_KEYS = (
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
)
REASON = _("issued by the Community Development Department")
LOCATION = "กรมการพัฒนาชุมชน กรุงเทพมหานคร"
FIELD = "CDD-Signature"


class CertificateError(PortalError):
    """A certificate that cannot sign; the message is shown to central staff (Thai, then English)."""


@dataclass(frozen=True)
class Sealed:
    data: bytes  # PKCS#12 re-encrypted with the server's secret
    subject: str
    issuer: str
    serial: str
    fingerprint: str
    not_before: datetime
    not_after: datetime


def _storage_passphrase() -> bytes:
    secret = getattr(settings, "CDD4_SIGNING_SECRET", "") or settings.SECRET_KEY
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"cdd4 awards signing key at rest")
    return base64.urlsafe_b64encode(hkdf.derive(secret.encode()))


def _check_dates(cert, now: datetime) -> None:
    if cert.not_valid_after_utc <= now:
        raise CertificateError(
            format_lazy(
                _("the certificate expired on {not_valid_after_utc:%Y-%m-%d}; upload a new one"),
                not_valid_after_utc=cert.not_valid_after_utc,
            )
        )
    if cert.not_valid_before_utc > now:
        raise CertificateError(
            format_lazy(
                _("the certificate is not valid before {not_valid_before_utc:%Y-%m-%d}"),
                not_valid_before_utc=cert.not_valid_before_utc,
            )
        )


def seal(data: bytes, passphrase: str, *, now: datetime | None = None) -> Sealed:
    """Opens an uploaded PKCS#12 (.p12/.pfx) and re-encrypts it for storage; CertificateError if unusable."""
    if len(data) > MAX_UPLOAD:
        raise CertificateError(_("over 64 KB: not a certificate file"))
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, passphrase.encode() or None)
    except ValueError as exc:
        raise CertificateError(_("cannot open the file: wrong passphrase, or not a PKCS#12 (.p12/.pfx) file")) from exc
    if not isinstance(key, SIGNING_KEYS) or cert is None:
        raise CertificateError(_("the file must hold both the private key and the certificate"))
    _check_dates(cert, now or timezone.now())
    sealed = pkcs12.serialize_key_and_certificates(
        b"cdd4-signing", key, cert, chain or None, serialization.BestAvailableEncryption(_storage_passphrase())
    )
    return Sealed(
        data=sealed,
        subject=cert.subject.rfc4514_string()[:500],
        issuer=cert.issuer.rfc4514_string()[:500],
        serial=format(cert.serial_number, "x")[:100],
        fingerprint=cert.fingerprint(hashes.SHA256()).hex(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
    )


def signer(sealed: bytes, *, now: datetime | None = None):
    """A pyHanko signer from a stored certificate; CertificateError if it cannot be opened or is out of date."""
    from pyhanko.sign import signers  # inline: pyHanko loads only when a document is signed

    try:
        loaded = signers.SimpleSigner.load_pkcs12_data(sealed, other_certs=(), passphrase=_storage_passphrase())
    except ValueError as exc:
        raise CertificateError(
            _("the stored certificate cannot be opened (server secret changed?); upload it again")
        ) from exc
    # pyHanko holds an asn1crypto certificate; the date checks read cryptography's.
    _check_dates(x509.load_der_x509_certificate(loaded.signing_cert.dump()), now or timezone.now())
    return loaded


def sign(pdf: bytes, signer) -> bytes:
    """The PDF with an invisible PAdES signature added as an incremental update (PDF/A stays PDF/A)."""
    # inline: pyHanko loads only when a document is signed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers  # inline: as above

    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=str(REASON),
        location=LOCATION,
    )
    out = signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), meta, signer=signer)
    return out.getvalue()
