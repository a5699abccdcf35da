"""Demo evidence and committee work for a dozen provinces (`manage.py bootstrap --demo`), and the
committee's scores for the judged criteria of every other contest (`demo_judgments`).

Everything goes through the real services (evidence_submit, evidence_withdraw, judgment_record,
chair_final_record, clarification_*), so the demo shows exactly what real use produces. The files are
generated: a small Thai PDF per report (WeasyPrint) and a JPEG "activity photo" (Pillow).
"""

from __future__ import annotations

import functools
import io
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from contests.models import Level, Unit
from contests.tree import under
from core import acts
from core.thai import thai_digits
from people import directory
from people.models import Membership, Role
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.dates import parse_moment
from rulebook.rules import Rule
from scoring.demo import DEMO_YEAR, PANEL_USERS, demo_panel, present_year
from scoring.recompute import results_mark_dirty
from scoring.selectors import contest_entrants
from stages.rules import stage_of
from submissions import services as evidence
from submissions.models import Submission
from submissions.uploads import _TempFile as UploadTempFile
from submissions.uploads import cleanup

from . import services
from .guards import lock_open
from .judging import judging_deadline_set
from .models import Judgment, Source

FONT = Path(settings.BASE_DIR) / "static" / "fonts" / "Laksaman.ttf"
# Chiang Mai and Phuket have demo logins; the others fill the committee's matrix.
PROVINCES = ["TH-50", "TH-83", "TH-40", "TH-30", "TH-90", "TH-65", "TH-34", "TH-20", "TH-57", "TH-80", "TH-12", "TH-73"]
# Every scenario the committee meets; province i gets SCENARIOS[i % 6], Chiang Mai and Phuket get two more.
SCENARIOS = ["chair_final", "one_member", "all_members", "late", "replaced", "clarification"]
EXTRA = {"TH-50": ["replaced", "clarification"], "TH-83": ["late", "replaced", "answered"]}
REPORTS = {
    "1.1": "รายงานการสร้างความเข้าใจ CDD Big Data และแพลตฟอร์ม Click ชุมชน",
    "1.2": "รายงานการสร้างความตระหนักด้านความมั่นคงปลอดภัยสารสนเทศ",
    "3.1": "รายงานการทบทวนกระบวนงานและกลไกการบริหารจัดการ ICT",
    "3.2": "ทะเบียนครุภัณฑ์คอมพิวเตอร์และบัญชีผู้ใช้งานอินเทอร์เน็ต",
    "3.4": "สรุปการใช้ประโยชน์จาก ICT: ข่าวบนเว็บไซต์และการประชุม WebEx",
    "4.1.1": "เอกสารถอดบทเรียนตำบลต้นแบบสารสนเทศเพื่อคุณภาพชีวิต",
    "5.1": "แบบรายงานนวัตกรรมด้านเทคโนโลยีสารสนเทศ",
}


def _at(text: str) -> datetime:
    moment = parse_moment(text)  # the demo's times are Bangkok time, read by the one date parser
    if not isinstance(moment, datetime):
        raise ValueError(f"{text!r}: a demo moment has its time of day")
    return moment


# The demo's files are pure functions of their words: the same report or photo is drawn once per process. A
# `bootstrap --demo` draws 58 reports (about 50 ms each in WeasyPrint); the suite loads the demo a dozen times
# per run, and those loads drew the same files again.
@functools.cache
def report_pdf(title: str, unit: str) -> bytes:
    from weasyprint import HTML  # inline: WeasyPrint loads only when demo evidence is drawn

    html = f"""<html lang="th"><style>
      @font-face {{ font-family: DemoThai; src: url({FONT.as_uri()}); }}
      @page {{ size: A4; margin: 2cm; }} body {{ font-family: DemoThai; font-size: 16pt; }}
      h1 {{ font-size: 20pt; color: #1d4ed8; }} .box {{ border: 1px solid #94a3b8; padding: 8pt; }}
    </style><h1>{title}</h1><p>สำนักงานพัฒนาชุมชนจังหวัด{unit}</p>
    <div class="box">ตัวอย่างหลักฐานเชิงประจักษ์สำหรับการสาธิตระบบ (ข้อมูลสมมติ)<br>
    Demo evidence for the CDD 4.0 portal (fictitious data).</div>
    <p>๑. วัตถุประสงค์ ๒. การดำเนินงาน ๓. ผลการดำเนินงาน ๔. ภาพกิจกรรม</p></html>"""
    return HTML(string=html).write_pdf()


