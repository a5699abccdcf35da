"""Turns the older Thai/English pairs of the Python code into Django's catalogue: the English is the message id,
the Thai its msgstr in locale/th/LC_MESSAGES/django.po (docs/translations.md).

    .venv/bin/python tools/i18n_codemod.py --check   # list what it would change and what it leaves, as file:line
    .venv/bin/python tools/i18n_codemod.py           # rewrite, write the Thai into the catalogue, compile it

It converts `bi("ไทย", "English")`, `PortalError("ไทย", "English", …)` (and its subclasses that keep its
__init__), `RowError(row, "ไทย", "English")`, any "ไทย / English" string or f-string (a message, a help text,
a choice's label) and `"English" if is_en() else "ไทย"` into `_("English")`, or
`format_lazy(_("… {name} …"), name=value)` where the text shows values. One English with two Thai keeps both:
the less used Thai gets the module's name as its context (`pgettext_lazy("scoring.models", "English")`).
What it cannot convert safely (the Thai and English show different values, a pair that is not literal, a
"ไทย / English" text used as data or a heading, a use of the old splitting helpers) it lists as LEFT.
A second run changes nothing. Templates are not its business; tests, tools, migrations and bench are left.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import pofile
from tools.i18n_pairs import PAIR_CALLS, Finder, Left, Pair, call

SKIP_DIRS = ("tests/", "tools/", "bench/", ".venv/", "node_modules/", "var/", "static/")
# Files another change owns (the template filters) or where words cannot be lazy (settings).
SKIP_FILES = {"submissions/templatetags/thai.py", "cdd4/settings.py", "core/labels.py", "core/errors.py"}
OLD_HELPERS = {"one_language", "halves", "bilingual"}
CATALOGUE = Path("locale/th/LC_MESSAGES/django.po")
MAKEMESSAGES = [
    *("manage.py makemessages --locale th --no-location --no-obsolete".split()),
    *(x for d in ("node_modules", "var", "tests", "tools", "static", "bench", ".venv") for x in ("--ignore", d)),
]
TRANSLATION, TEXT, OUR_DOOR = "django.utils.translation", "django.utils.text", "core.i18n"


@dataclass
class Module:
    path: str
    source: bytes
    tree: ast.Module
    pairs: list[Pair] = field(default_factory=list)
    left: list[Left] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def python_files(root: Path) -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        listed = [str(p.relative_to(root)) for p in root.rglob("*.py")]
    return sorted(
        p
        for p in listed
        if not p.startswith(SKIP_DIRS) and "/migrations/" not in p and p not in SKIP_FILES and (root / p).exists()
    )


def pair_calls(trees: dict[str, ast.Module]) -> dict[str, int]:
    """PAIR_CALLS and every subclass of PortalError (or of one) that keeps its __init__."""
    calls = dict(PAIR_CALLS)
    classes = [n for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for c in classes:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in c.bases}
            own_init = any(isinstance(s, ast.FunctionDef) and s.name == "__init__" for s in c.body)
            if c.name not in calls and not own_init and bases & {"PortalError", *calls} - {"bi", "RowError"}:
                calls[c.name] = 0
                grew = True
    return calls


def analyse(root: Path, paths: list[str]) -> list[Module]:
    modules = []
    for path in paths:
        source = (root / path).read_bytes()
        try:
            modules.append(Module(path, source, ast.parse(source)))
        except SyntaxError:
            print(f"{path}: not Python this interpreter reads; left", file=sys.stderr)
    calls = pair_calls({m.path: m.tree for m in modules})
    for m in modules:
        finder = Finder(m.source, calls)
        finder.visit(m.tree)
        m.pairs, m.left = finder.found, finder.left
        m.left += [
            Left(n.lineno, f"{n.func.id}(…): the old splitting helper (convert by hand)")
            for n in ast.walk(m.tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in OLD_HELPERS
        ]
    return modules


def resolve(modules: list[Module], catalogue: dict) -> None:
    """One English, several Thai: the catalogue's (or the most used) Thai keeps the plain id, the others a context."""
    by_en: dict[str, list[tuple[Module, Pair]]] = defaultdict(list)
    for m in modules:
        for p in m.pairs:
            by_en[p.en].append((m, p))
    for en, items in by_en.items():
        plain = catalogue.get((None, en)) or Counter(p.th for _m, p in items).most_common(1)[0][0]
        taken: dict[str, str] = {}
        for m, p in items:
            if p.th == plain:
                continue
            known = catalogue.get((m.name, en)) or taken.get(m.name)
            if known is not None and known != p.th:
                m.pairs.remove(p)
                m.left.append(Left(p.line, f"a third Thai for {en!r} in one module (give it a context by hand)"))
                continue
            taken[m.name] = p.th
            p.context = m.name


