"""The index of a province's evidence ZIP (ops.export), written by `core.sheets.exporter` like every file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy

from core import files
from core.i18n import Text
from core.sheets.exporter import Exporter, Table, register
from submissions.models import Evidence, EvidenceKind

COLUMNS = "criterion version kind file_in_zip original_name url size sha256 submitted_at withdrawn_at note".split()


def entries(evidence: Iterable[Evidence]) -> Iterator[tuple[Evidence, str | None, str, Text]]:
    """(evidence, stored name to put in the ZIP or None, its name in the ZIP, note) per version."""
    for e in evidence:
        stored, name = None, ""
        note: Text = ""
        if e.kind == EvidenceKind.FILE:
            if hasattr(e, "tombstone"):
                note = gettext_lazy("removed after the retention period")
            elif files.exists(e.stored_path):
                stored, name = e.stored_path, f"{e.submission.criterion.code}/v{e.version}-{e.original_name}"
            else:
                note = gettext_lazy("file missing")
        yield e, stored, name, note


@register
class EvidenceIndex(Exporter):
    """`source`: the `entries` of the ZIP, so the index lists exactly what the ZIP holds."""

    identifier = "evidence-index"
    name_th, name_en = "รายการหลักฐานในไฟล์ ZIP", "evidence ZIP index"
    formats = ("csv",)
    permission = "ops.view_office_records"
    scope = "evidence-zip"

    def table(self, source) -> Table:
        rows = [
            [
                e.submission.criterion.code,
                e.version,
                e.kind,
                name,
                e.original_name,
                e.url,
                e.size,
                e.sha256,
                e.created_at,
                e.withdrawn_at,
                note,
            ]
            for e, _, name, note in source
        ]
        return Table("index", COLUMNS, rows)

    def filename(self, source) -> str:
        return "index"
