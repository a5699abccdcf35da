"""Another office's contest as the target: Chonburi's (TH-20) district contest with its private
objects, and the users who must be checked against it, built once per module."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings

from accounts.models import AccountEvent, Event
from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from committee import clarify, panels
from committee import services as committee_services
from committee.models import ScoreChange
from contests.models import ContestState, Unit
from nominees.services import nominee_submit
from people.models import Conflict, Role
from rubrics.models import RubricChange
from scoring.models import Fact, FactChange, FactSource, Standing
from submissions.models import Submission

from ...factories import DistrictFactory, UserFactory, office_contest
from ..conftest import PARAMS, PDF, World, evidence_of, pdf_upload, resumable_of, sign_in

# Every object of Chonburi's contest carries this marker, its names too: whoever may not see the contest
# must not learn it exists.
MARK = "LEAK-TH20"
KEY = "chonburi-web-2564"
CRITERION = "1.1"
ATTACKERS = ("anonymous", "other_organiser", "other_district", "other_panelist", "office_staff", "committee")
ROLES = (*ATTACKERS, "organiser", "entrant", "panelist")  # the last three: the contest's own, the controls
STRANGERS = ("anonymous", "other_organiser", "other_district", "other_panelist")  # nobody, and another office


def chonburi_world() -> World:
    """Chonburi runs KEY among two of its districts; Nong Khai (TH-43) runs one of its own, so its organiser,
    its panelist and its district's staff are users with contests, only not this one."""
    chonburi, nong_khai = Unit.objects.get(code="TH-20"), Unit.objects.get(code="TH-43")
    entrant, rival, outsider = (DistrictFactory(parent=chonburi) for _ in range(3))
    rubric = office_contest(KEY, chonburi, entrant, rival, nominates=True, mark=MARK)
    contest = rubric.contest
    nk_district = DistrictFactory(parent=nong_khai)
    nk_contest = office_contest("nongkhai-web-2564", nong_khai, nk_district).contest
    org, staff = Role.ORGANISER, Role.OFFICE_STAFF
    offices = {
        "organiser": (org, chonburi), "entrant": (staff, entrant), "panelist": (staff, outsider),
        "chair": (staff, chonburi), "office_staff": (staff, chonburi), "other_organiser": (org, nong_khai),
        "other_district": (staff, nk_district), "other_panelist": (staff, nong_khai),
        "committee": (Role.COMMITTEE, None), "central": (Role.CENTRAL, None),
    }  # fmt: skip
    user = {name: UserFactory(role=role, role__unit=unit) for name, (role, unit) in offices.items()}
    panels.panelist_appoint(by=user["organiser"], contest=contest, user=user["panelist"])
    panels.panelist_appoint(by=user["organiser"], contest=contest, user=user["chair"], is_chair=True)
    panels.panelist_appoint(by=user["other_organiser"], contest=nk_contest, user=user["other_panelist"])
    # The chair's conflict with the other entrant, the contest's own (its reason is Chonburi's business).
    committee_services.conflict_set(
        by=user["organiser"], member=user["chair"], unit=rival, conflicted=True, reason=MARK, contest=contest
    )
    cell = {"rubric": rubric, "unit": entrant, "criterion_code": CRITERION}
    evidence = evidence_of(pdf_upload(MARK), user=user["entrant"], **cell, description=MARK)
    judgment = committee_services.judgment_record(
        member=user["panelist"], **cell, points=Decimal("5"), note=MARK, expected_version=0
    )
    question = clarify.clarification_open(member=user["panelist"], **cell, message=MARK)
    final = committee_services.chair_final_record(
        chair=user["chair"], **cell, points=Decimal("4"), reason=MARK, expected_version=0
    )
    nominee = nominee_submit(user=user["organiser"], contest=contest, unit=entrant, name_th=MARK, position_th=MARK)
    document = GeneratedDocument.objects.create(
        rubric=rubric, kind=DocumentKind.BREAKDOWN, unit=entrant, scope=entrant.code, source_key=MARK, version=1
    )
    document.status = DocumentStatus.DONE
    document.file.save(f"{MARK}.pdf", ContentFile(PDF.replace(b"LEAK-TH50", MARK.encode())))
    fact = Fact.objects.create(
        rubric=rubric, unit=entrant, criterion=rubric.criteria.get(code=CRITERION), name="note", value=MARK,
        source=FactSource.ADMIN, updated_by=user["organiser"],
    )  # fmt: skip
    change = FactChange.objects.create(fact=fact, new_value=MARK, source=FactSource.ADMIN, changed_by=user["organiser"])
    objects = {
        "submissions.evidence": evidence,
        "submissions.submission": Submission.objects.get(pk=evidence.submission_id),
        "committee.judgment": judgment,
        "committee.chairfinal": final,
        "committee.scorechange": ScoreChange.objects.filter(rubric=rubric).first(),
        "committee.clarification": question,
        "people.conflict": Conflict.objects.get(member=user["chair"]),
        "awards.generateddocument": document,
        "contests.unit": entrant,
        "scoring.fact": fact,
        "scoring.factchange": change,
        "scoring.standing": Standing.objects.get(unit=entrant, rubric=rubric),
        "rubrics.contestperiod": rubric,
        "rubrics.rubricchange": RubricChange.objects.create(
            contest=contest, rubric=rubric, user=user["organiser"], state=ContestState.OPEN, reason=MARK
        ),
        "rubrics.criterion": rubric.criteria.get(code=CRITERION),
        "rubrics.awardtier": rubric.award_tiers.first(),
        "contests.contest": contest,
        "nominees.nominee": nominee,
        "auth.user": user["entrant"],
        "accounts.accountevent": AccountEvent.objects.create(user=user["entrant"], kind=Event.SIGN_IN),
        "submissions.resumableupload": resumable_of(user["entrant"], rubric=rubric, unit=entrant, code=CRITERION),
    }
    params = PARAMS | {"key": KEY, "year": KEY, "slug": KEY, "code": entrant.code, "unit": entrant.code}
    params |= {"criterion": CRITERION}
    return World(
        users={"anonymous": None, **user}, objects=objects, name="office", year=2564, code=entrant.code,
        criterion=CRITERION, mark=MARK, params=params, roles=ROLES, attackers=ATTACKERS, strangers=STRANGERS,
    )  # fmt: skip


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module, in a transaction rolled back at its end; each test's own changes roll
    back to here (as tests/committee/test_demo.py)."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        world = sign_in(chonburi_world())
        yield world, media
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def media_root(request):
    """The module's world's files for a test of it, MEDIA_ROOT while `built` lasts (tests/security/media.py's:
    a fresh empty folder, made only for a test without the world)."""
    cache.clear()
    if "office" in request.fixturenames:
        return request.getfixturevalue("built")[1]
    settings = request.getfixturevalue("settings")
    settings.MEDIA_ROOT = request.getfixturevalue("tmp_path") / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def office(built, db) -> World:
    return built[0]
