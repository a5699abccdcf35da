"""What a process keeps of the database between requests, under keys that change when the rows do (a rubric's
revision, the entrants' change marks): the least recently used entry goes first once there are too many. A page
that reads a few such entries never loses one it has just read (emptying the whole store when it was full did,
and the page then read the same rows again: one query more or less, depending on what ran before)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, V] = OrderedDict()

    def get(self, key: Hashable, make: Callable[[], V], *, fresh: bool = False) -> V:
        """The entry under `key`, made by `make()` when there is none (or when `fresh`)."""
        if not fresh:
            try:
                self._entries.move_to_end(key)
                return self._entries[key]
            except KeyError:  # never made, or dropped meanwhile by another thread
                pass
        value = self._entries[key] = make()
        while len(self._entries) > self.size:
            try:
                self._entries.popitem(last=False)
            except KeyError:  # emptied meanwhile by another thread
                break
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()
