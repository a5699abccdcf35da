import pytest

from notices.models import Receipt
from people.models import Role
from tests.factories import UserFactory


def inbox_of(*users) -> dict[str, list[str]]:
    """username → the kinds in their inbox, oldest first."""
    return {
        u.username: list(Receipt.objects.filter(user=u).order_by("notice_id").values_list("notice__kind", flat=True))
        for u in users
    }


def mailed(outbox) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


@pytest.fixture
def people(chiang_mai, phuket):
    """One person of each kind, with an address: TH-50's staff, Phuket's, central, committee, a member
    conflicted on TH-50, the chair."""
    from people.models import Conflict

    made = {
        "cm": UserFactory(username="cm", email="cm@example.org", role=Role.OFFICE_STAFF, role__province=chiang_mai),
        "pk": UserFactory(username="pk", email="pk@example.org", role=Role.OFFICE_STAFF, role__province=phuket),
        "central": UserFactory(username="central", email="central@example.org", role=Role.CENTRAL),
        "member": UserFactory(username="member", email="member@example.org", role=Role.COMMITTEE),
        "conflicted": UserFactory(username="conflicted", email="conflicted@example.org", role=Role.COMMITTEE),
        "chair": UserFactory(username="chair", email="chair@example.org", role=Role.CHAIR),
    }
    Conflict.objects.create(member=made["conflicted"], province=chiang_mai)
    return made
