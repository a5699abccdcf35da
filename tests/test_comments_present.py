"""Comments and documents say why in the present; the history of a change stays in git. A pointer to a tracker's
issue ("issue #41", "Issue 74", "issues 12 and 13", "(#39)", "#75 items", a test named `test_i37_…`) names
something outside the repository, which a reader of the code alone cannot follow, so none comes back, in any
file's text or in any file's name (read in every tracked file by tests/processes/test_comments_present.py).
Here: the pointer is found in each of its forms, and nothing else is taken for one."""

import pytest

from tests.issue_pointers import POINTER


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
