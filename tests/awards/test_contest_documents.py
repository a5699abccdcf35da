"""A provincial office's contest gets documents in its own name, about its own entrants."""

import json
import unicodedata

import pytest

from awards import documents
from rubrics import services
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory

from .conftest import pdftext, squash


@pytest.fixture
def district_contest(db, chiang_mai):
    d1, d2 = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="สันทราย")
    data = json.loads(open("rubrics/rubric_files/nongkhai-missions-2565.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "cm-missions-2565", "organiser": "50", "entrants": [d1.code, d2.code]}
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


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


def test_document_files_are_named_by_contest(district_contest, central_user):
    from awards import services as award_services

    doc = award_services.document_request(rubric=district_contest, kind="results", unit=None, user=central_user)
    assert doc.filename == "cm-missions-2565-results-all-v1.pdf"
