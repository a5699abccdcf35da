"""Names that say what they hold: the model of every administrative unit is `Unit` (was `Province`), any
entrant's stored result is `Standing` (was `ProvinceResult`), an office's staff at any level are
`Role.OFFICE_STAFF` (was `Role.PROVINCIAL`; the stored value stays "provincial").

    .venv/bin/python tools/rename_codemod.py             # rewrite the tree (run again: nothing changes)
    .venv/bin/python tools/rename_codemod.py --check     # list what would change, exit 1 if anything would
    .venv/bin/python tools/rename_codemod.py --migrations  # then: the state-only migrations, once

Python is rewritten token by token (`tokenize`): a name is renamed where it is a name; inside strings and
comments only where it is plainly code (a model label, an admin URL name or path, a name in backticks or
followed by `.objects`). The words on screen ("จังหวัด", "Province" in a label) are never touched, nor are
tables, columns, field names, JSON keys or URL names other than the admin's own. Templates, Markdown and
JavaScript get the code-like rules only. Historic migrations, and files marked "rename-codemod: leave", are
left as they were: the new migrations rename the models in the state, keep their tables and relabel their
content types and permissions.
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tokenize
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Names renamed wherever Python has them as a name (and in comments, docstrings and documents as words).
NAMES = {
    "Province": "Unit",
    "ProvinceResult": "Standing",
    "ProvinceResultAdmin": "StandingAdmin",
    "ProvinceAdmin": "UnitAdmin",
    "ProvinceScoped": "UnitScoped",
    "ProvinceFilter": "UnitFilter",
    "PROVINCIAL": "OFFICE_STAFF",
    # Functions and attributes about any unit or any entrant (none is a field, a JSON key or a URL name).
    "evaluate_province": "evaluate_entrant",
    "facts_by_province": "facts_by_unit",
    "conflicted_province_ids": "conflicted_unit_ids",
    "office_province_id": "office_unit_id",
    "is_own_province": "is_own_office",
    "province_path": "unit_path",
    "test_provinceresult_changelist_query_count_constant": "test_standing_changelist_query_count_constant",
    "test_judgment_record_marks_province_result_dirty": "test_judgment_record_marks_standing_dirty",
    # contests.lifecycle's answer "what does a document made then stand on" gives `Standing` to the model.
    "standing_of": "basis_of",
}
# In comments, docstrings and documents a bare `Province` is also an English word: renamed only where it is
# code (the rules below); every other name above is renamed as a word.
WORD_NAMES = {old: new for old, new in NAMES.items() if old != "Province"}
# The dataclass contests.lifecycle calls Standing, renamed first in the files that define or import it.
LIFECYCLE_OLD, LIFECYCLE_NEW = "Standing", "DocumentBasis"
# Where the lazy reference "contests.Province" names the model in a constant of that name.
FILE_NAMES = {"people/models.py": {"PROVINCE": "UNIT"}}

ADMIN_VIEWS = "changelist|add|change|delete|history|autocomplete"
CODE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bcontests\.Province\b"), "contests.Unit"),
    (re.compile(r"\bcontests\.province\b"), "contests.unit"),
    (re.compile(r"\bscoring\.ProvinceResult\b"), "scoring.Standing"),
    (re.compile(r"\bscoring\.provinceresult\b"), "scoring.standing"),
    (re.compile(rf"\bcontests_province_({ADMIN_VIEWS})\b"), r"contests_unit_\1"),
    (re.compile(rf"\bscoring_provinceresult_({ADMIN_VIEWS})\b"), r"scoring_standing_\1"),
    (re.compile(r"\badmin/contests/province/"), "admin/contests/unit/"),
    (re.compile(r"\badmin/scoring/provinceresult/"), "admin/scoring/standing/"),
    (re.compile(r"`Province\b"), "`Unit"),
    # Python run from a string (a shell's -c, a subprocess's script) imports the model by name.
    (re.compile(r"(\bfrom contests\.models(?:\.units)? import [^;\n\"']*?)\bProvince\b"), r"\1Unit"),
    # Sentences that name the model, not the word.
    (re.compile(r"\bProvince \(unit\)"), "Unit"),
    (re.compile(r"\b(contests'|the|a) Province(?= holds|\)| rows?\b)"), r"\1 Unit"),
    (re.compile(r"^(\s*#\s*)Province(?= holds)", re.M), r"\1Unit"),
    (re.compile(r"\bProvince(?=\.[a-z_]|\(|`)"), "Unit"),
]
WORD_RULE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, WORD_NAMES), key=len, reverse=True)) + r")\b")

SUFFIXES = {".py", ".html", ".md", ".js", ".txt", ".toml", ".cfg", ".ini", ".yml", ".yaml"}
SKIPPED = (re.compile(r"(^|/)migrations/"), re.compile(r"(^|/)node_modules/"), re.compile(r"^static/vendor/"))
HERE = Path(__file__).resolve()
# A file about the old names themselves (this one, its tests, the migration's test) says so and is left alone.
LEAVE = "rename-codemod: leave"


def rewrite_text(text: str) -> str:
    """A comment, a string or a document: the code-like rules, then the names that are never English words."""
    for pattern, new in CODE_RULES:
        text = pattern.sub(new, text)
    return WORD_RULE.sub(lambda m: WORD_NAMES[m.group(1)], text)


def lifecycle_module(sources: dict[str, str]) -> str | None:
    """The dotted module that defines the dataclass `Standing` (not a model), if any file still does."""
    for path, source in sources.items():
        if path.endswith(".py") and re.search(r"^@dataclass[^\n]*\nclass Standing:", source, re.M):
            return path[: -len(".py")].replace("/", ".")
    return None


def imports_name(source: str, module: str, name: str) -> bool:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return False
    return any(
        isinstance(node, ast.ImportFrom) and node.module == module and any(a.name == name for a in node.names)
        for node in ast.walk(tree)
    )


def rewrite_python(source: str, names: dict[str, str]) -> str:
    """`source` with every NAME token in `names` renamed, and strings and comments rewritten as text."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    for tok in tokens:
        if tok.type == tokenize.NAME and tok.string in names:
            new = names[tok.string]
        elif tok.type in (tokenize.STRING, tokenize.COMMENT) or _is_fstring_text(tok):
            new = rewrite_text(tok.string)
        else:
            continue
        if new != tok.string:
            begin = starts[tok.start[0] - 1] + tok.start[1]
            end = starts[tok.end[0] - 1] + tok.end[1]
            edits.append((begin, end, new))
    for begin, end, new in reversed(edits):
        source = source[:begin] + new + source[end:]
    return source


