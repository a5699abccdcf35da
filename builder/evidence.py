"""The evidence a criterion asks for, as boxes in the builder: the rule's "evidence" object
(rulebook/rules/evidence.py) was JSON text. The file types it takes and the kinds of file its upload times wait
for are ticks, the innovation report one more, the criteria whose uploads count a box of codes. What the boxes
cannot say stays JSON text under them, unchanged.

Ticks are shown in the order the contest lists them, then the rest, and posted in that order: a contest goes
through the builder and back unchanged, though its list is a set to the portal."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from core.i18n import Text
from rulebook.rules import RuleError
from rulebook.rules.evidence import FILE_KINDS, FILE_TYPES

TYPES = (
    ("pdf", "PDF"), ("jpeg", "JPG"), ("png", "PNG"), ("docx", "Word (DOCX)"), ("xlsx", "Excel (XLSX)"),
    ("pptx", "PowerPoint (PPTX)"), ("mp4", gettext_lazy("video (MP4, MOV, M4V, 3GP)")),
)  # fmt: skip
KINDS = (
    ("pdf", "PDF"),
    ("image", gettext_lazy("pictures")),
    ("office", gettext_lazy("Office files")),
    ("video", gettext_lazy("video")),
)
assert {t for t, _ in TYPES} == FILE_TYPES and {k for k, _ in KINDS} == FILE_KINDS

# The boxes' names under the rule form's prefix; "evidence" itself is the JSON text, as before.
BOXES = {
    "types": "evidence-types",
    "report": "evidence-report",
    "from": "evidence-from",
    "needs": "evidence-needs",
    "json": "evidence",
}
_CODE = re.compile(r"[^\s,]+")


def _ordered(choices: tuple[tuple[str, Text], ...], given: Any) -> list[tuple[str, Text]]:
    """The choices, those given first in their order: posted back in the order the contest wrote them."""
    given = given if isinstance(given, list) else [given] if given else []
    labels = dict(choices)
    first = [(v, labels[v]) for v in dict.fromkeys(given) if v in labels]
    return first + [c for c in choices if c[0] not in dict(first)]


def add_fields(form: forms.Form) -> None:
    def ticks(name: str, label: Text, choices: tuple[tuple[str, Text], ...]) -> forms.Field:
        key = form.add_prefix(name)
        if not form.is_bound:
            given = form.initial.get(name)
        else:
            given = form.data.getlist(key) if hasattr(form.data, "getlist") else form.data.get(key)
        return forms.MultipleChoiceField(
            label=label, choices=_ordered(choices, given), required=False, widget=forms.CheckboxSelectMultiple
        )

    form.fields[BOXES["types"]] = ticks(
        BOXES["types"],
        gettext_lazy("file types taken (none ticked: all the portal takes)"),
        TYPES,
    )
    form.fields[BOXES["report"]] = forms.BooleanField(
        label=gettext_lazy("the innovation report is filed under this criterion"),
        required=False,
    )
    form.fields[BOXES["from"]] = forms.CharField(
        label=gettext_lazy("count the upload times of the criteria (codes)"),
        required=False,
        max_length=500,
    )
    form.fields[BOXES["needs"]] = ticks(BOXES["needs"], gettext_lazy("once every one of these is in"), KINDS)
    form.fields[BOXES["json"]] = forms.CharField(
        label=gettext_lazy("evidence the boxes cannot say (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _codes(value: Any) -> bool:
    return isinstance(value, list) and value != [] and all(isinstance(v, str) and _CODE.fullmatch(v) for v in value)


def _ticks(value: Any, known: frozenset[str]) -> bool:
    return _codes(value) and len(set(value)) == len(value) and set(value) <= known


def fits(evidence: Any) -> bool:
    """Whether the boxes say this evidence exactly."""
    if (
        not isinstance(evidence, Mapping)
        or not evidence
        or set(evidence) - {"types", "innovation_report", "upload_times"}
    ):
        return False
    if "types" in evidence and not _ticks(evidence["types"], FILE_TYPES):
        return False
    if "innovation_report" in evidence and evidence["innovation_report"] is not True:
        return False
    times = evidence.get("upload_times")
    if times is None:
        return "upload_times" not in evidence
    return (
        isinstance(times, Mapping)
        and set(times) == {"from", "needs"}
        and _codes(times["from"])
        and _ticks(times["needs"], FILE_KINDS)
    )


def evidence_data(evidence: Any) -> dict[str, Any]:
    """A rule's evidence as the boxes' form data (lists for the ticks), or as JSON text when they cannot say it."""
    if evidence is None:
        return {}
    if not fits(evidence):
        return {BOXES["json"]: json.dumps(evidence, ensure_ascii=False, indent=1)}
    data: dict[str, Any] = {}
    if "types" in evidence:
        data[BOXES["types"]] = list(evidence["types"])
    if evidence.get("innovation_report"):
        data[BOXES["report"]] = "on"
    if "upload_times" in evidence:
        data[BOXES["from"]] = ", ".join(evidence["upload_times"]["from"])
        data[BOXES["needs"]] = list(evidence["upload_times"]["needs"])
    return data


def evidence_from(cleaned: Mapping[str, Any], typed: Any) -> dict[str, Any] | None:
    """The boxes as the rule's evidence; `typed` the JSON text's value, when the boxes are left empty.
    Refuses, Thai first and beside its box, half of the upload times or both the boxes and the JSON."""
    out: dict[str, Any] = {}
    if cleaned.get(BOXES["types"]):
        out["types"] = list(cleaned[BOXES["types"]])
    if cleaned.get(BOXES["report"]):
        out["innovation_report"] = True
    codes = _CODE.findall(cleaned.get(BOXES["from"]) or "")
    needs = list(cleaned.get(BOXES["needs"]) or [])
    if codes and not needs:
        raise RuleError(
            "เลือกชนิดไฟล์ที่ต้องส่งครบก่อนนับเวลา", "tick the kinds of file that must all be in", field=BOXES["needs"]
        )
    if needs and not codes:
        raise RuleError("ระบุรหัสตัวชี้วัดที่นับเวลาส่งไฟล์", "give the criteria whose upload times count", field=BOXES["from"])
    if codes:
        out["upload_times"] = {"from": codes, "needs": needs}
    if out and typed is not None:
        raise RuleError(
            "หลักฐานที่ขอ: ใช้ช่องหรือ JSON อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง",
            "evidence asked: the boxes or the JSON, not both",
            field=BOXES["json"],
        )
    return out or typed


def field_of(cleaned: Mapping[str, Any]) -> str:
    """Where the kind's own refusal about the evidence is shown: beside the JSON if that was typed, else
    beside the criteria counted (the one thing of the boxes a kind may refuse: upload times it does not read)."""
    return BOXES["json"] if (cleaned.get(BOXES["json"]) or "").strip() else BOXES["from"]
