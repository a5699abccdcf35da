"""The floors of pyproject.toml's `layers` contract hold for what ties two packages without an import: a template's
`{% load %}` of a tag library, a URL name reversed (`reverse()`, `reverse_lazy()`, `redirect()`, `{% url %}`), a
Celery task sent by its name, and an admin registration. Each points down, or stays in its own package, as an
import must; an admin registers only its own package's models. What still points up is in `UPWARD`, with its
reason."""

from __future__ import annotations

import ast
import inspect
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.template import engines
from django.urls import URLResolver, get_resolver

from tests.packages import PACKAGES, sources

ROOT = Path(__file__).resolve().parents[1]

# Ties that point up, by their reason: (the package it starts in, what it names: a URL name, a tag library, a task's
# name). A notice's link to where one acts, the navigation, and a page's link to where one acts on what it shows;
# anything else says why it cannot go down yet. Each entry is still used: the list stays true.
UPWARD: dict[str, set[tuple[str, str]]] = {
    "a notice's link leads to where one acts on it (a channel's settings: the account page)": {
        ("notices", "accounts:account"),
        ("notices", "committee:clarification"),
        ("notices", "schedule:criterion"),
        ("notices", "scoring:mine"),
        ("notices", "scoring:ties"),
        ("notices", "stages:stage"),
        ("notices", "submissions:criterion"),
        ("notices", "submissions:home"),
    },
    "the navigation: a page's way back to, or on to, another package's page (the menu, the admin's breadcrumbs, "
    "central's dashboard and its way on to each stage of the year, the landing page)": {
        ("committee", "admin:index"),
        ("ops", "admin:index"),
        ("schedule", "awards:results"),
        ("schedule", "builder:contest_builder"),
        ("schedule", "builder:contest_open"),
        ("schedule", "ops:year_on_year"),
        ("schedule", "panel:judging_deadline"),
        ("schedule", "panel:manage"),
        ("rubrics", "builder:contest_builder"),
        ("rubrics", "schedule:criterion"),
        ("rubrics", "schedule:dashboard"),
        ("rubrics", "schedule:deadline_letter"),
        ("scoring", "admin:committee_matrix"),
        ("scoring", "awards:results"),
        ("scoring", "schedule:dashboard"),
        ("scoring", "submissions:home"),
        ("stages", "submissions:unit"),
        ("submissions", "login"),
        ("submissions", "ops:year_on_year_province"),
        ("submissions", "portal_nav"),
        ("submissions", "verify:index"),
    },
    "a page links to where one acts on what it shows (the late list, a question, a judge's next cell, a stage's "
    "file sent through the upload API)": {
        ("schedule", "admin:committee_next"),
        ("schedule", "submissions:criterion"),
        ("schedule", "submissions:unit"),
        ("stages", "api-uploads"),
        ("submissions", "committee:clarification"),
        ("submissions", "committee:clarification_answer"),
    },
}
ALLOWED = {tie for ties in UPWARD.values() for tie in ties}


def _floors() -> dict[str, int]:
    """Each package's floor, from pyproject.toml's `layers` contract (listed top first): higher is higher."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["id"] == "layers")["layers"]
    return {name.strip(): len(layers) - n for n, layer in enumerate(layers) for name in re.split(r"[:|]", layer)}


FLOORS = _floors()


def _ours(dotted: str) -> str | None:
    """The package of ours a dotted path lies in, or None for Django's and third parties'."""
    top = dotted.split(".")[0]
    return top if top in PACKAGES else None


def _model_package(model) -> str | None:
    """The package a model belongs to: its app's, or for a third party's app the package whose AppConfig installs
    it (knox and axes: cdd4.apps)."""
    config = model._meta.app_config
    return _ours(config.name) or _ours(type(config).__module__)


def _module_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


@cache
def _trees() -> tuple[tuple[Path, str, ast.AST], ...]:
    """Every module of ours (migrations left out): its path, its dotted name, its syntax tree."""
    return tuple((path, _module_of(path), ast.parse(path.read_text(encoding="utf-8"))) for path in sources())


# --- What each name belongs to ---------------------------------------------------------------------------------


def _view_package(callback) -> str | None:
    """The package whose code a URL runs: a ModelAdmin's own pages are its model's package's, any other view its
    module's; None for Django's and third parties' views."""
    model_admin = getattr(callback, "model_admin", None)
    if model_admin is not None:
        return _model_package(model_admin.model)
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or inspect.unwrap(callback)
    return _ours(getattr(view, "__module__", "") or "")


