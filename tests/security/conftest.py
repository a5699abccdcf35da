"""A world with Chiang Mai's (TH-50) private objects and six users who must be checked against them."""

import contextlib
import re
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.utils import timezone
from knox.models import AuthToken

from accounts.models import AccountEvent, Event
from awards.models import DocumentKind, DocumentStatus, GeneratedDocument
from committee import clarify
from committee import services as committee_services
from contests.models import ContestState
from core import files
from people.models import Conflict, Role
from rubrics.models import RubricChange
from scoring.models import Fact, FactChange, FactSource, Standing
from submissions import services as submission_services
from submissions.models import ResumableUpload, Submission

from ..factories import DistrictFactory, UserFactory, office_contest
from .media import media_root  # noqa: F401  (each test its own files and cache, as tests/whole/security's)

# Every TH-50 object carries this marker; a response that shows it to the wrong role is a leak.
MARK = "LEAK-TH50"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + MARK.encode()
# key: a route's <contest:key>; year: the same contest in a query ("?year=", the committee's matrix)
PARAMS = {
    "key": "2566",
    "year": "2566",
    "code": "TH-50",
    "unit": "TH-50",
    "criterion": "4.1.1",
    "app_label": "submissions",
}
PARAMS |= {"sheet": "judgments", "fmt": "csv", "slug": "cdd4-2566"}  # slug: the national contest
PARAMS |= {"token": "not-a-token", "uidb64": "MQ"}  # an account link's parts: a forged one
PARAMS |= {"role": "office"}  # a help page's role (ops.help)
PARAMS |= {"secret": "not-a-secret"}  # a calendar address's secret: a forged one
PARAMS |= {"provider": "thaid"}  # a digital ID's provider: none is configured here


def url_patterns(resolver=None, prefix="", namespace=""):
    """(key, route) for every leaf pattern; key is the URL name, or the route when it has none."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_patterns(pattern, prefix + str(pattern.pattern), ns)
        else:
            route = prefix + str(pattern.pattern)
            yield (f"{namespace}{pattern.name}" if pattern.name else route), route


def schema_operations() -> list[tuple[str, str]]:
    """(URL name, METHOD) for every operation of the OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, operations in schema["paths"].items():
        concrete = re.sub(r"\{(\w+)\}", lambda m: PARAMS.get(m.group(1), "1"), path)
        for method in operations:
            found.append((resolve(concrete).view_name, method.upper()))
    return found


ACCESS = {"ip_address": "192.0.2.1", "user_agent": "test", "http_accept": "*/*", "path_info": "/accounts/login/"}
INNOVATION = {
    "office": "สพจ.เชียงใหม่", "office_phone": "053-1", "coordinator_name": "สมศรี", "coordinator_position": "นักวิชาการ",
    "coordinator_phone": "053-2", "coordinator_mobile": "081-1", "coordinator_email": "s@example.org",
    "innovation_type": "policy",
}  # fmt: skip
ROLES = ("anonymous", "other_province", "other_organiser", "conflicted", "owner", "committee", "chair", "central")


@dataclass
class World:
    users: dict
    objects: dict  # model label ("submissions.evidence") -> TH-50's object
    name: str = "national"  # which of each rule's rows it asks (test_isolation_rules.WORLDS)
    year: int = 2566
    code: str = "TH-50"
    criterion: str = "4.1.1"
    mark: str = MARK
    params: dict = field(default_factory=lambda: PARAMS)  # fills a route's <key>, <code>, ...
    roles: tuple = ROLES  # the order of a rule's expectations
    attackers: tuple = ("anonymous", "other_province", "other_organiser")  # never see the mark, whatever the rule says
    # No business with the target at all: nobody signed in, another office's staff and organiser, a member
    # conflicted with it. Their columns are the matrix's share of `make check`; the rest of each row runs in
    # `make test`.
    strangers: tuple = ("anonymous", "other_province", "other_organiser", "conflicted")
    sessions: dict = field(default_factory=dict)  # role -> session key, once signed in (`sign_in`)


def sign_in(world: World) -> World:
    """Each user's session, made once where the world is built: `force_login` for every request of the
    matrix was a quarter of its time (the login signal's writes). Each request then starts from a fresh client
    carrying that session's cookie, so whatever a request does to its session is rolled back with it."""
    logs, events = AccessLog.objects.count(), AccountEvent.objects.count()
    for role, user in world.users.items():
        if user is not None:
            client = Client()
            client.force_login(user)
            world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    # What the sign-ins logged goes, so the tables the matrix reads hold what they held when each test signed in.
    AccessLog.objects.filter(pk__in=AccessLog.objects.order_by("pk").values("pk")[logs:]).delete()
    AccountEvent.objects.filter(pk__in=AccountEvent.objects.order_by("pk").values("pk")[events:]).delete()
    return world


def pdf_upload(mark: str = MARK) -> TemporaryUploadedFile:
    """A small PDF named and filled with the mark, streamed to a temporary file as an upload is."""
    content = PDF.replace(MARK.encode(), mark.encode())
    upload = TemporaryUploadedFile(f"{mark}.pdf", "application/pdf", len(content), None)
    upload.write(content)
    upload.seek(0)
    return upload


def evidence_of(upload: TemporaryUploadedFile, **fields):
    """evidence_submit with the upload, which the service moves into MEDIA_ROOT."""
    evidence = submission_services.evidence_submit(upload=upload, **fields)
    with contextlib.suppress(FileNotFoundError):  # the service moved the temporary file away
        upload.close()
    return evidence


