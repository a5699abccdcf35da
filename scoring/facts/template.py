"""A contest's fact template: an XLSX made for that contest, filled in by its organiser and sent back.

Nobody should have to read the rubric's JSON to learn that a fact is called `tpmap_target`, nor type it twice
because two criteria read it. A data sheet (one per period; one for a contest without periods) has:

    two lines saying what the sheet is and how to fill it in
    the header in Thai: the entrant's code and name, then each fact's Thai name and unit
    the same in English (grey)
    the key row the upload reads (grey): `entrant`, `name`, each fact's name
    one row per entrant, prefilled with what is stored

Only facts that come from an office's data are columns (`Rule.data_facts`): a committee's judgment and an
evidence upload's time are not typed here. A fact several criteria read is one column, written to each of
them on upload. The sheet "คำอธิบาย" explains each fact: its unit, what to type, and the criteria (with the
document's own rule) that use it. Reading a sheet back names every bad cell; the facts import
(`facts_import.facts_template_import`) does the rest, all or none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from openpyxl.utils import get_column_letter

from contests.entrants import contest_entrants
from contests.models import Contest, Unit
from core.errors import RowError
from core.sheets.exporter import Table
from core.sheets.limits import SheetError
from core.sheets.tabular import cell_text
from core.thai import fmt_points
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.rubric import FactColumn, RubricSpec
from rulebook.rules.errors import Label
from rulebook.rules.values import AMOUNT, COUNT, NUMBER, YES_NO
from scoring import selectors
from scoring.models import Fact

KEY_ENTRANT, KEY_NAME = "entrant", "name"
ABOUT = "คำอธิบาย about"
KEY_ROW_WITHIN = 10  # the key row is looked for among a sheet's first rows (a header line may be deleted)
NUMERIC = (COUNT, NUMBER, AMOUNT)
# Numbers that read back as the same text: no leading zero ("007" stays text), at most 15 digits (a float's).
_PLAIN_INT, _PLAIN_DECIMAL = re.compile(r"-?(?:0|[1-9]\d{0,14})"), re.compile(r"-?(?:0|[1-9]\d{0,11})\.\d{1,6}")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


# -- writing -----------------------------------------------------------------------------------------------
def template_tables(contest: Contest) -> list[Table]:
    """The workbook's sheets: each period's data, then the explanation (3 queries + 2 per period)."""
    rubrics = list(contest.rubrics.order_by("period_order"))
    entrants = list(contest_entrants(contest))
    sheets = [_data_sheet(contest, rubric, entrants) for rubric in rubrics]
    return [*sheets, _about(contest, rubric_spec(rubrics[0]), [t.title for t in sheets])]


def sheet_title(rubric: ContestPeriod) -> str:
    """The period's code first (the upload finds the period by it), then its name; Excel allows 31 characters."""
    title = f"{rubric.period} {rubric.period_name_th}" if rubric.period else "ข้อมูล facts"
    return _SHEET_NAME_BAD.sub("-", title)[:31].strip()


def heading(label: str, unit: Label | None, en: bool = False) -> str:
    """ "ครัวเรือนเป้าหมาย (ครัวเรือน)"; a name that already says its unit ("… (บาท)") is not told twice."""
    if unit is None:
        return label
    shown = unit.en if en else unit.th
    return label if f"({shown})" in label else f"{label} ({shown})"


