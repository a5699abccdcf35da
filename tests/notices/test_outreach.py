"""Every bulk act ends with its account, in one shape (notices.outreach): the offices told now, those told earlier,
and those it could not tell and why (nobody with an account there, nobody with an address), each by name on a page
one click from the act's message, which never says everyone was told when nobody was."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from notices.announcements import announcement_send
from notices.models import Audience, Outreach, Unreached
from people.models import Role
from rubrics import timetable
from schedule.services import late_remind
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db
JULY_3 = dt.date(2023, 7, 3)


def test_reminding_the_late_names_the_office_its_people_cannot_be_written_to(rubric, chiang_mai, phuket, central_user):
    UserFactory(email="cm@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    UserFactory(email="", role=Role.OFFICE_STAFF, role__unit=phuket)  # an account, but no address

    account = late_remind(user=central_user, rubric=rubric, today=JULY_3)

    assert account.reached == ["เชียงใหม่"]
    assert ["ภูเก็ต", Unreached.NO_ADDRESS] in account.missed
    assert ["กระบี่", Unreached.NO_ACCOUNT] in account.missed  # nobody there has an account


def test_an_announcement_to_a_contests_entrants_names_the_entrant_with_nobody(chiang_mai, central_user):
    told, empty = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="ฝาง")
    rubric = office_contest("cm-web-2564", chiang_mai, told, empty)
    UserFactory(email="d@example.org", role=Role.OFFICE_STAFF, role__unit=told)

    announcement_send(user=central_user, audience=Audience.ENTRANTS, contest=rubric.contest, subject="ก", body="ข")

    account = Outreach.objects.get()
    assert (account.reached, account.earlier, account.missed) == (["แม่ริม"], [], [["ฝาง", Unreached.NO_ACCOUNT]])


def test_a_deadline_move_says_whom_it_told_and_that_nobody_was_while_the_contest_is_a_draft(client, chiang_mai):
    told, empty = DistrictFactory(parent=chiang_mai, name_th="แม่ริม"), DistrictFactory(parent=chiang_mai, name_th="ฝาง")
    rubric = office_contest("cm-web-2564", chiang_mai, told, empty)
    UserFactory(email="d@example.org", role=Role.OFFICE_STAFF, role__unit=told)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    timetable.criterion_deadline_set(
        user=organiser, rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 15), reason="ก"
    )
    client.force_login(organiser)
    move = {"deadline": "31/08/2564", "reason": "ขยายเวลา", "letter_number": "ชม 0019/ว 1", "letter_date": "10/08/2564"}

    page = client.post(reverse("schedule:criterion", args=[rubric.key, "1.1"]), move, follow=True).content.decode()

    account = Outreach.objects.get()
    assert (account.reached, account.missed) == (["แม่ริม"], [["ฝาง", Unreached.NO_ACCOUNT]])
    said = "แจ้งแล้ว ๑ แห่ง · แจ้งไว้ก่อนแล้ว ๐ แห่ง · แจ้งไม่ได้ ๑ แห่ง"
    assert said in page and "ทุกคน" not in page
    link = re.search(r'<a href="([^"]+)" class="outreach-link">', page).group(1)
    assert link == reverse("notices:outreach", args=[account.pk])
    listed = client.get(link).content.decode()
    assert '<li>ฝาง <span class="muted">— ไม่มีบัญชี: ' in listed
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=DistrictFactory(parent=chiang_mai)))
    assert client.get(link).status_code == 404  # whoever did it, and central staff: nobody else

    rubric.contest.state = "draft"
    rubric.contest.save(update_fields=["state"])
    timetable.criterion_deadline_set(
        user=organiser, rubric=rubric, code="1.1", deadline=dt.date(2021, 9, 15), reason="เลื่อนอีก"
    )
    assert Outreach.objects.count() == 1  # a draft's dates reach nobody: no account claims they did
