"""An office's contest: its notices never reach another office's staff or organiser, nor a panel of
another contest; a tie at an award line reaches whoever runs it."""

import datetime as dt

import pytest

from committee.panels import panelist_appoint
from notices.models import Kind
from people.models import Role
from rubrics import services, timetable
from tests.awards.chiang_mai_contests import tied_contest
from tests.factories import UserFactory

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]


def test_a_moved_deadline_in_an_office_contest_reaches_its_entrants_and_runners_only(office, mailoutbox):
    rubric, people = office
    first = {"user": people["organiser"], "rubric": rubric, "code": "1.1", "reason": "กำหนดส่ง"}
    timetable.criterion_deadline_set(**first, deadline=dt.date(2021, 8, 15))  # a first deadline: no notice
    assert inbox_of(people["district"])["d1"] == []
    timetable.criterion_deadline_set(
        user=people["organiser"], rubric=rubric, code="1.1", deadline=dt.date(2021, 8, 31), reason="ขยายเวลา"
    )
    got = inbox_of(*people.values())
    assert got == {"org": [], "d1": [Kind.DEADLINE_MOVED], "d3": [], "pkorg": [], "pkpanel": [],
                   "central": [Kind.DEADLINE_MOVED]}  # fmt: skip
    assert mailed(mailoutbox) == ["c@x.org", "d1@x.org"]


def test_a_tie_at_an_award_line_waits_for_whoever_runs_the_contest_and_is_told_once(chiang_mai, phuket, mailoutbox):
    organiser = UserFactory(username="org", email="org@x.org", role=Role.ORGANISER, role__unit=chiang_mai)
    other = UserFactory(username="pkorg", email="pkorg@x.org", role=Role.ORGANISER, role__unit=phuket)
    rubric, _ = tied_contest(chiang_mai)
    got = inbox_of(organiser, other)
    assert got == {"org": [Kind.TIE_WAITING], "pkorg": []}
    assert mailed(mailoutbox) == ["org@x.org"]
    assert "หางดง" in mailoutbox[0].body and "สารภี" in mailoutbox[0].body and "/ties/" in mailoutbox[0].body
    from scoring.recompute import standings_recompute

    standings_recompute(rubric_id=rubric.pk, full=True)  # the same tie again: no second notice
    assert inbox_of(organiser)["org"] == [Kind.TIE_WAITING]


def test_opening_a_draft_tells_its_entrants_and_its_panel_not_another_offices(office, mailoutbox):
    from contests.models import Contest, ContestState

    rubric, people = office
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
    rubric.contest.refresh_from_db()
    panelist = UserFactory(
        username="cmpanel", email="cmp@x.org", role=Role.OFFICE_STAFF, role__unit=rubric.contest.organiser
    )
    panelist_appoint(by=people["organiser"], contest=rubric.contest, user=panelist)
    services.contest_open(user=people["organiser"], rubric=rubric)
    got = inbox_of(*people.values(), panelist)
    assert {name for name, kinds in got.items() if kinds} == {"d1", "cmpanel"}
    assert got["d1"] == got["cmpanel"] == [Kind.CONTEST_OPENED]
    assert mailed(mailoutbox) == ["cmp@x.org", "d1@x.org"]


def test_publishing_and_withdrawing_reach_the_contests_own_people_and_never_another_panel(office):
    from scoring import snapshots

    rubric, people = office
    snapshot = snapshots.standings_freeze(user=people["organiser"], rubric=rubric)
    snapshots.publication_publish(
        user=people["organiser"], rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    snapshots.publication_withdraw(user=people["organiser"], rubric=rubric, reason="พบข้อมูลผิด")
    got = inbox_of(*people.values())
    told = [Kind.RESULTS_FROZEN, Kind.RESULTS_PUBLISHED, Kind.RESULTS_WITHDRAWN]
    assert got == {"org": [], "d1": told, "d3": [], "pkorg": [], "pkpanel": [], "central": told}
