"""What each criterion accepts. Kept in code until central staff need to edit it per year."""

from __future__ import annotations

DEFAULT_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx"})
# 4.1.x: the lesson-learned PDF and the video; 5.x: the innovation report in Word and PDF.
CRITERION_TYPES = {
    "4.1.1": DEFAULT_TYPES | {"mp4"},
    "4.1.2": frozenset({"pdf", "mp4"}),
    "5.1": frozenset({"pdf", "docx"}),
    "5.2": frozenset({"pdf", "docx"}),
}
# Timeliness facts fed from upload times: the criterion whose rule reads the fact, the criteria whose
# uploads count, and the file kinds that must all be in (the fact is the moment the last one arrived).
EVIDENCE_TIME_FACTS = {
    "4.1.2": {"from": ("4.1.1", "4.1.2"), "needs": ("pdf", "video")},
}
INNOVATION_ATTACHMENT_CRITERION = "5.1"
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


def allowed_types(criterion_code: str) -> frozenset[str]:
    return CRITERION_TYPES.get(criterion_code, DEFAULT_TYPES)


def allowed_labels(criterion_code: str) -> list[str]:
    allowed = allowed_types(criterion_code)
    return [TYPE_LABELS[t] for t in ORDER if t in allowed]


def accept_attribute(criterion_code: str) -> str:
    """For <input accept>: a convenience for the file picker only; the server checks content."""
    exts = {"pdf": ".pdf", "png": ".png", "jpeg": ".jpg,.jpeg", "docx": ".docx", "xlsx": ".xlsx"}
    exts |= {"pptx": ".pptx", "mp4": ".mp4"}
    return ",".join(exts[t] for t in ORDER if t in allowed_types(criterion_code))
