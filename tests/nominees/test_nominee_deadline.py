"""Nominating closes with the contest's deadline (seed 001: "ส่งรายชื่อ… ให้จังหวัดภายในวันที่ ๒๐ กรกฎาคม ๒๕๖๔",
the deadline of its three criteria). On the day itself the office may still nominate; after it only
whoever runs the contest may correct the nominee, and nobody once the year is frozen."""

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from core.errors import PortalError, YearFrozen
from core.thai import BANGKOK
from nominees.models import Nominee
from nominees.selectors import nomination_window
from nominees.services import nominee_submit
from people.models import Role
from rubrics import services, timetable
from scoring import snapshots
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, UserFactory

from .test_contests_nominees import itmodel_data

CLOSED = "ปิดรับการเสนอชื่อแล้ว (กำหนดส่ง ๒๐ ก.ค. ๒๕๖๔) ผู้จัดการประกวดยังแก้ไขได้จนกว่าจะตรึงผล"


def bangkok(*when) -> datetime:
    return datetime(*when, tzinfo=BANGKOK)


@pytest.fixture
def it(db, chiang_mai, central_user):
    """Chiang Mai's copy of seed 001 with one district office, its staff, the organiser and central staff."""
    unit = DistrictFactory(parent=chiang_mai, name_th="แม่ริม")
    return SimpleNamespace(
        rubric=services.rubric_load(data=itmodel_data(unit.code)),
        unit=unit,
        own=UserFactory(role=Role.OFFICE_STAFF, role__unit=unit),
        organiser=UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        central=central_user,
    )


def submit(it, user, when: datetime, name: str = "นายอนุชา บุญมา", position: str = "นักวิชาการพัฒนาชุมชน") -> Nominee:
    return nominee_submit(
        user=user, contest=it.rubric.contest, unit=it.unit, name_th=name, position_th=position, now=when,
        employment="civil_servant", office=it.unit.code,
    )  # fmt: skip


def test_the_deadline_is_the_contests_latest_criterion_deadline(it):
    window = nomination_window(it.rubric.contest)
    assert (window.deadline, window.closes, window.rubric) == (date(2021, 7, 20), date(2021, 7, 20), it.rubric)
    assert (window.text("th"), window.text("en")) == ("๒๐ ก.ค. ๒๕๖๔", "20 Jul 2021")


@pytest.mark.parametrize(
    "when",
    [
        bangkok(2021, 7, 19, 16, 30),  # the day before
        bangkok(2021, 7, 20, 0, 0),  # the day itself, from its first minute
        bangkok(2021, 7, 20, 23, 59),  # … to its last, in Bangkok (16:59 UTC)
    ],
)
def test_the_office_nominates_up_to_and_on_the_deadline(it, when):
    nominee = submit(it, it.own, when)
    assert (nominee.version, nominee.submitted_at) == (1, when)


@pytest.mark.parametrize("when", [bangkok(2021, 7, 21, 0, 0), bangkok(2021, 8, 2, 9, 0)])
def test_after_the_deadline_the_office_is_refused_thai_first(it, when):
    with pytest.raises(PortalError) as exc:
        submit(it, it.own, when)
    assert (str(exc.value), exc.value.code, exc.value.status) == (CLOSED, "nominations_closed", 400)
    assert not Nominee.objects.exists()


def test_after_the_deadline_the_office_cannot_change_its_nominee_either(it):
    submit(it, it.own, bangkok(2021, 7, 20, 9, 0), "นายอนุชา บุญมา")
    with pytest.raises(PortalError):
        submit(it, it.own, bangkok(2021, 7, 21, 9, 0), "นายศักดิ์ชัย ทองดี")
    assert list(Nominee.objects.values_list("name_th", "version")) == [("นายอนุชา บุญมา", 1)]


@pytest.mark.parametrize("who", ["organiser", "central"])
def test_whoever_runs_the_contest_corrects_after_the_deadline(it, who):
    runner = getattr(it, who)
    submit(it, it.own, bangkok(2021, 7, 20, 9, 0), "นายอนุชา บุญมา")
    fixed = submit(it, runner, bangkok(2021, 8, 2, 9, 0), "นายอนุชา บุญมา", "นักวิชาการพัฒนาชุมชนปฏิบัติการ")
    assert (fixed.position_th, fixed.version, fixed.submitted_by) == ("นักวิชาการพัฒนาชุมชนปฏิบัติการ", 2, runner)


def test_a_frozen_year_refuses_everyone(it):
    standings_recompute(rubric_id=it.rubric.pk, full=True)
    snapshots.standings_freeze(user=it.central, rubric=it.rubric)
    for user in (it.own, it.organiser, it.central):
        with pytest.raises(YearFrozen):
            submit(it, user, bangkok(2021, 8, 2, 9, 0))
    assert not Nominee.objects.exists()


def test_a_deadline_on_a_closed_day_moves_to_the_next_working_day(it):
    for code in ("1.1", "1.2", "1.3"):
        timetable.criterion_deadline_set(
            rubric=it.rubric, code=code, deadline=date(2021, 7, 17), reason="หนังสือจังหวัด"
        )  # a Saturday
    window = nomination_window(it.rubric.contest)
    assert (window.deadline, window.closes) == (date(2021, 7, 17), date(2021, 7, 19))
    assert window.text("th") == "๑๗ ก.ค. ๒๕๖๔ (วันหยุดราชการ) → เลื่อนเป็น ๑๙ ก.ค. ๒๕๖๔"
    assert submit(it, it.own, bangkok(2021, 7, 19, 15, 0)).version == 1
    with pytest.raises(PortalError) as exc:
        submit(it, it.own, bangkok(2021, 7, 20, 9, 0), "นายศักดิ์ชัย ทองดี")
    assert str(exc.value).startswith("ปิดรับการเสนอชื่อแล้ว (กำหนดส่ง ๑๗ ก.ค. ๒๕๖๔ (วันหยุดราชการ) → เลื่อนเป็น ๑๙ ก.ค. ๒๕๖๔)")


def test_without_criterion_deadlines_the_contest_closes_when_it_ends(it):
    for code in ("1.1", "1.2", "1.3"):
        timetable.criterion_deadline_set(rubric=it.rubric, code=code, deadline=None, reason="หนังสือจังหวัด")
    assert nomination_window(it.rubric.contest).deadline == date(2021, 9, 30)
    assert submit(it, it.own, bangkok(2021, 9, 30, 12, 0)).version == 1
    with pytest.raises(PortalError):
        submit(it, it.own, bangkok(2021, 10, 1, 8, 0))
