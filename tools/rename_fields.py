"""Names that say what they hold, the fields and variables this time: a model field, a lookup, an attribute or a
variable called `province` that holds any unit (a district office, a subdistrict, a village entrant as well as a
province) is called `unit` (`provinces` → `units`, `province_id` → `unit_id`, `role__province` →
`role__unit`, ...). What truly means a province keeps its name (KEEP, KEPT_IN, and the rules below).

    .venv/bin/python tools/rename_fields.py               # rewrite the tree (run again: nothing changes)
    .venv/bin/python tools/rename_fields.py --check       # list what would change, exit 1 if anything would
    .venv/bin/python tools/rename_fields.py --migrations  # then: the state-only migrations, once

Python is rewritten token by token (`tokenize`), a name where it is a name (NAMES); a lookup path
(`province__code`, `role__province`) wherever it is, as a name or inside a string; a bare string ("province") only
where it is plainly a field name: the ORM's arguments (`select_related`, `values_list`, `order_by`, ...), an
admin's or a Meta's lists of fields (`list_display`, `fields`, `ordering`, ...), a constraint's or an index's
`fields`, `update_fields`, a serializer's `source`. Templates have their attribute accesses (`x.province`)
and lookups renamed; Markdown its code in backticks.

Kept, on purpose: words on screen and message ids (a gettext string is never a field name here), `Level.PROVINCE`
and `Unit.objects.provinces()` (the 76 provincial offices), the national dataset, URL paths, URL names and query
parameters, a plain form's field names (what a browser posts), the REST API's JSON keys (a serializer's own
field names; its `source` follows the model) and CSV/xlsx headings, permission codenames, tables and columns
(each renamed field keeps its column with `db_column`), historic migrations, and files marked
"rename-fields: leave". A line marked "rename-fields: keep" is left as it is.

The model fields' renames are state only: `--migrations` asks Django's autodetector for what changed (a field
renamed with its column kept, and the constraints and indexes naming it, whose names stay), checks it is nothing
else, and writes it inside `SeparateDatabaseAndState`, so the database is not touched.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.rename_codemod import tracked_files

# Python names renamed wherever they are a name: they hold any unit (or any entrant, or a unit's id).
NAMES = {
    "province": "unit",
    "provinces": "units",
    "province_id": "unit_id",
    "province_ids": "unit_ids",
    "province_obj": "unit_obj",
    "other_province": "other_unit",
    "provinces_for_member": "units_for_member",
    "provinces_for_user": "units_for_user",
    "members_provinces": "members_units",
    "view_province": "view_unit",
    "view_provinces": "view_units",
    "prev_province": "prev_unit",
    "next_province": "next_unit",
    "after_province": "after_unit",
    "open_clarifications_for_province": "open_clarifications_for_unit",
    "province_facts": "unit_facts",
    "province_breakdown": "unit_breakdown",
    "evidence_by_province": "evidence_by_unit",
    "organiser_province": "organiser_unit",
    "stage_province": "stage_unit",
    "province_rows": "unit_rows",
    "province_or_404": "unit_or_404",
    # A year's switch: every entrant of the year sees its standing, whatever its level.
    "standings_visible_to_provinces": "standings_visible_to_entrants",
    "_visible_to_provinces": "_visible_to_entrants",
}

# Names that stay, and why (the tool never renames them; the table says so to the reader and to the tests).
KEEP = {
    "PROVINCE": "Level.PROVINCE is the province level",
    "PROVINCES": "the national dataset's 76 provinces",
    "Province": "a word on screen or the old model in historic migrations",
    "by_province": "a flag: the contest's entrants are provinces",
    "province_of": "the province above a unit (stages.selectors)",
    "province_home": "a view and URL name: the entrant's home page, a URL users see",
    "province_page": "a view and URL name, a URL users see",
    "province_export": "a view and URL name, a URL users see",
    "year_on_year_province": "a view and URL name, a URL users see",
    "province_zip": "a view and URL name, a URL users see",
    "province_name_th": "a JSON key of the public API",
    "province_name_en": "a JSON key of the public API",
    "province_lookup": "finds one of the 76 provinces by any of its names (the facts sheet's province column)",
    "norm_province_key": "normalises a province's name for province_lookup",
    "map_provinces": "the map's 76 province shapes",
    "ProvinceSerializer": "the API's list of the 76 provincial offices",
    "ProvinceList": "the API's list of the 76 provincial offices",
}

# Where a name in NAMES truly holds a province: "path" or "path:function" (the function's own name).
KEPT_IN: dict[str, set[str]] = {
    "stages/selectors.py": {"province"},  # province_of(unit)'s answer
    "stages/admin.py": {"province"},  # the admin's column: the province above the pick
    "tests/scoring/test_services_many_entrants.py:many_entrants": {"province"},  # Chiang Mai, above the district
    "tests/browser/test_stages_browser.py:test_a_subdistrict_goes_from_district_to_province_to_inspection_region": {
        "province"  # the province's organiser's page
    },
    "contests/provinces_data.py": set(NAMES),
    "contests/regions.py": {"provinces"},  # an inspection region's provinces
    "committee/screens.py:matrix": {"province"},  # the text of the matrix's search box, named as its parameter
    "awards/management/commands/export_results.py:handle": {"province"},  # the option --province, and a msgid's
    "core/thaimap.py": {"provinces"},
}

# Where a rename meets a name already there and it is right: "path:function" and why.
CLASH_OK = {
    "scoring/facts/imports.py:_receipts_tell": "the comprehension's variable is its own, the later `unit` another",
}

# Strings that are a field name in one file only (a model form's fields, a dict a template reads).
FILE_STRINGS: dict[str, dict[str, str]] = {
    "accounts/forms.py": {"province": "unit"},  # a model form: its fields are the model's
    "stages/admin.py": {"province": "province"},  # the admin's own column `province`, the province above a pick
    "ops/selectors.py": {"province": "unit"},  # year-on-year rows: the template reads row.unit
    "tests/ops/test_year_on_year.py": {"province": "unit"},  # those rows
    "scoring/recompute.py": {"province_id": "unit_id"},  # the fields a recompute reads
    "scoring/standings.py": {"province_id": "unit_id"},  # the fields the rows are read with ("province" a JSON key)
    "scoring/tallies.py": {"province": "unit", "province_id": "unit_id"},  # lookups of recorded pairs
    "scoring/dashboard.py": {"province": "unit"},  # region_number's path ("provinces" a JSON key)
    "tests/scoring/test_shift.py": {"province_id": "unit_id"},
    "tests/people/test_selectors.py": {"province_id": "unit_id"},  # a values() row
    "tests/accounts/test_forms.py": {"province": "unit"},  # the membership form's field
    "tests/security/test_one_lock.py": {"province": "unit"},  # scope()'s path
    "tests/security/conftest.py": {"province": "unit"},  # URL keyword arguments (the committee's score page)
    "tests/security/office/conftest.py": {"province": "unit"},  # the same
}

# Exact text in one file where a string is a field name in one place and a JSON key or a heading in others.
FILE_PATTERNS: dict[str, list[tuple[str, str]]] = {
    "committee/admin.py": [('f == "province"', 'f == "unit"')],  # list_display's entries
    "tests/scoring/test_units_national.py": [
        ('MembershipForm().fields["province"]', 'MembershipForm().fields["unit"]'),  # not DocumentRequestForm's
    ],
    "tests/scoring/admin/test_admin.py": [('errors == {"province"', 'errors == {"unit"')],  # the membership form's
    "tests/cdd4/test_sqlite_concurrency.py": [("role=Role.OFFICE_STAFF, province=", "role=Role.OFFICE_STAFF, unit=")],
    "tests/security/test_conflicts_cover_units_below.py": [
        ('"province": chain.', '"unit": chain.'),  # the conflict admin's form
        ('"field_name": "province"', '"field_name": "unit"'),  # its autocomplete
    ],
    "tests/security/test_actor.py": [  # the membership form's (the API's body keeps its key)
        ('Role.OFFICE_STAFF, "province"', 'Role.OFFICE_STAFF, "unit"'),
        ('Role.ORGANISER, "province"', 'Role.ORGANISER, "unit"'),
    ],
    "bench/upload.py": [("role=Role.OFFICE_STAFF, province=", "role=Role.OFFICE_STAFF, unit=")],  # a script's text
}

# The model fields renamed, and the segments of a lookup path (`role__province__code`) or of a serializer's
# `source` ("province.code").
FIELDS = {
    "province": "unit",
    "province_id": "unit_id",
    "standings_visible_to_provinces": "standings_visible_to_entrants",
}
SEGMENTS = FIELDS | {"provinces": "units"}

# Calls whose string arguments are field names or lookups.
ORM_CALLS = {
    "select_related", "prefetch_related", "values", "values_list", "order_by", "only", "defer", "get_field",
    "F", "OuterRef", "Count", "Sum", "Max", "Min", "Avg", "Prefetch", "ArrayAgg", "StringAgg", "distinct",
    "latest", "earliest", "refresh_from_db", "alias_field", "scope",
    "column",  # scoring.admin's changelist columns: column(attribute, label, ordering)
}  # fmt: skip
# Assignments (class attributes mostly) whose strings are field names.
ORM_LISTS = {
    "list_display", "list_filter", "list_select_related", "raw_id_fields", "autocomplete_fields",
    "readonly_fields", "search_fields", "ordering", "unique_together", "fields", "exclude", "list_display_links",
    "sortable_by", "unit_path", "update_fields", "field_classes", "defaults",
    "cell",  # a judged cell's fields, the keyword arguments of the committee's services and lookups
}  # fmt: skip
# Keyword arguments whose strings are field names.
ORM_KEYWORDS = {
    "fields", "ordering", "update_fields", "include", "field_name", "unit_path", "defaults", "create_defaults",
}  # fmt: skip

SUFFIXES = {".py", ".html", ".md", ".txt"}
SKIPPED = (
    re.compile(r"(^|/)migrations/"),
    re.compile(r"(^|/)node_modules/"),
    re.compile(r"^static/"),
    re.compile(r"^locale/"),
    re.compile(r"^tools/rename_codemod\.py$"),
    re.compile(r"^tests/tools/test_rename_codemod\.py$"),
    re.compile(r"^docs/(adr|history)/"),
    re.compile(r"^tools/rename_fields\.py$"),
    re.compile(r"^tests/tools/test_rename_fields\.py$"),
)
HERE = Path(__file__).resolve()
LEAVE = "rename-fields: leave"
KEEP_LINE = "rename-fields: keep"
WORD = re.compile(r"[A-Za-z0-9_]+")


class Clash(Exception):
    """A rename would give a name one already used next to it."""


def rename_lookup(word: str) -> str:
    """`role__province__code` → `role__unit__code`, a path's head `province__` → `unit__`; a word without `__`
    after a name (a dunder) is left."""
    if "__" not in word.lstrip("_") or (word.startswith("__") and word.endswith("__")):
        return word
    return "__".join(SEGMENTS.get(part, part) for part in word.split("__"))


# A URL pattern's keyword (`<str:province>`) is the view's parameter; the path users see does not change.
CONVERTER = re.compile(r"<(\w+:)?province>")
# The user admin's inline posts its field as "membership-0-province"; a field's name that is no word.
IN_TEXT = [
    (re.compile(r"\b(membership-\d+-)province\b"), r"\1unit"),
    (re.compile(r"\bid_province\b"), "id_unit"),
    (re.compile(r"\bcolumn-province\b"), "column-unit"),
    (re.compile(r"\bstandings_visible_to_provinces\b"), "standings_visible_to_entrants"),
]


def rename_lookups(text: str) -> str:
    return WORD.sub(lambda m: rename_lookup(m.group(0)), text)


def rename_in_string(text: str) -> str:
    """A Python string: its lookups, a URL pattern's keyword, a form field's HTML name."""
    for pattern, new in IN_TEXT:
        text = pattern.sub(new, text)
    return rename_lookups(CONVERTER.sub(lambda m: f"<{m.group(1) or ''}unit>", text))


def rename_field_path(text: str) -> str:
    """A string that is wholly a field name or a path ("province", "-province__code", "province.code")."""
    match = re.fullmatch(r"(-?)([A-Za-z0-9_.]+)", text)
    if not match:
        return text
    sign, path = match.groups()
    parts = [rename_lookup(p) for p in path.split(".")]
    parts = ["__".join(SEGMENTS.get(s, s) for s in p.split("__")) for p in parts]
    return sign + ".".join(parts)


# In comments and Markdown: an attribute access of code (`result.province`, `Standing.province_id`).
# (`facts.0.province` is a JSON path of the API: after a digit it stays.)
ATTRIBUTE = re.compile(r"(?<=[A-Za-z_)\]]\.)(province_ids|province_id|province)\b")
# Names of more than one word are code wherever they are written (`provinces_for_member`); `province_id` alone
# is also the columns' name, and stays in prose.
COMPOUND = re.compile(
    r"(?<![A-Za-z0-9_.])("
    + "|".join(
        sorted((re.escape(n) for n in NAMES if "_" in n.strip("_") and n != "province_id"), key=len, reverse=True)
    )
    + r")(?![A-Za-z0-9_])"
)


def rewrite_comment(text: str) -> str:
    text = rename_lookups(text)
    text = COMPOUND.sub(lambda m: NAMES[m.group(1)], text)
    return ATTRIBUTE.sub(lambda m: NAMES[m.group(1)], text)


FIELD = re.compile(r"{[^{}]*}")
NAME_IN_CODE = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)(\s*\()?")


def rename_code(code: str, kept: set[str]) -> str:
    """Python code inside an f-string's braces (Python 3.11 gives the whole f-string as one token)."""

    def name(match: re.Match[str]) -> str:
        word, call = match.group(1), match.group(2) or ""
        before = code[: match.start()].rstrip()[-1:]
        if word in NAMES and word not in kept and not (word == "provinces" and before == "."):
            return NAMES[word] + call
        return rename_lookup(word) + call

    return NAME_IN_CODE.sub(name, code)


