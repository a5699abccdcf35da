"""The layers of docs/architecture.md hold: one floor per package, no circle held apart by an import inside a
function. The import-linter contracts and the folders' sizes, read by a process each:
tests/processes/test_layers.py."""

import ast
import re
import tomllib
from pathlib import Path

import grimp
import pytest

from tests.packages import PACKAGES

ROOT = Path(__file__).resolve().parents[1]


# Function-level imports of our own modules that are not a circle held apart, each with its reason. Anything
# else imported inside a function is either a circle (fixed at its cause: the code moved, or a hook) or belongs
# at the top of the module.
LAZY = {
    ("awards.services", "awards.documents"): "WeasyPrint loads only where a document is rendered (a worker)",
    ("core.openapi", "core.api"): "DRF's settings import this schema class while core.api loads them",
}


def _module_of(source: str, name: str) -> str:
    """`from source import name`: the module it loads, `source.name` when that is a module itself."""
    inner = ROOT.joinpath(*source.split("."), name)
    return f"{source}.{name}" if inner.with_suffix(".py").exists() or inner.is_dir() else source


def _function_imports(path: Path) -> list[tuple[str, str, int]]:
    """(the module, the module of ours it imports, line) for every import inside a function's body: not in an
    AppConfig's ready(), which imports what registers itself once the models are loaded."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                if not (path.name == "apps.py" and child.name == "ready"):
                    visit(child, True)
                continue
            if in_function and isinstance(child, ast.Import | ast.ImportFrom):
                if isinstance(child, ast.ImportFrom):
                    base = module.split(".")[: len(module.split(".")) - child.level + (path.name == "__init__.py")]
                    source = ".".join([*base, child.module or ""] if child.level else [child.module or ""]).strip(".")
                    targets = [_module_of(source, alias.name) for alias in child.names]
                else:
                    targets = [alias.name for alias in child.names]
                found.extend((module, t, child.lineno) for t in targets if t.split(".")[0] in PACKAGES)
            visit(child, in_function)

    visit(ast.parse(path.read_text()), False)
    return found


def _sources(package: str) -> list[Path]:
    # A migration's RunPython code imports inside its functions, as Django's migrations are written.
    return [p for p in sorted((ROOT / package).rglob("*.py")) if "migrations" not in p.parts]


def test_no_function_level_import_of_our_modules_but_the_listed_lazy_ones():
    found = [hit for package in PACKAGES for path in _sources(package) for hit in _function_imports(path)]
    unlisted = [
        f"{m} -> {t} (line {line})" for m, t, line in found if not any(t.startswith(b) for a, b in LAZY if a == m)
    ]
    assert unlisted == []
    assert {(m, t) for m, t, _ in found} == set(LAZY)  # each listed one still there: the list stays true


def test_the_layers_contract_names_whole_packages_and_ignores_nothing():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["id"] == "layers")
    named = [name.strip() for layer in layers["layers"] for name in re.split(r"[:|]", layer)]
    assert sorted(named) == sorted(PACKAGES)  # each package once, whole: no module of one named on its own
    assert "ignore_imports" not in layers


def _circles(graph) -> set[tuple[str, str]]:
    return {
        tuple(sorted((module, other)))
        for module in graph.modules
        for other in graph.find_modules_directly_imported_by(module)
        if other != module and graph.chain_exists(importer=other, imported=module)
    }


def test_no_circle_of_imports_between_our_modules():
    """Not even for annotations only (imports under TYPE_CHECKING counted)."""
    assert _circles(grimp.build_graph(*PACKAGES, cache_dir=None)) == set()


def _top_modules(package: str) -> set[str]:
    """The modules and subpackages directly inside a package, migrations left out: Django loads them by path, and
    none of our code imports one."""
    folder = ROOT / package
    files = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    packages = {p.parent.name for p in folder.glob("*/__init__.py")}
    return (files | packages) - {"migrations"}


def _inner_contracts() -> dict[str, set[str]]:
    """Each package with a layers contract of its own, and the modules its layers name."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return {
        contract["containers"][0]: {name.strip() for layer in contract["layers"] for name in re.split(r"[:|]", layer)}
        for contract in contracts
        if contract["type"] == "layers" and contract.get("containers")
    }


@pytest.mark.parametrize("package", sorted(_inner_contracts()))
def test_every_module_of_a_package_with_layers_is_in_one_of_them(package):
    # A module no layer names is free to import anything of its package, and to be imported by anything.
    assert _top_modules(package) - _inner_contracts()[package] == set()
