"""What the templates themselves must hold for a keyboard and a screen reader (WCAG 2.1 AA), checked in their
source so that a page no browser test opens keeps it too: a box that scrolls sideways can be reached with Tab
and says what it holds; an accessible name is words of the page's language, never a fixed English word on a
Thai page."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(
    path
    for path in ROOT.glob("**/templates/**/*.html")
    if not any(part in {".venv", "node_modules", "var"} for part in path.relative_to(ROOT).parts)
)
TAG = re.compile(r"<[a-z][^>]*>", re.S)


def _tags(pattern: str):
    for path in TEMPLATES:
        for tag in TAG.findall(path.read_text(encoding="utf-8")):
            if re.search(pattern, tag):
                yield path.relative_to(ROOT), " ".join(tag.split())


def test_the_templates_are_found():
    assert len(TEMPLATES) > 100


def test_every_sideways_scrolling_box_is_reached_by_tab_and_named():
    bare = [
        f"{path}: {tag}"
        for path, tag in _tags(r'class="[^"]*\bscroll-x\b')
        if not ('tabindex="0"' in tag and 'role="region"' in tag and 'aria-label="{% translate' in tag)
    ]
    assert bare == []


def test_no_accessible_name_is_a_fixed_english_word():
    fixed = [f"{path}: {tag}" for path, tag in _tags(r'aria-label="[A-Za-z]')]
    assert fixed == []
