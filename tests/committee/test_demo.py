"""`bootstrap --demo` gives the committee something to look at: evidence in every state."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from committee.demo import PROVINCES
from committee.models import ChairFinal, Clarification, ClarificationStatus, Judgment
from people.models import Membership
from rubrics.models import ContestPeriod
from scoring.demo import present_year
from submissions.models import Evidence, Submission
from tests.demo_world import demo_world  # noqa: F401  (the demo, loaded once per worker)

pytestmark = pytest.mark.usefixtures("demo_world")


@pytest.fixture
def demo(db, settings) -> Path:
    """The demo's media folder, the module's own copy of the files it stored."""
    return Path(settings.MEDIA_ROOT)


def test_demo_evidence_for_a_dozen_provinces_in_every_state(demo):
    assert set(Submission.objects.values_list("unit__code", flat=True)) == set(PROVINCES)
    files = Evidence.objects.all()
    assert {e.file_kind for e in files} == {"pdf", "image"}
    for e in files:  # each file whole on disk, as the upload service stored it
        assert hashlib.sha256((Path(demo) / e.stored_path).read_bytes()).hexdigest() == e.sha256
    # The demo lives in the present fiscal year: everything was sent in the fortnight before now,
    # the year's deadlines are ahead, and what is due at the end of June (1.2) nobody has sent yet.
    year = present_year(timezone.localdate())
    assert set(Submission.objects.values_list("rubric__year", flat=True)) == {year}
    now = timezone.now()
    assert all(now - timedelta(days=17) < e.created_at < now for e in files)
    assert not Evidence.objects.filter(submission__criterion__code="1.2").exists()
    # withdrawn and replaced
    replaced = Evidence.objects.filter(submission__criterion__code="3.2", submission__unit__code="TH-50")
    assert [(e.version, e.withdrawn) for e in replaced.order_by("version")] == [(1, True), (2, False)]
    # waiting for a clarification
    waiting = Clarification.objects.get(unit__code="TH-50", criterion__code="3.4")
    assert waiting.status == ClarificationStatus.OPEN
    # scored by one member, by both, and with the chair's final score
    members_per_cell = {}
    for unit, criterion in Judgment.objects.values_list("unit__code", "criterion__code"):
        members_per_cell[(unit, criterion)] = members_per_cell.get((unit, criterion), 0) + 1
    assert set(members_per_cell.values()) == {1, 2}
    assert ChairFinal.objects.filter(unit__code="TH-50", criterion__code="3.1").exists()


def test_demo_runs_again_without_adding_anything(demo):
    def counts():
        national = ContestPeriod.objects.national().count()
        return (Evidence.objects.count(), Judgment.objects.count(), Clarification.objects.count(), national)

    before = counts()
    call_command("bootstrap", "--no-units", demo=True, stdout=open(os.devnull, "w"))
    assert counts() == before
    assert before[0] == 80  # a dozen provinces, 6 files each and their scenarios (none late: see above)
    assert before[3] == 2  # B.E. 2566's and the present fiscal year's: a second start adds no year


def test_without_the_units_no_district_staff_and_no_contest_judgments(demo):
    # --no-units skips the contests among districts, and the district offices' logins with them.
    users = set(Membership.objects.values_list("user__username", flat=True))
    assert {"chonburi", "nongkhai", "ubon"} <= users
    assert not {"mueangchonburi", "mueangnongkhai"} & users
    assert set(Judgment.objects.values_list("rubric__year", flat=True)) == {present_year(timezone.localdate())}
