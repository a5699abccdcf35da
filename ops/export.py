"""Everything a province submitted in a year as one ZIP: each evidence version, an index, the innovation reports."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile

from django.core.serializers.json import DjangoJSONEncoder

from contests.models import Unit
from core import files
from core.sheets import exporter
from rubrics.models import ContestPeriod
from submissions.models import Evidence, InnovationReport

from .exporters import entries


def province_zip(*, user, rubric: ContestPeriod, unit: Unit):
    """A temporary file (deleted when closed) holding the ZIP. Scoped through `for_user` as every read is."""
    evidence = (
        Evidence.objects.for_user(user)
        .filter(submission__rubric=rubric, submission__unit=unit)
        .select_related("submission__criterion", "tombstone")
        .order_by("submission__criterion__order", "version")
    )
    out = tempfile.TemporaryFile()
    listed = list(entries(evidence))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for _, stored, name, _ in listed:
            if stored is not None:  # streamed from the store, a block at a time
                with files.open_stored(stored) as source, archive.open(name, "w") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
        index, _, filename = exporter.export(listed, "evidence-index", "csv")
        archive.writestr(filename, index)
        reports = InnovationReport.objects.filter(rubric=rubric, unit=unit).order_by("version").values()
        archive.writestr(
            "innovation-reports.json", json.dumps(list(reports), cls=DjangoJSONEncoder, ensure_ascii=False)
        )
    out.seek(0)
    return out