def rename_fstring(token: str, kept: set[str]) -> str:
    out, at = [], 0
    for match in FIELD.finditer(token):
        if token[match.start() - 1 : match.start()] == "{":  # "{{" is a brace, not code
            continue
        out.append(rename_lookups(token[at : match.start()]))
        out.append(rename_code(match.group(0), kept))
        at = match.end()
    out.append(rename_lookups(token[at:]))
    return "".join(out)


def _string_body(token: str) -> tuple[str, str, str] | None:
    """A plain (not f-, not triple-quoted) string token split as prefix+quote, body, quote."""
    match = re.fullmatch(r"([rRbBuU]{0,2})(['\"])(.*)\2", token, re.S)
    if not match or match.group(2) * 3 in token:
        return None
    prefix, quote, body = match.groups()
    return prefix + quote, body, quote


@dataclass
class Context:
    """What the syntax tree says about one file: where a string is a field name, where a name is kept."""

    field_strings: set[tuple[int, int]] = field(default_factory=set)
    name_strings: set[tuple[int, int]] = field(default_factory=set)  # a module's `__all__`
    kept_names: set[tuple[int, int]] = field(default_factory=set)
    scopes: list[tuple[int, int, str]] = field(default_factory=list)  # (first line, last line, function name)


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _strings(node: ast.AST) -> Iterator[ast.Constant]:
    """The string constants of a field list (a string, or lists, tuples and dict keys of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for item in node.elts:
            yield from _strings(item)
    elif isinstance(node, ast.Dict):
        for key in node.keys:
            if key is not None:
                yield from _strings(key)


def _is_plain_form_or_serializer(node: ast.ClassDef) -> bool:
    """A class whose own attribute names are seen outside: a serializer's are JSON keys, a plain form's what a
    browser posts, an import-export resource's the sheet's columns. A model form's follow its model."""
    bases = [_dotted(b) for b in node.bases]
    return any(
        b.endswith(("Serializer", "FilterSet", "Resource")) or (b.endswith("Form") and not b.endswith("ModelForm"))
        for b in bases
    )


