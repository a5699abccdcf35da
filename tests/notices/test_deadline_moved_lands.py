"""A moved deadline as the people it concerns meet it: an organiser moves one of its own contest's deadlines by
letter, and every entrant is told on the channel each chose; the link lands on that criterion's page, the
move highlighted, for an entrant's staff their own office's page of it; central moves a national one and the
notice carries the letter."""

import datetime as dt

import pytest
from django.test import Client

from notices.models import Delivery, Kind, Mode, Receipt
from notices.services import preferences_set
from people.models import Role
from rubrics import timetable
from rubrics.letters import Letter
from tests.factories import DistrictFactory, UserFactory, office_contest

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("reloaded")]


@pytest.fixture
def contest(chiang_mai, phuket):
    """Chiang Mai's own contest among two of its districts (as chonburi's), 1.1 due 15 August 2564."""
    mine, other = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    people = {
        "organiser": UserFactory(username="org", email="org@x.org", role=Role.ORGANISER, role__unit=chiang_mai),
        "d1": UserFactory(username="d1", email="d1@x.org", role=Role.OFFICE_STAFF, role__unit=mine),
        "d2": UserFactory(username="d2", email="d2@x.org", role=Role.OFFICE_STAFF, role__unit=other),
        "outside": UserFactory(username="pk", email="pk@x.org", role=Role.OFFICE_STAFF, role__unit=phuket),
    }
    rubric = office_contest("cm-web-2564", chiang_mai, mine, other)
    timetable.criterion_deadline_set(
        user=people["organiser"], rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 15), reason="กำหนดส่ง"
    )
    return rubric, people, mine


def test_an_organisers_move_by_letter_reaches_each_entrant_on_the_channel_they_chose(contest, mailoutbox):
    rubric, people, _ = contest
    preferences_set(user=people["d2"], modes={"email": Mode.DIGEST})  # d1 keeps the default: at once

    timetable.criterion_deadline_set(
        user=people["organiser"], rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 31), reason="ขยายเวลา",
        letter=Letter("ชม 0019/ว 1234", dt.date(2021, 8, 10)),
    )  # fmt: skip

    assert inbox_of(*people.values()) == {"org": [], "d1": [Kind.DEADLINE_MOVED], "d2": [Kind.DEADLINE_MOVED],
                                          "pk": []}  # fmt: skip
    email = dict(Delivery.objects.filter(channel="email").values_list("receipt__user__username", "digest"))
    assert email == {"d1": False, "d2": True}
    assert mailed(mailoutbox) == ["d1@x.org"]  # d2's waits for the daily digest
    body = mailoutbox[0].body
    assert "ตามหนังสือ ที่ ชม 0019/ว 1234 ลงวันที่ ๑๐ สิงหาคม ๒๕๖๔" in body and "เหตุผล: ขยายเวลา" in body
    assert f"/standings/{rubric.key}/criteria/1.1/#deadline-moved" in body


def test_the_link_lands_an_entrant_on_its_own_page_of_that_criterion_with_the_move_highlighted(contest):
    rubric, people, mine = contest
    timetable.criterion_deadline_set(
        user=people["organiser"], rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 31), reason="ขยายเวลา",
        letter=Letter("ชม 0019/ว 1234", dt.date(2021, 8, 10)),
    )  # fmt: skip
    link = Receipt.objects.get(user=people["d1"]).notice.link
    client = Client()
    client.force_login(people["d1"])

    landed = client.get(link)

    page = f"/years/{rubric.key}/provinces/{mine.code}/criteria/1.1/"
    assert (landed.status_code, landed["Location"]) == (302, f"{page}#deadline-moved")
    html = client.get(page).content.decode()
    box = html.split('id="deadline-moved"')[1].split("</section>")[0]
    assert "เลื่อนกำหนดส่งจาก ๑๕ สิงหาคม ๒๕๖๔ เป็น ๓๑ สิงหาคม ๒๕๖๔" in box
    assert "ตามหนังสือ ที่ ชม 0019/ว 1234 ลงวันที่ ๑๐ สิงหาคม ๒๕๖๔" in box
    assert people["organiser"].username not in box  # the entrant reads the dates and the letter, not who


def test_a_central_move_of_a_national_deadline_carries_the_letter_to_each_office(rubric, chiang_mai, mailoutbox):
    central = UserFactory(username="c", email="c@x.org", role=Role.CENTRAL)
    staff = UserFactory(username="cm", email="cm@x.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)

    timetable.criterion_deadline_set(
        user=central, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย",
        letter=Letter("มท 0410.4/ว 6001", dt.date(2023, 5, 25)),
    )  # fmt: skip

    # 4.1.2 times the same files and moves with it: one act, one letter, one notice naming both.
    (told,) = Receipt.objects.filter(user=staff)
    notice = told.notice
    assert (notice.about, notice.params["code"]) == ("4.1.1", "4.1.1, 4.1.2")
    assert [m.to for m in mailoutbox] == [["cm@x.org"]]  # one e-mail (and one LINE push: the same receipt)
    assert notice.params["letter"] == "มท 0410.4/ว 6001" and notice.params["letter_date"] == "2023-05-25"
    assert notice.link == "/standings/2566/criteria/4.1.1/#deadline-moved"
    assert "ตามหนังสือ ที่ มท 0410.4/ว 6001 ลงวันที่ ๒๕ พฤษภาคม ๒๕๖๖" in mailoutbox[0].body
    client = Client()
    client.force_login(central)  # who runs it lands on the criterion's own page, the move and who made it
    html = client.get(notice.link).content.decode()
    assert 'id="deadline-moved"' in html and "มท 0410.4/ว 6001" in html and 'id="deadline-move-form"' in html


def test_an_organisers_move_onto_a_closed_day_is_told_by_the_criterions_number_and_the_day_it_falls_due(contest):
    """The contest numbers its criterion "๑" (code 1.1), and its pages say so; Sunday 18 July 2564 falls due on
    Monday the 19th, as the schedule has it."""
    rubric, people, _ = contest

    timetable.criterion_deadline_set(
        user=people["organiser"], rubric=rubric, code="1.1", deadline=dt.date(2021, 7, 18), reason="ขยายเวลา"
    )

    (told,) = Receipt.objects.filter(user=people["d1"])
    shown = {key: told.notice.params[key] for key in ("code", "old", "new", "due")}
    assert shown == {"code": "๑", "old": "2021-08-15", "new": "2021-07-18", "due": "2021-07-19"}
