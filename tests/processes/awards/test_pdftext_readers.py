"""The text layer reads back exactly what the templates rendered, phrase by phrase, in every reader: poppler
(which honours /ActualText), pdf.js and pypdf (which take the text glyph by glyph)."""

import re
import subprocess

import pytest
from weasyprint import HTML
from weasyprint.draw import text as weasy_text

from awards import documents
from awards import pdftext as text_layer
from tests.awards.documents import KINDS, nfkc, phrases, private_use, pypdf_text, squash, unread
from tests.processes.awards.readers import pdfjs_text, pdftext

pytestmark = pytest.mark.django_db


# Readers that ignore /ActualText: all they have is each glyph's ToUnicode entry, in drawing order.
READERS = {"pdf.js": pdfjs_text, "pypdf": pypdf_text}


# The issue's acceptance phrases: each has SARA AM or stacked marks that a per-glyph map loses.
DONE_WHEN = ("สำนักงานพัฒนาชุมชนจังหวัด", "ที่มีผลการดำเนินงาน", "ประจำปี", "จำนวน", "หนึ่งหมื่นห้าพันบาทถ้วน")


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
