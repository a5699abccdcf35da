"""The one loader of the contest a URL names: <rubric:year> is a contest key (core.converters.ContestKey),
never a number, and scoring.access resolves it once a request."""

from __future__ import annotations

import inspect
import typing

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from core.converters import ContestKey, RubricKeyConverter
from scoring import access

pytestmark = pytest.mark.django_db


def rubric_patterns(patterns=None, found=None) -> list[URLPattern]:
    found = [] if found is None else found
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            rubric_patterns(p.url_patterns, found)
        elif any(isinstance(c, RubricKeyConverter) for c in p.pattern.converters.values()):
            found.append(p)
    return found


def handlers(callback) -> list:
    """The functions a URL's callback runs with its arguments: the view, or an API view's methods."""
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None:
        return [getattr(cls, m) for m in ("get", "post", "put", "patch", "delete") if hasattr(cls, m)]
    return [inspect.unwrap(callback)]


def year_annotation(fn):
    hints = typing.get_type_hints(fn) if "year" in inspect.signature(fn).parameters else {}
    return hints.get("year")


def test_no_view_takes_a_contest_key_as_a_number():
    patterns = rubric_patterns()
    assert len(patterns) > 30
    typed = [(p.name, year_annotation(fn)) for p in patterns for fn in handlers(p.callback)]
    assert [name for name, hint in typed if hint not in (None, ContestKey)] == []
    assert sum(hint is ContestKey for _, hint in typed) > 30


def test_a_urls_contest_is_loaded_once_a_request(rubric, django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):
        first = access.rubric_or_404(request, ContestKey("2566"))
        again = access.by_key("2566", request)
    assert first is again and first.contest.is_national
