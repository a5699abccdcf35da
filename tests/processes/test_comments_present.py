"""No file name, comment or document points at a tracker's issue (tests/issue_pointers.py): every file git
tracks is read. The benchmark log (bench/RESULTS.md) is a dated record and may name what each run was for; the
pattern's own module and the module of its examples are left out."""

import subprocess

from django.conf import settings

from tests.issue_pointers import POINTER

SUFFIXES = (".py", ".html", ".js", ".css", ".md", ".txt", ".po", ".toml", ".yml", ".conf", ".sh", "Makefile")
# The dated log, the pattern's examples and the pattern's own module with the forms it finds.
LEFT_OUT = {"bench/RESULTS.md", "tests/test_comments_present.py", "tests/issue_pointers.py"}


def tracked() -> list[str]:
    names = subprocess.run(["git", "ls-files"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    return [name for name in names.stdout.split() if name not in LEFT_OUT]


def test_no_file_name_comment_or_document_points_at_an_issue():
    files = tracked()
    read = [name for name in files if name.endswith(SUFFIXES) and not name.startswith("static/vendor/")]
    assert "scoring/selectors.py" in read  # the listing reaches the code
    found = [name for name in files if POINTER.search(name)] + [
        f"{name}:{number}: {line.strip()}"
        for name in read
        for number, line in enumerate((settings.BASE_DIR / name).read_text(encoding="utf-8").splitlines(), 1)
        if POINTER.search(line)
    ]
    assert found == []
