import hashlib
import json
from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from awards.verification import new_code
from contests.models import Level, Unit
from people.models import Membership, Role
from rubrics.models import ContestPeriod

PASSWORD = "test-pass-2566"


class UserFactory(factory.django.DjangoModelFactory):
    """UserFactory(role=Role.OFFICE_STAFF, role__unit=province)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, unit=None, **kwargs):
        if extracted:
            Membership.objects.create(user=self, role=extracted, unit=unit)
        self.is_staff = extracted in (Role.CENTRAL, Role.COMMITTEE, Role.CHAIR)
        self.save()


class DistrictFactory(factory.django.DjangoModelFactory):
    """DistrictFactory(parent=province); SubdistrictFactory(parent=district). Codes 60-99 under the parent,
    which the real data leaves free, so these also sit beside the loaded units file."""

    class Meta:
        model = Unit

    level = Level.DISTRICT
    parent = None
    dopa_code = factory.LazyAttributeSequence(lambda o, n: f"{o.parent.dopa_code}{99 - n % 40}")
    code = factory.SelfAttribute("dopa_code")
    is_cdd_office = factory.SelfAttribute("parent.is_cdd_office")
    name_th = factory.Sequence(lambda n: f"อำเภอทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test District {n}")


class SubdistrictFactory(DistrictFactory):
    level = Level.SUBDISTRICT
    name_th = factory.Sequence(lambda n: f"ตำบลทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test Subdistrict {n}")


class VillageFactory(DistrictFactory):
    level = Level.VILLAGE
    name_th = factory.Sequence(lambda n: f"หมู่บ้านทดสอบ{n}")
    name_en = factory.Sequence(lambda n: f"Test Village {n}")


def office_contest(slug: str, office, *entrants, nominates: bool = False, mark: str = "", year: int = 2564):
    """office_contest("cm-web-2564", chiang_mai, d1, d2): seed 001's website contest (every criterion judged),
    run by that provincial office among the given units, with its standings computed; `mark` ends its names;
    `year` moves it to another fiscal year (rulebook.moved)."""
    from rubrics import services
    from rulebook.moved import moved
    from scoring.recompute import standings_recompute

    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data = moved(data, year=2564, years=year - 2564)
    organiser = office.code.removeprefix("TH-")
    entrant_codes = [e.code for e in entrants]
    data["contest"] = {**data["contest"], "slug": slug, "organiser": organiser, "entrants": entrant_codes}
    data["contest"]["nominates"] = nominates
    data["name_th"], data["name_en"] = f"{data['name_th']} {mark}".strip(), f"{data['name_en']} {mark}".strip()
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    return rubric


def monthly_contest(slug: str, office, *entrants):
    """monthly_contest("cm-milestones-2568", chiang_mai, d1): seed 004's contest of six monthly periods (April to
    September 2568, its criterion ๔.๑ asked each month), run by that provincial office among the given units; its
    April period's rubric."""
    from rubrics import services

    data = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())
    organiser = office.code.removeprefix("TH-")
    data["contest"] |= {"slug": slug, "organiser": organiser, "entrants": [e.code for e in entrants]}
    return services.rubric_load(data=data)


QUESTIONS = {
    "villages": {"th": "จำนวนหมู่บ้านในตำบล", "answer": "count"},
    "represented": {"th": "หมู่บ้านที่มีตัวแทนเข้าร่วมประชุมอย่างน้อย 1 คน", "answer": "count", "need": "villages"},
    "areas": {
        "th": "ด้านที่จัดลำดับความสำคัญของปัญหาแล้ว",
        "answer": "choice",
        "choices": "ครบทั้ง 5 ด้าน; บางด้าน",
        "need": "1",
    },
    "minutes": {"th": "มีรายงานการประชุม", "by": "panel", "need": "yes"},
}


