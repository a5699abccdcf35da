"""The one loader of the contest a URL names: <contest:key> is a contest key (core.converters.ContestKey),
never a number, and rubrics.access resolves it once a request."""

from __future__ import annotations

import ast
import inspect
import re
import typing

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from core.converters import ContestKey, ContestKeyConverter
from rubrics import access
from tests.packages import ROOT, sources

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


ONE_LOADER = {"contest_or_404", "entry_or_404"}
# Modules that answer a URL: a page's views, an API's.
ENTRY_POINTS = re.compile(r"(^|/)(views|api|\w+_views|\w+_api)\.py$|/views/|/api/")
# Functions of those that load a contest themselves, each for its reason; every other uses its URL family's loader.
DIRECT = {
    "scoring/views.py: results": "the published results are public: there is no person for a loader to ask",
    "stages/views.py: staged_or_404": "the loader of a stage's pages and API (`stages/<slug>/`)",
    "rubrics/revision_views.py: revision_box": "the contest a posted form names, not the URL's",
}


def direct_loads(tree: ast.AST) -> list[str]:
    """The functions (`Class.method` for a method) that load one contest or rubric themselves: a
    `get_object_or_404` of Contest or Rubric, a rubric's `by_key`, or a Contest or Rubric looked up by its slug,
    key or id."""
    found: list[str] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{where}.{child.name}" if where else child.name)
                continue
            if isinstance(child, ast.Call) and where and loads_a_contest(child):
                found.append(where)
            visit(child, where)

    visit(tree, "")
    return found


def loads_a_contest(call: ast.Call) -> bool:
    func = call.func
    if isinstance(func, ast.Name) and func.id == "get_object_or_404":
        return bool(call.args) and any(
            isinstance(n, ast.Name) and n.id in ("Contest", "ContestPeriod") for n in ast.walk(call.args[0])
        )
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "by_key":
        return True
    on_model = any(
        isinstance(n, ast.Attribute) and n.attr == "objects" and isinstance(n.value, ast.Name)
        and n.value.id in ("Contest", "ContestPeriod")
        for n in ast.walk(func.value)
    )  # fmt: skip
    return on_model and func.attr in ("get", "filter") and {k.arg for k in call.keywords} & {"slug", "key", "pk", "id"}


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("def v(request, key):\n    return get_object_or_404(ContestPeriod.objects.by_key(key))", ["v", "v"]),
        ("class A:\n    def get(self, request, slug):\n        Contest.objects.filter(slug=slug).first()", ["A.get"]),
        ("def v(request, key):\n    contest_or_404(request.user, key, SEE)", []),
        ("def v(request):\n    ContestPeriod.objects.national().order_by('-year').first()", []),
    ],
)
def test_the_scan_finds_a_view_loading_a_contest_itself(code, found):
    assert direct_loads(ast.parse(code)) == found


def test_a_contest_is_loaded_from_its_url_by_one_loader_per_url_family():
    loaders = {name for name, f in inspect.getmembers(access, inspect.isfunction) if name.endswith("_or_404")}
    assert loaders == ONE_LOADER
    scanned = [path for path in sources() if ENTRY_POINTS.search(path.relative_to(ROOT).as_posix())]
    assert len(scanned) > 20 and ROOT / "ops/views.py" in scanned
    loads = sorted(
        {
            f"{path.relative_to(ROOT).as_posix()}: {where}"
            for path in scanned
            for where in direct_loads(ast.parse(path.read_text(encoding="utf-8")))
        }
    )
    assert loads == sorted(DIRECT)
