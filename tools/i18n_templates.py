"""Templates' old word pairs into Django's i18n: `{% t "ไทย" "English" %}` and `{% bi %}ไทย{% en %}English{% endbi %}`.

    .venv/bin/python tools/i18n_templates.py --check   # what it would change, and what it leaves (file:line)
    .venv/bin/python tools/i18n_templates.py           # rewrite, write the Thai, run makemessages and msgfmt

The English becomes the message id and the Thai its msgstr in locale/th/LC_MESSAGES/django.po. Where the same
English already has another Thai (in the catalogue, or in another pair), the template's message gets a context
(its template's path), so no Thai is lost. `{% t obj.name_th obj.name_en %}` (a model's two fields) becomes
`{{ obj|loc:"name" }}`. It adds `{% load i18n %}` and drops `thai` from `{% load %}` when nothing else of it is
used. A pair it cannot convert (other variables as arguments, tags inside a `{% bi %}`, Thai and English showing
different values) is listed for a person. Running it again changes nothing it has already converted.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from django.template.base import Lexer, TokenType  # noqa: E402
from django.utils.text import smart_split, unescape_string_literal  # noqa: E402
from django.utils.translation import trim_whitespace  # noqa: E402

from tools import pofile  # noqa: E402

PO = ROOT / "locale/th/LC_MESSAGES/django.po"
THAI_LIBRARY = ROOT / "submissions/templatetags/thai.py"
SKIP = {".venv", "node_modules", "var", "tests", "tools", "static", "bench", ".git"}
MAKEMESSAGES = [
    *("manage.py makemessages --locale th --no-location --no-obsolete".split()),
    *(arg for folder in sorted(SKIP - {".git"}) for arg in ("--ignore", folder)),
]

T_TAG = re.compile(r"\{%\s*t\s+(.+?)\s*%\}")
BI_BLOCK = re.compile(r"\{%\s*bi\s*%\}(.*?)\{%\s*en\s*%\}(.*?)\{%\s*endbi\s*%\}", re.S)
LOAD = re.compile(r"\{%\s*load\s+([^%]*?)\s*%\}")
EXTENDS = re.compile(r"\{%\s*extends\s[^%]*%\}")
I18N_USE = re.compile(r"\{%\s*(?:translate|blocktranslate|trans|blocktrans|get_current_language|language)\b")
PAIR_FIELD = re.compile(r"^(?:(?P<obj>[\w.]+)\.)?(?P<field>\w+)_th(?P<filters>(?:\|thai_digits)?)$")
RESERVED = {"count", "context", "trimmed", "with", "as", "noop", "asvar", "plural"}


@dataclass
class Message:
    """One pair found: where it is, its English and Thai as the catalogue holds them (`%` doubled)."""

    path: Path
    start: int
    end: int
    msgid: str
    msgstr: str
    render: Callable[[str | None], str]  # the replacement text, in a context
    python_format: bool = False


@dataclass
class Report:
    changed: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def template_files(root: Path) -> list[Path]:
    found = []
    for path in sorted([*root.rglob("*.html"), *root.rglob("*.txt")]):
        parts = path.relative_to(root).parts
        if "templates" in parts and not SKIP.intersection(parts):
            found.append(path)
    return found


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def where(path: Path, text: str, offset: int) -> str:
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{line_of(text, offset)}"


def _literal(bit: str) -> str | None:
    if len(bit) < 2 or bit[0] not in "\"'" or bit[-1] != bit[0] or "\\" in bit:
        return None
    return unescape_string_literal(bit)


def _quoted(text: str, prefer: str) -> str | None:
    for quote in (prefer, '"' if prefer == "'" else "'"):
        if quote not in text:
            return f"{quote}{text}{quote}"
    return None


def _context_bit(context: str | None, quote: str = '"') -> str:
    return f" context {quote}{context}{quote}" if context else ""


def convert_t(path: Path, text: str, match: re.Match, report: Report) -> Message | None:
    here = where(path, text, match.start())
    bits = list(smart_split(match[1]))
    asvar = ""
    if len(bits) == 4 and bits[2] == "as":
        asvar, bits = f" as {bits[3]}", bits[:2]
    if len(bits) != 2:
        report.left.append(f"{here}: {{% t %}} with {len(bits)} arguments: {match[0]}")
        return None
    th, en = _literal(bits[0]), _literal(bits[1])
    if th is None or en is None:
        return _pair_of_fields(path, text, match, bits, asvar, report)
    quoted = _quoted(en, bits[1][0])
    if quoted is None:
        report.left.append(f"{here}: English with both quote marks: {match[0]}")
        return None

    def render(context: str | None) -> str:
        return f"{{% translate {quoted}{_context_bit(context, quoted[0])}{asvar} %}}"

    return Message(path, match.start(), match.end(), en.replace("%", "%%"), th.replace("%", "%%"), render)


def _pair_of_fields(path, text, match, bits, asvar, report) -> Message | None:
    """`{% t unit.name_th unit.name_en %}`: a model's two fields, the data's own languages → `loc`."""
    th = PAIR_FIELD.match(bits[0])
    if not (th and th["obj"] and not asvar and bits[1] == f"{th['obj']}.{th['field']}_en"):
        report.left.append(f"{where(path, text, match.start())}: {{% t %}} with variables: {match[0]}")
        return None
    replacement = f'{{{{ {th["obj"]}|loc:"{th["field"]}"{th["filters"]} }}}}'
    return Message(path, match.start(), match.end(), "", "", lambda _context: replacement)


def _name_for(expr: str, taken: dict[str, str]) -> str:
    base = expr.split("|")[0]
    candidates = [s for s in reversed(base.split(".")) if not s.isdigit()]
    name = candidates[0] if candidates else "value"
    if name in RESERVED:
        name = f"{name}_value"
    stem, n = name, 2
    while name in taken and taken[name] != expr:
        name, n = f"{stem}_{n}", n + 1
    return name


def convert_bi(path: Path, text: str, match: re.Match, report: Report) -> Message | None:
    here = where(path, text, match.start())
    th_tokens, en_tokens = Lexer(match[1]).tokenize(), Lexer(match[2]).tokenize()
    kinds = {t.token_type for t in [*th_tokens, *en_tokens]}
    if kinds - {TokenType.TEXT, TokenType.VAR}:
        report.left.append(f"{here}: {{% bi %}} with tags inside (split it by hand)")
        return None
    en_exprs = [t.contents.strip() for t in en_tokens if t.token_type == TokenType.VAR]
    th_exprs = [t.contents.strip() for t in th_tokens if t.token_type == TokenType.VAR]
    # The Thai's Thai digits are the value itself in English (the filter gives plain digits there).
    value_of: dict[str, str] = {}
    for expr in th_exprs:
        value_of.setdefault(expr.removesuffix("|thai_digits"), expr)
    if set(value_of) != set(en_exprs):
        report.left.append(f"{here}: {{% bi %}} whose Thai and English show different values (make them agree)")
        return None
    names: dict[str, str] = {}  # name → the value it stands for
    name_of: dict[str, str] = {}
    for expr in en_exprs:
        if expr not in name_of:
            value = value_of[expr]
            name = value if re.fullmatch(r"[A-Za-z_]\w*", value) else _name_for(value, names)
            names[name], name_of[expr] = value, name

    def body(tokens, key) -> tuple[str, str]:
        shown, message = [], []
        for t in tokens:
            if t.token_type == TokenType.VAR:
                name = name_of[key(t.contents.strip())]
                shown.append(f"{{{{ {name} }}}}")
                message.append(f"%({name})s")
            else:
                shown.append(t.contents)
                message.append(t.contents.replace("%", "%%"))
        return "".join(shown), "".join(message)

    en_shown, msgid = body(en_tokens, lambda e: e)
    _th_shown, msgstr = body(th_tokens, lambda e: e.removesuffix("|thai_digits"))
    trimmed = "\n" in match[2]
    if trimmed:
        msgid, msgstr = trim_whitespace(msgid), trim_whitespace(msgstr)
    else:
        msgstr = re.sub(r"\s*\n\s*", " ", msgstr)
    withs = " ".join(f"{n}={v}" for n, v in names.items() if n != v)

    def render(context: str | None) -> str:
        options = "".join([" trimmed" if trimmed else "", f" with {withs}" if withs else "", _context_bit(context)])
        return f"{{% blocktranslate{options} %}}{en_shown}{{% endblocktranslate %}}"

    return Message(path, match.start(), match.end(), msgid, msgstr, render, python_format=bool(names))


def thai_names() -> set[str]:
    """The tags and filters of the `thai` library, read from its source (no Django needed)."""
    source = THAI_LIBRARY.read_text(encoding="utf-8")
    return set(re.findall(r"@register\.\w+(?:\([^)]*\))?\s*\ndef (\w+)", source))


def fix_loads(text: str, names: set[str]) -> str:
    uses_i18n = I18N_USE.search(text)
    loads = [m for m in LOAD.finditer(text) if " from " not in f" {m[1]} "]
    if uses_i18n and not any("i18n" in m[1].split() for m in loads):
        first = loads[0] if loads and loads[0].start() < uses_i18n.start() else None
        if first:
            text = f"{text[: first.start()]}{{% load i18n {first[1]} %}}{text[first.end() :]}"
        else:
            extends = EXTENDS.search(text)
            at = extends.end() if extends and extends.start() < uses_i18n.start() else 0
            text = f"{text[:at]}{{% load i18n %}}{text[at:]}"
    without_loads = LOAD.sub("", text)
    used = any(re.search(rf"\{{%\s*{n}\b|\|\s*{n}\b", without_loads) for n in names)
    if not used:
        for m in reversed(list(LOAD.finditer(text))):
            libraries = m[1].split()
            if "thai" not in libraries or "from" in libraries:
                continue
            rest = [lib for lib in libraries if lib != "thai"]
            end = m.end()
            if not rest and text[end : end + 1] == "\n" and (m.start() == 0 or text[m.start() - 1] == "\n"):
                end += 1
            text = text[: m.start()] + (f"{{% load {' '.join(rest)} %}}" if rest else "") + text[end:]
    return text


def find(paths: list[Path], report: Report) -> dict[Path, tuple[str, list[Message]]]:
    found = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        messages = []
        taken: list[tuple[int, int]] = []
        for match in BI_BLOCK.finditer(text):
            taken.append(match.span())
            if message := convert_bi(path, text, match, report):
                messages.append(message)
        for match in T_TAG.finditer(text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            if message := convert_t(path, text, match, report):
                messages.append(message)
        if messages:
            found[path] = (text, sorted(messages, key=lambda m: m.start))
    return found


def contexts(found, catalogue: dict, root: Path) -> dict[int, str | None]:
    """Each message's context: none for the English's one Thai (the catalogue's, else the most used), the template's
    path for another Thai of the same English."""
    thais: dict[str, Counter] = {}
    for _text, messages in found.values():
        for m in messages:
            if m.msgid:
                thais.setdefault(m.msgid, Counter())[m.msgstr] += 1
    default = {}
    for msgid, counts in thais.items():
        held = catalogue.get((None, msgid))
        default[msgid] = held if held is not None else counts.most_common(1)[0][0]
    chosen: dict[int, str | None] = {}
    given: dict[tuple[str, str], str] = {}
    for path, (_text, messages) in found.items():
        stem = str(path.relative_to(root).with_suffix(""))
        stem = stem.split("templates/", 1)[-1]
        for m in messages:
            if not m.msgid or m.msgstr == default[m.msgid]:
                chosen[id(m)] = None
                continue
            context, n = stem, 2
            while (
                catalogue.get((context, m.msgid), m.msgstr) != m.msgstr
                or given.get((context, m.msgid), m.msgstr) != m.msgstr
            ):
                context, n = f"{stem} {n}", n + 1
            given[(context, m.msgid)] = m.msgstr
            chosen[id(m)] = context
    return chosen


def run(root: Path, po: Path, *, check: bool, report: Report) -> list[pofile.Entry]:
    header, entries = pofile.read(po)
    catalogue = {e.key: e.msgstr for e in entries if not e.obsolete}
    found = find(template_files(root), report)
    chosen = contexts(found, catalogue, root)
    names = thai_names() if THAI_LIBRARY.exists() else set()
    new: dict[tuple, pofile.Entry] = {}
    for path, (text, messages) in found.items():
        out, at = [], 0
        for m in messages:
            context = chosen[id(m)]
            out += [text[at : m.start], m.render(context)]
            at = m.end
            report.changed.append(f"{where(path, text, m.start)}: {m.render(context)}")
            if m.msgid and (context, m.msgid) not in catalogue:
                flags = ["#, python-format"] if m.python_format else []
                new[(context, m.msgid)] = pofile.Entry(m.msgid, m.msgstr, context, comments=flags)
        out.append(text[at:])
        if not check:
            path.write_text(fix_loads("".join(out), names), encoding="utf-8")
    if not check and new:
        pofile.write(po, header, [*entries, *new.values()])
    return list(new.values())


def makemessages() -> None:
    """The catalogue as `make messages` writes it (its order, wrapping and flags), then its .mo."""
    subprocess.run([sys.executable, *MAKEMESSAGES], cwd=ROOT, check=True)
    subprocess.run(["msgfmt", "--check", "-o", str(PO.with_suffix(".mo")), str(PO)], cwd=ROOT, check=True)
    _header, entries = pofile.read(PO)
    empty = [e.msgid for e in entries if not e.obsolete and (not e.translated or e.fuzzy)]
    if empty:
        print("without their Thai after makemessages:", *empty, sep="\n  ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list what would change and what is left")
    parser.add_argument("--root", type=Path, default=ROOT, help="where the templates are (tests use a sample)")
    parser.add_argument("--po", type=Path, default=PO)
    parser.add_argument("--no-makemessages", action="store_true", help="only write the entries the tool adds")
    args = parser.parse_args(argv)
    report = Report()
    added = run(args.root.resolve(), args.po, check=args.check, report=report)
    for line in report.changed:
        print(("would change " if args.check else "changed ") + line)
    for line in report.left:
        print("left for a person: " + line)
    print(f"{len(report.changed)} converted, {len(added)} new catalogue entries, {len(report.left)} left")
    if not args.check and not args.no_makemessages and added:
        makemessages()
    return 1 if args.check and report.changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
