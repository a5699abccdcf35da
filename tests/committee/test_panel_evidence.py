"""A provincial contest's panel reads its entrants' evidence on the scoring screen and inline, through the
portal's one audited path; nobody outside the contest's judging does."""

import logging

import pytest
from django.urls import reverse

from committee import services
from committee.demo import submit_file
from people.models import Conflict, Role

from ..factories import DistrictFactory, UserFactory
from ..submissions import files


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def setting(office_contest, chiang_mai, phuket):
    d1 = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, d1)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)
    evidence = submit_file(user=staff, rubric=rubric, unit=d1, code="1.1", name="เว็บไซต์.pdf", data=files.pdf())
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    member = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    services.panelist_appoint(by=organiser, contest=rubric.contest, user=member)
    kathu = DistrictFactory(parent=phuket)
    other = office_contest("pk-web-2564", phuket, kathu)
    outsider = UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket)
    services.panelist_appoint(
        by=UserFactory(role=Role.ORGANISER, role__unit=phuket), contest=other.contest, user=outsider
    )
    return rubric, d1, evidence, member, outsider


def test_the_panel_sees_the_entrants_evidence_on_its_screen(client, setting):
    rubric, d1, evidence, member, _ = setting
    client.force_login(member)
    page = client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"])).content.decode()
    assert reverse("admin:committee_evidence", args=[evidence.pk]) in page
    assert f'href="{reverse("admin:committee_evidence_file", args=[evidence.pk])}"' in page


def test_inline_evidence_for_the_panel_only(client, setting, committee_user, caplog):
    _, d1, evidence, member, outsider = setting
    caplog.set_level(logging.INFO, logger="cdd4.evidence_access")
    url = reverse("admin:committee_evidence", args=[evidence.pk])
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == files.pdf()
    client.force_login(outsider)  # on another office's panel
    assert client.get(url).status_code == 404
    client.force_login(committee_user)  # the Department's committee: not this contest's
    assert client.get(url).status_code == 404
    Conflict.objects.create(member=member, unit=d1)
    client.force_login(member)
    assert client.get(url).status_code == 404
    outcomes = [(r.user_id, r.outcome) for r in caplog.records if r.name == "cdd4.evidence_access"]
    assert outcomes == [
        (member.pk, "served"),
        (outsider.pk, "refused"),
        (committee_user.pk, "refused"),
        (member.pk, "refused"),
    ]


def test_any_file_as_an_attachment_for_the_panel_only(client, setting, committee_user):
    _, _, evidence, member, outsider = setting
    url = reverse("admin:committee_evidence_file", args=[evidence.pk])
    client.force_login(member)
    response = client.get(url)
    assert (response.status_code, response["Content-Disposition"].split(";")[0]) == (200, "attachment")
    for other in (outsider, committee_user):
        client.force_login(other)
        assert client.get(url).status_code == 404
