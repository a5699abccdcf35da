"""The text layer reads back exactly what the templates rendered: pdftotext -raw against the HTML, phrase by phrase."""

import unicodedata

import pytest

from .conftest import pdftext, phrases, unread

pytestmark = pytest.mark.django_db

# The issue's acceptance phrases: each has SARA AM or stacked marks that a per-glyph map loses.
DONE_WHEN = ("สำนักงานพัฒนาชุมชนจังหวัด", "ที่มีผลการดำเนินงาน", "ประจำปี", "จำนวน", "หนึ่งหมื่นห้าพันบาทถ้วน")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize("kind", ["announcement", "results", "certificates", "breakdown"])
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
