import json
from decimal import Decimal

import pytest

from committee import services
from people.models import Role
from scoring import services as scoring_services
from scoring.recompute import standings_recompute

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


@pytest.fixture
def office_contest(db):
    """office_contest("cm-web-2564", chiang_mai, d1, d2): seed 001's website contest (every criterion
    judged), run by that provincial office among the given districts, with its standings computed."""

    def load(slug: str, office, *entrants):
        data = json.loads(open("scoring/rubrics/chonburi-web-2564.json", encoding="utf-8").read())
        code = office.code.removeprefix("TH-")
        data["contest"] = {**data["contest"], "slug": slug, "organiser": code, "entrants": [e.code for e in entrants]}
        rubric = scoring_services.rubric_load(data=data)
        standings_recompute(rubric_id=rubric.pk, full=True)
        return rubric

    return load
