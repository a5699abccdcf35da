from decimal import Decimal

import pytest

from committee import services
from people.models import Role

from ..factories import UserFactory


@pytest.fixture
def chair(db):
    return UserFactory(role=Role.CHAIR)


@pytest.fixture
def members(db):
    return [UserFactory(role=Role.COMMITTEE) for _ in range(3)]


@pytest.fixture
def judge(rubric):
    """judge(member, province, "4.1.1", points="3") — a first score through the real service."""

    def record(member, province, code, points=None, items=None, version=0, note=""):
        return services.judgment_record(
            member=member,
            rubric=rubric,
            province=province,
            criterion_code=code,
            points=None if points is None else Decimal(points),
            items=items,
            note=note,
            expected_version=version,
        )

    return record
