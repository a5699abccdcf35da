"""The text layer as the PDF's own objects and the fonts say it: each glyph's ToUnicode entry, the /ActualText
spans, the fonts' private-use forms. What the readers read back: tests/processes/awards/test_pdftext_readers.py."""

import re

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

from awards import documents
from awards import pdftext as text_layer
from tests.awards.documents import KINDS, nfkc, private_use, pypdf_text, squash

pytestmark = pytest.mark.django_db


def to_unicode_maps(path) -> dict[str, str]:
    from pyhanko.pdf_utils.reader import PdfFileReader

    with path.open("rb") as f:
        page = PdfFileReader(f).root["/Pages"]["/Kids"][0].get_object()
        fonts = page["/Resources"]["/Font"]
        found = (font.get_object() for font in fonts.values())
        return {str(font["/BaseFont"]): font["/ToUnicode"].get_object().data.decode().lower() for font in found}


def test_per_glyph_map_fallback_keeps_nikhahit_and_never_reads_sara_aa_as_sara_am(rendered):
    # For readers that ignore /ActualText: ำ copies as NIKHAHIT + SARA AA, which NFKC makes ำ again.
    assert nfkc("ำ") == "\u0e4d\u0e32"
    maps = to_unicode_maps(rendered.dir / "announcement.pdf")
    regular = next(cmap for name, cmap in maps.items() if name.endswith("+CDD-Laksaman"))
    assert "<0e4d>" in regular and "<0e32>" in regular
    assert [name for name, cmap in maps.items() if "<0e33>" in cmap] == []


def actual_texts(path) -> str:
    reader = PdfReader(path)
    return "".join(
        str(operands[1]["/ActualText"])
        for page in reader.pages
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator == b"BDC" and isinstance(operands[1], DictionaryObject) and "/ActualText" in operands[1]
    )


@pytest.mark.parametrize("kind", KINDS)
def test_actualtext_says_exactly_what_the_glyphs_read_as(rendered, kind):
    # MuPDF matches /ActualText against the glyphs and repeated the rest of a line where they differed
    # ("จำนวน นวน"); equal, a reader that honours it reads what one that ignores it reads.
    path = rendered.dir / f"{kind}.pdf"
    assert squash(actual_texts(path)) == squash(pypdf_text(path))


def test_no_glyph_in_any_document_maps_to_a_private_use_character(rendered):
    for kind in KINDS:
        cmaps = to_unicode_maps(rendered.dir / f"{kind}.pdf").values()
        blocks = [block for cmap in cmaps for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S)]
        values = [value for block in blocks for value in re.findall(r"<[0-9a-f]+>\s*<([0-9a-f]+)>", block)]
        assert len(values) > 60, kind
        assert private_use("".join(bytes.fromhex(v).decode("utf-16-be") for v in values)) == [], kind


# The Windows Thai private-use forms, as HarfBuzz's Thai fallback shaper maps them (hb-ot-shaper-thai.cc;
# documented in "Thai and Lao shaping in OpenType", n8willis/opentype-shaping-documents, "SD/SL/SDL/RD
# mappings", Windows column): code point → the standard character the shifted form draws.
WINDOWS_THAI_PUA = {
    **dict(zip(range(0xF70A, 0xF70F), "\u0e48\u0e49\u0e4a\u0e4b\u0e4c", strict=True)),  # SD: tone marks lowered
    **dict(zip(range(0xF718, 0xF71B), "\u0e38\u0e39\u0e3a", strict=True)),  # SD: below vowels lowered
    **dict(zip(range(0xF713, 0xF718), "\u0e48\u0e49\u0e4a\u0e4b\u0e4c", strict=True)),  # SL: tone marks left
    **dict(zip(range(0xF701, 0xF705), "\u0e34\u0e35\u0e36\u0e37", strict=True)),  # SL: above vowels left
    0xF710: "\u0e31",  # SL: mai han-akat left
    0xF711: "\u0e4d",  # SL: nikhahit left
    0xF712: "\u0e47",  # SL: mai taikhu left
    **dict(zip(range(0xF705, 0xF70A), "\u0e48\u0e49\u0e4a\u0e4b\u0e4c", strict=True)),  # SDL: lowered and left
    0xF70F: "\u0e0d",  # RD: yo ying without its descender
    0xF700: "\u0e10",  # RD: tho than without its descender
}


@pytest.mark.parametrize("name", ["Laksaman.ttf", "Laksaman-Bold.ttf"])
def test_the_fonts_private_use_glyphs_read_as_the_windows_thai_convention_says(name):
    ttf = TTFont(documents.FONT_DIR / name)
    cmap, own = ttf.getBestCmap(), text_layer.glyph_chars(ttf)
    assert len(WINDOWS_THAI_PUA) == 27  # U+F700–U+F71A, every one
    assert {code: own[ttf.getGlyphID(cmap[code])] for code in WINDOWS_THAI_PUA} == WINDOWS_THAI_PUA
    # The font's own further forms (U+F71B–U+F720, U+F880–U+F882) read as standard Thai too.
    assert [hex(code) for code, glyph in cmap.items() if private_use(own[ttf.getGlyphID(glyph)])] == []