def _data_sheet(contest: Contest, rubric: ContestPeriod, entrants: list[Unit]) -> Table:
    columns = rubric_spec(rubric).fact_columns
    noun_th, noun_en = contest.entrant_noun
    stored: dict[tuple[int, str, str], str] = {}
    names = [c.name for c in columns]
    for unit_id, code, name, value in Fact.objects.filter(rubric=rubric, name__in=names).values_list(
        "unit_id", "criterion__code", "name", "value"
    ):
        if value:
            stored[(unit_id, code, name)] = value
    rows, notes = [], {}
    for n, unit in enumerate(entrants):
        row: list = [unit.code, unit.name_th]
        for i, column in enumerate(columns, start=2):
            found = {c.code: stored[k] for c in column.criteria if (k := (unit.pk, c.code, column.name)) in stored}
            if len(set(found.values())) > 1:  # typed apart before: the one cell must not pick one silently
                row.append(None)
                listed = ", ".join(f"{code} = {value}" for code, value in found.items())
                notes[(n, i)] = format_lazy(
                    gettext_lazy(
                        "stored values differ: {listed}; type the right one (saved for every "
                        "criterion); left blank, both stay"
                    ),
                    listed=listed,
                )
            else:
                row.append(_typed(next(iter(found.values()), None), column))
        rows.append(row)
    period = f" · {rubric.period_name_th}" if rubric.period else ""
    period_en = f" · {rubric.period_name_en}" if rubric.period else ""
    return Table(
        title=sheet_title(rubric),
        preamble=[
            f"{contest.name_th}{period}: กรอกหนึ่งแถวต่อ{noun_th} ช่องว่างไม่เปลี่ยนค่าที่บันทึกไว้"
            f" ห้ามแก้แถวรหัสข้อมูลและชื่อแผ่นงาน ดูคำอธิบายในแผ่นงาน “{ABOUT}”",
            f"{contest.name_en}{period_en}: one row per {noun_en}; a blank cell changes nothing; keep the key row"
            f" and the sheet's name; each fact is explained on the sheet “{ABOUT}”",
        ],
        header=[f"รหัส{noun_th}", noun_th, *[heading(c.label.th, c.unit) for c in columns]],
        more_header=[
            [f"{noun_en} code", noun_en, *[heading(c.label.en, c.unit, en=True) for c in columns]],
            [KEY_ENTRANT, KEY_NAME, *names],
        ],
        rows=rows,
        frozen_columns=2,
        widths={0: 12, 1: 24, **{i: 22 for i in range(2, len(columns) + 2)}},
        text_columns=frozenset(i for i, c in enumerate(columns, start=2) if c.format not in NUMERIC),
        choices={i: ["ใช่", "ไม่ใช่"] for i, c in enumerate(columns, start=2) if c.format == YES_NO},
        notes=notes,
    )


def _typed(raw: str | None, column: FactColumn):
    """A stored number goes back as a number Excel can add up, when reading it back gives the same text
    ("1250", "93.5"); anything else ("1,250", "๑๒", "18/04/2566") stays the text it was."""
    if raw is None or column.format not in NUMERIC:
        return raw
    if _PLAIN_INT.fullmatch(raw):
        return int(raw)
    if _PLAIN_DECIMAL.fullmatch(raw) and repr(float(raw)) == raw:
        return float(raw)
    return raw


def _about(contest: Contest, spec: RubricSpec, data_sheets: list[str]) -> Table:
    noun_th, noun_en = contest.entrant_noun
    listed = ", ".join(f"“{title}”" for title in data_sheets)
    rows: list[list] = []
    for column in spec.fact_columns:
        unit = f"{column.unit.th} / {column.unit.en}" if column.unit else "–"
        rows.append(
            [
                column.name,
                column.label.th,
                column.label.en,
                unit,
                column.format.th,
                column.format.en,
                "\n".join(f"{c.label} {c.name_th} ({fmt_points(c.max_points)} คะแนน)" for c in column.criteria),
                "\n".join(f"{c.label}: {c.evidence_th}" for c in column.criteria if c.evidence_th),
            ]
        )
    used = {c.code for column in spec.fact_columns for c in column.criteria}
    others = [c for c in spec.criteria() if c.code not in used]
    if others:
        rows += [[], [None, "เกณฑ์ที่ไม่ต้องกรอกในแบบฟอร์มนี้", "criteria not in this template"]]
    for c in others:
        uploads = c.rule.upload_time_fact()
        why = (
            ("บันทึกจากเวลาที่อัปโหลดหลักฐานในระบบ", "taken from when the evidence was uploaded")
            if uploads
            else ("คณะกรรมการเป็นผู้ให้คะแนน", "scored by the panel (the committee)")
        )
        rows.append([c.label, c.name_th, c.name_en, None, *why])
    if not spec.fact_columns:
        rows.insert(0, [None, "ทุกเกณฑ์ให้คะแนนโดยคณะกรรมการ ไม่มีข้อมูลต้องกรอก", "the panel scores every criterion: no data"])
    return Table(
        title=ABOUT,
        preamble=[
            f"แบบฟอร์มข้อมูล {contest.name_th}",
            f"กรอกในแผ่นงาน {listed} หนึ่งแถวต่อ{noun_th} ข้อมูลที่หลายเกณฑ์ใช้ร่วมกันกรอกช่องเดียว ช่องว่างไม่เปลี่ยนค่าที่บันทึกไว้",
            "ส่งไฟล์กลับที่หน้าอันดับคะแนนของการประกวด (นำเข้าข้อมูลตัวชี้วัด): ทั้งไฟล์หรือไม่นำเข้าเลย ถ้ามีช่องผิดจะแจ้งชื่อแผ่นงานและช่องนั้น",
            f"Fact template: {contest.name_en}",
            f"Fill in {listed}, one row per {noun_en}; a fact several criteria read is one cell; a blank cell"
            " changes nothing.",
            "Send the file back on the contest's standings page (import facts): all of it or nothing; a bad cell"
            " is named with its sheet.",
        ],
        header=[
            "รหัสข้อมูล / key",
            "ข้อมูล",
            "fact",
            "หน่วย / unit",
            "กรอกเป็น",
            "what to type",
            "ใช้ในเกณฑ์ / used by",
            "เกณฑ์ของเอกสาร / the document's rule",
        ],
        rows=rows,
        widths={0: 22, 1: 36, 2: 32, 3: 18, 4: 30, 5: 30, 6: 44, 7: 70},
    )


