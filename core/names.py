"""Names that reach a header: a contest's, a period's, a criterion's, a round's, a unit's, a person's name goes
into e-mail subjects and sender names, LINE messages and file names. A line break there makes the mail library
refuse the whole message (BadHeaderError): a name pasted from a word processor once stalled the outbox. So a
name holds no control character: the one check, asked wherever a name comes in (the rubric file and the
builder through rulebook, the admin's forms, the accounts sheet). Plain Python but for the words (core.i18n),
so the rule engine asks it too.

Refused: Unicode's control characters (Cc: tab, line feed, carriage return, NUL, DEL, …), format characters
(Cf: zero-width space and joiners, direction marks, the soft hyphen, …) and the line and paragraph separators
(Zl, Zp)."""

from __future__ import annotations

import unicodedata

from core.i18n import Text, _, override

CONTROL = frozenset({"Cc", "Cf", "Zl", "Zp"})
NAME_REFUSAL: Text = _(
    "a name cannot hold a line break, a tab or another invisible control character: type it on one line"
)


def has_control(text: str) -> bool:
    """`text` holds a character a header cannot carry (CONTROL)."""
    return any(unicodedata.category(ch) in CONTROL for ch in text)


def name_refusal(label: str = "") -> tuple[str, str]:
    """NAME_REFUSAL in Thai and English, after `label` (the key or box it is about) when given."""
    prefix = f"“{label}”: " if label else ""
    with override("th"):
        th = prefix + str(NAME_REFUSAL)
    with override("en"):
        en = prefix + str(NAME_REFUSAL)
    return th, en
