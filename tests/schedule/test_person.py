"""What one person owes across contests (schedule.selectors.person_obligations): their office's evidence in the
contests it enters and their judging where they sit, each with a stable key and the page where one acts."""

from datetime import date

import pytest
from django.utils import timezone

from schedule.selectors import person_obligations
from schedule.states import ObligationKind, ObligationState
from scoring.demo import demo_present_year

TODAY = date(2027, 11, 25)
REAL_LOCALDATE = timezone.localdate


@pytest.fixture
def present(db, monkeypatch):
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: REAL_LOCALDATE(value, tz) if value else TODAY
    )
    return demo_present_year(today=TODAY)


def test_an_office_owes_its_evidence_by_round_and_nothing_of_another_office(present, provincial_user):
    owed = person_obligations(provincial_user, today=TODAY)
    keys = [o.key for o in owed]
    assert f"{present.key}:TH-50:1.2:1" in keys and f"{present.key}:TH-50:1.2:2" in keys
    assert {o.unit_code for o in owed} == {"TH-50"} and {o.kind for o in owed} == {ObligationKind.EVIDENCE}
    dated = [o.due for o in owed if o.due is not None]
    assert dated == sorted(dated)  # by due date, the undated last
    first = next(o for o in owed if o.key.endswith(":1.2:1"))
    assert first.url == f"/years/{present.key}/provinces/TH-50/criteria/1.2/"


def test_a_committee_member_owes_the_judging_by_its_deadline_and_no_evidence(present, committee_user):
    present.contest.judging_deadline = date(2028, 8, 31)
    present.contest.save(update_fields=["judging_deadline"])
    (judging,) = person_obligations(committee_user, today=TODAY)
    assert (judging.kind, judging.key, judging.written, judging.state) == (
        ObligationKind.JUDGING, f"{present.key}:judging:{committee_user.pk}", date(2028, 8, 31), ObligationState.OPEN
    )  # fmt: skip


def test_a_window_and_states_narrow_what_is_owed(present, provincial_user):
    window = person_obligations(provincial_user, due_from=date(2028, 3, 1), due_to=date(2028, 3, 31), today=TODAY)
    assert window and all(date(2028, 3, 1) <= o.due <= date(2028, 3, 31) for o in window)
    assert person_obligations(provincial_user, states=[ObligationState.SENT], today=TODAY) == []