# -- reading -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """Where one value of the template came from, to name it in a refusal."""

    sheet: str
    ref: str  # "D7"
    row: int
    order: tuple[int, int, int]  # sheet, row, column: the order refusals are listed in

    def error(self, th: str, en: str) -> RowError:
        return RowError(
            self.row, f"แผ่นงาน “{self.sheet}” ช่อง {self.ref}: {th}", f"sheet “{self.sheet}” cell {self.ref}: {en}"
        )


@dataclass
class TemplateRead:
    """The template as facts-import rows, per period: each row with the cell it came from."""

    parts: list[tuple[ContestPeriod, list[dict[str, str]], list[Cell]]] = field(default_factory=list)
    errors: list[tuple[Cell, str, str]] = field(default_factory=list)
    values: int = 0  # cells filled in


def _key_row(rows: Sequence[Sequence]) -> int | None:
    """The row starting with `entrant`; an entrant,criterion,fact,value list's header is not one."""
    for i, row in enumerate(rows[:KEY_ROW_WITHIN]):
        keys = [str(v or "").strip().lower() for v in row]
        if keys and keys[0] == KEY_ENTRANT and "criterion" not in keys:
            return i
    return None


def is_template(sheets: Sequence[tuple[str, list[list]]]) -> bool:
    """Whether an XLSX is a fact template (a sheet with the key row), not an entrant,criterion,fact,value list."""
    return any(_key_row(rows) is not None for _, rows in sheets)


def read_template(contest: Contest, sheets: Sequence[tuple[str, list[list]]]) -> TemplateRead:
    """Each data sheet's filled cells as facts-import rows (one per criterion that reads the fact), every bad
    cell named. 2 queries + 1 per period (the entrants; each period's spec is cached)."""
    rubrics = list(contest.rubrics.order_by("period_order"))
    by_period = {r.period: r for r in rubrics}
    read = TemplateRead()
    taken: dict[int, str] = {}  # a period's rubric id → the sheet that filled it
    for s, (title, rows) in enumerate(sheets):
        k = _key_row(rows)
        if k is None:
            continue  # the explanation, or a sheet of the office's own
        where = Cell(title, f"A{k + 1}", k + 1, (s, k, 0))
        rubric = by_period.get("") or by_period.get(title.split(" ")[0])
        if rubric is None:
            known = ", ".join(sheet_title(r) for r in rubrics)
            read.errors.append(
                (
                    where,
                    f"ชื่อแผ่นงานต้องขึ้นต้นด้วยรหัสรอบของการประกวดนี้ ({known})",
                    f"the sheet's name must start with one of this contest's periods ({known})",
                )
            )
            continue
        if rubric.pk in taken:
            th, en = f"รอบนี้มีแผ่นงาน “{taken[rubric.pk]}” แล้ว", f"this period already has the sheet “{taken[rubric.pk]}”"
            read.errors.append((where, th, en))
            continue
        taken[rubric.pk] = title
        _read_sheet(read, rubric, s, title, rows, k)
    if not taken and not read.errors:
        raise SheetError(gettext_lazy("the file has no data sheet"))
    return read


