"""Both languages of a translated text, for the few places that show them side by side.

Every label and message is written in English and translated through the catalogue (docs/translations.md):
`_("status")`. A sheet's cell under "ไทย / English" headings and an API error's `th` and `en` ask the catalogue
for both.
"""

from __future__ import annotations

from django.utils.translation import override


def both(text) -> tuple[str, str]:
    """A translated text's Thai and English, read from the catalogue (a plain str is the same in both)."""
    with override("th"):
        th = str(text)
    with override("en"):
        en = str(text)
    return th, en


def bilingual(label) -> str:
    """A label as a sheet's cell gives it beside its "ไทย / English" headings, whatever the page's language."""
    th, en = both(label)
    return th if th == en else f"{th} / {en}"