def analyse(source: str) -> Context:
    context = Context()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            context.scopes.append((node.lineno, node.end_lineno or node.lineno, node.name))
        if isinstance(node, ast.Call):
            name = _dotted(node.func).rsplit(".", 1)[-1]
            if name in ORM_CALLS:
                for arg in node.args:
                    context.field_strings |= {(s.lineno, s.col_offset) for s in _strings(arg)}
            for keyword in node.keywords:
                if keyword.arg in ("db_column", "db_table"):  # a column's or a table's name never changes
                    context.kept_names |= {(s.lineno, s.col_offset) for s in _strings(keyword.value)}
                if keyword.arg is None and isinstance(keyword.value, ast.Dict):  # f(**{"province": ...})
                    context.field_strings |= {(s.lineno, s.col_offset) for s in _strings(keyword.value)}
                if keyword.arg in ORM_KEYWORDS or keyword.arg == "source":
                    context.field_strings |= {(s.lineno, s.col_offset) for s in _strings(keyword.value)}
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id if isinstance(t, ast.Name) else getattr(t, "attr", "") for t in targets]
            if "__all__" in names and node.value is not None:
                context.name_strings |= {(s.lineno, s.col_offset) for s in _strings(node.value)}
            if node.value is not None and any(name in ORM_LISTS for name in names):
                context.field_strings |= {(s.lineno, s.col_offset) for s in _strings(node.value)}
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "name":
            for right in node.comparators:  # `db_field.name == "province"`: a field's name
                context.field_strings |= {(s.lineno, s.col_offset) for s in _strings(right)}
        elif isinstance(node, ast.ClassDef) and _is_plain_form_or_serializer(node):
            for item in node.body:
                with_target = ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor
                targets = (
                    item.targets
                    if isinstance(item, ast.Assign)
                    else [item.target]
                    if isinstance(item, with_target)
                    else []
                )
                for target in targets:
                    if isinstance(target, ast.Name):
                        context.kept_names.add((target.lineno, target.col_offset))
                if isinstance(item, ast.ClassDef) and item.name == "Meta":  # its fields are the names above
                    for meta in ast.walk(item):
                        if isinstance(meta, ast.Constant):
                            context.kept_names.add((meta.lineno, meta.col_offset))
    return context


