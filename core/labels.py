"""Labels in the page's language: a model's, a choice's, a form field's name, Thai or English, never both.

Written bi("สถานะ", "status"). Without an active language, as when Django writes and applies
migrations, the label is both halves ("สถานะ / status"), so the stored migration state never changes
with the language a command happened to run in.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.functional import lazy
from django.utils.translation import get_language, override


def _pick(th: str, en: str) -> str:
    language = get_language()
    if language is None:
        return f"{th} / {en}"
    return en if language.startswith("en") else th


_lazy = lazy(_pick, str)


def bi(th: str, en: str):
    label: Any = _lazy(th, en)  # a lazy str that also keeps both halves
    label.th, label.en = th, en
    return label


def both(text) -> tuple[str, str]:
    """A translated text's Thai and English, read from the catalogue: for the few places that show both
    (a sheet's cell beside its "ไทย / English" headings, an API error's `th` and `en`)."""
    if hasattr(text, "th"):
        return text.th, text.en
    with override("th"):
        th = str(text)
    with override("en"):
        en = str(text)
    return th, en


def halves(label) -> tuple[str, str]:
    """A label's Thai and English (a bi() label's halves; a catalogued one's two translations)."""
    if hasattr(label, "th") or not isinstance(label, str) or " / " not in label:
        return both(label)
    th, _, en = str(label).partition(" / ")
    return th, en or th


# The " / " between the halves: Thai before it and, after it, English ("ไฟล์ (.p12 / .pfx) / certificate file …"),
# which may begin with a Thai name it quotes ("ถอนรายชื่อนางวิไล ศรีสุขแล้ว / นางวิไล ศรีสุข withdrawn").
_BETWEEN = re.compile(r" / ")
_LATIN_FIRST = re.compile(r"[A-Za-z“\"'(]")
_LATIN = re.compile(r"[A-Za-z]")
_THAI = re.compile(r"[\u0E00-\u0E7F]")


def one_language(text) -> str:
    """A text written "ไทย / English" (a refusal, a message), reduced to the page's language."""
    text = str(text)
    splits = [(m.start(), m.end()) for m in _BETWEEN.finditer(text) if _THAI.search(text[: m.start()])]
    chosen = next((s for s in splits if _LATIN_FIRST.match(text, s[1])), None)
    chosen = chosen or next((s for s in splits if _LATIN.search(text, s[1])), None)
    if chosen is None:
        return text
    th, en = text[: chosen[0]], text[chosen[1] :]
    return en if (get_language() or "th").startswith("en") else th


def bilingual(label) -> str:
    """A label as a sheet's cell gives it beside its "ไทย / English" headings, whatever the page's language."""
    th, en = both(label) if not isinstance(label, str) else halves(label)
    return f"{th} / {en}"
