"""A small reader of gettext .po files, enough for the catalogue checks (tests/test_locale.py).

An entry is keyed by (msgctxt, msgid); obsolete entries (`#~`) are read apart so a check can see them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    plurals: dict[int, str] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # "# …" translator comments and "#, flags" lines
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return self.msgctxt, self.msgid

    @property
    def fuzzy(self) -> bool:
        return any(c.startswith("#,") and "fuzzy" in c for c in self.comments)

    @property
    def translated(self) -> bool:
        if self.msgid_plural is not None:
            return bool(self.plurals) and all(self.plurals.values())
        return bool(self.msgstr)


def _unquote(text: str) -> str:
    return ast.literal_eval(text)


def _entry(block: list[str]) -> Entry:
    entry = Entry(msgid="")
    last = ""
    for raw in block:
        entry.obsolete = entry.obsolete or raw.startswith("#~")
        line = raw[2:].strip() if raw.startswith("#~") else raw.strip()
        if line.startswith("#"):
            entry.comments.append(line)
            continue
        if line.startswith('"'):
            keyword, value = last, _unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            value, last = _unquote(rest.strip()), keyword
            if keyword.startswith("msgstr["):
                entry.plurals[int(keyword[7:-1])] = ""
            elif keyword in ("msgctxt", "msgid_plural"):
                setattr(entry, keyword, "")
        if keyword.startswith("msgstr["):
            entry.plurals[int(keyword[7:-1])] += value
        else:
            setattr(entry, keyword, getattr(entry, keyword) + value)
    return entry


def header_done(header: list[str]) -> bool:
    return any(line.startswith('msgid ""') for block in header for line in block.splitlines())


def read(path: Path) -> tuple[str, list[Entry]]:
    """The header (the comments and the empty msgid's block, as written) and the entries, in file order."""
    blocks = [b.splitlines() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    header: list[str] = []
    entries: list[Entry] = []
    for block in blocks:
        msgids = [line for line in block if line.startswith("msgid")]
        if not entries and (not msgids or (msgids[0] == 'msgid ""' and not header_done(header))):
            header.append("\n".join(block))
            continue
        entries.append(_entry(block))
    return "\n\n".join(header), entries
