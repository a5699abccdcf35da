"""Moving a deadline is one act (rubrics.timetable.criterion_deadline_set): central brings 1.2 forward and its
last round comes with it unless unticked; the change history keeps who moved it with which letter; a letter
is cited whole, its PDF checked and served only to whoever sees the contest; without the second factor,
nothing moves; a rubric file that moves a date in an open contest asks why, lists the dates, and tells."""

import datetime as dt
import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.acts import SecondFactorRequired, as_confirmed
from notices.models import Kind, Receipt
from people.models import Role
from rubrics import services, timetable
from rubrics.deadline_moves import deadline_moves
from rubrics.letters import Letter
from rubrics.models import Criterion, RubricChange
from rubrics.revisions import ChangeRefused
from rubrics.selectors import contest_file
from rubrics.timetable import companions
from schedule.selectors import entrant_obligations
from tests.factories import DistrictFactory, UserFactory, office_contest

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
      b"trailer<</Root 1 0 R>>\n%%EOF\n"  # fmt: skip


def test_bringing_a_deadline_forward_brings_its_last_round_with_it(rubric, central_user, chiang_mai):
    assert [(c.key, c.old) for c in companions(rubric, "1.2")] == [("round:2", dt.date(2023, 6, 30))]  # report 2

    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="1.2", deadline=dt.date(2023, 6, 15), reason="ตามหนังสือกรม",
        letter=Letter("มท 0410.4/ว 6001", dt.date(2023, 6, 1)),
    )  # fmt: skip

    owed = entrant_obligations(rubric, chiang_mai, criteria=["1.2"])
    assert [o.written for o in owed] == [dt.date(2023, 3, 31), dt.date(2023, 6, 15)]  # no longer 30 June


def test_a_criterion_timing_the_same_files_moves_with_it_unless_unticked(rubric, central_user):
    assert [c.key for c in companions(rubric, "4.1.1")] == ["criterion:4.1.2"]  # 4.1.2 times 4.1.1's files
    old = Criterion.objects.get(rubric=rubric, code="4.1.2").deadline
    move = {"user": central_user, "rubric": rubric, "code": "4.1.1", "reason": "อุทกภัย"}

    timetable.criterion_deadline_set(**move, deadline=dt.date(2023, 6, 14), also=[])
    assert Criterion.objects.get(rubric=rubric, code="4.1.2").deadline == old
    timetable.criterion_deadline_set(**move, deadline=dt.date(2023, 6, 16))  # nothing unticked: both move
    assert Criterion.objects.get(rubric=rubric, code="4.1.2").deadline == dt.date(2023, 6, 16)
    assert set(deadline_moves(rubric)) == {"4.1.1", "4.1.2"}


def test_the_history_records_who_moved_it_with_which_letter(rubric, central_user):
    central_user.first_name, central_user.last_name = "สมชาย", "ใจดี"
    central_user.save()
    timetable.criterion_deadline_set(
        user=central_user, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย",
        letter=Letter("มท 0410.4/ว 6001", dt.date(2023, 5, 25)),
    )  # fmt: skip
    change = RubricChange.objects.get()
    assert (change.user, change.reason, change.letter_number, change.letter_date) == (
        central_user,
        "อุทกภัย",
        "มท 0410.4/ว 6001",
        dt.date(2023, 5, 25),
    )
    [move] = deadline_moves(rubric)["4.1.1"]
    assert (move.new, move.letter_number, move.letter_date, move.by, move.letter_pdf) == (
        dt.date(2023, 6, 14),
        "มท 0410.4/ว 6001",
        dt.date(2023, 5, 25),
        "สมชาย ใจดี",
        False,
    )


@pytest.mark.parametrize(
    "letter",
    [Letter("มท 0410.4/ว 6001", None), Letter("", dt.date(2023, 5, 25)), Letter("ว" * 81, dt.date(2023, 5, 25))],
)
def test_a_letter_is_cited_whole_or_not_at_all_and_nothing_moves_otherwise(rubric, central_user, letter):
    with pytest.raises(ChangeRefused) as refused:
        timetable.criterion_deadline_set(
            user=central_user, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย",
            letter=letter,
        )  # fmt: skip
    assert refused.value.field == "letter_number"
    assert not RubricChange.objects.exists() and not Receipt.objects.exists()


