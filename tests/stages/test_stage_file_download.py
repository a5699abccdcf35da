"""A file sent for a pick (seed 002's video) is watched by whoever the stage's page shows the pick to, and by
nobody else: the lock decides (stages.permissions.sees_pick), the bytes come from core.files."""

import pytest
from django.urls import reverse

from people.models import Role
from tests.factories import UserFactory

from .stage_support import organiser
from .test_stages import region_video_sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return region_video_sent(tmp_path)


def url(chain, upload) -> str:
    return reverse("stages:stage_file_download", args=[chain.region_stage.slug, upload.pk])


def test_the_picking_office_and_central_staff_get_the_video_others_do_not(client, sent):
    chain, chiang_mai, upload, video = sent
    who = {
        "the picking province": chiang_mai,
        "central staff": UserFactory(role=Role.CENTRAL),
        "the district that picked it a stage below": organiser(chain.mae_rim),
        "another district": organiser(chain.hang_dong),
        "another province's organiser": organiser(chain.kathu.parent),
        "the province's own staff": UserFactory(role=Role.OFFICE_STAFF, role__unit=chain.mae_rim.parent),
        "a committee member": UserFactory(role=Role.COMMITTEE),
    }
    answers = {}
    for name, user in who.items():
        client.force_login(user)
        answers[name] = client.get(url(chain, upload))
    client.logout()
    anonymous = client.get(url(chain, upload))

    assert {name: a.status_code for name, a in answers.items()} == {
        "the picking province": 200,
        "central staff": 200,
        "the district that picked it a stage below": 404,
        "another district": 404,
        "another province's organiser": 404,
        "the province's own staff": 404,
        "a committee member": 404,
    }
    served = answers["the picking province"]
    assert b"".join(served.streaming_content) == video
    assert (served["Content-Type"], served["X-Content-Type-Options"]) == ("video/mp4", "nosniff")
    assert served["Content-Disposition"].startswith("attachment; ")
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")


def test_a_file_of_another_stage_is_not_found_under_this_one(client, sent):
    chain, _, upload, _ = sent
    client.force_login(UserFactory(role=Role.CENTRAL))

    answer = client.get(reverse("stages:stage_file_download", args=[chain.district_stage.slug, upload.pk]))

    assert answer.status_code == 404


def test_the_stage_page_shows_the_videos_length_and_links_the_file(client, sent):
    chain, chiang_mai, upload, _ = sent
    client.force_login(chiang_mai)

    page = client.get(reverse("stages:stage", args=[chain.region_stage.slug])).content.decode()

    sent_line = f'ยาว ๖ นาที · <a href="{url(chain, upload)}">เปิดไฟล์</a>'
    assert sent_line in page  # beside the pick in "your picks" and in its region alike
