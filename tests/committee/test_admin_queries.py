"""Admin pages cost the same number of queries for few rows and for many."""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from committee import services
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod, Criterion
from submissions.models import Evidence, EvidenceKind, Submission

from ..factories import UserFactory
from .conftest import judgment_recorder

pytestmark = [pytest.mark.pg, pytest.mark.django_db]  # queries counted

SCORE = reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])
PAGES = {
    "matrix": reverse("admin:committee_matrix"),
    "score": SCORE,
    "judgments": reverse("admin:committee_judgment_changelist"),
    "history": reverse("admin:committee_scorechange_changelist"),
    "clarifications": reverse("admin:committee_clarification_changelist"),
}
# Exact counts per role: a `rules` permission that is False falls through to Django's ModelBackend,
# which reads the user's and groups' permissions once per request (+2), e.g. central staff cannot score.
# Central staff's navigation bar reads the latest year for its calendar link (+1); their matrix also
# lists the provincial offices' contests to choose from (+1). Both screens read the cells with evidence and
# the progress: a member's own (their units and scores, +2 on the matrix), or every judge's for the chair and
# central staff (the judges, their scores and conflicts, +3).
# The committee's lists of every contest: + 2 for the contests it judges and their entrants, the actor's
# scope contest by contest.
# Every page: +1 for the bell's unread count (notices); +2 for a chair with some unread: the lock asked again
# about them (a notice of each with its contest and unit, the chair's conflicts).
QUERIES = {
    # the units counted and the page's taken in the database; the judges' progress counts its own cells with
    # evidence (the page's are only its rows')
    "matrix": {"chair": 20, "central": 20, "committee": 16},
    # rules asked with the rubric: no fall-through; the holidays are the rubric's cached calendar; the rows'
    # scope is the rubric's contest alone (no list of every contest the member may see)
    "score": {"chair": 23, "central": 22, "committee": 19},
    "judgments": {"chair": 14, "central": 12, "committee": 12},
    "history": {"chair": 14, "central": 12, "committee": 14},
    "clarifications": {"chair": 14, "central": 12, "committee": 12},
}


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _seed(rubric, chair, judge, provincial, *, n_members: int, units: list, n_evidence: int):
    """Scores by n members on the provinces × 4 criteria, a final, an override, a clarification round
    with a reply on each province, and n evidence versions for Chiang Mai's 4.1.1."""
    members = [UserFactory(role=Role.COMMITTEE) for _ in range(n_members)]
    for m_i, member in enumerate(members):
        for p in units:
            for code, points in (("4.1.1", ("1", "3", "5", "5")[m_i]), ("1.1", "5"), ("3.4", None), ("1.3", None)):
                judge(member, p, code, points=points, items=["1", "2"] if points is None else None)
    for p in units:
        cell = {"rubric": rubric, "unit": p}
        services.chair_final_record(
            chair=chair, **cell, criterion_code="4.1.1", points="3", reason="มติ", expected_version=0
        )
        services.override_record(
            member=members[0], **cell, criterion_code="3.3", points="4", reason="แก้", expected_version=0
        )
        clar = services.clarification_open(member=members[0], **cell, criterion_code="4.1.1", message="ขอเพิ่ม")
        services.clarification_reply(user=chair, clarification=clar, message="ถามเพิ่ม")
    chiang_mai = Unit.objects.get(code="TH-50")
    criterion = Criterion.objects.get(rubric=rubric, code="4.1.1")
    sub, _ = Submission.objects.get_or_create(rubric=rubric, unit=chiang_mai, criterion=criterion)
    start = sub.evidence.count()
    for v in range(start + 1, start + n_evidence + 1):
        Evidence.objects.create(
            submission=sub,
            version=v,
            kind=EvidenceKind.LINK,
            url=f"https://example.org/{v}",
            created_at=timezone.now(),
            created_by=provincial,
        )


@pytest.fixture(scope="module")
def counted(django_db_setup, django_db_blocker) -> dict[tuple[str, str], tuple[int, int]]:
    """{(page, role): (queries with few rows, with many)}, measured once for the module in a transaction rolled back
    at its end. Seeding through the real services was two thirds of each test's time; the rows are seeded twice,
    not thirty times, and every page is counted for every role on the same rows: a page's count for one role does
    not depend on rows another role added (which is what is asserted)."""
    with django_db_blocker.unblock(), transaction.atomic():
        measured = _measure()
        transaction.set_rollback(True)
    return measured


def _measure() -> dict[tuple[str, str], tuple[int, int]]:
    rubric = ContestPeriod.objects.get(year=2566)
    judge = judgment_recorder(rubric)
    chiang_mai, others = Unit.objects.get(code="TH-50"), list(Unit.objects.exclude(code="TH-50")[:10])
    chair, provincial = UserFactory(role=Role.CHAIR), UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    users = {"chair": chair, "central": UserFactory(role=Role.CENTRAL), "committee": UserFactory(role=Role.COMMITTEE)}
    judge(users["committee"], chiang_mai, "4.1.1", points="3")  # the member has a score of their own
    client = Client()

    def every_page() -> dict[tuple[str, str], int]:
        # The per-process caches (the rubric's spec, calendar and codes) are the process's, not a user's: one
        # request of each page warms them for every role, and each role's request is then counted once.
        client.force_login(chair)
        for url in PAGES.values():
            client.get(url)
        found = {}
        for who, user in users.items():
            client.force_login(user)
            found.update({(page, who): _count(client, url) for page, url in PAGES.items()})
        return found

    _seed(rubric, chair, judge, provincial, n_members=1, units=[chiang_mai], n_evidence=1)
    few = every_page()
    _seed(rubric, chair, judge, provincial, n_members=4, units=others, n_evidence=3)
    many = every_page()
    return {key: (few[key], many[key]) for key in few}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("who", ["chair", "central", "committee"])
def test_committee_admin_page_query_count_constant(counted, page, who):
    assert counted[page, who] == (QUERIES[page][who], QUERIES[page][who])
