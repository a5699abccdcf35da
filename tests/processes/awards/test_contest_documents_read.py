"""A provincial office's contest gets documents in its own name, about its own entrants: as pdftotext reads
them."""

import unicodedata

import pytest

from awards import documents
from tests.awards.documents import squash
from tests.processes.awards.readers import pdftext


@pytest.mark.parametrize("kind", ["announcement", "results"])
def test_documents_speak_for_the_organising_office(district_contest, tmp_path, kind):
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(documents.write(documents.render(kind, district_contest)))
    text = squash(pdftext(path, "-raw"))

    def has(phrase: str) -> bool:  # pdftotext spells sara am as nikhahit + sara aa (NFKC)
        return squash(unicodedata.normalize("NFKC", phrase)) in text

    assert has("สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่")
    assert has("สำนักงานพัฒนาชุมชนอำเภอ ๒ อำเภอ")
    if kind == "results":  # the missions contest names no awardees, so the announcement lists none
        assert has("แม่ริม") and has("สันทราย")
    assert not has("๗๖ จังหวัด") and not has("กรมการพัฒนาชุมชนได้ดำเนิน")