@cache
def _url_names() -> dict[str, str | None]:
    """Each URL name as reverse() takes it ("namespace:name"), and each namespace ("namespace:"), with the package
    it belongs to: the package whose code its view is, or for Django's and third parties' views the package whose
    URLconf serves them (the admin site's own pages: cdd4's); None when that is Django's too (i18n)."""
    owners: dict[str, str | None] = {}

    def walk(resolver: URLResolver, prefix: str, package: str | None) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                module = pattern.urlconf_module
                inner = package if isinstance(module, list | tuple) else _ours(module.__name__)
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                if pattern.namespace:
                    owners.setdefault(namespace, inner)
                walk(pattern, namespace, inner)
            elif pattern.name:
                owners.setdefault(prefix + pattern.name, _view_package(pattern.callback) or package)

    walk(get_resolver(), "", "cdd4")
    return owners


def _libraries() -> dict[str, str | None]:
    """Each tag library's name in `{% load %}` and the package that holds it."""
    return {name: _ours(module) for name, module in engines["django"].engine.libraries.items()}


@cache
def _task_names() -> dict[str, str]:
    """Each Celery task's registered name and the package that defines it (`@shared_task(name=…)`, or
    Celery's default, the module and function)."""
    found = {}
    for _, module, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for decorator in node.decorator_list:
                call = decorator if isinstance(decorator, ast.Call) else None
                func = call.func if call else decorator
                if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) not in {
                    "shared_task",
                    "task",
                }:
                    continue
                named = [k.value.value for k in (call.keywords if call else []) if k.arg == "name"]
                found[named[0] if named else f"{module}.{node.name}"] = module.split(".")[0]
    return found


# --- Where each is named ----------------------------------------------------------------------------------------


def _templates() -> list[tuple[Path, str]]:
    """Every template of ours and the package whose views render it: templates/<package>/…, the admin's
    templates/admin/<app label>/… its app's, <package>/…/templates/… its package's; the rest (the base, the
    error pages, the admin site's own) the project's, cdd4."""
    found = []
    for path in sorted(ROOT.glob("templates/**/*")):
        if not path.is_file():
            continue
        parts = path.relative_to(ROOT / "templates").parts
        package = parts[0] if parts[0] in PACKAGES else "cdd4"
        config = next((c for c in apps.get_app_configs() if c.label == parts[1]), None) if len(parts) > 2 else None
        if parts[0] == "admin" and config is not None:
            package = _ours(config.name) or _ours(type(config).__module__) or "cdd4"
        found.append((path, package))
    for package in PACKAGES:
        for path in sorted((ROOT / package).glob("**/templates/**/*")):
            if path.is_file():
                found.append((path, package))
    return found


LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")
URL_TAG = re.compile(r"""{%\s*url\s+(["'])([^"']+)\1""")
REVERSING = {"reverse", "reverse_lazy", "redirect", "resolve_url"}
URL_KEYWORDS = {"pattern_name", "url_name"}


