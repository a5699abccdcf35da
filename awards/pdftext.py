"""A text layer that reads back as the Thai that was typed, in every PDF reader.

Most readers (pdf.js, pypdf, pdfminer, MuPDF) take a PDF's text glyph by glyph, in drawing order, from
the font's ToUnicode map; poppler and PDFium also honour /ActualText (ISO 32000-1, 14.9.4). So each
glyph must read as the character it draws, and glyphs must be drawn in the order they were typed:

- WeasyPrint maps a glyph to the first text it saw it drawn for (the sara aa glyph could read "ำ"); we
  map each glyph to the one character the font's cmap gives it, so ำ, drawn as NIKHAHIT + SARA AA,
  reads "ํา", which NFKC (and every reader's search) takes as ำ.
- Laksaman's shifted tone marks and vowels have private-use code points only; they read as the
  standard character their names say (`_drawn`).
- HarfBuzz and the font's GSUB draw some marks out of typed order; they are put back (`_marks_in_typed_order`).

Each drawn line is then wrapped in a marked-content span whose /ActualText is exactly the text its
glyphs read as. It adds no text: poppler takes the line as one piece (without it, it starts a new word
at every raised mark and its layout mode printed "ทีม\\n่ ี" for "ที่มี"), and MuPDF, which matches
/ActualText against the glyphs, finds nothing to replace (a span holding ำ where the glyphs read ํ + า
made it repeat the rest of the line). The span sits inside the text object, nested in the /Span MCID
of a tagged PDF, which the standard allows. HTML and SVG text both go through `draw_first_line`.
Written against WeasyPrint 70's `draw_first_line` (pinned).
"""

from __future__ import annotations

import unicodedata
from io import BytesIO

import pydyf
from fontTools import agl
from fontTools.ttLib import TTFont
from weasyprint.draw import text as weasy_text
from weasyprint.text.ffi import ffi, pango

_original = weasy_text.draw_first_line
_own_chars: dict[str, dict[int, str]] = {}  # font hash → {glyph id: the one character the glyph draws}


def _private(text: str) -> bool:
    return any(unicodedata.category(c) == "Co" for c in text)


def _glyph_chars(font) -> dict[int, str]:
    if font.hash not in _own_chars:
        _own_chars[font.hash] = glyph_chars(TTFont(BytesIO(font.file_content), fontNumber=font.index, lazy=True))
    return _own_chars[font.hash]


def glyph_chars(ttf: TTFont) -> dict[int, str]:
    """{glyph id: the one standard character it draws} for every glyph the font's cmap reaches."""
    own: dict[int, str] = {}
    # Later entries win: private-use code points first, then standard ones from the highest down,
    # so a glyph reads as its lowest standard code point.
    for code, name in sorted(ttf.getBestCmap().items(), key=lambda item: (not _private(chr(item[0])), -item[0])):
        own[ttf.getGlyphID(name)] = _drawn(chr(code), name)
    return own


def _drawn(char: str, name: str) -> str:
    """The standard character a glyph draws. Laksaman, like the Windows Thai fonts, gives its shifted
    tone marks and vowels and its descenderless ญ ฐ private-use code points only (U+F700–U+F71A, e.g.
    U+F70A "uni0E48.low", mai ek lowered); HarfBuzz reaches them through GSUB. Their names follow the
    Adobe Glyph List specification, which fontTools reads: "uni0E48.low" draws U+0E48. (GSUB cannot
    say it: the font also swaps sara u and a tone mark by substitution, so its lookups run both ways.)"""
    if not _private(char):
        return char
    named = agl.toUnicode(name)
    return named if named and not _private(named) else char


def _runs(stream, line):
    """(WeasyPrint font, Pango glyph item) for each run of a laid-out line."""
    run = line.runs[0]
    while run != ffi.NULL:
        item, run = run.data, run.next
        yield stream.add_font(item.item.analysis.font)[0], item


