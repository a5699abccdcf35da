"""Evidence shown inside the scoring screen leaves through the portal's one audited path."""

import logging
from datetime import datetime

import pytest
from django.urls import reverse

from committee import services
from committee.demo import submit_file
from core.thai import BANGKOK
from people.models import Role
from submissions.services import evidence_submit

from ..factories import UserFactory
from ..submissions import files

LOGGER = "cdd4.evidence_access"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pdf_evidence(rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    return submit_file(user=staff, rubric=rubric, unit=chiang_mai, code="3.1", name="รายงาน.pdf", data=files.pdf())


def inline(client, user, evidence):
    client.force_login(user)
    return client.get(reverse("admin:committee_evidence", args=[evidence.pk]))


def logged(caplog):
    return [(r.user_id, r.evidence_id, r.outcome, r.how) for r in caplog.records if r.name == LOGGER]


def test_inline_view_writes_the_access_log_and_frames_only_in_our_pages(client, committee_user, pdf_evidence, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    response = inline(client, committee_user, pdf_evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.pdf()
    assert logged(caplog) == [(committee_user.pk, pdf_evidence.pk, "served", "inline")]
    assert caplog.records[-1].getMessage().startswith(f"evidence_download how=inline user={committee_user.username} ")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline; filename")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
    )
    assert (
        response["Cache-Control"] == "private, no-store, max-age=0, no-cache, must-revalidate"
    )  # admin adds never_cache


def test_inline_view_hands_the_bytes_to_nginx_in_service_mode(client, settings, committee_user, pdf_evidence, caplog):
    settings.CDD4_X_ACCEL = True
    caplog.set_level(logging.INFO, logger=LOGGER)
    response = inline(client, committee_user, pdf_evidence)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == settings.CDD4_X_ACCEL_PREFIX + pdf_evidence.stored_path
    assert response.content == b""
    assert logged(caplog) == [(committee_user.pk, pdf_evidence.pk, "served", "inline")]


def test_conflicted_member_is_refused_and_the_refusal_is_logged(
    client, central_user, committee_user, chiang_mai, pdf_evidence, caplog
):
    services.conflict_set(by=central_user, member=committee_user, unit=chiang_mai, conflicted=True, reason="บ้าน")
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert inline(client, committee_user, pdf_evidence).status_code == 404
    assert logged(caplog) == [(committee_user.pk, pdf_evidence.pk, "refused", "inline")]


def test_office_files_are_never_inline(client, rubric, chiang_mai, committee_user, caplog):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    docx = submit_file(user=staff, rubric=rubric, unit=chiang_mai, code="3.1", name="a.docx", data=files.ooxml())
    caplog.set_level(logging.INFO, logger=LOGGER)
    assert inline(client, committee_user, docx).status_code == 404
    assert logged(caplog) == [(committee_user.pk, docx.pk, "refused", "inline")]


def test_portal_download_is_still_an_attachment_in_a_sandbox(client, committee_user, pdf_evidence, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    client.force_login(committee_user)
    response = client.get(reverse("submissions:download", args=[pdf_evidence.pk]))
    assert response["Content-Disposition"].startswith("attachment; filename")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert logged(caplog) == [(committee_user.pk, pdf_evidence.pk, "served", "attachment")]


# A member reading an entrant's items: one naming the round it answers is marked late by that round's day (4.2's
# November report sent on 28 November: 9 working days), not by the criterion's last date (31 July).
def test_an_item_naming_its_round_is_marked_late_for_that_round(client, members, rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    sent = datetime(2022, 11, 28, 10, 0, tzinfo=BANGKOK)
    evidence_submit(user=staff, rubric=rubric, unit=chiang_mai, criterion_code="4.2", url="https://example.org/nov",
                    answers_round=1, now=sent)  # fmt: skip
    # The same day unnamed: its day decides (December's, on time by the criterion's date), unmarked.
    evidence_submit(user=staff, rubric=rubric, unit=chiang_mai, criterion_code="4.2", url="https://example.org/dec",
                    now=sent)  # fmt: skip
    client.force_login(members[0])

    page = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "4.2"])).content.decode()

    assert page.count("ส่งช้า ๙ วันทำการ") == 2  # the named item's two marks (its list entry and its card)
