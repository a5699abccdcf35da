"""Stored file names (an Evidence's `stored_path`, a generated document's `file`) are only ever followed
inside the media folder.

A name comes from a database row, and a row can come from a crafted backup snapshot or a hand edit: one
naming `../../cdd4/settings.py` or `/etc/passwd` must never be served, zipped, copied or deleted. Every
reader asks `media_file` first; restore checks a snapshot's names with `resolve_under` before writing any.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


def resolve_under(root: Path, name: str) -> Path | None:
    """`root / name` with every `..` and symlink resolved, or None when that lands outside `root` (or on it)."""
    base = Path(root).resolve()
    try:
        path = (base / name).resolve() if name else base
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL byte: not a name we follow
        return None
    return path if path != base and path.is_relative_to(base) else None


def media_file(name: str) -> Path | None:
    """Where a stored file name points under MEDIA_ROOT, or None (logged) when it would leave the folder."""
    path = resolve_under(Path(settings.MEDIA_ROOT), name)
    if path is None:
        logger.warning("stored file name outside the media folder refused: %r", name)
    return path
