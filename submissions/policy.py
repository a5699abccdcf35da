"""What each criterion accepts: the rubric's data (its rules' "evidence" objects, docs/rubric-format.md),
read through the rule; this module only knows the portal's file types and their names."""

from __future__ import annotations

from scoring.models import Rubric
from scoring.rules.base import EvidenceExpected
from scoring.selectors import rubric_spec

DEFAULT_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx"})
TYPE_LABELS = {
    "pdf": "PDF",
    "png": "PNG",
    "jpeg": "JPG",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "pptx": "PowerPoint (PPTX)",
    "mp4": "MP4",
}
ORDER = ["pdf", "jpeg", "png", "docx", "xlsx", "pptx", "mp4"]


def expected(rubric: Rubric, criterion_code: str) -> EvidenceExpected:
    try:
        return rubric_spec(rubric).criterion(criterion_code).rule.evidence_expected()
    except KeyError:  # not a criterion of this year: nothing beyond the defaults
        return EvidenceExpected()


def allowed_types(rubric: Rubric, criterion_code: str) -> frozenset[str]:
    types = expected(rubric, criterion_code).types
    return DEFAULT_TYPES if types is None else types


def allowed_labels(rubric: Rubric, criterion_code: str) -> list[str]:
    allowed = allowed_types(rubric, criterion_code)
    return [TYPE_LABELS[t] for t in ORDER if t in allowed]


def accept_attribute(rubric: Rubric, criterion_code: str) -> str:
    """For <input accept>: a convenience for the file picker only; the server checks content."""
    exts = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg,.jpeg", "docx": ".docx", "xlsx": ".xlsx"}
    exts |= {"pptx": ".pptx", "mp4": ".mp4"}
    return ",".join(exts[t] for t in ORDER if t in allowed_types(rubric, criterion_code))


def innovation_criterion(rubric: Rubric) -> str | None:
    """The criterion the innovation report form is filed under, as the rubric says; None if none is."""
    return next((c.code for c in rubric_spec(rubric).criteria() if c.rule.evidence_expected().innovation_report), None)
