"""What evidence a criterion expects: its rule's optional "evidence" object (docs/rubric-format.md), read once
when the rubric loads, so a typo in a file type is refused then rather than refusing every upload."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rulebook.rules.errors import RuleError


@dataclass(frozen=True)
class EvidenceExpected:
    """What evidence a criterion expects: its rule's optional "evidence" object (docs/rubric-format.md)."""

    types: frozenset[str] | None = None  # file types accepted; None: the evidence portal's default set
    innovation_report: bool = False  # the innovation report form is filed under this criterion
    # Upload times feed `upload_time_fact`: the criteria whose uploads count and the file kinds that must
    # all be in (the fact is the moment the last one arrived). Empty: uploads do not feed this rule.
    times_from: tuple[str, ...] = ()
    times_need: tuple[str, ...] = ()


# The rubric format's words for evidence (docs/rubric-format.md): file types a criterion accepts, and the
# kinds of file upload times wait for; a typo would refuse every upload, so it is refused when loaded.
FILE_TYPES = frozenset({"pdf", "png", "jpeg", "docx", "xlsx", "pptx", "mp4"})
FILE_KINDS = frozenset({"pdf", "image", "office", "video"})


def _strings(value: Any, what: str, known: frozenset[str] | None = None) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"evidence {what} ต้องเป็นรายการข้อความ", f"evidence {what} must be a list of strings")
    unknown = sorted(set(value) - known) if known is not None else []
    if unknown:
        names, allowed = ", ".join(unknown), ", ".join(sorted(known or ()))
        raise RuleError(
            f"evidence {what}: ไม่รู้จัก {names} (ใช้ได้: {allowed})", f"evidence {what}: unknown {names} (known: {allowed})"
        )
    return tuple(value)


def evidence_read(raw: Any) -> EvidenceExpected:
    if raw is None:
        return EvidenceExpected()
    if not isinstance(raw, Mapping):
        raise RuleError("evidence ต้องเป็นออบเจกต์", "evidence must be an object")
    unknown = sorted(set(raw) - {"types", "innovation_report", "upload_times"})
    if unknown:
        raise RuleError(f"evidence ไม่รู้จัก {', '.join(unknown)}", f"evidence: unknown key(s) {', '.join(unknown)}")
    report = raw.get("innovation_report", False)
    if not isinstance(report, bool):
        raise RuleError(
            "evidence innovation_report ต้องเป็น true หรือ false", "evidence innovation_report must be true or false"
        )
    types = None if raw.get("types") is None else frozenset(_strings(raw["types"], "types", FILE_TYPES))
    times = raw.get("upload_times")
    if times is None:
        return EvidenceExpected(types, report)
    if not isinstance(times, Mapping) or set(times) != {"from", "needs"}:
        raise RuleError("evidence upload_times ต้องมี from และ needs", "evidence upload_times needs from and needs")
    return EvidenceExpected(
        types, report, _strings(times["from"], "from"), _strings(times["needs"], "needs", FILE_KINDS)
    )
