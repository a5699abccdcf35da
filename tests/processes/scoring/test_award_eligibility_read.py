"""An award place no one qualifies for is vacant, and the announcement, as pdftotext reads it, says so."""

from awards import documents
from tests.awards.documents import squash
from tests.processes.awards.readers import pdftext


def test_announcement_says_the_vacant_places(rubric, five_with_points, tmp_path):
    path = tmp_path / "announcement.pdf"
    path.write_bytes(documents.render("announcement", rubric).write_pdf())
    flat = squash(pdftext(path, "-raw"))
    assert squash("ส่วนที่เหลืออีก ๘ รางวัล ไม่มีผู้ได้รับรางวัล") in flat
