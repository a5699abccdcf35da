"""Django's translation functions, for the parts that are plain Python (the rule engine, core's refusals).

The rule engine imports no Django (import-linter's "pure-rules" contract); its words still go through the
catalogue, through this one door, which the contract lets import Django's translation functions.
"""

from typing import TYPE_CHECKING, TypeAlias

from django.utils.functional import Promise, lazy
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext_lazy, override, pgettext_lazy

_ = gettext_lazy

# A text as the code holds it: plain, or lazy (gettext_lazy, format_lazy) so that it reads in the page's language
# when it is shown, not when the module is imported. django-stubs types a lazy text `_StrPromise`, which
# exists only in the stubs.
if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    Text: TypeAlias = str | _StrPromise
else:
    Text = str | Promise


def in_english() -> bool:
    """Whether the page is in English (Thai when no language is active, as in a command)."""
    return (get_language() or "th").startswith("en")


def pick(th: str, en: str) -> str:
    """Of a text held in both languages (a rubric's names, a refusal built from them), the page's one."""
    return (en or th) if in_english() else th


# Words held in both languages as data (a rubric's names, a unit's): a lazy text that reads as the page's half.
either = lazy(pick, str)

__all__ = [
    "Text",
    "_",
    "either",
    "format_lazy",
    "gettext_lazy",
    "in_english",
    "lazy",
    "override",
    "pgettext_lazy",
    "pick",
]