def requirements_contest(office, *entrants, questions=QUESTIONS, levels=None):
    """A present-year contest of one `requirements` criterion, run by `office` among its districts:
    three questions the district answers and one the panel ticks."""
    from rubrics import services
    from scoring.demo import present_year

    year = present_year(timezone.localdate())
    data = {
        "year": year,
        "name_th": "เงื่อนไขตำบลต้นแบบ (ทดสอบ)",
        "name_en": "Model subdistrict requirements (test)",
        "starts_on": f"{year - 544}-10-01",
        "ends_on": f"{year - 543}-09-30",
        "total_points": "10",
        "tie_break": [],
        "awards": [{"code": "best", "name_th": "ดีเด่น", "name_en": "Best", "count": 1, "prize": "0"}],
        "dimensions": [
            {
                "code": "1",
                "name_th": "การบริหารจัดการ",
                "name_en": "Management",
                "max_points": "10",
                "criteria": [
                    {
                        "code": "1.1",
                        "name_th": "ตัวแทนทุกหมู่บ้าน",
                        "name_en": "Every village represented",
                        "max_points": "10",
                        "rule": {
                            "kind": "requirements",
                            "questions": questions,
                            **({"levels": levels} if levels else {}),
                        },
                        "evidence_th": "โครงสร้างและรายงานการประชุม",
                        "evidence_en": "structure and minutes",
                    }
                ],
            }
        ],
        "contest": {
            "slug": "req-test",
            "organiser": office.code.removeprefix("TH-"),
            "entrant_level": "district",
            "entrants": [e.code for e in entrants],
        },
    }
    return services.rubric_load(data=data)


class AwardSignatureFactory(factory.django.DjangoModelFactory):
    """Who signs a year's documents, as central staff save it: none is issued (final) before."""

    class Meta:
        model = "awards.AwardSignature"
        django_get_or_create = ("rubric",)  # one per year: a year frozen again keeps its signatory

    rubric = factory.LazyFunction(lambda: ContestPeriod.objects.get(year=2566))
    signer_name = "นายสมชาย ใจดี"
    signer_position = "อธิบดีกรมการพัฒนาชุมชน"
    announced_on = factory.LazyFunction(lambda: date(2023, 9, 29))


class IssuedDocumentFactory(factory.django.DjangoModelFactory):
    """A finished document as `awards.services.document_render` leaves it (its file's SHA-256 stored);
    IssuedDocumentFactory(version=2) for a later one of the same kind. Add a VerificationCodeFactory to issue it."""

    class Meta:
        model = "awards.GeneratedDocument"

    rubric = factory.LazyFunction(lambda: ContestPeriod.objects.get(year=2566))
    kind = "certificates"
    scope = "all"
    source_key = factory.Sequence(lambda n: f"factory-{n}")
    version = 1
    status = "done"
    progress = 100
    finished_at = factory.LazyFunction(timezone.now)
    sha256 = factory.Sequence(lambda n: hashlib.sha256(f"document {n}".encode()).hexdigest())


class VerificationCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "awards.VerificationCode"

    document = factory.SubFactory(IssuedDocumentFactory)
    code = factory.LazyFunction(new_code)
    entrant_th = "สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"
    award_th = "รางวัลชนะเลิศ"
    dated = date(2023, 8, 21)


def entrants_sized(rubric: ContestPeriod, n: int) -> None:
    """The rubric's contest cut to `n` entrants (Chiang Mai, TH-50, always among them), each with a link sent
    for every third criterion on the contest's first day: for query counts that must not grow with the
    entrants (the office pages, central's missing list)."""
    from scoring.models import Standing
    from submissions.models import Evidence, EvidenceKind, Submission, SubmissionStatus

    kept = ["TH-50", *Standing.objects.filter(rubric=rubric).exclude(unit__code="TH-50").order_by("unit__code")
            .values_list("unit__code", flat=True)[: n - 1]]  # fmt: skip
    Standing.objects.filter(rubric=rubric).exclude(unit__code__in=kept).delete()
    user = UserFactory()
    at = timezone.make_aware(timezone.datetime.combine(rubric.starts_on, timezone.datetime.min.time()))
    for unit in Unit.objects.filter(code__in=kept).exclude(code="TH-50"):
        for criterion in rubric.criteria.order_by("order")[::3]:
            submission = Submission.objects.create(
                rubric=rubric, unit=unit, criterion=criterion, status=SubmissionStatus.SUBMITTED
            )
            Evidence.objects.create(
                submission=submission, version=1, kind=EvidenceKind.LINK, url="https://example.org/r",
                created_at=at, created_by=user,
            )  # fmt: skip
