"""A lower app's extension point: upper apps register functions in their AppConfig.ready(), the lower
app calls them. So data flows up the layers while every import still points down (docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Hook:
    """An ordered set of functions; calling the hook calls each with the same arguments."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._functions: list[Callable[..., Any]] = []

    def register(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """Adds `function` once (ready() may run twice in tests); usable as a decorator."""
        if function not in self._functions:
            self._functions.append(function)
        return function

    def __call__(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [function(*args, **kwargs) for function in self._functions]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._functions)}>"
