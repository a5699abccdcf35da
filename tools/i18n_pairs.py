"""The older Thai/English pairs of a Python source, found with `ast` and turned into catalogue calls.

Read by tools/i18n_codemod.py: `find(source, module)` lists every pair it can convert (a `Pair`: where it is,
its English message id, its Thai, the values it names) and every one it cannot (a `Left`, with the reason).
Spans are byte offsets into the UTF-8 source, as `ast` counts columns.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field

THAI = re.compile(r"[\u0E00-\u0E7F]")
LATIN = re.compile(r"[A-Za-z]")
# English after the " / " starts with a letter, a quote, a bracket, a digit or a dash ("--out"), or a value.
ENGLISH_FIRST = re.compile(r"[A-Za-z0-9“\"'(‘\-]")
SEP = " / "
# A call whose first positional arguments are Thai then English (for RowError after the row number).
PAIR_CALLS = {"bi": 0, "PortalError": 0, "RowError": 1}
IS_EN = "is_en"
# Calls whose string arguments are already message ids, or are not words at all.
LEAVE_CALLS = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy", "both"}


@dataclass
class Piece:
    text: str | None = None  # literal text, or None for a value
    node: ast.expr | None = None
    conversion: int = -1
    spec: str = ""


@dataclass
class Pair:
    start: int
    end: int
    line: int
    en: str  # the message id (a format string when `values` is not empty)
    th: str
    values: list[tuple[str, str]] = field(default_factory=list)  # (placeholder, expression source)
    kind: str = "pair"
    context: str | None = None


@dataclass
class Left:
    line: int
    why: str


def pieces(node: ast.expr) -> list[Piece] | None:
    """A string literal or f-string as literal texts and values; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [Piece(text=node.value)]
    if not isinstance(node, ast.JoinedStr):
        return None
    out = []
    for value in node.values:  # an f-string's parts: its text (str constants) and its values
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            out.append(Piece(text=value.value))
            continue
        if not isinstance(value, ast.FormattedValue):
            return None
        spec = ""
        if value.format_spec is not None:
            parts = value.format_spec.values if isinstance(value.format_spec, ast.JoinedStr) else []
            texts = [p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)]
            if len(texts) != len(parts):
                return None
            spec = "".join(texts)
        out.append(Piece(node=value.value, conversion=value.conversion, spec=spec))
    return out


def _flat(ps: list[Piece]) -> str:
    return "".join(p.text if p.text is not None else "\0" for p in ps)


def split(ps: list[Piece]) -> tuple[list[Piece], list[Piece]] | None:
    """A "ไทย / English" text cut at its " / ": Thai before it, English (a letter or a value first) after."""
    flat = _flat(ps)
    at = 0
    while (at := flat.find(SEP, at)) != -1:
        after = flat[at + len(SEP) :]
        before = flat[:at]
        if THAI.search(before) and (after[:1] == "\0" or ENGLISH_FIRST.match(after)) and LATIN.search(after):
            return _cut(ps, at, at + len(SEP))
        at += 1
    return None


