"""Django's translation functions, for the parts that are plain Python (the rule engine, core's refusals).

The rule engine imports no Django (import-linter's "pure-rules" contract); its words still go through the
catalogue, through this one door, which the contract lets import Django's translation functions.
"""

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, override, pgettext_lazy

_ = gettext_lazy

__all__ = ["_", "format_lazy", "gettext_lazy", "lazy", "override", "pgettext_lazy"]
