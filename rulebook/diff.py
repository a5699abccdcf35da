"""What a change to a contest's rules changed: plain Python over the rubric format
(docs/rubric-format.md, as `selectors.rubric_data` gives it), no database, so it is tested on its own.

`contest_diff(old, new)` compares two snapshots, `{"contest": {...}, "rubrics": {period code: rubric data}}`
(`revisions.snapshot`): the contest's own fields, then per period the rubric's fields, dimensions and criteria
added, removed or changed. `diff_lines` says it Thai first, one line a change, for the history page."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from core.i18n import _, either, override
from core.thai import be_strftime, fmt_points, thai_date, thai_digits
from rulebook.dates import DateInputError, parse_date

# (key, Thai, English): what a person reads for each field compared.
RUBRIC_FIELDS = (
    ("year", "ปี", "year"),
    ("period_name_th", "ชื่อรอบ", "period name"),
    ("period_name_en", "ชื่อรอบภาษาอังกฤษ", "period's English name"),
    ("period_order", "ลำดับรอบ", "period order"),
    ("name_th", "ชื่อ", "name"),
    ("name_en", "ชื่อภาษาอังกฤษ", "English name"),
    ("starts_on", "วันเริ่ม", "start"),
    ("ends_on", "วันสิ้นสุด", "end"),
    ("total_points", "คะแนนรวม", "total points"),
    ("tie_break", "ลำดับตัดสินเมื่อคะแนนเท่ากัน", "tie-break"),
    ("level_bands", "ระดับจากคะแนนรวม", "level bands"),
    ("rounding", "การปัดเศษ", "rounding"),
    ("awards", "รางวัล", "awards"),
    ("award_min_total", "คะแนนรวมขั้นต่ำที่จะได้รับรางวัล", "award minimum"),
    # Not keys of the data: rubric_diff compares the order of the codes both sides have.
    ("dimension_order", "ลำดับมิติ", "order of dimensions"),
    ("criterion_order", "ลำดับตัวชี้วัด", "order of criteria"),
)
DIMENSION_FIELDS = (
    ("name_th", "ชื่อ", "name"),
    ("name_en", "ชื่อภาษาอังกฤษ", "English name"),
    ("max_points", "คะแนนเต็ม", "maximum"),
    ("level_bands", "ระดับของมิติ", "level bands"),
)
CRITERION_FIELDS = (
    ("number", "เลขข้อ", "number"),
    ("name_th", "ชื่อ", "name"),
    ("name_en", "ชื่อภาษาอังกฤษ", "English name"),
    ("max_points", "คะแนนเต็ม", "maximum"),
    ("deadline", "กำหนดส่ง", "deadline"),
    ("extra", "คะแนนพิเศษ", "extra points"),
    ("nominee", "หลักฐานคือผู้ได้รับการเสนอชื่อ", "the nominee is the evidence"),
    ("dimension", "มิติ", "dimension"),
    ("evidence_th", "หลักฐาน", "evidence"),
    ("evidence_en", "หลักฐาน (อังกฤษ)", "evidence (English)"),
    ("channel_th", "ช่องทางส่ง", "channel"),
    ("channel_en", "ช่องทางส่ง (อังกฤษ)", "channel (English)"),
)
CONTEST_FIELDS = (
    ("name_th", "ชื่อการประกวด", "contest name"),
    ("organiser", "หน่วยงานผู้จัด", "organiser"),
    ("entrant_level", "ระดับผู้เข้าประกวด", "entrant level"),
    ("combine", "การรวมคะแนนรอบ", "how periods combine"),
    ("nominates", "เสนอชื่อบุคคล", "takes nominees"),
    ("nominee", "คุณสมบัติผู้ได้รับการเสนอชื่อ", "who may be nominated"),
)
POINTS = frozenset({"total_points", "max_points", "award_min_total"})
DATES = frozenset({"starts_on", "ends_on", "deadline"})
TEXT_MOST = 80  # a long text (evidence, a rule's parameters) is shown cut, and kept whole in the record
ROUNDS_MOST = 200  # a few rounds read whole: which date moved is the point of the line


def _same(key: str, a: Any, b: Any) -> bool:
    if key in POINTS:
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except (InvalidOperation, ValueError):
            return bool(a == b)
    if a in (None, "", [], {}) and b in (None, "", [], {}):
        return True  # absent and empty read the same to anyone
    return bool(a == b)


def _fields(old: Mapping, new: Mapping, fields: Iterable[tuple[str, str, str]]) -> list[dict]:
    return [
        {"field": key, "old": old.get(key), "new": new.get(key)}
        for key, _, _ in fields
        if not _same(key, old.get(key), new.get(key))
    ]


def _criteria(data: Mapping) -> dict[str, dict]:
    return {
        str(c.get("code")): {**c, "dimension": str(d.get("code"))}
        for d in data.get("dimensions") or []
        for c in d.get("criteria") or []
    }


def _brief(c: Mapping) -> dict:
    return {k: c.get(k) for k in ("code", "number", "name_th", "max_points") if c.get(k) not in (None, "")}


def _rule_changes(old: Any, new: Any) -> list[dict]:
    old, new = old if isinstance(old, Mapping) else {}, new if isinstance(new, Mapping) else {}
    out = []
    if old.get("kind") != new.get("kind"):
        out.append({"field": "rule_kind", "old": old.get("kind"), "new": new.get("kind")})
    for key in sorted((set(old) | set(new)) - {"kind"}):
        if old.get(key) != new.get(key):
            out.append({"field": "rule", "parameter": key, "old": old.get(key), "new": new.get(key)})
    return out


def _order(key: str, old: list[str], new: list[str]) -> list[dict]:
    """The codes both sides have, reordered (an added or removed one is said on its own)."""
    both = set(old) & set(new)
    old, new = [c for c in old if c in both], [c for c in new if c in both]
    return [] if old == new else [{"field": key, "old": old, "new": new}]


def rubric_diff(old: Mapping, new: Mapping) -> dict:
    """One rubric's changes: {"fields": [...], "dimensions": {...}, "criteria": {...}}, each list empty if none."""
    old_dims = {str(d.get("code")): d for d in old.get("dimensions") or []}
    new_dims = {str(d.get("code")): d for d in new.get("dimensions") or []}
    old_crit, new_crit = _criteria(old), _criteria(new)
    changed_crit = []
    for code in new_crit.keys() & old_crit.keys():
        fields = _fields(old_crit[code], new_crit[code], CRITERION_FIELDS)
        fields += _fields(old_crit[code], new_crit[code], (("rounds", "", ""),))  # said through gettext
        fields += _rule_changes(old_crit[code].get("rule"), new_crit[code].get("rule"))
        if fields:
            changed_crit.append({**_brief(new_crit[code]), "fields": fields})
    changed_dims = []
    for code in new_dims.keys() & old_dims.keys():
        fields = _fields(old_dims[code], new_dims[code], DIMENSION_FIELDS)
        if fields:
            changed_dims.append({"code": code, "name_th": new_dims[code].get("name_th"), "fields": fields})
    order = list(new_crit) + [c for c in old_crit if c not in new_crit]
    by_order = {c: i for i, c in enumerate(order)}
    dim_order = {c: i for i, c in enumerate(list(new_dims) + [d for d in old_dims if d not in new_dims])}
    return {
        "fields": _fields(old, new, RUBRIC_FIELDS)
        + _order("dimension_order", list(old_dims), list(new_dims))
        + _order("criterion_order", list(old_crit), list(new_crit)),
        "dimensions": {
            "added": [_brief(new_dims[c]) for c in new_dims if c not in old_dims],
            "removed": [_brief(old_dims[c]) for c in old_dims if c not in new_dims],
            "changed": sorted(changed_dims, key=lambda d: dim_order[d["code"]]),
        },
        "criteria": {
            "added": [_brief(new_crit[c]) for c in new_crit if c not in old_crit],
            "removed": [_brief(old_crit[c]) for c in old_crit if c not in new_crit],
            "changed": sorted(changed_crit, key=lambda c: by_order[c["code"]]),
        },
    }


