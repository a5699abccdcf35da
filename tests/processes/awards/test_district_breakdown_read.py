"""POST /api/v1/years/<contest>/documents/: a district contest's breakdown for one of its districts is queued,
rendered and downloadable as a real PDF, which pdftotext reads back."""

import pytest

from awards.models import DocumentStatus
from tests.awards.documents import squash
from tests.awards.test_api import URL
from tests.processes.awards.readers import pdftext


@pytest.mark.parametrize("who", ["organiser", "central"])
def test_district_breakdown_is_rendered_end_to_end(
    who, contest, districts, organiser, central_user, api, tmp_path, django_capture_on_commit_callbacks
):
    api.force_authenticate(organiser if who == "organiser" else central_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = api.post(URL, {"kind": "breakdown", "province": districts[0].code}, format="json")
    status = api.get(f"/api/v1/documents/{response.json()['id']}/").json()
    pdf = api.get(f"/api/v1/documents/{response.json()['id']}/file")

    assert response.status_code == 202
    assert (status["kind"], status["scope"], status["status"], status["error"]) == (
        "breakdown",
        districts[0].code,
        DocumentStatus.DONE,
        "",
    )
    assert pdf.status_code == 200
    (tmp_path / "b.pdf").write_bytes(b"".join(pdf.streaming_content))
    text = squash(pdftext(tmp_path / "b.pdf", "-raw"))
    assert squash("แม่ริม") in text
    assert squash("สันทราย") not in text
