from decimal import Decimal

import pytest

from committee import services
from contests.models import Unit
from people.models import Role

from .. import factories
from ..factories import DistrictFactory, UserFactory


@pytest.fixture
def chair(db):
    return UserFactory(role=Role.CHAIR)


@pytest.fixture
def members(db):
    return [UserFactory(role=Role.COMMITTEE) for _ in range(3)]


@pytest.fixture
def judge(rubric):
    """judge(member, province, "4.1.1", points="3") — a first score through the real service."""
    return judgment_recorder(rubric)


def judgment_recorder(rubric):
    def record(member, unit, code, points=None, items=None, version=0, note=""):
        return services.judgment_record(
            member=member,
            rubric=rubric,
            unit=unit,
            criterion_code=code,
            points=None if points is None else Decimal(points),
            items=items,
            note=note,
            expected_version=version,
        )

    return record


@pytest.fixture
def sent(rubric):
    """sent(province, "4.1.1"): the province's staff send a link for the criterion through the real service,
    so the committee has something to judge there."""
    from submissions import services as evidence

    def send(unit, code, rubric=rubric):
        staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=unit)
        return evidence.evidence_submit(
            user=staff, rubric=rubric, unit=unit, criterion_code=code, url=f"https://example.org/{code}"
        )

    return send


@pytest.fixture
def office_contest(db):
    """office_contest("cm-web-2564", chiang_mai, d1, d2): tests.factories.office_contest."""
    return factories.office_contest


@pytest.fixture
def cb(office_contest):
    """(rubric, d1, d2): Chonburi's office runs a contest among two of its districts."""
    return cb_contest()


def cb_contest():
    chonburi = Unit.objects.get(code="TH-20")
    d1, d2 = DistrictFactory(parent=chonburi), DistrictFactory(parent=chonburi)
    return factories.office_contest("cb-web-2564", chonburi, d1, d2), d1, d2


@pytest.fixture
def cb_people(cb):
    """Its organiser, and its panel: two members (the office's, and a non-entrant district's: an entrant's
    own staff never judge it) and a chair."""
    return cb_panel(cb[0])


def cb_panel(rubric):
    chonburi = rubric.contest.organiser
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chonburi, username="cb-organiser")
    panel1 = UserFactory(role=Role.OFFICE_STAFF, role__unit=chonburi, username="cb-panel1")
    d3 = DistrictFactory(parent=chonburi)
    panel2 = UserFactory(role=Role.OFFICE_STAFF, role__unit=d3, username="cb-panel2")
    chair = UserFactory(role=Role.OFFICE_STAFF, role__unit=chonburi, username="cb-chair")
    for user in (panel1, panel2):
        services.panelist_appoint(by=organiser, contest=rubric.contest, user=user)
    services.panelist_appoint(by=organiser, contest=rubric.contest, user=chair, is_chair=True)
    return {"organiser": organiser, "panel1": panel1, "panel2": panel2, "chair": chair}


@pytest.fixture
def cm_people(office_contest, chiang_mai):
    """Chiang Mai's own contest among its district, its organiser and a panelist."""
    return cm_panel(chiang_mai)


def cm_panel(chiang_mai):
    mae_rim = DistrictFactory(parent=chiang_mai)
    rubric = factories.office_contest("cm-web-2564", chiang_mai, mae_rim)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai, username="cm-organiser")
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, username="cm-panel1")
    services.panelist_appoint(by=organiser, contest=rubric.contest, user=panelist)
    return {"rubric": rubric, "district": mae_rim, "organiser": organiser, "panelist": panelist}