def _plain_text(stream, textbox) -> None:
    """Before the first line is drawn: each glyph reads as the one character it draws, marks in typed order."""
    # WeasyPrint's first step, which lays the text out anew; done first, it leaves our glyphs as they are.
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    for font, item in _runs(stream, line):
        own = _glyph_chars(font)
        if not item.item.analysis.level % 2:  # left to right, as Thai is
            _marks_in_typed_order(item.glyphs, utf8[item.item.offset : item.item.offset + item.item.length], own)
        for info in item.glyphs.glyphs[0 : item.glyphs.num_glyphs]:
            if info.glyph in own:
                font.to_unicode[info.glyph] = own[info.glyph]


def _marks_in_typed_order(glyph_string, utf8: bytes, own: dict[int, str]) -> None:
    """HarfBuzz draws some marks out of typed order: it moves the nikhahit of ำ in front of a tone mark
    (น้ำ is drawn น ํ ้ า), and Laksaman's GSUB swaps sara u and thanthakhat (ธุ์ is drawn ธ ์ ุ). Each run
    of zero-width glyphs is put back in typed order; having no width, each is still drawn where it was."""
    glyphs, count, start = glyph_string.glyphs, glyph_string.num_glyphs, 0
    while start < count:
        end = start
        while end < count and glyphs[end].geometry.width == 0:
            end += 1
        if end - start > 1:
            _typed_order(glyph_string, start, end, utf8, own)
        start = end + 1


def _typed_order(glyph_string, start: int, end: int, utf8: bytes, own: dict[int, str]) -> None:
    glyphs, clusters = glyph_string.glyphs, glyph_string.log_clusters
    run = range(start, end)
    # The text these glyphs came from: their clusters (byte offsets), up to the next cluster after them.
    last = max(clusters[i] for i in run)
    after = min((clusters[i] for i in range(end, glyph_string.num_glyphs) if clusters[i] > last), default=len(utf8))
    typed = unicodedata.normalize("NFKD", utf8[min(clusters[i] for i in run) : after].decode())  # ำ is ํ + า
    drawn = [(glyphs[i].glyph, glyphs[i].geometry.x_offset, glyphs[i].geometry.y_offset) for i in run]
    if not all(own.get(glyph) and own[glyph] in typed for glyph, _, _ in drawn):
        return  # a glyph that is not one typed character: leave the run as HarfBuzz drew it
    for i, (glyph, x_offset, y_offset) in zip(run, sorted(drawn, key=lambda g: typed.index(own[g[0]])), strict=True):
        glyphs[i].glyph, glyphs[i].geometry.x_offset, glyphs[i].geometry.y_offset = glyph, x_offset, y_offset


def _read_as(stream, line) -> str:
    """The text a reader takes from the glyphs of a drawn line: their ToUnicode entries, in drawing order."""
    return "".join(
        font.to_unicode.get(info.glyph, "")
        for font, item in _runs(stream, line)
        for info in item.glyphs.glyphs[0 : item.glyphs.num_glyphs]
        if info.glyph != pango.PANGO_GLYPH_EMPTY
    )


def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    if textbox.text.strip():  # WeasyPrint draws nothing otherwise (and needs no font for it)
        _plain_text(stream, textbox)
    start = len(stream.stream)
    emojis = _original(stream, textbox, text_overflow, block_ellipsis, matrix)
    if len(stream.stream) == start:  # nothing drawn: a blank line
        return emojis
    text = _read_as(stream, textbox.pango_layout.get_first_line()[0])
    if text.strip():
        # The span must open before the line's first operator, which only now is known to exist.
        span = pydyf.Dictionary({"ActualText": pydyf.String(text)})
        stream.stream.insert(start, b"/Span " + span.data + b" BDC")
        stream.stream.append(b"EMC")
    return emojis


def install() -> None:
    """Idempotent; `awards.documents` calls it on import, before anything is rendered."""
    weasy_text.draw_first_line = draw_first_line
