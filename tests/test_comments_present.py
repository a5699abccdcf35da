"""Comments and documents say why in the present; the history of a change stays in git. A pointer to a tracker's
issue ("issue #41", "Issue 74", "issues 12 and 13", "(#39)", "#75 items", a test named `test_i37_…`) names
something outside the repository, which a reader of the code alone cannot follow, so none comes back, in any
file's text or in any file's name. The benchmark log (bench/RESULTS.md) is a dated record and may name what
each run was for."""

import re
import subprocess

import pytest
from django.conf import settings

# "issue 74", "Issue #37", "issues 12 and 13", "issue15"; "#39" anywhere but as a colour ("#555;", "solid #333",
# 'fill="#000"'), an HTML entity ("&#3647;") or a fragment ("/#2"); `test_i37_…`.
POINTER = re.compile(
    r"(?<![a-z])issues?[\s_-]*#?\s*\d"
    r"|(?<![&\w#/])(?<!: )(?<!solid )#\d+(?![\w;\"'])"
    r"|(?<![a-z0-9])i\d{2,3}_",
    re.IGNORECASE,
)
SUFFIXES = (".py", ".html", ".js", ".css", ".md", ".txt", ".po", ".toml", ".yml", ".conf", ".sh", "Makefile")


@pytest.mark.parametrize(
    "text",
    ["Issue #37: one lifecycle", "(issue 74)", "issues 12 and 13", "Thai alone (#39)", "#75 items", "issue15",
     "tests/scoring/test_i37_bounds.py", "before #37 capped them", "ISSUE 3"],
)  # fmt: skip
def test_the_pointer_is_found_in_any_form(text):
    assert POINTER.search(text)


@pytest.mark.parametrize(
    "text",
    ["color: #555;", "border: 1px solid #666;", 'stroke="#555"', "&#3647;", 'dark="#1b1b1b"', "i18n", "tissue 3",
     "the issue's scale", "page/#2"],
)  # fmt: skip
def test_a_colour_an_entity_or_a_word_is_no_pointer(text):
    assert not POINTER.search(text)


def tracked() -> list[str]:
    names = subprocess.run(["git", "ls-files"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    return [name for name in names.stdout.split() if name not in {"bench/RESULTS.md", "tests/test_comments_present.py"}]


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
