"""A text layer that reads back as the Thai that was drawn: an `/ActualText` span around every drawn line.

WeasyPrint writes one ToUnicode entry per glyph, the first text it saw that glyph for. HarfBuzz draws
SARA AM (ำ) as two glyphs, NIKHAHIT + SARA AA, and moves the nikhahit in front of a tone mark, so no
per-glyph map can be right: the sara aa glyph is "า" in one word and half of "ำ" in the next, the
nikhahit is nothing on its own, and marks come back in drawing order rather than reading order.
PDF's answer is a marked-content span whose /ActualText replaces the text of every glyph inside it
(ISO 32000-1, 14.9.4); poppler's pdftotext honours it (tests/awards/test_pdftext.py). We wrap each
line WeasyPrint draws (HTML text and SVG text both go through `draw_first_line`) with the exact string
Pango laid out for it. The span sits inside the text object, nested in the /Span MCID of a tagged
PDF, which the standard allows. Written against WeasyPrint 70's `draw_first_line` (pinned).
"""

from __future__ import annotations

import pydyf
from weasyprint.draw import text as weasy_text

_original = weasy_text.draw_first_line


def _line_text(textbox) -> str:
    """What Pango laid out on the line just drawn (after any ellipsis or hyphen WeasyPrint added)."""
    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    return utf8[line.start_index : line.start_index + line.length].decode()


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    start = len(stream.stream)
    emojis = _original(stream, textbox, text_overflow, block_ellipsis, matrix)
    if len(stream.stream) == start:  # nothing drawn: a blank line
        return emojis
    text = _line_text(textbox)
    if text.strip():
        # The span must open before the line's first operator, which only now is known to exist.
        span = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        stream.stream.insert(start, b"/Span " + span.data + b" BDC")
        stream.stream.append(b"EMC")
    return emojis


def install() -> None:
    """Idempotent; `awards.documents` calls it on import, before anything is rendered."""
    weasy_text.draw_first_line = draw_first_line
