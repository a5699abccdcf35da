"""The text layer reads back exactly what the templates rendered, phrase by phrase, in every reader: poppler
(which honours /ActualText), pdf.js and pypdf (which take the text glyph by glyph)."""

import re
import subprocess
import unicodedata

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject
from weasyprint import HTML
from weasyprint.draw import text as weasy_text

from awards import documents
from awards import pdftext as text_layer

from .conftest import pdfjs_text, pdftext, phrases, pypdf_text, squash, unread

pytestmark = pytest.mark.django_db

KINDS = ["announcement", "results", "certificates", "breakdown"]
# Readers that ignore /ActualText: all they have is each glyph's ToUnicode entry, in drawing order.
READERS = {"pdf.js": pdfjs_text, "pypdf": pypdf_text}

# The issue's acceptance phrases: each has SARA AM or stacked marks that a per-glyph map loses.
DONE_WHEN = ("สำนักงานพัฒนาชุมชนจังหวัด", "ที่มีผลการดำเนินงาน", "ประจำปี", "จำนวน", "หนึ่งหมื่นห้าพันบาทถ้วน")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("kind", KINDS)
def test_every_rendered_phrase_reads_back_in_order(rendered, kind):
    html = rendered.html[kind]
    assert len(phrases(" ".join(html))) > 100, kind
    assert unread(pdftext(rendered.dir / f"{kind}.pdf", "-raw"), html) == []


def test_announcement_reads_back_the_phrases_of_the_issue(rendered):
    text = nfkc(pdftext(rendered.dir / "announcement.pdf", "-raw"))
    assert [p for p in DONE_WHEN if nfkc(p) not in text] == []
    assert text.count(nfkc("สำนักงานพัฒนาชุมชนจังหวัด")) >= 4


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("certificates", ("สำนักงานพัฒนาชุมชนจังหวัด", "ผลการดำเนินงาน", "ประจำปี")),
        ("results", ("สำนักงานพัฒนาชุมชนจังหวัด", "ประจำปี", "ลำดับเมื่อคะแนนรวมเท่ากัน")),
    ],
)
def test_certificates_and_results_read_back_sara_am(rendered, kind, expected):
    text = nfkc(pdftext(rendered.dir / f"{kind}.pdf", "-raw"))
    assert [p for p in expected if nfkc(p) not in text] == []
    assert "สานักงาน" not in text and "ประจาปี" not in text


def test_tone_marks_stay_on_their_consonant_in_layout_mode(rendered):
    # pdftotext's default (layout) mode placed a stacked mark by position: "ทีม\n่ ีผลการ" for "ที่มีผลการ".
    text = nfkc(pdftext(rendered.dir / "announcement.pdf"))
    assert nfkc("จังหวัดที่มีผลการ") in text
    assert nfkc("ดำเนินงานด้านเทคโนโลยีสารสนเทศดีเด่น") in text


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


def private_use(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if unicodedata.category(c) == "Co"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", KINDS)
def test_readers_without_actualtext_read_every_rendered_phrase(rendered, kind, reader):
    path = rendered.dir / f"{kind}.pdf"
    text = READERS[reader](path)
    assert unread(text, rendered.html[kind]) == []
    assert private_use(text) == []
    # The very letters poppler reads through /ActualText: nothing repeated, nothing lost.
    assert squash(text) == squash(pdftext(path, "-raw"))


@pytest.mark.parametrize("reader", READERS)
def test_readers_without_actualtext_find_the_issues_words_as_often_as_the_announcement_says_them(rendered, reader):
    said = squash(" ".join(phrases(" ".join(rendered.html["announcement"]))))
    text = squash(READERS[reader](rendered.dir / "announcement.pdf"))
    counts = {word: (text.count(squash(word)), said.count(squash(word))) for word in ("ได้", "ด้าน", *DONE_WHEN)}
    assert counts == {word: (n, n) for word, (_, n) in counts.items()}
    assert counts["ได้"][0] == 12 and counts["หนึ่งหมื่นห้าพันบาทถ้วน"][0] == 1


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


# Marks HarfBuzz or Laksaman's GSUB draw out of typed order (น้ำ, ค่ำ, ป่ำ: nikhahit moved before the tone
# mark; ธุ์: sara u and thanthakhat swapped), private-use forms (ได้: low mai tho; กตัญญู, ฐุ: no descender;
# ฎุ: sara u lowered), and marks placed by offsets (ปั้น, ที่มี).
TYPED = "น้ำ ค่ำ ป่ำ กาฬสินธุ์ ได้ กตัญญู ฐุ ฎุ ปั้น ที่มี"


def test_marks_read_in_typed_order_and_are_drawn_exactly_where_weasyprint_draws_them(tmp_path, monkeypatch):
    html = (
        f'<style>@font-face {{ font-family: L; src: url("{documents.FONTS["regular"]}"); }} p {{ font: 24pt L; }}'
        f'</style><p lang="th">{TYPED}</p>'
    )
    ours, plain = tmp_path / "ours.pdf", tmp_path / "plain.pdf"
    HTML(string=html).write_pdf(ours)
    monkeypatch.setattr(weasy_text, "draw_first_line", text_layer._original)  # WeasyPrint as it comes
    HTML(string=html).write_pdf(plain)
    for read in READERS.values():
        assert squash(read(ours)) == squash(TYPED)
        assert squash(read(plain)) != squash(TYPED)  # what readers got before
    for pdf in (ours, plain):
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", pdf, pdf.with_suffix("")], check=True)
    assert ours.with_suffix(".png").read_bytes() == plain.with_suffix(".png").read_bytes()


def test_the_breakdown_gives_each_reason_in_thai_digits(rendered):
    """One kind of digits per page: the rule engine writes its reasons with Arabic digits, the breakdown in Thai."""
    text = nfkc(pdftext(rendered.dir / "breakdown.pdf", "-raw"))
    reasons = [line for line in text.splitlines() if line.startswith("ผลการประเมิน:")]
    assert len(reasons) > 10
    assert [line for line in reasons if re.search("[0-9]", line)] == []
    assert any(re.search("[๐-๙]", line) for line in reasons)
