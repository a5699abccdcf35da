"""Writes for the award documents. Views, the admin, the API and `export_results` all come through here."""

from __future__ import annotations

import hashlib
import logging
from datetime import date

from celery import current_app
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Unit
from core import acts
from core.errors import PortalError
from scoring.models import Rubric, Standing

from . import selectors, signing
from .models import (
    AwardSignature,
    DocumentKind,
    DocumentStatus,
    GeneratedDocument,
    SigningCertificate,
    VerificationCode,
)
from .verification import CodeBook

log = logging.getLogger(__name__)


@transaction.atomic
def signature_set(
    *, rubric: Rubric, signer_name: str, signer_position: str, announced_on: date, user=None
) -> AwardSignature:
    """Who signs, and the date printed. Changing it changes the documents' version."""
    if user is not None:  # every door (the page, the admin) asks the act's factor here
        acts.step_up(user, "awards.change_signature")
    signature, _ = AwardSignature.objects.update_or_create(
        rubric=rubric,
        defaults={
            "signer_name": signer_name.strip(),
            "signer_position": signer_position.strip(),
            "announced_on": announced_on,
            "updated_by": user,
        },
    )
    return signature


@transaction.atomic
def signing_certificate_upload(*, data: bytes, passphrase: str, user=None) -> SigningCertificate:
    """Checks and stores the Department's PKCS#12; it signs every final document from now on.
    The previous certificate is kept (inactive). Raises signing.CertificateError with a Thai/English reason."""
    acts.step_up(user, "awards.manage_certificate")
    sealed = signing.seal(data, passphrase)
    SigningCertificate.objects.select_for_update().filter(active=True).update(active=False)
    return SigningCertificate.objects.create(
        pkcs12=sealed.data,
        subject=sealed.subject,
        issuer=sealed.issuer,
        serial=sealed.serial,
        fingerprint=sealed.fingerprint,
        not_before=sealed.not_before,
        not_after=sealed.not_after,
        uploaded_by=user,
    )


@transaction.atomic
def signing_certificate_withdraw(*, user=None) -> int:
    """Documents made from now on are not signed digitally; the stored certificates are kept, inactive."""
    acts.step_up(user, "awards.manage_certificate")
    withdrawn = SigningCertificate.objects.select_for_update().filter(active=True).update(active=False)
    log.info("signing certificate withdrawn by %s", user)
    return withdrawn


@transaction.atomic
def document_request(*, rubric: Rubric, kind: str, unit: Unit | None = None, user=None) -> GeneratedDocument:
    """The document for the current standings: the existing one if it was made from them (or is being
    made), else the next version, rendered in the background after this transaction commits."""
    if user is not None:  # every door (the page, the API, the admin's action) asks the act's factor here
        acts.step_up(user, "awards.generate_documents")
    if kind not in DocumentKind.values:
        raise PortalError(format_lazy(gettext_lazy("unknown document kind {kind!r}"), kind=kind), field="kind")
    if unit is not None and kind != DocumentKind.BREAKDOWN:
        raise PortalError(gettext_lazy("only a breakdown is made for one province"), field="province")
    if unit is not None and not Standing.objects.filter(rubric=rubric, unit=unit).exists():
        # A breakdown is the entrant's standing: without one, the render would have nothing to lay out.
        raise PortalError(
            f"{unit.name_th} ยังไม่มีผลคะแนนในการประกวดนี้",
            f"{unit.name_en} has no result in this contest yet",
            field="province",
            code="no_result",
        )
    Rubric.objects.select_for_update().get(pk=rubric.pk)  # one request at a time per year: no duplicate version
    scope = unit.code if unit else "all"
    key = selectors.standings_version(rubric)
    mine = GeneratedDocument.objects.filter(rubric=rubric, kind=kind, scope=scope)
    doc = mine.filter(source_key=key).first()
    if doc is not None and doc.status != DocumentStatus.FAILED:
        return doc
    if doc is None:
        version = (mine.aggregate(v=Max("version"))["v"] or 0) + 1
        doc = GeneratedDocument.objects.create(
            rubric=rubric, kind=kind, unit=unit, scope=scope, source_key=key, version=version, requested_by=user
        )
    else:  # a failed render is retried in place: same standings, same version number
        doc.status, doc.progress, doc.error, doc.requested_by = DocumentStatus.PENDING, 0, "", user
        doc.save(update_fields=["status", "progress", "error", "requested_by"])
    # By the name it is registered under (awards/tasks.py, loaded by AwardsConfig.ready): the task calls
    # this module, so it is addressed as a producer addresses it, never imported back.
    current_app.tasks["awards.render_document"].delay_on_commit(doc.pk)
    return doc


def _progress(doc_id: int):
    last = [0]

    def report(percent: int) -> None:
        # A write per few percent is enough for the page's bar; never go backwards.
        percent = max(1, min(99, percent))
        if percent >= last[0] + 5:
            last[0] = percent
            GeneratedDocument.objects.filter(pk=doc_id, progress__lt=percent).update(progress=percent)

    return report


def document_render(*, document_id: int) -> GeneratedDocument:
    """Renders a requested document and stores its PDF. Safe to run twice: a finished one is left as is.

    A final document is issued with a verification code (and QR code) on it, or one per entrant's part;
    the codes and the file's SHA-256 are stored with it, so anyone can check a copy on the public page."""
    from . import documents  # inline: avoids loading WeasyPrint wherever services is imported

    with transaction.atomic():
        doc = (
            GeneratedDocument.objects.select_for_update(of=("self",))
            .select_related("rubric", "unit")
            .get(pk=document_id)
        )
        if doc.status == DocumentStatus.DONE:
            return doc
        doc.status, doc.progress = DocumentStatus.RUNNING, 1
        doc.save(update_fields=["status", "progress"])
    codes = CodeBook()  # a failed render's codes were never printed on an issued file, so none are kept
    try:
        laid_out = documents.render(doc.kind, doc.rubric, doc.unit, progress=_progress(doc.pk), codes=codes)
        certificate, signer = documents.signer_for(doc.rubric)
        pdf = documents.write(laid_out, signer)
    except Exception as exc:  # a broken render must show as "failed" on the page, not spin forever
        log.exception("rendering %s failed", doc)
        GeneratedDocument.objects.filter(pk=doc.pk).update(status=DocumentStatus.FAILED, error=str(exc)[:2000])
        doc.refresh_from_db()
        return doc
    doc.file.save(doc.filename, ContentFile(pdf), save=False)
    doc.status, doc.progress, doc.pages, doc.finished_at = DocumentStatus.DONE, 100, len(laid_out.pages), timezone.now()
    doc.signed_with, doc.sha256 = certificate, hashlib.sha256(pdf).hexdigest()
    with transaction.atomic():
        doc.save(update_fields=["file", "status", "progress", "pages", "finished_at", "signed_with", "sha256"])
        VerificationCode.objects.bulk_create(
            VerificationCode(
                document=doc,
                code=m.code,
                entrant=m.entrant,
                entrant_th=m.entrant_th,
                award_th=m.award_th,
                dated=m.dated,
            )
            for m in codes.marks
        )
    return doc
