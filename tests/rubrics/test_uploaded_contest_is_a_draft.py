"""A new contest made from a rubric file is a draft, as the builder's is: its entrants meet it only once whoever
runs it opens it, and opening asks the second factor (rubrics.open_contest), never an upload's side effect."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from contests.models import Contest, ContestState
from people.models import Role
from rubrics.selectors import contest_file
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("second_factor_required")]
FACTOR_PAGE = "/accounts/second-factor/"


@pytest.fixture
def new_file(chiang_mai) -> dict:
    """Chiang Mai's website contest of 2564 as a file, under a code no contest has yet."""
    rubric = office_contest("cm-web-2564", chiang_mai, DistrictFactory(parent=chiang_mai))
    data = contest_file(rubric)
    return {**data, "contest": {**data["contest"], "slug": "cm-web-2565"}}


def _upload(client, data: dict):
    raw = json.dumps(data, ensure_ascii=False).encode()
    return client.post(reverse("rubrics:contest_upload"), {"file": SimpleUploadedFile("c.json", raw)})


def _confirmed(client, user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.mark.parametrize("role", [Role.ORGANISER, Role.CENTRAL])
def test_a_new_contest_from_a_file_is_a_draft_even_in_a_confirmed_session(client, chiang_mai, new_file, role):
    user = UserFactory(role=role, role__unit=chiang_mai if role == Role.ORGANISER else None)
    assert _upload(_confirmed(client, user), new_file).status_code == 302
    assert Contest.objects.get(slug="cm-web-2565").state == ContestState.DRAFT


def test_opening_the_uploaded_draft_asks_the_second_factor(client, chiang_mai, new_file):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    client.force_login(organiser)
    assert _upload(client, new_file).status_code == 302  # saving a draft asks no factor
    opened = client.post(reverse("builder:contest_open", args=["cm-web-2565"]), {"confirm": "1"})
    assert opened.status_code == 302 and opened["Location"].startswith(FACTOR_PAGE)
    assert Contest.objects.get(slug="cm-web-2565").state == ContestState.DRAFT
    _confirmed(client, organiser).post(reverse("builder:contest_open", args=["cm-web-2565"]), {"confirm": "1"})
    assert Contest.objects.get(slug="cm-web-2565").state == ContestState.OPEN


def test_an_entrant_office_does_not_meet_the_uploaded_draft(client, chiang_mai, new_file):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    client.force_login(organiser)
    _upload(client, new_file)
    contest = Contest.objects.get(slug="cm-web-2565")
    district = contest.entrants.get()
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    assert "cm-web-2565" not in client.get("/").content.decode()