def contest_diff(old: Mapping, new: Mapping) -> dict:
    """Two snapshots compared: {"contest": [...], "entrants": {"added", "removed"}, "periods": [...]}, where
    each period is {"period": code, "added"/"removed": bool, **rubric_diff}, only those that changed."""
    old_block, new_block = old.get("contest") or {}, new.get("contest") or {}
    old_units, new_units = set(old_block.get("entrants") or []), set(new_block.get("entrants") or [])
    periods = []
    old_rubrics, new_rubrics = old.get("rubrics") or {}, new.get("rubrics") or {}
    for code in list(new_rubrics) + [c for c in old_rubrics if c not in new_rubrics]:
        if code not in old_rubrics or code not in new_rubrics:
            periods.append({"period": code, "added": code not in old_rubrics, "removed": code not in new_rubrics})
            continue
        diff = rubric_diff(old_rubrics[code], new_rubrics[code])
        if not is_empty(diff):
            periods.append({"period": code, **diff})
    return {
        "contest": _fields(old_block, new_block, CONTEST_FIELDS),
        "entrants": {"added": sorted(new_units - old_units), "removed": sorted(old_units - new_units)},
        "periods": periods,
    }


def is_empty(diff: Mapping) -> bool:
    """Nothing changed: every list in the diff, however deep, is empty."""
    for value in diff.values():
        if isinstance(value, Mapping) and not is_empty(value):
            return False
        if isinstance(value, list) and value:
            return False
        if value is True:  # a period added or removed
            return False
    return True


