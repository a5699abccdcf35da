"""The PDF readers the documents are read back with, each a process of its own: poppler's pdftotext,
pdffonts, pdfinfo and pdftoppm, pdf.js under node, and zbar for the QR codes."""

import subprocess
from pathlib import Path

import pytest


def pdftext(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


PDFJS = Path(__file__).resolve().parents[2] / "pdfjs"


def pdfjs_text(path: Path) -> str:
    """The text pdf.js (Firefox's viewer) takes from a PDF, pages split by form feeds."""
    if not (PDFJS / "node_modules" / "pdfjs-dist").is_dir():
        pytest.fail("pdf.js is not installed: `npm ci --prefix tests/pdfjs` (make test does it)")
    script = str(PDFJS / "text.mjs")
    return subprocess.run(["node", script, str(path)], capture_output=True, text=True, check=True).stdout


def pdffonts(path: Path) -> list[tuple[str, str]]:
    """(font name without the subset prefix, embedded yes/no) per font."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(row[0].split("+", 1)[-1], row[-5]) for row in rows]


def pdfinfo(path: Path, *args: str) -> str:
    return subprocess.run(["pdfinfo", *args, str(path)], capture_output=True, text=True, check=True).stdout