def _read_sheet(read: TemplateRead, rubric: ContestPeriod, s: int, title: str, rows: list[list], k: int) -> None:
    spec = rubric_spec(rubric)
    columns = {c.name: c for c in spec.fact_columns}
    lookup = selectors.entrant_lookup(rubric)

    def cell(r: int, c: int) -> Cell:
        return Cell(title, f"{get_column_letter(c + 1)}{r + 1}", r + 1, (s, r, c))

    keyed: dict[int, FactColumn] = {}
    named, name_at = set(), None  # columns with a key (good or refused); the entrants' names
    for c, raw in enumerate(rows[k][1:], start=1):
        key = str(raw or "").strip()
        if not key:
            continue
        named.add(c)
        if key == KEY_NAME:
            name_at = c
        elif key not in columns:
            known = ", ".join(columns) or "–"
            th = f"ไม่มีข้อมูล “{key}” ในแบบฟอร์มของการประกวดนี้ (มี: {known})"
            read.errors.append((cell(k, c), th, f"this contest's template has no fact “{key}” (known: {known})"))
        elif columns[key] in keyed.values():
            read.errors.append((cell(k, c), f"คอลัมน์ “{key}” ซ้ำ", f"the column “{key}” repeats"))
        else:
            keyed[c] = columns[key]
    part: tuple[ContestPeriod, list[dict[str, str]], list[Cell]] = (rubric, [], [])
    seen: dict[int, int] = {}
    for r in range(k + 1, len(rows)):
        row = rows[r]
        filled = {c: cell_text(row[c]).strip() for c in keyed if c < len(row) and row[c] is not None}
        filled = {c: v for c, v in filled.items() if v}
        for c in range(1, len(row)):  # a value typed where no key says what it is would be lost unseen
            if c not in named and row[c] is not None and str(row[c]).strip():
                th = f"ช่องนี้ไม่อยู่ใต้รหัสข้อมูลใดในแถวที่ {k + 1}"
                read.errors.append((cell(r, c), th, f"this cell is under no fact key in row {k + 1}"))
        if not filled:
            continue
        code = cell_text(row[0]).strip() if row and row[0] is not None else ""
        at = name_at if name_at is not None and name_at < len(row) else None
        name = cell_text(row[at]).strip() if at is not None and row[at] is not None else ""
        unit = lookup.get(selectors.norm_unit_key(code or name))
        if unit is None:
            shown = code or name
            th = f"“{shown}” ไม่ใช่ผู้เข้าประกวดนี้" if shown else "ไม่มีรหัสผู้เข้าประกวด"
            en = f"“{shown}” is not an entrant of this contest" if shown else "no entrant code"
            read.errors.append((cell(r, 0), th, en))
            continue
        if unit.pk in seen:
            th, en = f"{unit.code} ซ้ำกับแถวที่ {seen[unit.pk]}", f"{unit.code} repeats row {seen[unit.pk]}"
            read.errors.append((cell(r, 0), th, en))
            continue
        seen[unit.pk] = r + 1
        for c, value in filled.items():
            read.values += 1
            for criterion in keyed[c].criteria:  # one cell, every criterion that reads the fact
                part[1].append(
                    {"province": unit.code, "criterion": criterion.code, "fact": keyed[c].name, "value": value}
                )
                part[2].append(cell(r, c))
    read.parts.append(part)


def cell_errors(read: TemplateRead, more: list[tuple[Cell, str, str]]) -> list[RowError]:
    """The refusals in sheet, row and column order, each once (a fact two criteria read is one cell)."""
    found: dict[tuple[tuple[int, int, int], str], RowError] = {}
    for where, th, en in sorted([*read.errors, *more], key=lambda e: e[0].order):
        found.setdefault((where.order, th), where.error(th, en))
    return list(found.values())
