"""The documents table tells a draft from an issued document: a finished draft is "ฉบับร่าง", never "เสร็จแล้ว"
as if it were final."""

import re

import pytest
from django.urls import reverse

from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from awards.selectors import standings_version
from awards.views import status_data

pytestmark = pytest.mark.django_db


def _done(rubric, kind, key):
    return GeneratedDocument.objects.create(
        rubric=rubric, kind=kind, source_key=key, version=1, status=DocumentStatus.DONE
    )


def test_a_finished_draft_is_labelled_a_draft_and_an_issued_one_final(client, central_user, final_standings):
    draft = _done(final_standings, DocumentKind.RESULTS, "s0-g0-c0-d")
    issued = _done(final_standings, DocumentKind.ANNOUNCEMENT, standings_version(final_standings))
    client.force_login(central_user)
    html = client.get(reverse("awards:results", args=[2566])).content.decode()
    states = re.findall(r'<span class="state ?([a-z]*)">([^<]*)</span>', html)
    assert sorted(states) == [("draft", "ฉบับร่าง"), ("final", "ฉบับจริง ออกแล้ว")]
    assert "เสร็จแล้ว" not in html
    assert (status_data(draft)["status_label"], status_data(draft)["draft"]) == ("ฉบับร่าง", True)
    assert status_data(issued)["status_label"] == "ฉบับจริง ออกแล้ว"
