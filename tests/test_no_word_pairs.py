"""Words go through Django's catalogue (docs/translations.md): the old Thai/English pairs, `{% t … %}` or
`{% bi %}` in a template and `bi(…)` in Python, do not come back. Tests may name them (this one does)."""

import os
import re
from pathlib import Path

from django.conf import settings

PAIRS = re.compile(r"\{%-?\s*(t|bi)\s|\bbi\(")
SKIPPED = {"tests", ".venv", "node_modules", "var", ".git", "__pycache__"}  # the first: by design
SUFFIXES = {".py", ".html", ".txt"}


def sources() -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = [d for d in dirs if d not in SKIPPED and not d.startswith(".")]
        found += [Path(folder, f) for f in files if Path(f).suffix in SUFFIXES]
    return found


def test_no_template_or_python_file_writes_a_thai_english_pair():
    files = sources()
    assert any(f.name == "_todo.html" for f in files)  # the walk reaches the templates
    found = [
        f"{f.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}"
        for f in files
        for number, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
        if PAIRS.search(line)
    ]
    assert found == []


def test_the_pair_tag_is_gone():
    from core.templatetags import thai

    assert "t" not in thai.register.tags
