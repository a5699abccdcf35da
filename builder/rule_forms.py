"""A criterion's rule as a form, made from its kind's declaration (rulebook/rules/declare.py):
no kind has a template or form of its own. Scalars are text boxes, a table parameter is a table of rows
(`<name>-<i>-<column>`, `<name>-rows` rows), an `object` parameter is JSON text, a `conditions` column a row of
boxes per condition (`<name>-<i>-<column>-<j>-<part>`, builder/conditions.py). Measures and score rows are tables
too (builder/measures.py), a bands rule's one measure a group of the same boxes, with a JSON box beside them for
what their boxes cannot say. `rule_data` turns a
rubric's rule into the form's data and `RuleForm.rule` back, unchanged (tests/builder/test_rule_forms.py)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any, NamedTuple

from django import forms
from django.forms.renderers import Jinja2
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from builder import conditions as rule_conditions
from builder import evidence, measures, steps
from builder.fact_labels import LABELS, labels_from_rows
from builder.rule_values import cell_value, json_value, row_count
from core.i18n import Text, either
from rulebook.rules import KINDS, RuleError, build_rule
from rulebook.rules.declare import (
    CONDITIONS,
    FLAG,
    GROUP,
    ITEMS,
    MEASURE,
    MEASURES,
    OBJECT,
    POINTS_BY,
    SCORE_ROWS,
    TABLE,
    Param,
)

BLANK_ROWS = 1  # an empty row under each table, to add one without script
# A rule's table rows (a ladder's levels, a milestones kind's steps) and a level's conditions: the shipped
# contests use at most 7 and 4. More is refused beside the table, so no form can ask for a million boxes.
ROWS_MAX = 40
CONDITIONS_MAX = 10
KEY_MAX = 200  # a posted name longer than this is none of the builder's boxes (theirs are some 30 characters)
STACKED = 6  # a table of more columns shows each row as a block of labelled boxes (a measure has 16)


class Shape(NamedTuple):
    """A declared type the builder shows as a table: that table, a value as its rows (None: the boxes cannot say
    it), its rows as the value, and what a `conditions` column's lines are."""

    table: Any
    rows: Any
    stored: Any
    lines: ModuleType


SHAPES = {
    MEASURES: Shape(measures.measures_param, measures.measures_rows, measures.measures_from_rows, rule_conditions),
    SCORE_ROWS: Shape(measures.score_rows_param, measures.score_rows_rows, measures.score_rows_from_rows, measures),
    MEASURE: Shape(measures.measure_param, measures.measure_rows, measures.measure_from_rows, rule_conditions),
}


def shape_of(p: Param) -> Shape | None:
    """How the builder shows a declared parameter other than as its plain type: by its type, or, for a table with
    a column of data to reach (a ladder's steps), that column as boxes of the row (builder/steps.py)."""
    if p.type in SHAPES:
        return SHAPES[p.type]
    if steps.has_reach(p):
        return Shape(
            steps.reach_param, lambda v: steps.reach_rows(v, p), lambda rows, _: steps.reach_from_rows(rows, p),
            rule_conditions,
        )  # fmt: skip
    return None


def filled_prefixes(data: Mapping[str, Any]) -> frozenset[str]:
    """Every "…-" start of a posted box's name that holds anything (row counts aside), in one pass over the form.
    Whether a row or a condition is filled is then one lookup, not a scan of every posted field for each row
    and condition (a 26 KB form took a minute)."""
    out: set[str] = set()
    for key, value in data.items():
        if len(key) > KEY_MAX or key.endswith("-rows") or not str(value).strip():
            continue
        at = key.find("-")
        while at != -1:
            out.add(key[: at + 1])
            at = key.find("-", at + 1)
    return frozenset(out)


def too_many(most: int) -> Text:
    return format_lazy(gettext_lazy("at most {most} rows"), most=most)


def kind_choices() -> list[tuple[str, str]]:
    return [(kind, either(cls.title.th, cls.title.en)) for kind, cls in KINDS.items()]


def _cell(column: Param, required: bool) -> forms.Field:
    """A box of a table's row. Its column's name is its accessible name too: in a table the name is only the
    column's heading, which names no box for a screen reader (WCAG 1.3.1, 4.1.2)."""
    label = either(column.th, column.en)
    named = {"aria-label": label}
    if column.type == FLAG:
        return forms.BooleanField(label=label, required=False, widget=forms.CheckboxInput(attrs=named))
    if column.type == OBJECT:
        return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 2, **named}))
    return forms.CharField(label=label, required=required, max_length=2000, strip=True, widget=forms.TextInput(named))


