"""The award documents as poppler reads them: their text, fonts, pages and metadata (pdftotext, pdffonts,
pdfinfo)."""

import re
import subprocess

import pytest
from django.core.management import call_command

from awards import documents, selectors
from contests.models import Unit
from core import thai
from scoring.models import Standing
from tests.awards.documents import outline, squash
from tests.processes.awards.readers import pdffonts, pdfinfo, pdftext

# Ordered with the database tests: transactional tests that run later empty the tables.
pytestmark = pytest.mark.django_db


SHIPPED = {"CDD-Laksaman", "CDD-Laksaman-Bold,-Bold"}


def test_announcement_text_holds_awardees_amounts_and_be_date(rendered):
    flat = squash(pdftext(rendered.dir / "announcement.pdf", "-raw"))
    assert len(rendered.awardees) == 13
    for name, _ in rendered.awardees:
        assert squash(f"สำนักงานพัฒนาชุมชนจังหวัด{name}") in flat or squash(f"จังหวัด{name}") in flat
    for amount in ("๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)", "๑๐,๐๐๐ บาท (หนึ่งหมื่นบาทถ้วน)", "๕,๐๐๐ บาท (ห้าพันบาทถ้วน)"):
        assert squash(amount) in flat
    assert re.search(squash("ประกาศ ณ วันที่") + r"[๐-๙]{1,2}\D+" + squash("พ.ศ.") + "๒[๐-๙]{3}", flat)
    assert squash("ประกาศกรมการพัฒนาชุมชน") in flat


def test_documents_use_only_shipped_fonts_all_embedded(rendered):
    for name in ("announcement", "results", "certificates", "breakdown"):
        fonts = pdffonts(rendered.dir / f"{name}.pdf")
        assert {font for font, _ in fonts} == SHIPPED, name
        assert [emb for _, emb in fonts] == ["yes", "yes"], name


def test_results_table_has_76_rows_with_thai_page_numbers(rendered):
    text = pdftext(rendered.dir / "results.pdf", "-raw")  # content order: one table row per line
    names = {squash(n) for n in rendered.names_th}
    found = [re.match(r"\s*([๐-๙]+)\s+(\S+)", line) for line in text.splitlines()]
    rows = [squash(m.group(2)) for m in found if m and squash(m.group(2)) in names]
    assert len(rows) == 76
    assert set(rows) == names
    pages = int(
        subprocess.run(["pdfinfo", str(rendered.dir / "results.pdf")], capture_output=True, text=True)
        .stdout.split("Pages:")[1]
        .split()[0]
    )
    assert f"หน้า {thai.thai_digits(pages)}/{thai.thai_digits(pages)}" in text
    assert f"หน้า ๑/{thai.thai_digits(pages)}" in text


def test_certificates_one_landscape_page_per_awardee(rendered):
    info = subprocess.run(["pdfinfo", str(rendered.dir / "certificates.pdf")], capture_output=True, text=True).stdout
    assert "Pages:           13" in info
    assert "841.89 x 595.276 pts (A4)" in info
    text = pdftext(rendered.dir / "certificates.pdf", "-raw")
    pages = text.split("\f")
    for (name, _), page in zip(rendered.awardees, pages, strict=False):
        assert squash(f"สำนักงานพัฒนาชุมชนจังหวัด{name}") in squash(page)


def test_breakdown_matches_standings_api(demo_standings, central_user, api):
    api.force_authenticate(central_user)
    rows = api.get("/api/v1/years/2566/standings/").json()
    row = next(r for r in rows if r["province"] == "TH-50")
    result = Standing.objects.select_related("unit").get(rubric=demo_standings, unit__code="TH-50")
    blocks = selectors.unit_breakdown(demo_standings, result)
    assert {d.code: d.points for d in blocks} == row["dimensions"]
    assert {c.code: c.points for d in blocks for c in d.criteria} == row["criteria"]
    assert {c.code: c.explanation_th for d in blocks for c in d.criteria} == row["explanations"]
    pdf = documents.render("breakdown", demo_standings, Unit.objects.get(code="TH-50")).write_pdf()
    text = squash(subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True).stdout.decode())
    assert squash(f"คะแนนรวม {thai.points_text(row['total'])} จาก ๑๐๐ คะแนน") in text
    assert squash(f"อันดับที่ {thai.thai_digits(row['rank'])}") in text
    for code, explanation in row["explanations"].items():
        assert squash(thai.thai_digits(documents.printable(explanation))) in text, code  # a Thai page's digits


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("announcement", "ประกาศผลการคัดเลือก"),
        ("results", "ตารางผลคะแนน"),
        ("certificates", "ประกาศนียบัตร"),
        ("breakdown", "คะแนนรายจังหวัด จังหวัดเชียงใหม่"),
    ],
)
def test_every_document_is_pdfa_3a_tagged_with_thai_metadata(rendered, kind, title):
    from pyhanko.pdf_utils.reader import PdfFileReader

    path = rendered.dir / f"{kind}.pdf"
    info = pdfinfo(path)
    assert f"Title:           {title} โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖\n" in info
    assert f"Subject:         {documents.SUBJECT} โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖\n" in info
    assert "Author:          กรมการพัฒนาชุมชน\n" in info
    assert "Tagged:          yes\n" in info
    assert "PDF version:     1.7\n" in info
    assert 'pdfaid:part="3" pdfaid:conformance="A"' in pdfinfo(path, "-meta")
    with path.open("rb") as f:
        root = PdfFileReader(f).root
        assert (str(root["/Lang"]), bool(root["/MarkInfo"]["/Marked"]), "/StructTreeRoot" in root) == ("th", True, True)


def test_export_set_has_one_bookmark_per_section_and_province(demo_standings, tmp_path):
    out = tmp_path / "set.pdf"
    call_command("export_results", "--year", "2566", "--out", str(out), "--province", "TH-50")
    assert outline(out.read_bytes())[:5] == [
        (0, "ประกาศผลการคัดเลือก"),
        (1, "แผนที่แสดงจังหวัดที่ได้รับรางวัล"),
        (0, "ตารางผลคะแนน"),
        (0, "คะแนนรายจังหวัด"),
        (1, "จังหวัดเชียงใหม่"),
    ]
    assert outline(out.read_bytes())[5:7] == [(0, "ประกาศนียบัตร"), (1, "สำนักงานพัฒนาชุมชนจังหวัดนครราชสีมา")]
    assert "Title:           ประกาศผลการคัดเลือก ตารางผลคะแนน คะแนนรายจังหวัด จังหวัดเชียงใหม่ ประกาศนียบัตร" in pdfinfo(out)


def test_breakdown_shows_recorded_data_by_label_with_thai_dates(demo_standings):
    from scoring.facts.imports import fact_set

    unit = Unit.objects.get(code="TH-50")
    fact_set(rubric=demo_standings, unit=unit, criterion_code="4.1.2", name="sent_at", value="21/05/2566 17:30")
    pdf = documents.render("breakdown", demo_standings, unit).write_pdf()
    text = squash(subprocess.run(["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True).stdout.decode())
    assert squash("วันเวลาที่ส่งเอกสารและคลิปวีดิทัศน์: ๒๑ พ.ค. ๒๕๖๖ 17:30 น.") in text
    assert "sent_at" not in text and "2023-05-21" not in text
    assert "computers_total" not in text and "households_target" not in text
