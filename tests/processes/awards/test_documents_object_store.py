"""Award documents in service mode's object store: the worker's PDF is kept in the S3 store, not on
its own disk, and central staff download it through a signed link, byte for byte."""

import urllib.request

from django.test import Client

from awards import services
from awards.models import DocumentStatus
from tests.awards.documents import _request


def test_a_rendered_document_is_kept_in_the_store_and_handed_out_by_a_signed_link(
    demo_standings, central_user, in_object_store, object_store, settings, django_capture_on_commit_callbacks
):
    doc = _request(demo_standings, django_capture_on_commit_callbacks)
    client = Client()
    client.force_login(central_user)

    answer = client.get(f"/awards/documents/{doc.pk}/download/")
    with urllib.request.urlopen(answer["Location"], timeout=10) as got:
        pdf, headers = got.read(), got.headers

    stored = object_store.objects(in_object_store["CDD4_S3_BUCKET"])
    assert (doc.status, list(stored)) == (DocumentStatus.DONE, [doc.file.name])
    assert not (settings.MEDIA_ROOT / doc.file.name).exists()
    assert answer.status_code == 302
    assert (pdf, headers["Content-Type"]) == (stored[doc.file.name], "application/pdf")
    assert pdf.startswith(b"%PDF-")
    assert headers["Content-Disposition"] == 'attachment; filename="cdd4-2566-results-all-v1.pdf"'
    assert services.document_render(document_id=doc.pk).file.name == doc.file.name  # again: the same object