def _is_fstring_text(tok: tokenize.TokenInfo) -> bool:
    return tokenize.tok_name.get(tok.type) == "FSTRING_MIDDLE"


def keep_standing_table(source: str) -> str:
    """The model `Standing` keeps the table it had as ProvinceResult: its Meta names it, once."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.ClassDef) and node.name == "Standing" and node.bases):
            continue
        meta = next((n for n in node.body if isinstance(n, ast.ClassDef) and n.name == "Meta"), None)
        if meta is None or any(
            isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "db_table" for t in s.targets)
            for s in meta.body
        ):
            return source
        lines = source.splitlines(keepends=True)
        indent = " " * meta.body[0].col_offset
        line = f'{indent}db_table = "scoring_provinceresult"  # the table from before the rename\n'
        lines.insert(meta.lineno, line)
        return "".join(lines)
    return source


def tracked_files(root: Path, suffixes: set[str], skipped: tuple[re.Pattern, ...]) -> list[str]:
    """The files git knows of or would add (not ignored) under `root` with these suffixes, less the skipped paths."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return sorted(
        p
        for p in set(listed)
        if p and Path(p).suffix in suffixes and not any(s.search(p) for s in skipped) and (root / p).is_file()
    )


@dataclass
class Codemod:
    root: Path
    changed: dict[str, str] = field(default_factory=dict)

    def files(self) -> list[str]:
        return tracked_files(self.root, SUFFIXES, SKIPPED)

    def run(self) -> dict[str, str]:
        sources = {p: (self.root / p).read_text(encoding="utf-8") for p in self.files()}
        sources = {p: text for p, text in sources.items() if LEAVE not in text}
        module = lifecycle_module(sources)
        for path, source in sources.items():
            new = self.rewrite(path, source, module)
            if new != source:
                self.changed[path] = new
        return self.changed

    def rewrite(self, path: str, source: str, module: str | None) -> str:
        if not path.endswith(".py"):
            return rewrite_text(source)
        names = dict(NAMES) | FILE_NAMES.get(path, {})
        if module is not None and (
            path == module.replace(".", "/") + ".py" or imports_name(source, module, LIFECYCLE_OLD)
        ):
            if "ProvinceResult" in source:
                raise SystemExit(f"{path}: uses both lifecycle's Standing and ProvinceResult; rename by hand")
            names[LIFECYCLE_OLD] = LIFECYCLE_NEW
        return keep_standing_table(rewrite_python(source, names))

    def write(self) -> None:
        for path, source in self.changed.items():
            (self.root / path).write_text(source, encoding="utf-8")