@pytest.fixture
def world(rubric, chiang_mai, phuket) -> World:
    return th50_world(rubric, chiang_mai, phuket)


def resumable_of(user, **target) -> ResumableUpload:
    """A file half sent in pieces (tus), its name and description carrying the mark."""
    upload = ResumableUpload.objects.create(
        user=user, filename=f"{MARK}.pdf", description=MARK, length=1000, expires_at=timezone.now() + timedelta(days=1),
        **target,
    )  # fmt: skip
    local = files.upload_tmp_dir() / f"{upload.pk}.piece"
    local.write_bytes(b"%PDF-1.4\n")
    files.put(f"tus/{upload.pk}/000000000000-a", local)
    ResumableUpload.objects.filter(pk=upload.pk).update(offset=9, pieces=[f"tus/{upload.pk}/000000000000-a"])
    return upload


def th50_world(rubric, chiang_mai, phuket) -> World:
    """TH-50's private objects, each carrying the mark, and the eight users (tests/security/isolation.py builds
    it once for each module of the isolation table)."""
    owner = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    committee, conflicted = UserFactory(role=Role.COMMITTEE), UserFactory(role=Role.COMMITTEE)
    chair, central = UserFactory(role=Role.CHAIR), UserFactory(role=Role.CENTRAL)
    Conflict.objects.create(member=conflicted, unit=chiang_mai, reason=MARK)
    evidence = evidence_of(
        pdf_upload(), user=owner, rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", description=MARK
    )
    judgment = committee_services.judgment_record(
        member=committee,
        rubric=rubric,
        unit=chiang_mai,
        criterion_code="4.1.1",
        points=Decimal("1"),
        items=None,
        note=MARK,
        expected_version=0,
    )
    question = clarify.clarification_open(
        member=committee, rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message=MARK
    )
    document = GeneratedDocument.objects.create(
        rubric=rubric, kind=DocumentKind.BREAKDOWN, unit=chiang_mai, scope="TH-50", source_key=MARK, version=1
    )
    document.status = DocumentStatus.DONE
    document.file.save(f"{MARK}.pdf", ContentFile(PDF))
    # TH-50 an awardee, with its own certificate split from the combined file: asked for and taken by whoever
    # runs the contest only.
    winner = rubric.award_tiers.order_by("order").first().code
    Standing.objects.filter(rubric=rubric, unit=chiang_mai).update(award=winner)
    combined = GeneratedDocument.objects.create(
        rubric=rubric, kind=DocumentKind.CERTIFICATES, source_key=MARK, version=1, status=DocumentStatus.DONE
    )
    certificate = GeneratedDocument(
        rubric=rubric, kind=DocumentKind.CERTIFICATES, unit=chiang_mai, scope="TH-50", source_key=MARK, version=1,
        status=DocumentStatus.DONE, combined=combined,
    )  # fmt: skip
    certificate.file.save(f"{MARK}-certificate.pdf", ContentFile(PDF))
    office_contest("phuket-web-2564", phuket, DistrictFactory(parent=phuket))  # the other organiser's own contest
    # TH-50's rows behind the admin's own lists carry the mark too (a conflicted member must not see them).
    report = submission_services.innovation_report_save(
        user=owner, rubric=rubric, unit=chiang_mai, data=INNOVATION | {"title_th": MARK}
    )
    fact = Fact.objects.create(
        rubric=rubric, unit=chiang_mai, criterion=rubric.criteria.get(code="1.1"), name="note", value=MARK,
        source=FactSource.ADMIN, updated_by=central,
    )  # fmt: skip
    FactChange.objects.create(fact=fact, new_value=MARK, source=FactSource.ADMIN, changed_by=central)
    users = {
        "anonymous": None,
        "other_province": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "conflicted": conflicted,
        "owner": owner,
        "committee": committee,
        "chair": chair,
        "central": central,
    }
    objects = {
        "submissions.evidence": evidence,
        "submissions.submission": Submission.objects.get(pk=evidence.submission_id),
        "submissions.innovationreport": report,
        "committee.judgment": judgment,
        "committee.clarification": question,
        "people.conflict": Conflict.objects.get(member=conflicted),
        "awards.generateddocument": document,
        "awards.generateddocument certificate": certificate,
        "contests.unit": chiang_mai,
        "scoring.fact": fact,
        "scoring.factchange": FactChange.objects.filter(fact=fact).first() if fact else None,
        "scoring.standing": Standing.objects.filter(unit=chiang_mai, rubric=rubric).first(),
        "rubrics.rubricchange": RubricChange.objects.create(
            contest=rubric.contest, rubric=rubric, user=central, state=ContestState.OPEN, reason=MARK
        ),
        "auth.user": owner,
        "accounts.accountevent": AccountEvent.objects.create(user=owner, username=owner.username, kind=Event.SIGN_IN),
        "submissions.resumableupload": resumable_of(owner, rubric=rubric, unit=chiang_mai, code="4.1.1"),
        "knox.authtoken": AuthToken.objects.create(user=owner)[0],
        "axes.accessattempt": AccessAttempt.objects.create(username=owner.username, **ACCESS, failures_since_start=1),
        "axes.accesslog": AccessLog.objects.create(username=owner.username, **ACCESS),
    }
    return World(users=users, objects=objects)
