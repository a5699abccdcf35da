import pytest

from contests.actor import actor_of
from people import directory
from people.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("n", [2, 6])
def test_the_departments_people_come_with_what_their_actor_reads(django_assert_num_queries, n):
    """A notice asks the actor of each candidate (who may know of an upload): their roles cost one query in
    all, however many sit on the committee, not one more per person."""
    for i in range(n):
        UserFactory(role=[Role.CENTRAL, Role.COMMITTEE, Role.CHAIR][i % 3])

    with django_assert_num_queries(1):
        on_committee = [actor_of(user).on_committee() for user in directory.department_people()]

    assert len(on_committee) == n