def clashes(source: str, path: str) -> list[str]:
    """Functions and classes where a rename would meet a name of the same spelling already there."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            names |= {a.arg for a in ast.walk(node) if isinstance(a, ast.arg)}
        elif isinstance(node, ast.ClassDef):
            assigned = [t for item in node.body if isinstance(item, ast.Assign) for t in item.targets]
            names = {t.id for t in assigned if isinstance(t, ast.Name)}
        else:
            continue
        kept = set(KEPT_IN.get(path, set())) | KEPT_IN.get(f"{path}:{node.name}", set())
        for old, new in NAMES.items():
            if old in names and new in names and old not in kept and f"{path}:{node.name}" not in CLASH_OK:
                found.append(f"{path}:{node.lineno}: {node.name} has both {old} and {new}")
    return found


def _kept(path: str, context: Context, line: int) -> set[str]:
    kept = set(KEPT_IN.get(path, set()))
    for first, last, name in context.scopes:
        if first <= line <= last:
            kept |= KEPT_IN.get(f"{path}:{name}", set())
    return kept


def rewrite_python(source: str, path: str = "") -> str:
    """`source` with the names, lookups and field-name strings renamed."""
    for old, new in FILE_PATTERNS.get(path, []):
        source = source.replace(old, new)
    source = keep_columns(source)
    context = analyse(source)
    strings = FILE_STRINGS.get(path, {})
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for index, tok in enumerate(tokens):
        if tok.start[0] > len(lines) or KEEP_LINE in lines[tok.start[0] - 1] or tok.start in context.kept_names:
            continue
        new = tok.string
        if tok.type == tokenize.NAME:
            if tok.string in NAMES:
                before = tokens[index - 1].string if index else ""
                after = tokens[index + 1].string if index + 1 < len(tokens) else ""
                keep = tok.string in _kept(path, context, tok.start[0])
                # `Unit.objects.provinces()` and its definition (the 76 provincial offices), and an inspection
                # region's `.provinces`.
                method = tok.string == "provinces" and (before == "." or (before == "def" and after == "("))
                if not keep and not method:
                    new = NAMES[tok.string]
            else:
                new = rename_lookup(tok.string)
        elif tok.type == tokenize.STRING and re.match(r"[rRbB]?[fF]", tok.string):
            new = rename_fstring(tok.string, _kept(path, context, tok.start[0]))
        elif tok.type == tokenize.STRING:
            parts = _string_body(tok.string)
            if parts is not None:
                head, body, tail = parts
                if tok.start in context.name_strings:
                    body = NAMES.get(body, body)
                elif body in strings:
                    body = strings[body]
                elif tok.start in context.field_strings:
                    body = rename_field_path(body)
                else:
                    body = rename_in_string(body)
                new = head + body + tail
            else:  # a docstring mostly: its code as in a comment
                new = rewrite_comment(rename_in_string(tok.string))
        elif tok.type == tokenize.COMMENT:
            new = rewrite_comment(tok.string)
        elif tokenize.tok_name.get(tok.type) == "FSTRING_MIDDLE":
            new = rename_lookups(tok.string)
        if new != tok.string:
            begin = starts[tok.start[0] - 1] + tok.start[1]
            end = starts[tok.end[0] - 1] + tok.end[1]
            edits.append((begin, end, new))
    for begin, end, new in reversed(edits):
        source = source[:begin] + new + source[end:]
    return source


# A model field renamed keeps its column: a ForeignKey's "province_id", another field its old name.
FIELD_CLASSES = {"ForeignKey", "OneToOneField", "BooleanField", "CharField"}


def keep_columns(source: str) -> str:
    """Adds `db_column` to each model field a name in NAMES will rename, before it is renamed."""
    if "models." not in source:
        return source
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    inserts: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if not (isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name)):
                continue
            name, call = item.targets[0].id, item.value
            if name not in NAMES or KEEP_LINE in lines[item.lineno - 1] or not isinstance(call, ast.Call):
                continue
            kind = _dotted(call.func)
            if not kind.startswith("models.") or kind.rsplit(".", 1)[-1] not in FIELD_CLASSES:
                continue
            if any(k.arg == "db_column" for k in call.keywords):
                continue
            column = name + ("_id" if kind.endswith(("ForeignKey", "OneToOneField")) else "")
            last = call.keywords[-1].value if call.keywords else call.args[-1]
            inserts.append((last.end_lineno or 0, last.end_col_offset or 0, f', db_column="{column}"'))
    for line, col, text in sorted(inserts, reverse=True):
        lines[line - 1] = lines[line - 1][:col] + text + lines[line - 1][col:]
    return "".join(lines)


TEMPLATE_TAG = re.compile(r"{{.*?}}|{%.*?%}", re.S)
# `filters.province` is a query parameter's value (the matrix's search box), named as the URL names it.
TEMPLATE_ATTRIBUTE = re.compile(r"(?<!\bfilters\.)(?<=\.)(province_id|province|standings_visible_to_provinces)\b")


def rewrite_template(text: str) -> str:
    def tag(match: re.Match[str]) -> str:
        inner = rename_lookups(match.group(0))
        return TEMPLATE_ATTRIBUTE.sub(lambda m: FIELDS[m.group(1)], inner)

    return TEMPLATE_TAG.sub(tag, text)


CODE_SPAN = re.compile(r"`[^`\n]+`")


def rewrite_markdown(text: str) -> str:
    return CODE_SPAN.sub(lambda m: rewrite_comment(m.group(0)), text)


@dataclass
class Codemod:
    root: Path
    changed: dict[str, str] = field(default_factory=dict)
    clashes: list[str] = field(default_factory=list)

    def files(self) -> list[str]:
        return tracked_files(self.root, SUFFIXES, SKIPPED)

    def run(self) -> dict[str, str]:
        for path in self.files():
            source = (self.root / path).read_text(encoding="utf-8")
            if LEAVE in source:
                continue
            if path.endswith(".py"):
                self.clashes += clashes(source, path)
            new = self.rewrite(path, source)
            if new != source:
                self.changed[path] = new
        return self.changed

    def rewrite(self, path: str, source: str) -> str:
        if path.endswith(".py"):
            return rewrite_python(source, path)
        if path.endswith(".html") or path.endswith(".txt"):
            return rewrite_template(source)
        return rewrite_markdown(source)

    def write(self) -> None:
        for path, source in self.changed.items():
            (self.root / path).write_text(source, encoding="utf-8")
        python = [p for p in self.changed if p.endswith(".py")]
        if python:  # a longer or shorter name may move a line break: the project's formatter puts it back
            ruff = Path(sys.executable).with_name("ruff")
            sort = ["check", "--quiet", "--fix", "--select", "I,RUF022", "--exit-zero"]  # an import renamed sorts anew
            subprocess.run([str(ruff), *sort, *python], cwd=self.root, check=True)
            subprocess.run([str(ruff), "format", "--quiet", *python], cwd=self.root, check=True)


MIGRATION_NAME = "fields_named_for_any_unit"
# What the autodetector may find for the renames; anything else is another change, made by its own migration.
STATE_ONLY = {"RenameField", "AlterField", "RemoveConstraint", "AddConstraint", "RemoveIndex", "AddIndex",
              "AlterUniqueTogether", "RenameIndex", "AlterModelOptions"}  # fmt: skip
HEADER = (
    "# The fields that held any unit are named `unit` (NAMES in tools/rename_fields.py). State only: each keeps\n"
    "# its column (db_column), and the constraints and indexes naming it keep their names; no table is touched.\n"
)


def make_migrations(root: Path) -> list[Path]:
    """Writes, for each app whose fields were renamed, the state-only migration. Run again, it finds the renames
    made already and writes nothing."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
    sys.path.insert(0, str(root))
    import django

    django.setup()
    from django.apps import apps
    from django.db import migrations
    from django.db.migrations.autodetector import MigrationAutodetector
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.questioner import MigrationQuestioner
    from django.db.migrations.state import ProjectState
    from django.db.migrations.writer import MigrationWriter
    from django.utils import translation

    class Renames(MigrationQuestioner):
        def ask_rename(self, model_name, old_name, new_name, field_instance):
            return NAMES.get(old_name) == new_name

        def ask_rename_model(self, old_model_state, new_model_state):
            return False

    translation.deactivate_all()  # as manage.py makemigrations compares them: labels in their English msgids
    loader = MigrationLoader(None, ignore_no_migrations=True)
    detector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps), Renames())
    changes = detector.changes(graph=loader.graph, migration_name=MIGRATION_NAME)
    found = [migration for _, app_migrations in sorted(changes.items()) for migration in app_migrations]
    for migration in found:
        other = [type(op).__name__ for op in migration.operations if type(op).__name__ not in STATE_ONLY]
        if other:
            raise SystemExit(f"{migration.app_label}: {other} is not a rename; make its migration first")
    written: list[Path] = []
    for migration in found:
        # The same migration with its operations for the state only, made as the autodetector makes its own (a
        # Migration subclass holding what the writer reads, then an instance of it).
        attrs = {
            "operations": [migrations.SeparateDatabaseAndState(state_operations=list(migration.operations))],
            "dependencies": migration.dependencies,
            "replaces": migration.replaces,
            "initial": migration.initial,
        }
        state_only = type("Migration", (migrations.Migration,), attrs)(migration.name, migration.app_label)
        writer = MigrationWriter(state_only, include_header=False)
        path = Path(writer.path)
        path.write_text(HEADER + "\n" + writer.as_string(), encoding="utf-8")
        written.append(path)
    if written:
        ruff = Path(sys.executable).with_name("ruff")
        subprocess.run([str(ruff), "format", "--quiet", *map(str, written)], cwd=root, check=True)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list what would change; exit 1 if anything would")
    parser.add_argument("--migrations", action="store_true", help="write the state-only migrations, once")
    parser.add_argument("--root", type=Path, default=HERE.parent.parent)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.migrations:
        for path in make_migrations(root):
            print(path.relative_to(root))
        return 0
    codemod = Codemod(root)
    changed = codemod.run()
    if codemod.clashes:
        print("\n".join(codemod.clashes), file=sys.stderr)
        print("Decide each in KEPT_IN (the name truly holds a province) or rename it by hand.", file=sys.stderr)
        return 2
    for changed_path in sorted(changed):
        print(changed_path)
    if args.check:
        return 1 if changed else 0
    codemod.write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
