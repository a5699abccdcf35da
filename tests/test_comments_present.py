"""Comments and documents say why in the present; the history of a change stays in git. A pointer such as
"issue #41" names a tracker outside the repository, which a reader of the code alone cannot follow, so none
comes back. The benchmark log (bench/RESULTS.md) is a dated record and may name what each run was for."""

import re
import subprocess

from django.conf import settings

POINTER = re.compile(r"\bissues? #\d")
SUFFIXES = (".py", ".html", ".js", ".css", ".md", ".txt", ".po", ".toml", ".yml", ".conf", ".sh", "Makefile")


def tracked() -> list[str]:
    names = subprocess.run(["git", "ls-files"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    return [
        name
        for name in names.stdout.split()
        if name.endswith(SUFFIXES)
        and "/migrations/" not in name
        and name not in {"bench/RESULTS.md", "tests/test_comments_present.py"}
    ]


def test_no_comment_or_document_points_at_an_issue_number():
    files = tracked()
    assert "scoring/selectors.py" in files  # the listing reaches the code
    found = [
        f"{name}:{number}: {line.strip()}"
        for name in files
        for number, line in enumerate((settings.BASE_DIR / name).read_text(encoding="utf-8").splitlines(), 1)
        if POINTER.search(line)
    ]
    assert found == []
