"""Import of members' scores in the admin: upload → dry-run preview → confirm, all via `imports.judgments_import`.

A small view rather than django-import-export: the service already does the whole job (all or none, row
errors, audit, recompute), so the page only carries the file from the preview to the confirm step. The
file travels back in the confirm form (base64); the confirm step re-runs every check on it.

Whoever runs the judging imports (`committee.import_judgments`, asked with the rubric): central staff,
and for a provincial office's contest its organisers. The year choice offers only those
contests; a rubric posted from elsewhere answers as every contest page does: another office's 404, the
national one 403.
"""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Level
from core import acts, gate
from core.converters import ContestKey
from core.http import content_disposition
from core.sheets.tabular import SheetError, read_rows
from rubrics.access import contest_or_404
from rubrics.models import ContestPeriod
from scoring.selectors import contest_entrants

from . import selectors
from .admin_views import rubric_name
from .imports import HEADER, JudgmentImportError, judgments_import

MAX_BYTES = 1024 * 1024  # base64 in the confirm form stays under DATA_UPLOAD_MAX_MEMORY_SIZE
SAMPLE: list[tuple[str, ...]] = [
    ("TH-50", "4.1.1", "username", "5", "", "เอกสารครบ"),
    ("TH-50", "3.1", "username", "", "1,2,3", ""),
]


class RubricField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj) if obj.contest.is_national else rubric_name(obj)


class UploadForm(forms.Form):
    rubric = RubricField(ContestPeriod.objects.none(), label=_("year"), empty_label=None)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args, rubrics: list[ContestPeriod], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["rubric"]
        assert isinstance(field, RubricField)  # the form's copy of the field declared above
        field.queryset = ContestPeriod.objects.filter(pk__in=[r.pk for r in rubrics]).select_related("contest")
        field.choices = [(r.pk, field.label_from_instance(r)) for r in rubrics]  # newest national first

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("the file is larger than 1 MB"))
        return upload


class ConfirmForm(forms.Form):
    rubric = forms.ModelChoiceField(ContestPeriod.objects.all(), widget=forms.HiddenInput)
    filename = forms.CharField(widget=forms.HiddenInput, max_length=200)
    # A field named like BaseForm.data: Django's form metaclass takes it off the class, which django-stubs cannot see.
    data = forms.CharField(widget=forms.HiddenInput)  # type: ignore[assignment]


def _run(request, rubric, data: bytes, filename: str, *, dry_run: bool):
    """(report, errors): errors are strings, Thai first, with row numbers; report None when refused."""
    try:
        rows = read_rows(data, filename)
        return judgments_import(rubric=rubric, rows=rows, by=request.user, dry_run=dry_run), []
    except SheetError as exc:
        return None, [str(exc)]
    except JudgmentImportError as exc:
        return None, [str(e) for e in exc.errors]


def _importable(request) -> list[ContestPeriod]:
    """The contests this user may import into; none at all is a 403, as for a committee member."""
    if not request.user.is_authenticated:
        raise gate.SignInRequired
    rubrics = selectors.import_rubrics(request.user)
    if not rubrics:
        raise PermissionDenied
    return rubrics


def _allowed(request, key: ContestKey | str | ContestPeriod) -> ContestPeriod:
    """The contest `key` names (or the one in hand). Another office's contest: 404; one the user sees but may
    not import into (a panel's): 403."""
    rubric = contest_or_404(request.user, key, "committee.view_scoring", request=request)
    gate.require(request, "committee.import_judgments", rubric)
    return rubric


def judgment_import(request, admin_site):
    rubrics = _importable(request)
    if request.method == "POST":  # the preview and the confirmation: the act's factor before the file is read
        acts.step_up(request.user, "committee.import_judgments")
    context = {
        **admin_site.each_context(request),
        "title": _("import judgments"),
        "header": HEADER,
        "template_key": rubrics[0].key,  # the example sheet in the first offered contest's codes
    }
    form = UploadForm(rubrics=rubrics)
    if request.method == "POST" and request.POST.get("step") == "confirm":
        confirm = ConfirmForm(request.POST)
        try:
            data = base64.b64decode(confirm.data.get("data", ""), validate=True) if confirm.is_valid() else None
        except (binascii.Error, ValueError):
            data = None
        if data is None:
            messages.error(request, _("invalid confirmation, upload again"))
            return HttpResponseRedirect(request.path)
        rubric, filename = _allowed(request, confirm.cleaned_data["rubric"]), confirm.cleaned_data["filename"]
        report, errors = _run(request, rubric, data, filename, dry_run=False)
        if report is not None:
            messages.success(
                request,
                format_lazy(
                    _("imported: {created} new, {updated} updated, {unchanged} unchanged"),
                    created=report.created,
                    updated=report.updated,
                    unchanged=report.unchanged,
                ),
            )
            return HttpResponseRedirect(reverse("admin:committee_judgment_changelist"))
        # Something changed since the preview (a freeze, a new conflict): show why, nothing was saved.
        context.update(errors=errors, rubric=rubric)
    elif request.method == "POST":
        form = UploadForm(request.POST, request.FILES, rubrics=rubrics)
        if form.is_valid():
            rubric, upload = _allowed(request, form.cleaned_data["rubric"]), form.cleaned_data["file"]
            data = upload.read()
            report, errors = _run(request, rubric, data, upload.name, dry_run=True)
            context.update(report=report, errors=errors, rubric=rubric)
            if report is not None:
                initial = {"rubric": rubric.pk, "filename": upload.name, "data": base64.b64encode(data).decode()}
                context["confirm_form"] = ConfirmForm(initial=initial)
    context["form"] = form
    return TemplateResponse(request, "admin/committee/judgment/import.html", context)


def _sample(rubric: ContestPeriod) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """A contest among districts or subdistricts names its entrants by DOPA code, under "entrant"."""
    if rubric.contest.entrant_level == Level.PROVINCE:
        return HEADER, SAMPLE
    first = contest_entrants(rubric.contest).first()
    code = first.code if first else "2001"
    criterion = rubric.criteria.order_by("order").values_list("code", flat=True).first() or "1.1"
    return ("entrant", *HEADER[1:]), [(code, criterion, "username", "5", "", "เอกสารครบ")]


def judgment_import_template(request, admin_site):
    """An example sheet with the header (CSV, UTF-8 with BOM so Excel reads Thai); `?year=<key>` for
    one contest's codes."""
    key = request.GET.get("year")
    if key:
        header, sample = _sample(_allowed(request, key))
    else:
        _importable(request)
        header, sample = HEADER, SAMPLE
    lines = [",".join(header)] + [",".join(f'"{v}"' if "," in v else v for v in row) for row in sample]
    response = HttpResponse(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition("judgments-template.csv")
    return response
