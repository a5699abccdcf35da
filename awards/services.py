"""Writes for the award documents. Views, the admin, the API and `export_results` all come through here."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from celery import current_app
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Unit
from core import acts
from core.errors import PortalError
from rubrics.models import ContestPeriod
from scoring.models import Standing

from . import selectors, signing
from .models import (
    AwardSignature,
    CertificateNumber,
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
    *, rubric: ContestPeriod, signer_name: str, signer_position: str, announced_on: date, user=None
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
def document_request(*, rubric: ContestPeriod, kind: str, unit: Unit | None = None, user=None) -> GeneratedDocument:
    """The document for the current standings: the existing one if it was made from them (or is being
    made), else the next version, rendered in the background after this transaction commits.

    Certificates are issued one file per awardee, made together with the combined file of them all (kept for
    printing): asked for one awardee (`unit`), that awardee's own certificate is returned, else the combined file."""
    if user is not None:  # every door (the page, the API, the admin's action) asks the act's factor here
        acts.step_up(user, "awards.generate_documents")
    if kind not in DocumentKind.values:
        raise PortalError(format_lazy(gettext_lazy("unknown document kind {kind!r}"), kind=kind), field="kind")
    if unit is not None and kind not in (DocumentKind.BREAKDOWN, DocumentKind.CERTIFICATES):
        raise PortalError(gettext_lazy("only a breakdown or a certificate is made for one entrant"), field="province")
    if unit is not None and not Standing.objects.filter(rubric=rubric, unit=unit).exists():
        # A breakdown is the entrant's standing: without one, the render would have nothing to lay out.
        raise PortalError(
            f"{unit.name_th} ยังไม่มีผลคะแนนในการประกวดนี้",
            f"{unit.name_en} has no result in this contest yet",
            field="province",
            code="no_result",
        )
    ContestPeriod.objects.select_for_update().get(pk=rubric.pk)  # one request at a time per year: no duplicate version
    awardees = selectors.awardee_units(rubric) if kind == DocumentKind.CERTIFICATES else []
    if kind == DocumentKind.CERTIFICATES and unit is not None and unit not in awardees:
        raise PortalError(
            f"{unit.name_th} ไม่ได้รับรางวัลในการประกวดนี้ จึงไม่มีประกาศนียบัตร",
            f"{unit.name_en} won no award in this contest, so has no certificate",
            field="province",
            code="no_award",
        )
    scope = unit.code if unit is not None and kind == DocumentKind.BREAKDOWN else "all"
    key = selectors.standings_version(rubric)
    mine = GeneratedDocument.objects.filter(rubric=rubric, kind=kind, scope=scope)
    doc = mine.filter(source_key=key).first()
    if doc is not None and doc.status == DocumentStatus.DONE:
        return _asked(doc, unit)
    queue = doc is None or doc.status == DocumentStatus.FAILED  # else it is being made already
    if doc is None:
        version = (mine.aggregate(v=Max("version"))["v"] or 0) + 1
        doc = GeneratedDocument.objects.create(
            rubric=rubric, kind=kind, unit=None if kind == DocumentKind.CERTIFICATES else unit, scope=scope,
            source_key=key, version=version, requested_by=user,
        )  # fmt: skip
    elif queue:  # a failed render is retried in place: same standings, same version number
        doc.status, doc.progress, doc.error, doc.requested_by = DocumentStatus.PENDING, 0, "", user
        doc.save(update_fields=["status", "progress", "error", "requested_by"])
        doc.parts.update(status=DocumentStatus.PENDING, progress=0, error="", requested_by=user)
    have = set(doc.parts.values_list("unit_id", flat=True))
    GeneratedDocument.objects.bulk_create(_part(doc, awardee) for awardee in awardees if awardee.pk not in have)
    if queue:
        # By the name it is registered under (awards/tasks.py, loaded by AwardsConfig.ready): the task calls
        # this module, so it is addressed as a producer addresses it, never imported back.
        current_app.tasks["awards.render_document"].delay_on_commit(doc.pk)
    return _asked(doc, unit)


def certificate_numbers_give(*, rubric: ContestPeriod) -> None:
    """Gives each awardee of the current results a number for its award, where it has none yet: the next after
    the highest ever given in the period, in the announcement's order. A number once given stays its awardee's
    for that award (a reissue prints it again) and is never given again (models.CertificateNumber)."""
    with transaction.atomic():
        ContestPeriod.objects.select_for_update(no_key=True).get(pk=rubric.pk)  # one giver at a time per period
        given = selectors.certificate_numbers(rubric)
        last = max(given.values(), default=0)
        new = []
        for block in selectors.awardees(rubric):
            for result in block.results:
                if (result.unit_id, block.tier.code) not in given:
                    last += 1
                    given[(result.unit_id, block.tier.code)] = last
                    new.append(
                        CertificateNumber(rubric=rubric, unit_id=result.unit_id, award=block.tier.code, number=last)
                    )
        CertificateNumber.objects.bulk_create(new)


def _part(combined: GeneratedDocument, unit: Unit) -> GeneratedDocument:
    """One awardee's certificate, made with the combined file: its version and standings are the combined file's."""
    return GeneratedDocument(
        rubric=combined.rubric, kind=combined.kind, unit=unit, scope=unit.code, source_key=combined.source_key,
        version=combined.version, requested_by=combined.requested_by, combined=combined,
    )  # fmt: skip


def _asked(doc: GeneratedDocument, unit: Unit | None) -> GeneratedDocument:
    """The document asked for: one awardee's certificate is its part of the combined file."""
    if doc.kind != DocumentKind.CERTIFICATES or unit is None:
        return doc
    return doc.parts.get(unit=unit)


