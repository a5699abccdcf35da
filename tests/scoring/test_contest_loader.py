"""The one loader of the contest a URL names: <contest:key> is a contest key (core.converters.ContestKey),
never a number, and scoring.access resolves it once a request."""

from __future__ import annotations

import inspect
import typing
from pathlib import Path

import pytest
from django.conf import settings
from django.http import Http404
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from core.converters import ContestKey, ContestKeyConverter
from scoring import access

pytestmark = pytest.mark.django_db


def rubric_patterns(patterns=None, found=None) -> list[URLPattern]:
    found = [] if found is None else found
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            rubric_patterns(p.url_patterns, found)
        elif any(isinstance(c, ContestKeyConverter) for c in p.pattern.converters.values()):
            found.append(p)
    return found


def handlers(callback) -> list:
    """The functions a URL's callback runs with its arguments: the view, or an API view's methods."""
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if cls is not None:
        return [getattr(cls, m) for m in ("get", "post", "put", "patch", "delete") if hasattr(cls, m)]
    return [inspect.unwrap(callback)]


def key_annotation(fn):
    hints = typing.get_type_hints(fn) if "key" in inspect.signature(fn).parameters else {}
    return hints.get("key")


def test_no_view_takes_a_contest_key_as_a_number():
    patterns = rubric_patterns()
    assert len(patterns) > 30
    named = {name for p in patterns for name, c in p.pattern.converters.items() if isinstance(c, ContestKeyConverter)}
    assert named == {"key"}  # <contest:key>, in every one
    typed = [(p.name, key_annotation(fn)) for p in patterns for fn in handlers(p.callback)]
    assert [name for name, hint in typed if hint not in (None, ContestKey)] == []
    assert sum(hint is ContestKey for _, hint in typed) > 30


def test_a_urls_contest_is_loaded_once_a_request(rubric, central_user, django_assert_num_queries):
    request = RequestFactory().get("/")
    first = access.contest_or_404(central_user, ContestKey("2566"), access.SEE_CONTEST, request=request)
    with django_assert_num_queries(0):
        again = access.contest_or_404(central_user, "2566", "scoring.view_standings", request=request)
    assert first is again and first.contest.is_national


def test_a_contests_unit_is_loaded_as_its_entry(rubric, provincial_user, chiang_mai):
    found, entry = access.entry_or_404(provincial_user, "2566", "TH-50")
    assert (found, entry.contest, entry.unit) == (rubric, rubric.contest, chiang_mai)
    with pytest.raises(Http404):
        access.entry_or_404(provincial_user, "2566", "TH-83")  # another office: it does not exist for them


PACKAGES = [p.split(".")[0] for p in settings.INSTALLED_APPS if Path(settings.BASE_DIR, p.split(".")[0]).is_dir()]
ONE_LOADER = {"contest_or_404", "entry_or_404"}
GONE = {"by_key", "rubric_gate", "rubric_permission", "rubric_allowed", "rubric_or_404", "unit_or_404"}


def test_a_contest_is_loaded_from_its_key_by_one_loader_per_url_family():
    loaders = {name for name, f in inspect.getmembers(access, inspect.isfunction) if name.endswith("_or_404")}
    assert loaders == ONE_LOADER
    base = Path(settings.BASE_DIR)
    defined = [
        f"{path.relative_to(base)}: {name}"
        for package in PACKAGES
        for path in sorted((base / package).rglob("*.py"))
        for name in sorted(GONE)
        if f"def {name}(" in path.read_text(encoding="utf-8")
    ]
    # The rubrics' queryset method by_key is the query the loader runs (and the commands, acting as the
    # Department, read): the loaders' module is the only one that loads a contest for a person.
    assert defined == ["scoring/models/rubrics.py: by_key"]