def _literal_url_name(node: ast.expr) -> str | None:
    """A URL name written in the call: "ns:name", or an f-string's namespace ("ns:") when only that is written."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        head = str(node.values[0].value)
        return head[: head.rindex(":") + 1] if ":" in head else None
    return None


def _python_ties() -> list[tuple[str, str, str, str]]:
    """(where, its package, kind, name) for every URL name reversed and every string that names a task."""
    tasks = _task_names()
    found = []
    for path, module, tree in _trees():
        package, relative = module.split(".")[0], path.relative_to(ROOT)  # once a module, not once a node
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                named = [node.args[0]] if called in REVERSING and node.args else []
                named += [k.value for k in node.keywords if k.arg in URL_KEYWORDS]
                for arg in named:
                    name = _literal_url_name(arg)
                    if name is not None and "/" not in name:
                        found.append((f"{relative}:{node.lineno}", package, "url", name))
            elif isinstance(node, ast.Constant) and node.value in tasks:
                found.append((f"{relative}:{node.lineno}", package, "task", node.value))
    return found


def _template_ties() -> list[tuple[str, str, str, str]]:
    """(where, its package, kind, name) for every library a template loads and every URL name it reverses."""
    found = []
    for path, package in _templates():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            for load in LOAD.findall(line):
                words = load.split()
                for library in words[words.index("from") + 1 :] if "from" in words else words:
                    found.append((where, package, "library", library))
            for _, name in URL_TAG.findall(line):
                found.append((where, package, "url", name))
    return found


def _owner(kind: str, name: str, urls, libraries, tasks) -> tuple[bool, str | None]:
    """(whether the name is known, the package it belongs to: None for Django's and third parties')."""
    if kind == "library":
        return name in libraries, libraries.get(name)
    if kind == "task":
        return True, tasks[name]
    return name in urls, urls.get(name)


def _upward(ties) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    """The ties that point up (not in UPWARD), the names no URLconf or library declares, and the UPWARD entries
    used."""
    urls, libraries, tasks = _url_names(), _libraries(), _task_names()
    up, unknown, allowed = [], [], set()
    for where, package, kind, name in ties:
        known, owner = _owner(kind, name, urls, libraries, tasks)
        if not known:
            unknown.append(f"{where}: {kind} {name}")
        elif owner is not None and FLOORS[owner] > FLOORS[package]:
            if (package, name) in ALLOWED:
                allowed.add((package, name))
            else:
                up.append(f"{where}: {package} names {kind} {name} of {owner}, above it")
    return up, unknown, allowed


@pytest.fixture(scope="module")
def ties():
    return _python_ties() + _template_ties()


@pytest.fixture(scope="module")
def upward(ties):
    return _upward(ties)


def test_every_name_that_ties_two_packages_points_down(upward):
    up, _, _ = upward
    assert up == []


def test_every_url_name_and_tag_library_named_is_declared(upward):
    # A name no URLconf or library declares fails at its first render; here, before one.
    _, unknown, _ = upward
    assert unknown == []


def test_each_upward_tie_allowed_is_still_there(upward):
    _, _, allowed = upward
    assert ALLOWED - allowed == set()


# Admins registered away from their models, each with its reason; each still registered there.
ELSEWHERE = {
    "people.Conflict": "a conflict is recorded through committee's services (conflict_set): people, below the"
    " lock, holds only the table the lock reads",
}


def _admins_elsewhere() -> dict[str, str]:
    """Each model whose admin is registered outside its package (Django's and third parties' models installed by a
    package of ours, knox's and axes' by cdd4.apps, are that package's), and where. An admin is known by its class's
    module: Django's plain ModelAdmin names none of ours, so each of our admins is a class of its own."""
    return {
        model._meta.label: f"{model._meta.label} ({owner}) registered in {type(model_admin).__module__}"
        for model, model_admin in admin.site._registry.items()
        if (owner := _model_package(model)) is not None and _ours(type(model_admin).__module__) != owner
    }


def test_each_admin_lives_beside_its_models():
    assert [where for label, where in _admins_elsewhere().items() if label not in ELSEWHERE] == []


def test_each_admin_allowed_elsewhere_is_still_there():
    assert set(ELSEWHERE) - set(_admins_elsewhere()) == set()


def test_the_guard_reads_every_kind_of_tie(ties):
    # Each reading finds something, so a reading that breaks (a moved setting, a changed tag syntax) cannot pass
    # by finding nothing.
    assert {kind for _, _, kind, _ in ties} == {"url", "library", "task"}
    assert admin.site._registry
