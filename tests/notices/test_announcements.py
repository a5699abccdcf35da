"""Central staff's announcements (notices.announcements): central had no way to tell every office, every
organiser, or a contest's entrants or committee anything. Each audience reaches exactly its people, one notice per
office, through the outbox; the letter goes to its readers and nobody else; the lock is asked again."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.http import urlencode

from core.errors import PortalError
from notices.announcements import announcement_send
from notices.models import Announcement, Audience, Delivery, Kind, Notice, Receipt
from people import directory
from people.models import Role
from tests.factories import DistrictFactory, UserFactory
from tests.security.test_privileged_acts import confirmed_session
from tests.submissions.files import pdf

pytestmark = pytest.mark.django_db
PDF = pdf()


@pytest.fixture
def more(people, chiang_mai):
    """Besides `people`: Chiang Mai's organiser and a district office's staff under it."""
    return {
        **people,
        "organiser": UserFactory(username="org", email="org@x.org", role=Role.ORGANISER, role__unit=chiang_mai),
        "district": UserFactory(
            username="district", email="d@x.org", role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai)
        ),
    }


def told(announcement) -> list[str]:
    rows = Receipt.objects.filter(notice__kind=Kind.ANNOUNCEMENT, notice__about=str(announcement.pk))
    return sorted(rows.values_list("user__username", flat=True))


@pytest.mark.parametrize(
    ("audience", "contest", "expected", "notices"),
    [
        (Audience.OFFICES, False, ["cm", "org", "pk"], 2),  # every provincial office's people, one notice each
        (Audience.ORGANISERS, False, ["org"], 1),
        (Audience.ENTRANTS, True, ["cm", "pk"], 2),  # those who send each entrant's evidence
        (Audience.COMMITTEE, True, ["chair", "conflicted", "member"], 1),  # a conflict is on a unit, not the contest
    ],
)
def test_each_audience_reaches_exactly_its_people_one_notice_an_office(
    rubric, more, central_user, audience, contest, expected, notices
):
    sent = announcement_send(
        user=central_user, audience=audience, contest=rubric.contest if contest else None,
        subject="ประชุมชี้แจงโครงการ", body="ขอเชิญประชุมผ่าน WebEx\nวันที่ ๑๕ พ.ย.",
    )  # fmt: skip
    assert (told(sent), sent.told) == (expected, len(expected))
    assert Notice.objects.filter(kind=Kind.ANNOUNCEMENT).count() == notices
    notice = Notice.objects.filter(kind=Kind.ANNOUNCEMENT).first()
    assert notice.link == reverse("notices:announcement", args=[sent.pk])
    assert set(Delivery.objects.values_list("channel", "digest")) == {("email", False)}  # at once, by the outbox


def test_only_central_staff_announce_and_an_announcement_is_whole(rubric, more, central_user):
    for who in ("cm", "organiser", "chair"):
        with pytest.raises(PermissionDenied):
            announcement_send(user=more[who], audience=Audience.OFFICES, subject="ทดสอบ", body="ทดสอบ")
    refused = [
        {"audience": Audience.ENTRANTS, "subject": "ทดสอบ", "body": "ทดสอบ"},  # no contest named
        {"audience": Audience.OFFICES, "contest": rubric.contest, "subject": "ทดสอบ", "body": "ทดสอบ"},
        {"audience": Audience.OFFICES, "subject": "บรรทัด\nใหม่", "body": "ทดสอบ"},
        {"audience": Audience.OFFICES, "subject": "ทดสอบ", "body": " "},
        {"audience": "everyone", "subject": "ทดสอบ", "body": "ทดสอบ"},
    ]
    for given in refused:
        with pytest.raises(PortalError):
            announcement_send(user=central_user, **given)
    page = SimpleUploadedFile("หนังสือ.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(PortalError, match="PDF"):
        announcement_send(user=central_user, audience=Audience.OFFICES, subject="ทดสอบ", body="ทดสอบ", letter=page)
    assert not Announcement.objects.exists() and not Notice.objects.exists()


def test_the_page_and_its_letter_are_its_readers_and_the_lock_is_asked_again(
    client, more, central_user, phuket, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(central_user)
    response = client.post(
        reverse("notices:announce"),
        {"audience": Audience.OFFICES, "subject": "ประชุมชี้แจง", "body": "ตามหนังสือที่แนบ",
         "letter": SimpleUploadedFile("หนังสือเชิญ.pdf", PDF, content_type="application/pdf")},
    )  # fmt: skip
    sent = Announcement.objects.get()
    assert response["Location"] == reverse("notices:announcement", args=[sent.pk])
    assert sent.letter.name.startswith("announcements/") and sent.letter_name == "หนังสือเชิญ.pdf"
    page, letter = (reverse(name, args=[sent.pk]) for name in ("notices:announcement", "notices:announcement_letter"))
    client.force_login(more["cm"])
    html = client.get(page).content.decode()
    assert "ประชุมชี้แจง" in html and "ตามหนังสือที่แนบ" in html and 'id="announcement-letter"' in html
    assert b"".join(client.get(letter).streaming_content) == PDF
    inbox = client.get(reverse("notices:inbox")).content.decode()
    assert "ประกาศ: ประชุมชี้แจง" in inbox and "แนบหนังสือ: หนังสือเชิญ.pdf" in inbox
    for outsider in ("district", "member"):
        client.force_login(more[outsider])
        assert (client.get(page).status_code, client.get(letter).status_code) == (404, 404)
    directory.membership_set(user=more["cm"], role=Role.OFFICE_STAFF, unit=phuket)  # moved to another office
    client.force_login(more["cm"])
    assert client.get(page).status_code == 404  # Chiang Mai's notice is no longer theirs to know


def test_only_central_staff_open_the_page_that_writes_one(client, more, central_user):
    for who in ("cm", "organiser", "member"):
        client.force_login(more[who])
        assert client.get(reverse("notices:announce")).status_code == 403
    client.force_login(central_user)
    html = client.get(reverse("notices:announce")).content.decode()
    assert 'id="announce-form"' in html and 'name="letter"' in html and "สำนักงานพัฒนาชุมชนจังหวัดทุกแห่ง" in html


@pytest.fixture
def own_contest(chiang_mai, phuket):
    """Chiang Mai's website contest among one of its districts (whose staff is "d-staff"), Phuket's contest, and
    Chiang Mai's organiser."""
    from tests.factories import office_contest

    district = DistrictFactory(parent=chiang_mai)
    rubric = office_contest("cm-web-2564", chiang_mai, district)
    other = office_contest("pk-web-2564", phuket, DistrictFactory(parent=phuket))
    UserFactory(username="d-staff", email="d@x.org", role=Role.OFFICE_STAFF, role__unit=district)
    organiser = UserFactory(username="cm-org", first_name="สมศรี", role=Role.ORGANISER, role__unit=chiang_mai)
    return rubric, other, organiser


