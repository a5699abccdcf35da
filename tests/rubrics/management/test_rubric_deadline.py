"""`manage.py rubric_deadline`: a criterion's deadline moved by letter from the command line, by someone named who
runs the contest, and every entrant rescored."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from contests.models import Unit
from people.models import Role
from rubrics.models import Criterion, RubricChange
from scoring.models import Fact, Standing
from tests.factories import UserFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rubric_deadline_moves_deadline_and_rescores(rubric, central_user, django_capture_on_commit_callbacks):
    Fact.objects.create(
        rubric=rubric,
        unit=Unit.objects.get(code="TH-50"),
        criterion=rubric.criteria.get(code="2.1.2"),
        name="received_on",
        value="2023-04-12",
        source="admin",
    )
    with django_capture_on_commit_callbacks(execute=True):
        out = run(
            "rubric_deadline", "2566", "2.1.2", "2023-04-12", "--reason", "หนังสือกรม", "--by", central_user.username
        )
    assert "กำหนดส่ง 12 เม.ย. 2566" in out
    assert Criterion.objects.get(rubric=rubric, code="2.1.2").deadline == date(2023, 4, 12)
    assert Standing.objects.get(rubric=rubric, unit__code="TH-50").criteria["2.1.2"] == "4"


def test_rubric_deadline_records_the_letter_and_who_ran_it(rubric, central_user):
    run(
        "rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย", "--letter", "มท 0410.4/ว 6001",
        "--letter-date", "25/05/2566", "--by", central_user.username,
    )  # fmt: skip
    change = RubricChange.objects.get()
    assert (change.user, change.reason, change.letter_number, change.letter_date) == (
        central_user,
        "อุทกภัย",
        "มท 0410.4/ว 6001",
        date(2023, 5, 25),
    )


def test_rubric_deadline_refuses_when_nobody_can_be_named(rubric, monkeypatch):
    monkeypatch.setattr("getpass.getuser", lambda: "nobody-here")
    with pytest.raises(CommandError, match="nobody-here"):
        run("rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย")
    assert not RubricChange.objects.exists()


def test_rubric_deadline_by_someone_who_does_not_run_the_contest_is_refused(rubric, chiang_mai):
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    with pytest.raises(CommandError, match="ไม่มีสิทธิ์เลื่อนกำหนดส่ง"):
        run("rubric_deadline", "2566", "4.1.1", "14/06/2566", "--reason", "อุทกภัย", "--by", staff.username)
    assert not RubricChange.objects.exists()


def test_rubric_deadline_bad_date_refused(rubric, central_user):
    with pytest.raises(CommandError, match="อ่านวันที่ “12/04/2566x” ไม่ได้"):
        run("rubric_deadline", "2566", "2.1.2", "12/04/2566x", "--by", central_user.username)
