"""A criterion's number as the contest's document gives it is printed in the PDF breakdown, as pdftotext reads it."""

import unicodedata

from awards import documents
from tests.awards.documents import squash
from tests.processes.awards.readers import pdftext


def test_the_pdf_breakdown_prints_the_documents_number(missions, tmp_path):
    rubric, d1 = missions
    path = tmp_path / "breakdown.pdf"
    path.write_bytes(documents.write(documents.render("breakdown", rubric, d1)))
    text = squash(pdftext(path, "-raw"))
    name = squash(unicodedata.normalize("NFKC", "ครัวเรือนตกเกณฑ์มิติด้านรายได้"))
    assert squash("๒.๒.๑") + name in text
    assert squash("๑.๒.๒.๑") not in text
