import pytest

from contests.actor import actor_of
from people import directory
from people.models import Conflict, Role
from rubrics.models import ContestPeriod
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("n", [3, 6])
def test_the_departments_people_come_with_what_their_actor_reads(django_assert_num_queries, chiang_mai, n):
    """A notice of an upload asks the actor of each candidate whether they judge the unit: their roles and their
    conflicts cost two queries in all, however many sit on the committee, not two more per person."""
    people = [UserFactory(role=[Role.COMMITTEE, Role.CHAIR, Role.CENTRAL][i % 3]) for i in range(n)]
    Conflict.objects.create(member=people[0], unit=chiang_mai)
    contest = ContestPeriod.objects.national().get(year=2566).contest

    with django_assert_num_queries(2):
        judging = {
            user.pk
            for user in directory.department_people()
            if actor_of(user).rights(contest).judges and not actor_of(user).rights(contest).conflicted(chiang_mai)
        }

    assert judging == {people[1].pk, *(p.pk for p in people[3:] if p.membership.role != Role.CENTRAL)}