def _cut(ps: list[Piece], start: int, end: int) -> tuple[list[Piece], list[Piece]]:
    th: list[Piece] = []
    en: list[Piece] = []
    pos = 0
    for p in ps:
        width = len(p.text) if p.text is not None else 1
        if p.text is None:
            (th if pos < start else en).append(p)
        else:
            head, tail = p.text[: max(0, start - pos)], p.text[max(0, end - pos) :]
            if head:
                th.append(Piece(text=head))
            if tail:
                en.append(Piece(text=tail))
        pos += width
    return th, en


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        name = node.id
    elif isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Subscript):
        name = _name(node.value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len":
        name = "count"
    elif isinstance(node, ast.Call) and node.args and getattr(node.func, "id", "") in ("str", "int"):
        name = _name(node.args[0])
    elif isinstance(node, ast.Call):
        name = _name(node.func)
    else:
        name = "value"
    name = name.strip("_").lower() or "value"
    return name if name.isidentifier() else "value"


def _template(ps: list[Piece], names: dict[str, str]) -> str:
    out = []
    for p in ps:
        if p.text is not None:
            out.append(p.text.replace("{", "{{").replace("}", "}}") if names else p.text)
        else:
            assert p.node is not None  # a piece is a text or a value
            conv = "" if p.conversion == -1 else "!" + chr(p.conversion)
            out.append("{" + names[ast.dump(p.node)] + conv + (":" + p.spec if p.spec else "") + "}")
    return "".join(out)


def pair(th: list[Piece], en: list[Piece], node: ast.expr, source: bytes, kind: str) -> Pair | Left:
    """The Pair that replaces `node` (its span), or why it cannot."""
    th_values = {ast.dump(p.node): p.node for p in th if p.node is not None}
    en_values = {ast.dump(p.node): p.node for p in en if p.node is not None}
    if th_values.keys() != en_values.keys() and (shared := _shared_prefix(th, en_values)):
        en = [*shared, *en]  # "{name}: ไม่พบไฟล์ / missing": the name before the Thai is the English's too
        en_values = {ast.dump(p.node): p.node for p in en if p.node is not None}
    if th_values.keys() != en_values.keys():
        return Left(node.lineno, f"{kind}: the Thai and the English show different values")
    th_text, en_text = _flat(th).strip(), _flat(en).strip()
    if kind == "text" and (_flat(th) != _flat(th).lstrip() or _flat(en) != _flat(en).rstrip()):
        return Left(node.lineno, "text: a part of a longer text (it begins or ends with a space or a new line)")
    if not THAI.search(th_text) or not LATIN.search(en_text):
        return Left(node.lineno, f"{kind}: not Thai then English")
    names: dict[str, str] = {}
    values: list[tuple[str, str]] = []
    for dump, value in en_values.items():
        name, n = _name(value), 2
        while name in {v for v, _src in values}:
            name, n = f"{_name(value)}{n}", n + 1
        names[dump] = name
        values.append((name, ast.unparse(value)))
    start, end = span(node, source)
    return Pair(start, end, node.lineno, _template(en, names).strip(), _template(th, names).strip(), values, kind)


def _shared_prefix(th: list[Piece], en_values: dict) -> list[Piece]:
    """The values (and punctuation) before the Thai's first Thai letter, when the English does not show them."""
    prefix: list[Piece] = []
    for p in th:
        if p.text is None:
            assert p.node is not None  # a piece is a text or a value
            if ast.dump(p.node) in en_values:
                return []
            prefix.append(p)
            continue
        hit = THAI.search(p.text)
        if hit is None:
            prefix.append(p)
            continue
        if hit.start():
            prefix.append(Piece(text=p.text[: hit.start()]))
        break
    if LATIN.search(_flat(prefix)) or not any(p.text is None for p in prefix):
        return []
    return prefix


def span(node: ast.expr, source: bytes) -> tuple[int, int]:
    starts = line_starts(source)
    assert node.end_lineno is not None and node.end_col_offset is not None  # ast.parse sets both
    return starts[node.lineno - 1] + node.col_offset, starts[node.end_lineno - 1] + node.end_col_offset


_STARTS: dict[int, tuple[bytes, list[int]]] = {}


def line_starts(source: bytes) -> list[int]:
    """Where each line of `source` starts (remembered for the few sources being read)."""
    cached = _STARTS.get(id(source))
    if cached is None or cached[0] is not source:
        if len(_STARTS) > 64:
            _STARTS.clear()
        starts, at = [0], 0
        while (at := source.find(b"\n", at) + 1) > 0:
            starts.append(at)
        cached = _STARTS[id(source)] = (source, starts)
    return cached[1]


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


class Finder(ast.NodeVisitor):
    """Every pair of one module: bi(…), PortalError(th, en), "ไทย / English", "en" if is_en() else "th"."""

    def __init__(self, source: bytes, pair_calls: dict[str, int]) -> None:
        self.source = source
        self.pair_calls = pair_calls
        self.found: list[Pair] = []
        self.left: list[Left] = []
        self.parents: list[ast.AST] = []

    def add(self, result: Pair | Left) -> None:
        if isinstance(result, Pair):
            self.found.append(result)
        else:
            self.left.append(result)

    def generic_visit(self, node: ast.AST) -> None:
        self.parents.append(node)
        super().generic_visit(node)
        self.parents.pop()

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant | ast.JoinedStr):
            return  # a docstring or a bare string: no words on screen
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _callee(node)
        if name in LEAVE_CALLS:
            return
        at = self.pair_calls.get(name)
        args = node.args
        if at is not None and len(args) >= at + 2 and not any(isinstance(a, ast.Starred) for a in args):
            th, en = pieces(args[at]), pieces(args[at + 1])
            if th is None or en is None:
                self.left.append(Left(node.lineno, f"{name}(…) with a Thai or English that is not a literal"))
            else:
                found = pair(th, en, args[at], self.source, name)
                if isinstance(found, Pair):
                    found.start, found.end = span(args[at], self.source)[0], span(args[at + 1], self.source)[1]
                    if name == "bi":
                        found.start, found.end = span(node, self.source)
                self.add(found)
            for other in [*args[:at], *args[at + 2 :], *(k.value for k in node.keywords)]:
                self.visit(other)
            if name != "bi":
                self.visit(node.func)
            return
        if name == "bi":
            self.left.append(Left(node.lineno, "bi(…) without two arguments"))
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        test = node.test
        if isinstance(test, ast.Call) and _callee(test) == IS_EN and not test.args:
            en, th = pieces(node.body), pieces(node.orelse)
            if en is None or th is None:
                self.left.append(Left(node.lineno, "is_en() branch that is not two literals"))
                self.generic_visit(node)
            else:
                self.add(pair(th, en, node, self.source, "is_en"))
            return
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._text(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self._text(node)

    def _text(self, node: ast.expr) -> None:
        ps = pieces(node)
        if ps is None or SEP not in _flat(ps) or not THAI.search(_flat(ps)):
            return
        halves = split(ps)
        if halves is None:
            return
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, ast.Dict) and any(k is node for k in parent.keys):
            self.left.append(Left(node.lineno, 'a "ไทย / English" dictionary key (data or a heading?)'))
        elif isinstance(parent, ast.Compare):
            self.left.append(Left(node.lineno, 'a "ไทย / English" text compared with (data?)'))
        elif isinstance(parent, ast.List | ast.Tuple | ast.Set) and not self._words(parent, node):
            self.left.append(Left(node.lineno, 'a "ไทย / English" text in a list (headings shown in both?)'))
        else:
            self.add(pair(*halves, node, self.source, "text"))

    def _words(self, parent: ast.List | ast.Tuple | ast.Set, node: ast.expr) -> bool:
        """Texts in a list that are words on screen: a (value, label) choice, a refusal's list of problems
        (a call's argument), names given several at once (`APP, RECOVERY = "…", "…"`)."""
        elts = parent.elts
        first = pieces(elts[0]) if elts else None
        thai_first = bool(first and THAI.search(_flat(first)))
        if isinstance(parent, ast.Tuple) and len(elts) == 2 and elts[1] is node and not thai_first:
            return not isinstance(elts[0], ast.JoinedStr)
        holder = self.parents[-2] if len(self.parents) > 1 else None
        if isinstance(holder, ast.Call) and any(a is parent for a in holder.args):
            return True
        return isinstance(holder, ast.Assign) and holder.value is parent and isinstance(holder.targets[0], ast.Tuple)


def literal(text: str) -> str:
    """A double-quoted Python literal of `text`, cut into several (joined by the parser) when long."""
    if len(text) <= 80:
        return json.dumps(text, ensure_ascii=False)
    words = re.findall(r"\S+\s*", text)
    chunks, current = [], ""
    for word in words:
        if current and len(current) + len(word) > 70:
            chunks.append(current)
            current = ""
        current += word
    chunks.append(current)
    return "\n".join(json.dumps(c, ensure_ascii=False) for c in chunks)


def call(found: Pair, gettext: str, pgettext: str, format_lazy: str) -> str:
    """The replacement source of a Pair."""
    text = literal(found.en)
    inner = f"{pgettext}({json.dumps(found.context)}, {text})" if found.context else f"{gettext}({text})"
    if not found.values:
        return inner
    values = ", ".join(f"{name}={src}" for name, src in found.values)
    return f"{format_lazy}({inner}, {values})"
