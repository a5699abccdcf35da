"""Everything a province submitted in a year as one ZIP: each evidence version, an index, the innovation reports."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from scoring.models import Province, Rubric
from submissions.models import Evidence, EvidenceKind, InnovationReport

COLUMNS = "criterion version kind file_in_zip original_name url size sha256 submitted_at withdrawn_at note".split()


def province_zip(*, user, rubric: Rubric, province: Province):
    """A temporary file (deleted when closed) holding the ZIP. Scoped through `for_user` as every read is."""
    evidence = (
        Evidence.objects.for_user(user)
        .filter(submission__rubric=rubric, submission__province=province)
        .select_related("submission__criterion", "tombstone")
        .order_by("submission__criterion__order", "version")
    )
    out = tempfile.TemporaryFile()
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow(COLUMNS)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for e in evidence:
            code, name, note = e.submission.criterion.code, "", ""
            if e.kind == EvidenceKind.FILE:
                path = Path(settings.MEDIA_ROOT) / e.stored_path
                if hasattr(e, "tombstone"):
                    note = "ลบตามระยะเวลาเก็บรักษา / removed after the retention period"
                elif path.is_file():
                    name = f"{code}/v{e.version}-{e.original_name}"
                    archive.write(path, name)
                else:
                    note = "ไม่พบไฟล์ / file missing"
            withdrawn = e.withdrawn_at.isoformat() if e.withdrawn_at else ""
            row = [code, e.version, e.kind, name, e.original_name, e.url, e.size, e.sha256, e.created_at.isoformat()]
            writer.writerow([*row, withdrawn, note])
        archive.writestr("index.csv", "\ufeff" + index.getvalue())  # BOM: Excel reads the Thai
        reports = InnovationReport.objects.filter(rubric=rubric, province=province).order_by("version").values()
        archive.writestr(
            "innovation-reports.json", json.dumps(list(reports), cls=DjangoJSONEncoder, ensure_ascii=False)
        )
    out.seek(0)
    return out
