"""The documents table tells a draft from an issued document: a finished draft is "ฉบับร่าง", never "เสร็จแล้ว"
as if it were final."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from awards.selectors import standings_version
from awards.views import status_data
from contests.models import Unit

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


def test_an_issued_document_of_other_results_is_offered_as_replaced_not_as_issued(
    client, central_user, final_standings
):
    _done(final_standings, DocumentKind.RESULTS, "s1-g0-c0-f20240101T000000000000")  # frozen before, withdrawn
    _done(final_standings, DocumentKind.ANNOUNCEMENT, standings_version(final_standings))
    client.force_login(central_user)
    html = client.get(reverse("awards:results", args=[2566])).content.decode()
    states = re.findall(r'<span class="state ?([a-z]*)">([^<]*)</span>', html)
    assert sorted(states) == [("final", "ฉบับจริง ออกแล้ว"), ("replaced", "ผลเปลี่ยนไปแล้ว ฉบับนี้ถูกแทนที่ กรุณาจัดทำใหม่")]


def test_asking_for_a_document_says_its_version_in_thai_digits(client, central_user, rubric):
    GeneratedDocument.objects.create(rubric=rubric, kind=DocumentKind.RESULTS, source_key="older", version=11)
    client.force_login(central_user)
    response = client.post(reverse("awards:document_create", args=[2566]), {"kind": "results"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["ตารางผลคะแนน ฉบับที่ ๑๒: รอคิว"]
    admin = client.get("/admin/awards/generateddocument/").content.decode()
    assert re.findall(r'<td class="field-version_shown">([^<]*)</td>', admin) == ["๑๒", "๑๑"]


def _certificates(rubric, units) -> GeneratedDocument:
    combined = _done(rubric, DocumentKind.CERTIFICATES, "k")
    for n, unit in enumerate(units):
        GeneratedDocument.objects.create(
            rubric=rubric, kind=DocumentKind.CERTIFICATES, unit=unit, scope=unit.code, source_key="k", version=1,
            status=DocumentStatus.DONE if n else DocumentStatus.PENDING, combined=combined,
        )  # fmt: skip
    return combined


def test_the_combined_certificates_offer_each_awardee_s_own_file(client, central_user, rubric):
    units = list(Unit.objects.filter(code__in=["TH-50", "TH-83", "TH-30"]).order_by("code"))
    combined = _certificates(rubric, units[:1])
    client.force_login(central_user)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("awards:results", args=[2566]))
    combined.delete()
    combined = _certificates(rubric, units)
    with CaptureQueriesContext(connection) as three:  # the awardees' files read with the combined one, at once
        html = client.get(reverse("awards:results", args=[2566])).content.decode()
    parts = list(combined.parts.order_by("id"))
    assert len(three) == len(one)
    assert "<summary>ไฟล์แยกรายผู้ได้รับรางวัล (๓)</summary>" in html
    links = re.findall(r'<li data-part="(\d+)">([^:<]*): <span class="part-link">(.*?)</span></li>', html)
    assert links == [
        (str(parts[0].pk), "นครราชสีมา", "รอคิว"),
        (str(parts[1].pk), "เชียงใหม่", f'<a href="/awards/documents/{parts[1].pk}/download/">ดาวน์โหลด</a>'),
        (str(parts[2].pk), "ภูเก็ต", f'<a href="/awards/documents/{parts[2].pk}/download/">ดาวน์โหลด</a>'),
    ]
    assert [p["download"] for p in status_data(combined)["parts"]] == [
        None, f"/awards/documents/{parts[1].pk}/download/", f"/awards/documents/{parts[2].pk}/download/"
    ]  # fmt: skip