def binds_underscore(tree: ast.Module) -> bool:
    """Whether `_` is bound to something other than gettext_lazy (a loop's throwaway, another import)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store | ast.Del):
            return True
        if isinstance(node, ast.arg) and node.arg == "_":
            return True
        if isinstance(node, ast.Import | ast.ImportFrom):
            for a in node.names:
                if (a.asname or a.name) == "_" and not _is_lazy(node, a):
                    return True
    return False


def _is_lazy(node: ast.Import | ast.ImportFrom, alias: ast.alias) -> bool:
    if not isinstance(node, ast.ImportFrom):
        return False
    return (node.module, alias.name) in {(TRANSLATION, "gettext_lazy"), (OUR_DOOR, "_"), (OUR_DOOR, "gettext_lazy")}


def _imports(m: Module, wanted: dict[str, list[tuple[str, str | None]]]) -> list[tuple[int, int, str]]:
    """Edits that import each wanted (name, alias) from its module: added to an import of that module, or new."""
    edits = []
    top = [s for s in m.tree.body if isinstance(s, ast.ImportFrom)]
    lines = m.source.split(b"\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    new_lines = []
    for module, names in wanted.items():
        found = next((s for s in top if s.module == module and s.level == 0), None)
        have = {(a.name, a.asname) for a in found.names} if found else set()
        missing = [n for n in names if n not in have]
        if not missing:
            continue
        every = sorted(have | set(missing), key=lambda name: (name[0], name[1] or ""))
        text = f"from {module} import " + ", ".join(n if a is None else f"{n} as {a}" for n, a in every)
        if found:
            edits.append((starts[found.lineno - 1] + found.col_offset, _end(found, starts), text))
        else:
            new_lines.append(text)
    if new_lines:
        body = m.tree.body
        after = [s for s in body if isinstance(s, ast.Import | ast.ImportFrom)]
        first_code = next((s for s in body if not isinstance(s, ast.Import | ast.ImportFrom | ast.Expr)), None)
        after = [s for s in after if first_code is None or s.lineno < first_code.lineno]
        anchor = after[-1] if after else (body[0] if body and isinstance(body[0], ast.Expr) else None)
        at = starts[_end_line(anchor)] if anchor is not None else 0
        edits.append((at, at, "".join(f"{line}\n" for line in new_lines)))
    return edits


def _end_line(node: ast.stmt) -> int:
    assert node.end_lineno is not None  # ast.parse sets it
    return node.end_lineno


def _end(node: ast.stmt, starts: list[int]) -> int:
    assert node.end_col_offset is not None  # ast.parse sets it
    return starts[_end_line(node) - 1] + node.end_col_offset


def rewrite(m: Module) -> bytes:
    """The module with its pairs replaced and the translation functions imported."""
    if not m.pairs:
        return m.source
    door = m.path.startswith(("rulebook/", "core/")) or any(
        isinstance(s, ast.ImportFrom) and s.module == OUR_DOOR for s in m.tree.body
    )
    gettext = "gettext_lazy" if binds_underscore(m.tree) else "_"
    wanted: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    translation = OUR_DOOR if door else TRANSLATION
    if any(p.context is None for p in m.pairs):
        alias = None if gettext == "gettext_lazy" or door else "_"
        wanted[translation].append(("_", None) if door and gettext == "_" else ("gettext_lazy", alias))
    if any(p.context for p in m.pairs):
        wanted[translation].append(("pgettext_lazy", None))
    if any(p.values for p in m.pairs):
        wanted[OUR_DOOR if door else TEXT].append(("format_lazy", None))
    edits = [(p.start, p.end, call(p, gettext, "pgettext_lazy", "format_lazy")) for p in m.pairs]
    edits += _imports(m, wanted)
    out = m.source
    for start, end, text in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        out = out[:start] + text.encode() + out[end:]
    return out


def read_catalogue(root: Path) -> dict:
    po = root / CATALOGUE
    if not po.exists():
        return {}
    return {e.key: e.msgstr for e in pofile.read(po)[1] if not e.obsolete and e.msgstr}


def write_catalogue(root: Path, wanted: dict, *, makemessages: bool) -> list[str]:
    """Each wanted Thai into the catalogue; with makemessages, the catalogue then holds what the code asks for."""
    po = root / CATALOGUE
    python = str(root / ".venv/bin/python") if (root / ".venv/bin/python").exists() else sys.executable
    if makemessages:
        subprocess.run([python, *MAKEMESSAGES], cwd=root, check=True)
    header, entries = pofile.read(po)
    keys = {e.key for e in entries}
    for e in entries:
        if e.key in wanted and (not e.msgstr or e.fuzzy):
            e.msgstr = wanted[e.key]  # msgmerge's guess from a similar id is not the Thai
            e.comments = [_unfuzzy(c) for c in e.comments if not c.startswith("#|")]
            e.comments = [c for c in e.comments if c != "#,"]
    if not makemessages:
        for (context, en), th in wanted.items():
            if (context, en) not in keys:
                flags = ["#, python-brace-format"] if "{" in en else []
                entries.append(pofile.Entry(msgid=en, msgstr=th, msgctxt=context, comments=flags))
    pofile.write(po, header, entries)
    if makemessages:
        subprocess.run([python, *MAKEMESSAGES], cwd=root, check=True)  # wraps as makemessages writes
        empty = [e.msgid for e in pofile.read(po)[1] if not e.obsolete and not e.translated]
        if shutil.which("msgfmt"):
            subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
        return empty
    return []


def _unfuzzy(comment: str) -> str:
    if not comment.startswith("#,"):
        return comment
    flags = [f.strip() for f in comment[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
    return "#, " + ", ".join(flags) if flags else "#,"


def tidy(root: Path, paths: list[str]) -> None:
    """Imports sorted, old ones no longer used dropped, lines formatted: as `ruff` leaves the rest of the code."""
    ruff = root / ".venv/bin/ruff"
    ruff_cmd = str(ruff) if ruff.exists() else shutil.which("ruff")
    if not ruff_cmd or not paths:
        return
    subprocess.run([ruff_cmd, "check", "--quiet", "--fix", "--select", "I,F401", *paths], cwd=root, check=False)
    subprocess.run([ruff_cmd, "format", "--quiet", *paths], cwd=root, check=False)


def run(root: Path, *, check: bool, makemessages: bool = True, ruff: bool = True) -> int:
    modules = analyse(root, python_files(root))
    resolve(modules, read_catalogue(root))
    changed = [m for m in modules if m.pairs]
    for m in modules:
        for p in sorted(m.pairs, key=lambda p: p.line):
            context = f" [{p.context}]" if p.context else ""
            print(f"{m.path}:{p.line}: {p.kind} → {p.en!r}{context}")
        for left in sorted(m.left, key=lambda x: x.line):
            print(f"{m.path}:{left.line}: LEFT {left.why}")
    total = sum(len(m.pairs) for m in modules)
    lefts = sum(len(m.left) for m in modules)
    print(f"{total} to convert in {len(changed)} files; {lefts} left for a person", file=sys.stderr)
    if check:
        return 1 if total else 0
    wanted = {}
    for m in changed:
        (root / m.path).write_bytes(rewrite(m))
        wanted.update({(p.context, p.en): p.th for p in m.pairs})
    if ruff:
        tidy(root, [m.path for m in changed])
    if wanted or makemessages:
        empty = write_catalogue(root, wanted, makemessages=makemessages)
        for msgid in empty:
            print(f"{CATALOGUE}: no Thai yet for {msgid!r}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list what would change and what is left; change nothing")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--no-makemessages", action="store_true", help="add the entries to the .po directly")
    parser.add_argument("--no-ruff", action="store_true", help="leave the imports and the lines as written")
    args = parser.parse_args(argv)
    return run(args.root, check=args.check, makemessages=not args.no_makemessages, ruff=not args.no_ruff)


if __name__ == "__main__":
    sys.exit(main())
