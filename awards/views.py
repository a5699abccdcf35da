"""Pages for results and documents. Thin: selectors read, services write, `rules` decide who may."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from contests.entries import Entry
from core import acts, files, gate
from core.converters import ContestKey
from core.errors import PortalError
from core.http import content_disposition, show
from core.sheets import exporter
from rubrics.access import SEE_CONTEST, contest_or_404
from rubrics.models import ContestPeriod
from scoring.standings import standings_rows

from . import selectors, services
from .forms import DocumentRequestForm, SignatureForm, SigningCertificateForm
from .models import DocumentStatus, GeneratedDocument
from .signing import CertificateError


@require_GET
def index(request):
    """/awards/: the latest year's award documents and exports."""
    gate.require(request, "awards.view_results")
    rubric = ContestPeriod.objects.national().order_by("-year").first()
    if rubric is None:
        raise Http404
    return redirect("awards:results", key=rubric.key)


@require_GET
def results(request, key: ContestKey):
    rubric = contest_or_404(request.user, key, "awards.view_results", request=request)
    central = acts.allowed(request.user, "awards.generate_documents", rubric)
    blocks = selectors.awardees(rubric)
    context = {
        "rubric": rubric,
        "rows": standings_rows(rubric),
        "dimensions": list(rubric.dimensions.all()),
        "blocks": blocks,
        "map_svg": selectors.award_map(rubric, blocks, height="520"),
        "stale": selectors.standings_stale(rubric),
        "central": central,
    }
    if central:
        signature = selectors.signature(rubric)
        context.update(
            documents=selectors.latest_documents(rubric),
            # A final document made from other results than these (frozen anew, corrected) is no longer offered as
            # the issued one: it is marked replaced, to be made again.
            current_key=selectors.standings_version(rubric),
            request_form=DocumentRequestForm(rubric=rubric),
            signature_form=SignatureForm(instance=signature),
            # Not saved yet: the form comes before the documents, which would print an empty "(      )".
            signer_missing=signature.pk is None,
            certificate=selectors.signing_certificate(),
            certificate_form=SigningCertificateForm(),
            sheets=exporter.year_sheets(request.user, rubric),
            can_certify=acts.allowed(request.user, "awards.manage_certificate"),
        )
    return render(request, "awards/results.html", context)


@require_POST
def document_create(request, key: ContestKey):
    rubric = contest_or_404(request.user, key, "awards.generate_documents", request=request)
    form = DocumentRequestForm(request.POST, rubric=rubric)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    else:
        try:  # an entrant without a result, or without an award for a certificate, is refused with the reason
            doc = services.document_request(
                rubric=rubric, kind=form.cleaned_data["kind"], unit=form.cleaned_data["province"], user=request.user
            )
        except PortalError as exc:
            show(request, exc)
        else:
            messages.success(request, doc.summary)
    return redirect(reverse("awards:results", args=[key]) + "#documents")


@require_POST
def signature(request, key: ContestKey):
    rubric = contest_or_404(request.user, key, "awards.change_signature", request=request)
    form = SignatureForm(request.POST, instance=selectors.signature(rubric))
    if form.is_valid():
        services.signature_set(rubric=rubric, user=request.user, **form.cleaned_data)
        messages.success(request, _("signature saved"))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(reverse("awards:results", args=[key]) + "#signature")


@require_POST
def signing_certificate(request, key: ContestKey):
    """Upload the Department's certificate (signs final documents from now on), or withdraw it."""
    gate.require(request, "awards.manage_certificate")
    contest_or_404(request.user, key, SEE_CONTEST, request=request)  # the page it returns to
    if "withdraw" in request.POST:
        services.signing_certificate_withdraw(user=request.user)
        messages.success(request, _("digital signing withdrawn"))
        return redirect(reverse("awards:results", args=[key]) + "#signature")
    form = SigningCertificateForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    else:
        try:
            cert = services.signing_certificate_upload(
                data=form.cleaned_data["file"].read(), passphrase=form.cleaned_data["passphrase"], user=request.user
            )
        except CertificateError as exc:
            show(request, exc)
        else:
            messages.success(request, format_lazy(_("certificate saved: {subject}"), subject=cert.subject))
    return redirect(reverse("awards:results", args=[key]) + "#signature")


def status_data(doc: GeneratedDocument) -> dict:
    return {
        "id": doc.pk,
        "year": doc.rubric.year,
        "kind": doc.kind,
        "scope": doc.scope,
        "version": doc.version,
        "status": doc.status,
        "status_label": doc.status_label,
        "draft": doc.draft,
        "progress": doc.progress,
        "pages": doc.pages,
        "error": doc.error,
        "download": reverse("awards:download", args=[doc.pk]) if doc.status == DocumentStatus.DONE else None,
        "signed": doc.signed_with_id is not None,
        # The combined certificates: each awardee's own certificate, made with them.
        "parts": [
            {
                "id": part.pk,
                "scope": part.scope,
                "status": part.status,
                "download": reverse("awards:download", args=[part.pk]) if part.status == DocumentStatus.DONE else None,
            }
            for part in doc.parts.order_by("id")
        ],
    }


def document_or_404(request, pk: int) -> GeneratedDocument:
    """The document if the user may download it; any other is not found (404, as the API's schema says:
    a document is not the contest's page, and nobody learns which documents exist)."""
    gate.signed_in(request)  # anonymous: the login page (the API's own check says 401 first)
    doc = get_object_or_404(GeneratedDocument.objects.select_related("rubric__contest", "unit"), pk=pk)
    try:
        contest_or_404(request.user, doc.rubric, "awards.download_documents", request=request)
    except (PermissionDenied, Http404) as exc:
        # An awardee's own issued certificate opens for its own staff (the one a correction's notice leads to).
        awardee = doc.unit if doc.combined_id is not None and not doc.draft else None
        if awardee is None or not acts.allowed(
            request.user, "awards.download_own_certificate", Entry(doc.rubric.contest, awardee)
        ):
            raise Http404 from exc
    return doc


@require_GET
def document_status(request, pk: int):
    doc = document_or_404(request, pk)
    return JsonResponse(status_data(doc))


@require_GET
def document_download(request, pk: int):
    doc = document_or_404(request, pk)
    if doc.status != DocumentStatus.DONE or not doc.file:
        raise Http404(_("the document is not ready"))
    try:
        return files.serve(doc.file.name, content_type="application/pdf", disposition=content_disposition(doc.filename))
    except FileNotFoundError:
        raise Http404(_("the document's file is missing")) from None