def dropped_codes(diff: Mapping) -> list[str]:
    """The criteria the change removes, in any period."""
    return sorted({c["code"] for p in diff.get("periods") or [] for c in p.get("criteria", {}).get("removed", [])})


# -- said to a person ----------------------------------------------------------------------------------


def _month(raw: Any) -> str:
    try:
        return be_strftime(parse_date(f"{raw}-01"), "%b %Y")
    except (DateInputError, TypeError):
        return str(raw)


def _rounds_text(value: list) -> str:
    """A criterion's rounds as written, each in a few Thai words: its label and date, or its monthly series."""
    parts = []
    for entry in value:
        if not isinstance(entry, Mapping):
            parts.append(json.dumps(entry, ensure_ascii=False))
        elif "due" in entry:
            parts.append(f"{entry.get('label_th') or ''} {_value('deadline', entry.get('due'))}".strip())
        else:
            with override("th"):
                text = _("%(label)s, day %(day)s of each month from %(first)s to %(last)s")
                params = {"label": entry.get("label_th") or "", "day": thai_digits(entry.get("day"))}
                parts.append(
                    str(text) % {**params, "first": _month(entry.get("from")), "last": _month(entry.get("to"))}
                )
    return "; ".join(parts)


def _value(key: str, value: Any) -> str:
    if key == "rounds" and isinstance(value, list | None):
        text = _rounds_text(value or []) or "–"
        return text if len(text) <= ROUNDS_MOST else text[: ROUNDS_MOST - 1] + "…"
    if value in (None, ""):
        return "–"
    if key in POINTS:
        try:
            return fmt_points(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            return str(value)
    if key in DATES and isinstance(value, str):
        try:
            return thai_date(parse_date(value), short=True)
        except DateInputError:
            return value
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= TEXT_MOST else text[: TEXT_MOST - 1] + "…"


def _label(fields: Iterable[tuple[str, str, str]], key: str) -> tuple[str, str]:
    return next(((th, en) for k, th, en in fields if k == key), (key, key))


def _field_line(head: tuple[str, str], change: Mapping, fields: Iterable[tuple[str, str, str]]) -> tuple[str, str]:
    key = change["field"]
    if key == "rule_kind":
        th, en = "วิธีให้คะแนน", "rule kind"
    elif key == "rule":
        th, en = f"พารามิเตอร์ {change['parameter']}", f"parameter {change['parameter']}"
    elif key == "rounds":
        th, en = _both(_("rounds"))
    else:
        th, en = _label(fields, key)
    arrow = f"{_value(key, change['old'])} → {_value(key, change['new'])}"
    return f"{head[0]}{th}: {arrow}", f"{head[1]}{en} changed"


def _both(text: Any) -> tuple[str, str]:
    with override("th"):
        th = str(text)
    with override("en"):
        return th, str(text)


def _named(item: Mapping) -> str:
    number = item.get("number") or item.get("code")
    points = f" ({fmt_points(Decimal(str(item['max_points'])))} คะแนน)" if item.get("max_points") else ""
    return f"{number} {item.get('name_th') or ''}".strip() + points


def diff_lines(diff: Mapping) -> list:
    """One line a change, in the page's language (a lazy text), in the order a person checks them: the contest,
    then each period. The words are the rubric's own, held in both languages, so each line is a pair."""
    return [either(th, en) for th, en in diff_pairs(diff)]


def kept_lines(kept: Iterable[Mapping]) -> list:
    """The rounds a deadline's move left on their dates (`RubricChange.rounds_kept`), a line a criterion, in the
    page's language: the change history says what did not move as plainly as what did."""
    lines = []
    for item in kept:
        where = (f"รอบ {item['period']}: ", f"period {item['period']}: ") if item.get("period") else ("", "")
        numbers = ", ".join(str(n) for n in item["rounds"])
        th = f"{where[0]}ตัวชี้วัด {item['code']}: รอบการส่งที่ {numbers} คงกำหนดเดิม ไม่เลื่อนตาม"
        en = f"{where[1]}criterion {item['code']}: round {numbers} kept its date, not moved with it"
        lines.append(either(th, en))
    return lines


def diff_pairs(diff: Mapping) -> list[tuple[str, str]]:
    """Each line of diff_lines as (Thai, English)."""
    lines = [_field_line(("", "the contest's "), c, CONTEST_FIELDS) for c in diff.get("contest") or []]
    entrants = diff.get("entrants") or {}
    if entrants.get("added"):
        lines.append((f"เพิ่มผู้เข้าประกวด {', '.join(entrants['added'])}", "entrants added"))
    if entrants.get("removed"):
        lines.append((f"นำผู้เข้าประกวดออก {', '.join(entrants['removed'])}", "entrants removed"))
    for period in diff.get("periods") or []:
        where = (f"รอบ {period['period']}: ", f"period {period['period']}: ") if period["period"] else ("", "")
        if period.get("added"):
            lines.append((f"{where[0]}เพิ่มรอบ", f"{where[1]}period added"))
            continue
        if period.get("removed"):
            lines.append((f"{where[0]}ไม่อยู่ในไฟล์แล้ว (เก็บรอบเดิมไว้)", f"{where[1]}no longer in the file (kept)"))
            continue
        lines += [_field_line(where, c, RUBRIC_FIELDS) for c in period["fields"]]
        for kind, th, en in (("dimensions", "มิติ", "dimension"), ("criteria", "ตัวชี้วัด", "criterion")):
            part = period[kind]
            lines += [(f"{where[0]}เพิ่ม{th} {_named(i)}", f"{where[1]}{en} {i['code']} added") for i in part["added"]]
            lines += [
                (f"{where[0]}นำ{th}ออก {_named(i)}", f"{where[1]}{en} {i['code']} removed") for i in part["removed"]
            ]
            fields = DIMENSION_FIELDS if kind == "dimensions" else CRITERION_FIELDS
            for item in part["changed"]:
                head = (f"{where[0]}{th} {item.get('number') or item['code']} ", f"{where[1]}{en} {item['code']}'s ")
                lines += [_field_line(head, c, fields) for c in item["fields"]]
    return lines
