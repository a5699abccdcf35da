"""The API's JSON parser (REST_FRAMEWORK's DEFAULT_PARSER_CLASSES). Its own module: core.api imports DRF's
views, whose APIView reads the parser setting as it is defined."""

from __future__ import annotations

from rest_framework import parsers

from core.errors import PortalError
from core.i18n import _, format_lazy

# No request the API takes nests deeper than a handful of levels; thousands made json's decoder raise
# RecursionError, a 500.
JSON_MAX_DEPTH = 32


def _too_deep(value) -> bool:
    """Whether `value` nests containers past JSON_MAX_DEPTH, walked with a stack of its own (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        if depth > JSON_MAX_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing a body nested past JSON_MAX_DEPTH with a 400 in the API's error shape
    (core.api), whether the decoder gave up on it or not."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
            deep = _too_deep(data)
        except RecursionError:
            deep = True
        if deep:
            # A PortalError, not DRF's ParseError: the API's error shape reads its Thai and English from the
            # catalogue, a message with a value included.
            raise PortalError(
                format_lazy(_("the JSON body nests deeper than {depth} levels"), depth=JSON_MAX_DEPTH),
                code="parse_error",
            )
        return data