def test_an_organiser_writes_to_its_own_contests_entrants_and_nobody_else(own_contest):
    rubric, other, organiser = own_contest
    sent = announcement_send(
        user=organiser, audience=Audience.ENTRANTS, contest=rubric.contest, subject="ประชุมผู้เข้าประกวด", body="เชิญ"
    )
    assert told(sent) == ["d-staff"]
    notice = Notice.objects.get(kind=Kind.ANNOUNCEMENT)
    assert "by" not in notice.params and notice.params["organiser"].endswith("(สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่)")
    refused = [
        {"audience": Audience.ENTRANTS, "contest": other.contest},  # another office's contest
        {"audience": Audience.COMMITTEE, "contest": rubric.contest},  # its panel: central staff's to write to
        {"audience": Audience.OFFICES},
    ]
    for given in refused:
        with pytest.raises(PermissionDenied):
            announcement_send(user=organiser, subject="ทดสอบ", body="ทดสอบ", **given)


def test_the_organisers_dashboard_offers_the_page_and_its_form_names_its_contests_entrants(client, own_contest):
    rubric, _, organiser = own_contest
    client.force_login(organiser)
    dashboard = client.get(reverse("schedule:dashboard", args=[rubric.key])).content.decode()
    address = f"{reverse('notices:announce')}?contest={rubric.contest_id}"
    assert f'href="{address}" id="announce-link"' in dashboard

    html = client.get(address).content.decode()

    assert re.findall(r'name="audience" value="(\w+)"', html) == ["entrants"]
    choices = re.search(r'<select name="contest"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"( selected)?>', choices) == [(str(rubric.contest_id), " selected")]
    response = client.post(address, {"audience": "entrants", "contest": rubric.contest_id, "subject": "ประชุม",
                                     "body": "เชิญประชุม"})  # fmt: skip
    sent = Announcement.objects.get()
    assert response["Location"] == reverse("notices:announcement", args=[sent.pk]) and told(sent) == ["d-staff"]
    page = client.get(response["Location"]).content.decode()
    assert "ประกาศจาก สมศรี" in page and "ผู้จัดการประกวด" in page


def test_the_code_is_asked_before_the_form_so_its_letter_is_never_lost(client, central_user, second_factor_required):
    client.force_login(central_user)
    response = client.get(reverse("notices:announce"))
    assert response["Location"] == f"/accounts/second-factor/?{urlencode({'next': reverse('notices:announce')})}"
    confirmed_session(client, central_user)
    assert 'id="announce-form"' in client.get(reverse("notices:announce")).content.decode()