def test_without_the_second_factor_nothing_moves(rubric, second_factor_required):
    central = UserFactory(role=Role.CENTRAL)
    before = Criterion.objects.get(rubric=rubric, code="4.1.1").deadline
    with pytest.raises(SecondFactorRequired):
        timetable.criterion_deadline_set(
            user=central, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย"
        )
    assert Criterion.objects.get(rubric=rubric, code="4.1.1").deadline == before
    timetable.criterion_deadline_set(
        user=as_confirmed(central), rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย"
    )
    assert Criterion.objects.get(rubric=rubric, code="4.1.1").deadline == dt.date(2023, 6, 14)


@pytest.mark.parametrize("role", [Role.OFFICE_STAFF, Role.COMMITTEE, Role.CHAIR, Role.ORGANISER])
def test_only_whoever_runs_the_contest_moves_its_deadlines(rubric, chiang_mai, role):
    user = UserFactory(role=role, role__unit=chiang_mai if role in (Role.OFFICE_STAFF, Role.ORGANISER) else None)
    with pytest.raises(PermissionDenied):
        timetable.criterion_deadline_set(
            user=user, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย"
        )
    assert not RubricChange.objects.exists()


def test_the_letters_pdf_is_kept_and_served_only_to_whoever_sees_the_contest(client, chiang_mai, phuket):
    district = DistrictFactory(parent=chiang_mai)
    office = office_contest("cm-web-2564", chiang_mai, district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    timetable.criterion_deadline_set(
        user=organiser, rubric=office, code="1.1", deadline=dt.date(2021, 8, 15), reason="กำหนดส่ง"
    )
    timetable.criterion_deadline_set(
        user=organiser, rubric=office, code="1.1", deadline=dt.date(2021, 8, 31), reason="ขยายเวลา",
        letter=Letter("ชม 0019/ว 1234", dt.date(2021, 8, 10), SimpleUploadedFile("หนังสือ.pdf", PDF)),
    )  # fmt: skip
    change = RubricChange.objects.exclude(letter_file="").get()
    assert change.letter_file.name.startswith("letters/") and len(change.letter_sha256) == 64
    url = reverse("schedule:deadline_letter", args=[office.key, change.pk])
    for user, status in [
        (organiser, 200),
        (UserFactory(role=Role.OFFICE_STAFF, role__unit=district), 200),  # an entrant's staff: it sees the contest
        (UserFactory(role=Role.ORGANISER, role__unit=phuket), 404),  # another office's organiser
        (UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket), 404),  # another office
    ]:
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
        if status == 200:
            assert b"".join(response.streaming_content) == PDF and response["Content-Type"] == "application/pdf"


def test_a_letter_that_is_no_pdf_is_refused(rubric, central_user):
    from core.errors import PortalError

    page = SimpleUploadedFile("หนังสือ.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(PortalError):
        timetable.criterion_deadline_set(
            user=central_user, rubric=rubric, code="4.1.1", deadline=dt.date(2023, 6, 14), reason="อุทกภัย",
            letter=Letter("มท 0410.4/ว 6001", dt.date(2023, 5, 25), page),
        )  # fmt: skip
    assert not RubricChange.objects.exists()


def _file(rubric, code: str, day: str) -> dict:
    """The contest's own file (as its organiser downloads it) with one criterion's deadline changed."""
    data = json.loads(json.dumps(contest_file(rubric)))
    for dimension in data["dimensions"]:
        for criterion in dimension["criteria"]:
            if criterion["code"] == code:
                criterion["deadline"] = day
    return data


def test_a_rubric_file_that_moves_a_date_asks_why_lists_the_date_and_tells_the_entrants(chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    office = office_contest("cm-web-2564", chiang_mai, district)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    timetable.criterion_deadline_set(
        user=organiser, rubric=office, code="1.1", deadline=dt.date(2021, 8, 15), reason="กำหนดส่ง"
    )

    with pytest.raises(ChangeRefused) as refused:
        services.contest_save(user=organiser, data=_file(office, "1.1", "2021-08-31"))
    assert [str(line) for line in refused.value.moves] == ["ตัวชี้วัด ๑ กำหนดส่ง: ๑๕ ส.ค. ๒๕๖๔ → ๓๑ ส.ค. ๒๕๖๔"]
    assert not Receipt.objects.exists()

    services.contest_save(
        user=organiser, data=_file(office, "1.1", "2021-08-31"), reason="ขยายเวลาตามหนังสือจังหวัด",
        letter=Letter("ชม 0019/ว 1234", dt.date(2021, 8, 10)),
    )  # fmt: skip
    notice = Receipt.objects.get(user=staff).notice
    assert (notice.kind, notice.params["old"], notice.params["new"]) == (
        Kind.DEADLINE_MOVED,
        "2021-08-15",
        "2021-08-31",
    )
    assert notice.params["letter"] == "ชม 0019/ว 1234"
