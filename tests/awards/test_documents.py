import pytest

from tests.awards.documents import outline, squash, tags

# Ordered with the database tests: transactional tests that run later empty the tables.
pytestmark = pytest.mark.django_db


def test_announcement_and_certificates_outline(rendered):
    announcement = outline((rendered.dir / "announcement.pdf").read_bytes())
    assert announcement == [(0, "ประกาศผลการคัดเลือก"), (1, "แผนที่แสดงจังหวัดที่ได้รับรางวัล")]
    certificates = outline((rendered.dir / "certificates.pdf").read_bytes())
    assert certificates == [(0, "ประกาศนียบัตร")] + [(1, f"สำนักงานพัฒนาชุมชนจังหวัด{name}") for name, _ in rendered.awardees]


def test_announcement_map_is_a_figure_with_thai_alternative_text(rendered):
    figures = [tag for tag in tags(rendered.dir / "announcement.pdf") if tag.type == "Figure"]
    assert [tag.alt for tag in figures] == ["แผนที่ประเทศไทยแสดงจังหวัดที่ได้รับรางวัล"]


def test_certificates_are_tagged_as_a_heading_per_entrant_and_paragraphs(rendered):
    found = tags(rendered.dir / "certificates.pdf")
    headings = [squash(tag.text) for tag in found if tag.type == "H1"]
    assert headings == [squash(f"สำนักงานพัฒนาชุมชนจังหวัด{name}") for name, _ in rendered.awardees]
    paragraphs = [squash(tag.text) for tag in found if tag.type == "P"]
    assert len(paragraphs) == 8 * 13
    first = [squash(line) for line in ("กรมการพัฒนาชุมชน", "ประกาศนียบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", "ได้รับรางวัลชนะเลิศ")]
    assert paragraphs[:3] == first
    assert paragraphs[3] == squash("ผลการดำเนินงานด้านเทคโนโลยีสารสนเทศดีเด่น โครงการพัฒนาชุมชนดิจิทัล ๔.๐ ประจำปี ๒๕๖๖")
    assert paragraphs[4].startswith(squash("ให้ไว้ ณ วันที่"))
    assert paragraphs[5:8] == [squash(line) for line in ("(นายสมชาย ใจดี)", "อธิบดีกรมการพัฒนาชุมชน", "เลขที่ ๒๕๖๖/๑")]
    # Every word is in a heading or a paragraph: none is left in a bare Div or Span.
    assert "".join(squash(tag.text) for tag in found if tag.type in ("H1", "P")) == squash(found[0].text)