MIGRATIONS: list[tuple[str, str, Callable[[list[tuple[str, str]]], str]]] = []


def _migration(app: str, name: str):
    def register(make: Callable[[list[tuple[str, str]]], str]):
        MIGRATIONS.append((app, name, make))
        return make

    return register


HEADER = """from django.db import migrations

from core.migration_ops import rename_content_type


class Migration(migrations.Migration):
    dependencies = [
{dependencies}
    ]
"""


def _dependencies(nodes: list[tuple[str, str]]) -> str:
    return "\n".join(f'        ("{app}", "{name}"),' for app, name in sorted(nodes))


@_migration("contests", "unit_named_for_any_unit")
def _unit(dependencies: list[tuple[str, str]]) -> str:
    return (
        "# Province held every administrative unit, so it is called Unit. State only: the table stays\n"
        "# scoring_province and every column pointing at it stays; the content type and its permissions are\n"
        "# renamed in place. It comes after every app's migrations that named contests.province.\n\n"
        + HEADER.format(dependencies=_dependencies(dependencies))
        + """
    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.RenameModel("Province", "Unit")]),
        rename_content_type("contests", "province", "unit"),
    ]
"""
    )


@_migration("scoring", "standing_named_for_any_entrant")
def _standing(dependencies: list[tuple[str, str]]) -> str:
    return (
        "# ProvinceResult held any entrant's result, so it is called Standing. State only: its table stays\n"
        "# scoring_provinceresult (named in its Meta now); the content type and its permissions are renamed.\n\n"
        + HEADER.format(dependencies=_dependencies(dependencies))
        + """
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameModel("ProvinceResult", "Standing"),
                migrations.AlterModelTable("standing", "scoring_provinceresult"),
            ]
        ),
        rename_content_type("scoring", "provinceresult", "standing"),
    ]
"""
    )


def make_migrations(root: Path) -> list[Path]:
    """Writes each rename's migration once, after every migration the apps have now (they may name the old
    models), numbered after its app's last. Found by its name, it is not written again."""
    sys.path.insert(0, str(root))
    import django

    django.setup()
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    ours = {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(root) and "site-packages" not in Path(config.path).parts
    }
    written: list[Path] = []
    for app, name, make in MIGRATIONS:
        graph = MigrationLoader(None, ignore_no_migrations=True).graph
        if any(a == app and n.endswith(f"_{name}") for a, n in graph.nodes):
            continue
        leaves = [(a, n) for a, n in graph.leaf_nodes() if a in ours | {"auth", "contenttypes"}]
        numbers = [int(n[:4]) for a, n in graph.nodes if a == app and n[:4].isdigit()]
        path = root / app / "migrations" / f"{max(numbers, default=0) + 1:04d}_{name}.py"
        path.write_text(make(leaves), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list what would change; exit 1 if anything would")
    parser.add_argument("--migrations", action="store_true", help="write the state-only migrations, once")
    parser.add_argument("--root", type=Path, default=HERE.parent.parent)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.migrations:
        import os

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")
        for path in make_migrations(root):
            print(path.relative_to(root))
        return 0
    codemod = Codemod(root)
    changed = codemod.run()
    for changed_path in sorted(changed):
        print(changed_path)
    if args.check:
        return 1 if changed else 0
    codemod.write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
