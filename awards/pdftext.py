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

from io import BytesIO

import pydyf
from fontTools.ttLib import TTFont
from weasyprint.draw import text as weasy_text
from weasyprint.text.ffi import ffi

_original = weasy_text.draw_first_line
_own_chars: dict[str, dict[int, str]] = {}  # font hash → {glyph id: the one character the font maps to it}


def _glyph_chars(font) -> dict[int, str]:
    if font.hash not in _own_chars:
        ttf = TTFont(BytesIO(font.file_content), fontNumber=font.index, lazy=True)
        own: dict[int, str] = {}
        for code, name in sorted(ttf.getBestCmap().items(), reverse=True):  # the lowest code point wins
            own[ttf.getGlyphID(name)] = chr(code)
        _own_chars[font.hash] = own
    return _own_chars[font.hash]


def _plain_glyph_map(stream, line) -> None:
    """The fallback for readers that ignore /ActualText: each glyph the font maps from one character
    reads as that character, so ำ reads "ํา" (equal to ำ after NFKC) and า never reads "ำ"."""
    run = line.runs[0]
    while run != ffi.NULL:
        item, run = run.data, run.next
        font, _ = stream.add_font(item.item.analysis.font)
        own = _glyph_chars(font)
        for info in item.glyphs.glyphs[0 : item.glyphs.num_glyphs]:
            if info.glyph in own:
                font.to_unicode[info.glyph] = own[info.glyph]


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    start = len(stream.stream)
    emojis = _original(stream, textbox, text_overflow, block_ellipsis, matrix)
    if len(stream.stream) == start:  # nothing drawn: a blank line
        return emojis
    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    # What Pango laid out on the line just drawn (after any ellipsis or hyphen WeasyPrint added).
    text = utf8[line.start_index : line.start_index + line.length].decode()
    if text.strip():
        # The span must open before the line's first operator, which only now is known to exist.
        span = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        stream.stream.insert(start, b"/Span " + span.data + b" BDC")
        stream.stream.append(b"EMC")
    _plain_glyph_map(stream, line)
    return emojis


def install() -> None:
    """Idempotent; `awards.documents` calls it on import, before anything is rendered."""
    weasy_text.draw_first_line = draw_first_line