def _progress(doc_id: int):
    last = [0]

    def report(percent: int) -> None:
        # A write per few percent is enough for the page's bar; never go backwards. Each awardee's certificate
        # is made with the combined file, so its bar is the combined file's.
        percent = max(1, min(99, percent))
        if percent >= last[0] + 5:
            last[0] = percent
            GeneratedDocument.objects.filter(Q(pk=doc_id) | Q(combined_id=doc_id), progress__lt=percent).update(
                progress=percent
            )

    return report


def _failed(doc: GeneratedDocument, error: str) -> GeneratedDocument:
    GeneratedDocument.objects.filter(Q(pk=doc.pk) | Q(combined=doc)).update(
        status=DocumentStatus.FAILED, error=error[:2000]
    )
    doc.refresh_from_db()
    return doc


@dataclass
class _Written:
    """One file as issued: its document row, the bytes (signature included) and its page count."""

    doc: GeneratedDocument
    pdf: bytes
    pages: int


def document_render(*, document_id: int) -> GeneratedDocument:
    """Renders a requested document and stores its PDF. Safe to run twice: a finished one is left as is.

    A final document is issued with a verification code (and QR code) on it, or one per entrant's part;
    the codes and the file's SHA-256 are stored with it, so anyone can check a copy on the public page.
    Certificates are made as a set: each awardee's own file, signed, with its own code and hash, and the
    combined file whose pages print those same codes."""
    from . import documents  # inline: avoids loading WeasyPrint wherever services is imported

    combined = GeneratedDocument.objects.filter(pk=document_id).values_list("combined_id", flat=True).get()
    if combined is not None:  # an awardee's certificate is made with the combined file, never alone
        document_render(document_id=combined)
        return GeneratedDocument.objects.get(pk=document_id)
    with transaction.atomic():
        doc = (
            GeneratedDocument.objects.select_for_update(of=("self",))
            .select_related("rubric__contest", "unit")
            .get(pk=document_id)
        )
        if doc.status == DocumentStatus.DONE:
            return doc
        doc.status, doc.progress = DocumentStatus.RUNNING, 1
        doc.save(update_fields=["status", "progress"])
        doc.parts.update(status=DocumentStatus.RUNNING, progress=1)
    a_set = doc.kind == DocumentKind.CERTIFICATES and doc.scope == "all"
    # A failed render's codes were never printed on an issued file, so none are kept; a corrected set prints
    # again the codes of the certificates it carries.
    kept = selectors.certificates_in_force(doc.rubric, doc.source_key) if a_set else {}
    codes = CodeBook(kept=kept)
    if a_set and not doc.draft:
        certificate_numbers_give(rubric=doc.rubric)
    report = _progress(doc.pk)
    try:
        if a_set:
            laid_out, own = documents.certificate_set(doc.rubric, progress=report, codes=codes)
        else:
            laid_out, own = documents.render(doc.kind, doc.rubric, doc.unit, progress=report, codes=codes), []
        certificate, signer = documents.signer_for(doc.rubric)
        written = [_Written(doc, documents.write(laid_out, signer), len(laid_out.pages))]
        parts = {part.unit_id: part for part in doc.parts.all()}
        carried = {mark.entrant.pk for mark in codes.carried if mark.entrant is not None}
        for unit, one in own:
            part = parts.pop(unit.pk, None) or _part(doc, unit)
            if unit.pk in carried:  # its certificate as issued, the same file: nothing to write
                written.append(_Written(part, b"", 0))
            else:
                written.append(_Written(part, documents.write(one, signer), len(one.pages)))
    except Exception as exc:  # a broken render must show as "failed" on the page, not spin forever
        log.exception("rendering %s failed", doc)
        return _failed(doc, str(exc))
    now = timezone.now()
    for each in written:
        target = each.doc
        target.rubric = doc.rubric  # the file's name reads the contest: not once more per awardee
        target.status, target.progress, target.finished_at = DocumentStatus.DONE, 100, now
        if target.unit_id in carried and target.combined_id is not None:
            issued = kept[target.unit_id].document
            target.file, target.pages = issued.file.name, issued.pages
            target.signed_with, target.sha256 = issued.signed_with, issued.sha256
            continue
        target.file.save(target.filename, ContentFile(each.pdf), save=False)
        target.pages, target.signed_with, target.sha256 = each.pages, certificate, hashlib.sha256(each.pdf).hexdigest()
    fields = ["file", "status", "progress", "pages", "finished_at", "signed_with", "sha256"]
    gone = gettext_lazy("no longer an awardee when the certificates were made")
    # Each code belongs to the file it is the code of: an awardee's own certificate, where there is one.
    owner = {each.doc.unit_id: each.doc for each in written[1:]}
    with transaction.atomic():
        for each in written:
            if each.doc.pk is None:  # asked before each awardee's certificate was a file of its own
                each.doc.save()
            else:
                each.doc.save(update_fields=fields)
        # Asked for, but not among the awardees the certificates were made from: the standings moved meanwhile.
        GeneratedDocument.objects.filter(pk__in=[part.pk for part in parts.values()]).update(
            status=DocumentStatus.FAILED, error=str(gone)
        )
        VerificationCode.objects.bulk_create(
            VerificationCode(
                document=owner.get(getattr(m.entrant, "pk", None), doc),
                code=m.code,
                entrant=m.entrant,
                entrant_th=m.entrant_th,
                award_th=m.award_th,
                dated=m.dated,
            )
            for m in codes.marks
        )
    return doc
