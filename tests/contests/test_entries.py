"""An entry is a contest x one of its units, and the acts about an office's part in a contest are asked about it:
"this unit enters this contest" is inside the answer (contests/entries.py, docs/architecture.md, the lock)."""

import pytest

from contests.entries import Entry
from contests.models import Unit
from core import acts
from people.models import Role
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db
SUBMIT, SEE = "submissions.submit_evidence", "contests.see_unit"


@pytest.fixture
def district_contest():
    """Chonburi's (TH-20) district contest among two of its districts, and those districts."""
    chonburi = Unit.objects.get(code="TH-20")
    d1, d2 = DistrictFactory(parent=chonburi), DistrictFactory(parent=chonburi)
    return office_contest("chonburi-web-2564", chonburi, d1, d2).contest, d1, d2


def test_an_office_sends_evidence_for_its_own_unit_in_a_contest_it_enters_only(
    rubric, provincial_user, chiang_mai, phuket, district_contest
):
    contest, d1, _ = district_contest
    assert acts.allowed(provincial_user, SUBMIT, Entry(rubric.contest, chiang_mai))
    assert not acts.allowed(provincial_user, SUBMIT, Entry(rubric.contest, phuket))  # another office
    assert not acts.allowed(provincial_user, SUBMIT, Entry(contest, chiang_mai))  # a contest it does not enter
    district = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)
    assert acts.allowed(district, SUBMIT, Entry(contest, d1))
    assert not acts.allowed(district, SUBMIT, Entry(rubric.contest, d1))  # a district in the national contest


def test_a_unit_is_seen_in_a_contest_only_where_it_enters(rubric, committee_user, chiang_mai, district_contest):
    contest, d1, _ = district_contest
    assert acts.allowed(committee_user, SEE, Entry(rubric.contest, chiang_mai))
    assert not acts.allowed(committee_user, SEE, Entry(rubric.contest, d1))  # the Department sees it, not there
    assert acts.allowed(committee_user, SEE, Entry(contest, d1))
    assert not acts.allowed(committee_user, SEE, Entry(contest, chiang_mai))  # not one of the districts


def test_an_entrys_answer_is_kept_for_the_request_until_its_contest_changes_state(
    rubric, provincial_user, chiang_mai, django_assert_num_queries
):
    entry = Entry(rubric.contest, chiang_mai)
    assert acts.allowed(provincial_user, SUBMIT, entry)
    with django_assert_num_queries(0):
        assert acts.allowed(provincial_user, SUBMIT, Entry(rubric.contest, chiang_mai))  # an equal entry
    # The contest's state is part of what the answer is kept under: a draft's answer is not an open contest's.
    assert entry.acts_key == ("entry", rubric.contest.pk, rubric.contest.state, chiang_mai.pk)