def hints(p: Param) -> list[str]:
    """What the declaration says beside a table: its own hint, its columns' and their limits, Thai / English."""
    out = [_hint(p, own=True)] if p.help_th or p.limits() else []
    return out + [_hint(c) for c in p.columns if c.help_th or c.limits()]


def _hint(p: Param, *, own: bool = False) -> str:
    th = " ".join(x for x in (p.help_th, p.limits(thai=True)) if x)
    en = " ".join(x for x in (p.help_en, p.limits()) if x)
    return either(th, en) if own else either(f"{p.th}: {th}", f"{p.en}: {en}")


def columns_of(p: Param) -> tuple[Param, ...]:
    """A table parameter's cells per row: ITEMS and POINTS_BY rows begin with their key."""
    key = Param("key", "text", p.key_th or "รหัส", p.key_en or "code")
    if p.type == POINTS_BY:
        return (key, Param("points", "decimal", "คะแนน", "points"))
    if p.type == ITEMS:
        return (key, *p.columns)
    return p.columns


class RuleForm(forms.Form):
    """The rule of one criterion of `max_points`; `rule()` gives the rubric's rule object once valid."""

    # Its boxes drawn by Django's own widget templates in Jinja2 (the same HTML): a contest's rules are up to
    # about 1,400 boxes, and Django's template engine drawing them was 60 % of the builder page.
    default_renderer = Jinja2()

    def __init__(
        self, *args: Any, kind: str, max_points: Decimal, filled: frozenset[str] | None = None, **kwargs: Any
    ) -> None:
        """`filled`: the form's `filled_prefixes`, when the builder has read them once for all its rules."""
        super().__init__(*args, **kwargs)
        self.kind, self.max_points = kind, max_points
        self.filled = filled if filled is not None else filled_prefixes(self.data) if self.is_bound else frozenset()
        self.over: dict[str, int] = {}  # a rows field asking for more than its most → that most
        self.declared = KINDS[kind].parameters
        self.shaped = {p.name: shape for p in self.declared if (shape := shape_of(p)) is not None}
        self.params = (*(self.shaped[p.name].table(p) if p.name in self.shaped else p for p in self.declared), LABELS)
        self.tables: dict[str, list[list[str]]] = {}  # parameter → its rows' field names
        self.condition_rows: dict[str, list[list[str]]] = {}  # a conditions cell → its conditions' field names
        self.lines: dict[str, ModuleType] = {}  # a conditions cell → what its lines are
        for p in self.params:
            label = either(p.th, p.en)
            if p.name in self.shaped:  # what the rows cannot say, as JSON text, unchanged
                self.fields[p.name] = forms.CharField(
                    label=format_lazy(gettext_lazy("{name} the rows cannot say (JSON)"), name=either(p.th, p.en)),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            if p.type in (TABLE, ITEMS, POINTS_BY):
                rows = f"{p.name}-rows"
                given = self.data.get(self.add_prefix(rows)) if self.is_bound else self.initial.get(rows)
                count = self._count(rows, given, ROWS_MAX)
                if self.is_bound:  # up to the last row holding anything: blank rows do not pile up
                    count = next(
                        (i + 1 for i in reversed(range(count)) if any(self._posted(p, i, c) for c in columns_of(p))), 0
                    )
                count += BLANK_ROWS
                self.fields[f"{p.name}-rows"] = forms.IntegerField(
                    label=label, required=False, min_value=0, widget=forms.HiddenInput
                )
                self.initial.setdefault(f"{p.name}-rows", count)
                self.tables[p.name] = []
                for i in range(count):
                    names = []
                    for column in columns_of(p):
                        name = f"{p.name}-{i}-{column.name}"
                        if column.type == CONDITIONS:
                            self._conditions(name, self._lines(p))
                        else:
                            self.fields[name] = _cell(column, required=False)
                        names.append(name)
                    self.tables[p.name].append(names)
            elif p.type == GROUP:
                for column in p.columns:
                    self.fields[f"{p.name}-{column.name}"] = _cell(column, required=False)
            elif p.type == OBJECT:
                self.fields[p.name] = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 6})
                )
            elif p.type == FLAG:
                self.fields[p.name] = forms.BooleanField(label=label, required=False)
            else:
                # Never Django's "required": the loader's own refusal, naming the parameter, is shown instead.
                self.fields[p.name] = forms.CharField(label=label, required=False, max_length=2000)
        evidence.add_fields(self)  # what every kind may carry besides its parameters

    def _lines(self, p: Param) -> ModuleType:
        return self.shaped[p.name].lines if p.name in self.shaped else rule_conditions

    def _conditions(self, name: str, lines: ModuleType) -> None:
        """A `conditions` cell: a row of boxes per condition (`lines.PARTS`), and a blank one to add one."""
        rows = f"{name}-rows"
        given = self.data.get(self.add_prefix(rows)) if self.is_bound else self.initial.get(rows)
        count = self._count(rows, given, CONDITIONS_MAX)
        if self.is_bound:
            count = next((j + 1 for j in reversed(range(count)) if self._filled(f"{name}-{j}-")), 0)
        self.fields[rows] = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
        self.initial[rows] = count + BLANK_ROWS
        self.condition_rows[name], self.lines[name] = [], lines
        for j in range(count + BLANK_ROWS):
            names = [f"{name}-{j}-{part}" for part in lines.PARTS]
            for part, field in zip(lines.PARTS, names, strict=True):
                if part == "test":
                    self.fields[field] = forms.ChoiceField(choices=lines.choices(), required=False)
                else:
                    self.fields[field] = forms.CharField(required=False, max_length=200, strip=True)
            self.condition_rows[name].append(names)

    def _count(self, name: str, given: Any, most: int) -> int:
        """Rows to build: a posted form asking for more than `most` is refused (clean); a rubric's own rows
        (unbound, from a file the loader took) are all shown, so that none is lost unseen."""
        count = row_count(given)
        if count > most and self.is_bound:
            self.over[name] = most
        return min(count, most)

    def _filled(self, start: str) -> bool:
        return self.add_prefix(start) in self.filled

    def _posted(self, p: Param, i: int, column: Param) -> bool:
        if column.type == CONDITIONS:
            return self._filled(f"{p.name}-{i}-{column.name}-")
        return bool(str(self.data.get(self.add_prefix(f"{p.name}-{i}-{column.name}"), "")).strip())

    def _cell_shown(self, name: str) -> Any:
        if name in self.condition_rows:
            lines = self.lines[name]
            rows = [
                list(zip(lines.LABELS, (self[n] for n in names), strict=True)) for names in self.condition_rows[name]
            ]
            return Conditions(self.add_prefix(f"{name}-rows"), rows, lines.HEADING, lines.ADD)
        return self[name]

    def sections(self) -> list[dict[str, Any]]:
        """What the page shows, parameter by parameter: a box, a group of boxes, or a table of rows."""
        out = []
        for p in self.params:
            if p.name in self.tables:
                rows = [[self._cell_shown(name) for name in names] for names in self.tables[p.name]]
                out.append(
                    {
                        "param": p,
                        "name": either(p.th, p.en),  # the kind's declared words: its row's "add" button
                        "columns": columns_of(p),
                        "rows": rows,
                        "cards": [list(zip(columns_of(p), r, strict=True)) for r in rows if len(r) > STACKED],
                        "rows_name": self.add_prefix(f"{p.name}-rows"),
                        "errors": self[f"{p.name}-rows"].errors,
                        "hints": hints(p),
                        "json": self[p.name] if p.name in self.shaped else None,
                    }
                )
            elif p.type == GROUP:  # its refusals above its boxes (field_of puts them on the first)
                boxes = [(c, self[f"{p.name}-{c.name}"]) for c in p.columns]
                errors = [e for _, box in boxes for e in box.errors]
                typed = self[p.name] if p.name in self.shaped else None
                out.append({"param": p, "group": boxes, "errors": errors, "hints": hints(p), "json": typed})
            else:
                out.append({"param": p, "field": self[p.name], "hints": hints(p)})
        evidence_boxes = [self[name] for part, name in evidence.BOXES.items() if part != "json"]
        out.append({"evidence": evidence_boxes, "evidence_json": self[evidence.BOXES["json"]]})
        return out

    def field_of(self, param_name: str) -> str:
        """The form field a loader refusal about `param_name` is shown beside."""
        if param_name == "evidence":
            return evidence.field_of(self.cleaned_data)
        # beside the JSON of what the rows cannot say, when that was typed
        if param_name in self.shaped and (self.cleaned_data.get(param_name) or "").strip():
            return param_name
        if param_name in self.tables:
            return f"{param_name}-rows"
        group = next((p for p in self.params if p.name == param_name and p.type == GROUP), None)
        if group is not None:
            return f"{param_name}-{group.columns[0].name}"
        return param_name if param_name in self.fields else "__all__"

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for name, most in self.over.items():
            self.add_error(name, too_many(most))
        if self.errors:
            return cleaned
        try:
            self._rule = self._collect(cleaned)
            build_rule(self.kind, self._rule, self.max_points)
        except RuleError as error:
            field = self.field_of(error.field or "")
            self.add_error(None if field == "__all__" else field, either(error.th, error.en))
        return cleaned

    def rule(self) -> dict[str, Any]:
        assert self.is_valid()
        return self._rule

    def _collect(self, cleaned: Mapping[str, Any]) -> dict[str, Any]:
        rule: dict[str, Any] = {"kind": self.kind}
        value: Any
        for p in self.params[:-1]:  # LABELS aside
            if p.name in self.shaped:
                value = self._shaped(p, cleaned)
            elif p.name in self.tables:
                value = self._table(p, cleaned)
            elif p.type == GROUP:
                value = self._group(p, cleaned)
            else:
                value = cell_value(p, cleaned.get(p.name), p.name)
            if value is not None:
                rule[p.name] = value
        labels = labels_from_rows(self._table(LABELS, cleaned))
        if labels is not None:
            rule["labels"] = labels
        asked = evidence.evidence_from(cleaned, json_value(cleaned.get("evidence"), "evidence"))
        if asked is not None:
            rule["evidence"] = asked
        return rule

    def _shaped(self, p: Param, cleaned: Mapping[str, Any]) -> Any:
        typed = json_value(cleaned.get(p.name), p.name)
        boxes = self._group(p, cleaned) if p.type == GROUP else self._table(p, cleaned)
        rows = self.shaped[p.name].stored(boxes, p.name)
        if typed is not None and rows is not None:
            raise RuleError(
                f"{p.th}: ใส่ในแถวหรือเป็น JSON อย่างใดอย่างหนึ่ง ไม่ใช่ทั้งสองอย่าง",
                f"{p.en}: in the rows or as JSON, not both",
                field=p.name,
            )
        return typed if typed is not None else rows

    def _group(self, p: Param, cleaned: Mapping[str, Any]) -> dict[str, Any] | None:
        value = {c.name: cell_value(c, cleaned.get(f"{p.name}-{c.name}"), p.name) for c in p.columns}
        return {k: v for k, v in value.items() if v is not None} or None

    def _table(self, p: Param, cleaned: Mapping[str, Any]) -> Any:
        columns = columns_of(p)
        rows = []
        for i, names in enumerate(self.tables[p.name], 1):
            row = {
                c.name: self._conditions_of(name, p.name, i, cleaned)
                if c.type == CONDITIONS
                else cell_value(c, cleaned.get(name), p.name)
                for c, name in zip(columns, names, strict=True)
            }
            row = {k: v for k, v in row.items() if v is not None and v != []}
            if row:  # a row left blank is no row
                for c in columns:
                    if c.type == CONDITIONS:  # a level without conditions says so: "when": []
                        row.setdefault(c.name, [])
                rows.append(row)
        if not rows:  # an emptied table is an empty list (timeliness' "late": []); the kind says if it may be
            return [] if p.type == TABLE and cleaned.get(f"{p.name}-rows") is not None else None
        if p.type == POINTS_BY:
            return {str(r.get("key", "")): r.get("points") for r in rows}
        if p.type == ITEMS:
            keys = [str(r.get("key", "")) for r in rows]
            twice = next((k for k in keys if k and keys.count(k) > 1), None)
            if twice is not None:  # the second row would silently replace the first
                raise RuleError(f"{p.th}: “{twice}” อยู่สองแถว", f"{p.en}: “{twice}” is on two rows", field=p.name)
            return {str(r.pop("key", "")): r for r in rows}
        return rows

    def _conditions_of(self, name: str, table: str, i: int, cleaned: Mapping[str, Any]) -> list[dict[str, str]]:
        out, lines = [], self.lines[name]
        for j, names in enumerate(self.condition_rows[name], 1):
            row = {part: cleaned.get(n) for part, n in zip(lines.PARTS, names, strict=True)}
            found = lines.condition(row, lines.where(table, i, j), f"{table}-rows")
            if found is not None:
                out.append(found)
        return out


class Conditions(NamedTuple):
    """A conditions cell as the page shows it: its hidden row count, a row of (label, box) per condition, and
    what they are and what adds one (lazy texts, the page's language)."""

    rows_name: str
    condition_rows: list[list[Any]]
    heading: Any
    add: Any
