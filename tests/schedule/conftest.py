import pytest

from people.models import Role
from tests.factories import UserFactory


@pytest.fixture
def staff(chiang_mai, phuket):
    """Chiang Mai's and Phuket's office staff, each with an address: who is reminded of each office's rounds."""
    return {
        "cm": UserFactory(username="cm", email="cm@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "pk": UserFactory(username="pk", email="pk@example.org", role=Role.OFFICE_STAFF, role__unit=phuket),
    }
