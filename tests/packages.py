"""The project's own packages, as pyproject.toml's import contract lists them (`[tool.importlinter]
root_packages`): every guard that walks the source reads them here, so a package added to the contract is walked
by every guard at once, and none is skipped by a list of its own."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES: tuple[str, ...] = tuple(
    tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["root_packages"]
)


def sources(*packages: str) -> list[Path]:
    """Every module of these packages (all of them when none is named), migrations left out."""
    return [
        path
        for package in packages or PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    ]
