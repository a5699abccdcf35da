"""The committee's judging deadline: set or moved by whoever runs the contest, told to exactly those who judge
it (inbox, e-mail, LINE), shown on a judge's home with the days left; nobody else may set it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from committee.judging import judging_deadline_set
from committee.panels import panelist_appoint
from committee.todo import judging_ends
from notices.models import Kind

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]


def test_central_staff_set_then_move_the_national_judging_deadline_and_every_judge_hears_each_change(
    rubric, people, mailoutbox
):
    contest = rubric.contest
    judging_deadline_set(user=people["central"], contest=contest, deadline=dt.date(2023, 11, 30))
    judging_deadline_set(user=people["central"], contest=contest, deadline=dt.date(2023, 11, 30))  # the same: quiet
    judging_deadline_set(user=people["central"], contest=contest, deadline=dt.date(2023, 12, 15), reason="รอเอกสาร")
    got = inbox_of(*people.values())
    told = [Kind.JUDGING_DEADLINE, Kind.JUDGING_DEADLINE]
    assert got == {"cm": [], "pk": [], "central": [], "member": told, "conflicted": told, "chair": told}
    assert mailed(mailoutbox) == ["chair@example.org"] * 2 + ["conflicted@example.org"] * 2 + ["member@example.org"] * 2
    last = next(m for m in reversed(mailoutbox) if m.to == ["member@example.org"])
    assert "๑๕ ธันวาคม ๒๕๖๖" in last.body and "๓๐ พฤศจิกายน ๒๕๖๖" in last.body and "รอเอกสาร" in last.body


def test_a_judge_may_not_set_it_nor_open_its_page(rubric, people, client):
    with pytest.raises(PermissionDenied):
        judging_deadline_set(user=people["chair"], contest=rubric.contest, deadline=dt.date(2023, 11, 30))
    client.force_login(people["member"])
    assert client.get(reverse("panel:judging_deadline", args=[rubric.key])).status_code in (403, 404)


def test_an_office_contests_deadline_reaches_its_panel_not_another_offices(office, mailoutbox):
    rubric, people = office
    from people.models import Role
    from tests.factories import UserFactory

    panelist = UserFactory(username="cmpanel", email="cmp@x.org", role=Role.OFFICE_STAFF,
                           role__unit=rubric.contest.organiser)  # fmt: skip
    panelist_appoint(by=people["organiser"], contest=rubric.contest, user=panelist)
    judging_deadline_set(user=people["organiser"], contest=rubric.contest, deadline=dt.date(2021, 9, 1))
    got = inbox_of(*people.values(), panelist)
    assert {name for name, kinds in got.items() if kinds} == {"cmpanel"}
    assert mailed(mailoutbox) == ["cmp@x.org"]
    with pytest.raises(PermissionDenied):  # another office's organiser
        judging_deadline_set(user=people["pk_org"], contest=rubric.contest, deadline=dt.date(2021, 9, 2))


def test_the_page_saves_it_and_a_members_home_shows_it_with_the_working_days_left(rubric, people, client):
    from django.utils import timezone

    client.force_login(people["central"])
    day = timezone.localdate() + dt.timedelta(days=30)
    url = reverse("panel:judging_deadline", args=[rubric.key])
    response = client.post(url, {"deadline": day.isoformat(), "reason": "ตามมติ"})
    assert response.status_code == 302
    rubric.contest.refresh_from_db()
    assert rubric.contest.judging_deadline == day
    client.force_login(people["member"])
    body = client.get(reverse("submissions:home")).content.decode()
    from core.thai import thai_date

    assert 'data-todo="judging-ends"' in body and thai_date(day) in body and "วันทำการ" in body


def test_whoever_runs_the_contest_finds_the_judging_deadline_page_from_its_standings(rubric, office, client):
    theirs, staff = office
    client.force_login(staff["central"])
    url = reverse("panel:judging_deadline", args=[rubric.key])
    body = client.get(reverse("schedule:dashboard", args=[rubric.key])).content.decode()
    assert f'<a href="{url}" id="judging-deadline-link">' in body
    client.force_login(staff["organiser"])
    url = reverse("panel:judging_deadline", args=[theirs.key])
    body = client.get(reverse("schedule:dashboard", args=[theirs.key])).content.decode()
    assert f'<a href="{url}" id="judging-deadline-link">' in body
    assert client.get(url).status_code == 200


def test_a_member_reads_when_judging_ends_with_no_link_and_may_not_open_the_page(rubric, people, client):
    judging_deadline_set(user=people["central"], contest=rubric.contest, deadline=dt.date(2023, 11, 30))
    rubric.contest.refresh_from_db()
    url = reverse("panel:judging_deadline", args=[rubric.key])
    assert [t.url for t in judging_ends(rubric, people["central"])] == [url]  # who may set it is led to it
    assert [t.url for t in judging_ends(rubric, people["member"])] == [""]
    for judge in ("member", "chair"):
        client.force_login(people[judge])
        body = client.get(reverse("submissions:home")).content.decode()
        assert 'data-todo="judging-ends"' in body and url not in body and 'id="judging-deadline-link"' not in body
        assert client.get(url).status_code == 403