@functools.cache
def activity_photo(caption: str, hue: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont  # inline: Pillow loads only when demo photos are drawn

    image = Image.new("RGB", (640, 420), (40 + hue % 120, 110, 160))
    draw = ImageDraw.Draw(image)
    for i in range(12):  # people at a meeting, roughly
        x = 40 + i * 48
        draw.ellipse((x, 220, x + 30, 250), fill=(240, 200, 160))
        draw.rectangle((x - 4, 252, x + 34, 330), fill=(30 + 15 * i % 200, 60, 120))
    draw.rectangle((0, 340, 640, 420), fill=(250, 250, 245))
    draw.text((20, 355), caption, fill=(20, 20, 20), font=ImageFont.truetype(str(FONT), 26))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def submit_file(*, user, rubric: ContestPeriod, unit: Unit, code: str, name: str, data: bytes, **extra):
    """One file through evidence_submit, streamed to a temp file beside MEDIA_ROOT as real uploads are."""
    upload = UploadTempFile(name, "application/octet-stream", len(data), None)
    upload.write(data)
    upload.flush()
    try:
        return evidence.evidence_submit(
            user=user, rubric=rubric, unit=unit, criterion_code=code, upload=upload, **extra
        )
    finally:
        cleanup([upload])  # as the upload view does: the temp file was moved, or is removed now


# The last upload the demo writes for 2566; a later year's are as many whole years later.
LAST_UPLOAD = "2023-07-28T11:00"


def _clock(rubric: ContestPeriod, now: datetime) -> Callable[[str], datetime]:
    """When the demo's uploads for `rubric` happen: as written for B.E. 2566, moved by whole years for a
    later year. In the present year those dates are still ahead, and nothing is sent in the future: the
    uploads are squeezed into the fortnight before `now`, in the same order with gaps a quarter as long."""
    years = rubric.year - DEMO_YEAR

    def moved(text: str) -> datetime:
        moment = _at(text)
        return moment.replace(year=moment.year + years)  # no 29 February among the demo's times

    last = moved(LAST_UPLOAD)
    if last <= now - timedelta(hours=1):
        return moved
    return lambda text: now - (last - moved(text)) / 4 - timedelta(hours=1)


class _Demo:
    def __init__(self, rubric: ContestPeriod, unit: Unit, staff, members, chair, now: datetime):
        self.rubric, self.unit, self.staff = rubric, unit, staff
        self.members, self.chair = members, chair
        self.at = _clock(rubric, now)
        self.present = rubric.year == present_year(timezone.localdate(now))

    def submit(self, code: str, *, at: str, photo: bool = False, description: str = ""):
        title = REPORTS.get(code, f"หลักฐานตัวชี้วัด {code}")
        if photo:
            caption = f"ภาพกิจกรรม {code} {self.unit.name_th}"
            data, name = activity_photo(caption, len(self.unit.code) * 37), f"ภาพกิจกรรม-{code}.jpg"
        else:
            data, name = report_pdf(title, self.unit.name_th), f"{title[:40]}.pdf"
        return submit_file(
            user=self.staff,
            rubric=self.rubric,
            unit=self.unit,
            code=code,
            name=name,
            data=data,
            description=description or title,
            now=self.at(at),
        )

    def judge(self, member, code: str, *, items=None, points=None):
        services.judgment_record(
            member=member,
            rubric=self.rubric,
            unit=self.unit,
            criterion_code=code,
            items=items,
            points=None if points is None else Decimal(points),
            note="ตรวจจากหลักฐานในระบบ",
            expected_version=0,
        )

    def base(self) -> None:
        """What every demo province sent on time: reports with photos."""
        self.submit("1.1", at="2023-06-20T10:15")
        self.submit("1.1", at="2023-06-20T10:17", photo=True, description="ภาพการประชุมชี้แจง")
        self.submit("3.1", at="2023-07-03T09:00")
        self.submit("3.4", at="2023-07-10T14:30", photo=True, description="ภาพการประชุม WebEx")
        self.submit("4.1.1", at="2023-05-25T16:00")
        self.submit("5.1", at="2023-07-28T11:00")
        evidence.innovation_report_save(user=self.staff, rubric=self.rubric, unit=self.unit, data=self.report())

    def report(self) -> dict:
        name = self.unit.name_th
        return {
            "title_th": f"ระบบติดตามข้อมูล จปฐ. ผ่าน LINE OA จังหวัด{name}",
            "title_en": "BMN follow-up through a LINE official account",
            "office": f"สำนักงานพัฒนาชุมชนจังหวัด{name}",
            "office_phone": "053 112 233",
            "coordinator_name": "นางสาวสมใจ ใจดี",
            "coordinator_position": "นักวิชาการพัฒนาชุมชนชำนาญการ",
            "coordinator_phone": "053 112 234",
            "coordinator_mobile": "081 234 5678",
            "coordinator_email": "demo@example.org",
            "innovation_type": "service",
            "problem_analysis": "การติดตามข้อมูล จปฐ. ใช้เอกสารกระดาษและโทรศัพท์ ทำให้ล่าช้าและตกหล่น",
            "solution": "ใช้ LINE OA แจ้งเตือนและรับข้อมูลจากอาสาพัฒนาชุมชน สรุปผลอัตโนมัติทุกสัปดาห์",
            "outcomes": "ข้อมูลครบถ้วนเร็วขึ้น ๓ สัปดาห์ ผู้บริหารเห็นภาพรวมรายอำเภอ",
            "evidence_text": "ภาพหน้าจอ รายงานสรุป และภาพกิจกรรมแนบในตัวชี้วัด ๕.๑",
        }

    def chair_final(self) -> None:
        for member, items in zip(self.members, (["1", "2", "3"], ["1", "2"]), strict=True):
            self.judge(member, "3.1", items=items)
        services.chair_final_record(
            chair=self.chair,
            rubric=self.rubric,
            unit=self.unit,
            criterion_code="3.1",
            points="5",
            reason="มติที่ประชุม",
            expected_version=0,
        )

    def one_member(self) -> None:
        self.judge(self.members[0], "3.4", items=["1", "3"])

    def all_members(self) -> None:
        for member, items in zip(self.members, (["1"], ["1", "2", "3"]), strict=True):
            self.judge(member, "3.1", items=items)
        for member in self.members:
            self.judge(member, "4.1.1", points="3")

    def late(self) -> None:
        if self.present:  # 1.2 is due at the end of June: in the present year the office has not sent it yet
            return
        self.submit("1.2", at="2023-07-06T15:45", description="ส่งหลังกำหนด (30 มิ.ย. 2566)")

    def replaced(self) -> None:
        first = self.submit("3.2", at="2023-07-01T09:30", description="ฉบับแรก (ไฟล์ผิด)")
        evidence.evidence_withdraw(user=self.staff, evidence=first, now=self.at("2023-07-02T08:00"))
        self.submit("3.2", at="2023-07-02T08:05", description="ฉบับแก้ไข")

    def clarification(self):
        return services.clarification_open(
            member=self.members[0],
            rubric=self.rubric,
            unit=self.unit,
            criterion_code="3.4",
            message="ขอภาพหน้าจอการประชุม WebEx เดือนกรกฎาคมเพิ่มเติม",
        )

    def answered(self) -> None:
        """The office answers the question: the member who asked finds the answer waiting."""
        services.clarification_reply(
            user=self.staff, clarification=self.clarification(), message="แนบภาพหน้าจอการประชุมเดือนกรกฎาคมแล้ว"
        )


def _staff(unit: Unit):
    """Chiang Mai and Phuket use the demo logins; the other offices get a user with no password."""
    staff = Membership.objects.filter(role=Role.OFFICE_STAFF, unit=unit).exclude(user__username__in=PANEL_USERS)
    existing = staff.select_related("user").first()
    if existing:
        return existing.user
    user = get_user_model().objects.create(username=f"demo-{unit.code.lower()}", first_name=unit.name_th)
    user.set_unusable_password()
    user.save()
    directory.membership_set(user=user, role=Role.OFFICE_STAFF, unit=unit)
    return user


def demo_evidence(*, rubric: ContestPeriod) -> int:
    """Idempotent: a province that has any submission already is left alone. Returns provinces filled."""
    users = get_user_model().objects
    members = [users.get(username="committee1"), users.get(username="committee2")]
    chair = users.get(username="chair")
    filled, now = 0, timezone.now()
    # One transaction: the standings are recomputed once, after commit, not after every write.
    with transaction.atomic():
        for i, code in enumerate(PROVINCES):
            unit = Unit.objects.provinces().get(code=code)
            if Submission.objects.filter(rubric=rubric, unit=unit).exists():
                continue
            demo = _Demo(rubric, unit, _staff(unit), members, chair, now)
            demo.base()
            for scenario in [SCENARIOS[i % len(SCENARIOS)], *EXTRA.get(code, [])]:
                getattr(demo, scenario)()
            filled += 1
    return filled


# A national contest among all 7,282 subdistricts not picked in stages: the demo scores only those of Nong Khai
# and Phuket (79 subdistricts, provinces with demo logins), as every judgment is a real service call (~8 ms)
# and bootstrap --demo must stay quick. Seed 002 is picked in stages: its few picks are all judged.
SUBDISTRICT_PROVINCES = ["TH-43", "TH-83"]
# The first entrants of each rubric get the chair's consensus score over the members' median, as in 2566.
CHAIR_FINALS = 2


def _points(rule: Rule, aim: float) -> Decimal:
    """The score a member gives an entrant doing `aim` (0–1) of the best: the rule's nearest level, or
    points in half steps where the rule takes any (a website contest's marks)."""
    top = rule.highest()
    levels = rule.levels()
    if levels is None:
        return (top * Decimal(str(aim)) * 2).quantize(Decimal(1)) / 2
    return min(levels, key=lambda level: abs(level - top * Decimal(str(aim))))


def _judges(rubric: ContestPeriod):
    """The Department's committee for its own contests; for a provincial office's, that office's demo
    panel, seated here by the office's organiser. None: an office with no demo panel."""
    users = get_user_model().objects
    contest = rubric.contest
    office = contest.organiser
    if office is None:
        return [users.get(username="committee1"), users.get(username="committee2")], users.get(username="chair")
    panel = demo_panel(office.code)
    organiser = directory.organisers_of(office).first()
    if panel is None or organiser is None:
        return None
    organiser = acts.as_confirmed(organiser)
    members = [users.get(username=name) for name in panel[0]]
    chair = users.get(username=panel[1])
    for member in members:
        services.panelist_appoint(by=organiser, contest=contest, user=member)
    services.panelist_appoint(by=organiser, contest=contest, user=chair, is_chair=True)
    return members, chair


# A member's note and the chair's reason as the committee writes them: the demo's are read as real ones are.
DEMO_NOTE = "พิจารณาจากหลักฐานที่ส่งตามเกณฑ์การประเมิน"
DEMO_FINAL_REASON = "ตามมติที่ประชุมคณะกรรมการตัดสินการประกวด ครั้งที่ ๑/{year}"


def demo_judgments(*, rubric: ContestPeriod) -> int:
    """Two members score every judged criterion of a contest that is not the national one; the chair
    settles a couple. Idempotent: an entrant with any judgment is left alone. Returns judgments made."""
    if rubric.contest.is_national:
        return 0
    judges = _judges(rubric)
    if judges is None:
        return 0
    members, chair = judges
    judged = [c for c in rubric_spec(rubric).criteria() if c.rule.committee_judges]
    # Entrants judged already are left alone: a staged contest's picks may come after its first judgments.
    judged_already = Judgment.objects.filter(rubric=rubric).values("unit_id")
    unjudged = contest_entrants(rubric.contest).exclude(pk__in=judged_already)
    if rubric.contest.entrant_level == Level.SUBDISTRICT and stage_of(rubric.contest) is None:
        unjudged = unjudged.filter(under(SUBDISTRICT_PROVINCES, field="code"))
    entrants = list(unjudged)
    if not judged or not entrants:
        return 0
    made = 0
    # One transaction: the standings are recomputed once, after commit, not after every judgment.
    with transaction.atomic():
        rubric = lock_open(rubric)
        for unit in entrants:
            # How good the office is, the same in every period, so a monthly contest's totals spread too.
            skill = random.Random(f"{rubric.contest.slug}-{unit.code}").uniform(0.35, 1.0)
            for c in judged:
                for seat, member in enumerate(members, start=1):
                    # Seeded by the seat, not the name: a panel draws the scores the committee drew before.
                    rng = random.Random(f"{rubric.key}-{unit.code}-{c.code}-committee{seat}")
                    aim = min(1.0, max(0.0, skill + rng.uniform(-0.15, 0.15)))
                    services.judgment_apply(
                        member=member,
                        rubric=rubric,
                        unit=unit,
                        criterion_code=c.code,
                        points=_points(c.rule, aim),
                        items=None,
                        note=DEMO_NOTE,
                        expected_version=None,
                        source=Source.ADMIN,
                    )
                    made += 1
        results_mark_dirty(rubric_id=rubric.pk, unit_ids=[u.pk for u in entrants])
        for unit in entrants[:CHAIR_FINALS]:
            c = judged[0]
            services.chair_final_record(
                chair=chair,
                rubric=rubric,
                unit=unit,
                criterion_code=c.code,
                points=_points(c.rule, 0.9),
                reason=DEMO_FINAL_REASON.format(year=thai_digits(rubric.year)),
                expected_version=0,
            )
    return made


def demo_judging_deadline(*, rubric: ContestPeriod) -> bool:
    """The committee's judging deadline of the present national contest, set by central staff through the real
    service (its panel gets the notice): a month after the year's last evidence deadline. Once: a deadline
    already set is left alone."""
    contest = rubric.contest
    last = rubric.criteria.exclude(deadline=None).order_by("-deadline").values_list("deadline", flat=True).first()
    if contest.judging_deadline is not None or last is None:
        return False
    central = acts.as_confirmed(get_user_model().objects.get(username="central"))
    judging_deadline_set(
        user=central, contest=contest, deadline=last + timedelta(days=30), reason="ตามคำสั่งแต่งตั้งคณะกรรมการ"
    )
    return True
