"""The documents the code points to are inside the repository, and say what the code says they say."""

from __future__ import annotations

import os
import re
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("*.py", "*.html", "*.md", "*.txt", "*.js")
SKIP = {".venv", "node_modules", "var", ".git", "static/vendor"}


def _skipped(rel: str) -> bool:
    return any(rel == skip or rel.startswith(f"{skip}/") or f"/{skip}/" in f"/{rel}" for skip in SKIP)


@cache
def _files() -> tuple[Path, ...]:
    """Every source of ours by SOURCES' patterns, the skipped folders never entered: a checkout's own .venv and
    node_modules hold hundreds of thousands of files, each once listed to be left out."""
    found = []
    for folder, dirs, names in os.walk(ROOT):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not _skipped((here / d).relative_to(ROOT).as_posix())]
        found += [here / name for name in names if not _skipped((here / name).relative_to(ROOT).as_posix())]
    return tuple(path for pattern in SOURCES for path in found if fnmatchcase(path.name, pattern))


@cache
def _texts() -> tuple[tuple[Path, str], ...]:
    """Each source and its text, read once for every test that reads them."""
    return tuple((path, path.read_text(encoding="utf-8", errors="replace")) for path in _files())


def _decisions() -> set[int]:
    text = (ROOT / "docs" / "decisions.md").read_text(encoding="utf-8")
    return {int(n) for n in re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE)}


def test_decisions_page_numbers_its_decisions_from_one_without_a_gap():
    found = _decisions()
    assert found == set(range(1, 17)) and max(found) == len(found)


def test_every_decision_the_code_names_is_a_section_of_docs_decisions():
    known = _decisions()
    cited = re.compile(r"\b[Dd]ecisions? (\d+)\b")
    unknown = [
        f"{path.relative_to(ROOT)}:{number}"
        for path, text in _texts()
        for number in cited.findall(text)
        if int(number) not in known
    ]
    assert unknown == []


def test_every_seed_the_code_names_is_listed_in_docs_decisions():
    listed = set(re.findall(r"^\| (00\d) \|", (ROOT / "docs" / "decisions.md").read_text(encoding="utf-8"), re.M))
    named = {number for _, text in _texts() for number in re.findall(r"\bseeds? (00\d)\b", text)}
    assert named <= listed


def test_every_test_security_md_names_exists():
    """SECURITY.md holds each promise to the test that keeps it: a file or test it names exists."""
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    defined = {
        name
        for path in (ROOT / "tests").rglob("*.py")
        for name in [path.stem, *re.findall(r"def (test_\w+)", path.read_text(encoding="utf-8"))]
    }
    files = set(re.findall(r"(?<![\w/])(tests/[\w/]+\.py)", text))
    names = set(re.findall(r"\b(test_\w+)", text))
    assert len(files) > 40 and len(names) > 100  # the reading reaches the document
    assert sorted(f for f in files if not (ROOT / f).is_file()) == []
    assert sorted(names - defined) == []
