"""A rubric file's JSON, read for the contest upload and the admin's rubric form: a file that
is not JSON, not one object, or nested past any rubric's depth is refused with the reason, Thai first,
before anything else walks it (Python's own recursion limit would otherwise answer 500)."""

from __future__ import annotations

import json

from core.i18n import _, format_lazy
from rulebook.spec import RubricError

MAX_DEPTH = 20  # the shipped rubrics nest 10 deep (a ladder's levels inside a criterion's rule)


def _depth(data: object) -> int:
    """How deep lists and objects nest, without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def rubric_json(raw: bytes | str) -> dict:
    try:
        data = json.loads(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
    except json.JSONDecodeError as exc:
        raise RubricError(
            [
                format_lazy(
                    _("invalid JSON at line {lineno}, column {colno}: {msg}"),
                    lineno=exc.lineno,
                    colno=exc.colno,
                    msg=exc.msg,
                )
            ]
        ) from exc
    except RecursionError as exc:
        raise RubricError([format_lazy(_("nested more than {max_depth} levels deep"), max_depth=MAX_DEPTH)]) from exc
    except (UnicodeDecodeError, ValueError) as exc:  # not UTF-8; a number past Python's digit limit
        raise RubricError([format_lazy(_("not a readable JSON file ({exc})"), exc=exc)]) from exc
    if not isinstance(data, dict):
        raise RubricError([_("the file must hold one JSON object { ... }")])
    if _depth(data) > MAX_DEPTH:
        raise RubricError([format_lazy(_("nested more than {max_depth} levels deep"), max_depth=MAX_DEPTH)])
    return data
