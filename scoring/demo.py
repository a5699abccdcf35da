"""The demo contests' people (`DEMO_USERS`, made with the stages' pickers by ops.demo) and plausible demo facts
(`manage.py bootstrap --demo`): hand-written for the national 2566 contest's 76 provinces (its data criteria;
the judged ones are the committee demo's), drawn by each criterion's own rule for every other contest's entrants."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

from contests.models import Unit
from core import acts
from core.thai import thai_date
from people.models import Role
from rubrics import services, timetable
from rubrics.letters import Letter
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_data_moved, rubric_spec
from rulebook.dates import BE_OFFSET, shift_year
from scoring import selectors
from scoring.facts.imports import facts_import
from scoring.models import Fact, FactSource

DEMO_PASSWORD = "cdd4-demo-2566"
DEMO_USERS = [
    ("central", Role.CENTRAL, None, "เจ้าหน้าที่ส่วนกลาง"),
    ("chair", Role.CHAIR, None, "ประธานคณะกรรมการ"),
    ("committee1", Role.COMMITTEE, None, "กรรมการ ๑"),
    ("committee2", Role.COMMITTEE, None, "กรรมการ ๒"),
    ("chiangmai", Role.OFFICE_STAFF, "TH-50", "สพจ.เชียงใหม่"),
    ("phuket", Role.OFFICE_STAFF, "TH-83", "สพจ.ภูเก็ต"),
    # The provincial offices that run the seed contests among their districts.
    ("chonburi", Role.ORGANISER, "TH-20", "สพจ.ชลบุรี (ผู้จัดการประกวด)"),
    ("nongkhai", Role.ORGANISER, "TH-43", "สพจ.หนองคาย (ผู้จัดการประกวด)"),
    ("ubon", Role.ORGANISER, "TH-34", "สพจ.อุบลราชธานี (ผู้จัดการประกวด)"),
    # District offices, entrants of those contests: DOPA codes, so only with the units loaded.
    ("mueangchonburi", Role.OFFICE_STAFF, "2001", "สพอ.เมืองชลบุรี"),
    ("mueangnongkhai", Role.OFFICE_STAFF, "4301", "สพอ.เมืองหนองคาย"),
]
# Each organising office's own staff who judge its contests: two members and a chair, seated
# on the contest's panel by committee.demo; the Department's committee judges the Department's contests.
PANEL_OFFICES = {"TH-20": ("chonburi", "ชลบุรี"), "TH-43": ("nongkhai", "หนองคาย"), "TH-34": ("ubon", "อุบลราชธานี")}
PANEL_SEATS = [("panel1", "กรรมการการประกวด ๑"), ("panel2", "กรรมการการประกวด ๒"), ("chair", "ประธานกรรมการการประกวด")]
DEMO_USERS += [
    (f"{name}-{seat}", Role.OFFICE_STAFF, code, f"{label} สพจ.{unit}")
    for code, (name, unit) in PANEL_OFFICES.items()
    for seat, label in PANEL_SEATS
]


PANEL_USERS = [f"{name}-{seat}" for name, _ in PANEL_OFFICES.values() for seat, _ in PANEL_SEATS]


def demo_panel(office_code: str) -> tuple[list[str], str] | None:
    """The demo panel of an organising office: (members' usernames, chair's username)."""
    if office_code not in PANEL_OFFICES:
        return None
    name = PANEL_OFFICES[office_code][0]
    return [f"{name}-panel1", f"{name}-panel2"], f"{name}-chair"


def unit_facts(rng: random.Random, size_group: str) -> list[tuple[str, str, str]]:
    target = rng.randrange(20_000, 120_000)
    computers = rng.randrange(20, 60)
    downloads_target = {"small": 2000, "medium": 4000, "large": 6000}[size_group]
    yes = lambda p: "yes" if rng.random() < p else "no"  # noqa: E731
    items = lambda codes, p: ",".join(c for c in codes if rng.random() < p)  # noqa: E731
    return [
        ("1.1", "done", yes(0.9)),
        ("1.2", "done", yes(0.85)),
        ("1.3", "steps", ",".join(str(s) for s in range(1, rng.randint(1, 5) + 1))),
        ("1.4", "done", yes(0.9)),
        ("2.1.1", "households_target", str(target)),
        ("2.1.1", "households_collected", str(int(target * rng.uniform(0.9, 1.02)))),
        ("2.1.1", "confidence_pct", f"{rng.uniform(88, 99):.2f}"),
        ("2.1.2", "received_on", f"2023-04-{rng.randint(5, 24):02d}"),
        ("2.2.1", "databases_up_to_date", str(rng.randint(7, 12))),
        ("2.2.2", "recorded_on", f"2023-0{rng.randint(6, 8)}-{rng.randint(1, 28):02d}"),
        ("3.1", "items", items("123", 0.8)),
        ("3.2", "items", items("123", 0.8)),
        ("3.3", "computers_total", str(computers)),
        ("3.3", "computers_with_antivirus", str(computers - rng.randint(0, 4))),
        ("3.4", "items", items("123", 0.75)),
        ("3.5", "done", yes(0.9)),
        ("4.1.1", "level", rng.choice(["1", "3", "3", "5", "5"])),
        ("4.1.2", "sent_at", f"2023-05-{rng.randint(20, 31):02d}T{rng.randint(8, 23):02d}:30:00+07:00"),
        ("4.2", "steps", items(["2", "4", "6", "10"], 0.85)),
        ("4.2", "new_downloads", str(int(downloads_target * rng.uniform(0.6, 1.6)))),
        ("5.1", "items", items(["new_or_improved", "grounded_process"], 0.7)),
        ("5.2", "items", items(["communicated", "used", "feedback", "roadmap"], 0.7)),
    ]


# The Department sets these by letter; the demo behaves as if the letters had been sent.
DEMO_DEADLINES = {"2.1.2": date(2023, 4, 12), "2.2.2": date(2023, 7, 14)}
# The national demo is written for B.E. 2566; a later year moves its dates by whole years.
DEMO_YEAR = 2566
# Dated facts as written for 2566 (no 29 February among them, so moving the year alone is a real date).
DATED = {"received_on", "recorded_on", "sent_at"}
# As the Department announces a year's criteria: offices read the demo's reasons as they read real ones.
PRESENT_REASON = gettext_lazy("the fiscal year's criteria, by the Department's letter MT 0410.4/W 5700")


def present_year(today: date) -> int:
    """The fiscal year (B.E.) `today` falls in: each starts on 1 October."""
    return today.year + BE_OFFSET + (1 if today.month >= 10 else 0)


def demo_present_year(*, today: date) -> ContestPeriod | None:
    """The national contest of the present fiscal year, so the demo lives in a real year: the latest shipped
    year's rules with every date moved by whole years (deadlines ahead, as in November of a real year).
    None when the latest national year is already the present one."""
    latest = ContestPeriod.objects.national().order_by("-year").first()
    year = present_year(today)
    if latest is None or latest.year >= year:
        return None
    return services.rubric_load(data=rubric_data_moved(latest, year - latest.year), reason=str(PRESENT_REASON))


def demo_fills(rubric: ContestPeriod, today: date) -> bool:
    """Whether the demo writes facts and judgments for a rubric: not for an office contest of the present year,
    which in a real year has only begun (its entrants' work is ahead of them); the national one has the
    deadlines its letters set, some behind (demo_deadlines)."""
    return rubric.contest.is_national or rubric.year < present_year(today)


def demo_deadlines(rubric: ContestPeriod, today: date) -> dict[str, date]:
    """The deadlines the demo's letters set for a national year. In the present year the BMN data was due a
    fortnight ago, so a deadline is behind and some offices sent late; the other letter's is months ahead."""
    years = rubric.year - DEMO_YEAR
    if years < 0:
        return {}
    moved = {code: shift_year(day, years) for code, day in DEMO_DEADLINES.items()}
    if rubric.year == present_year(today):
        moved["2.1.2"] = today - timedelta(days=14)
    return moved


def demo_reason(today: date) -> str:
    """A deadline's reason as the Department's letters give one, dated a fortnight before the demo set it:
    offices read it as they read a real one (the demo's data is said to be an example on its own pages)."""
    return f"ตามหนังสือกรมการพัฒนาชุมชน ที่ มท ๐๔๑๐.๔/ว ๖๐๐๑ ลงวันที่ {thai_date(today - timedelta(days=14))}"


def demo_facts(*, rubric: ContestPeriod) -> int:
    """Imports the demo facts in one facts import; returns how many facts changed."""
    if not rubric.contest.is_national:
        rows = demo_rows(rubric)
        if not rows:  # every criterion judged (chonburi-web-2564, model-subdistrict-2565)
            return 0
        return _changed(facts_import(rubric=rubric, rows=rows, source=FactSource.DEMO, backfill=True))
    today = timezone.localdate()
    for code, deadline in demo_deadlines(rubric, today).items():
        if rubric.criteria.filter(code=code, deadline__isnull=True).exists():
            reason = demo_reason(today)
            timetable.criterion_deadline_set(user=None, rubric=rubric, code=code, deadline=deadline, reason=reason)
    rules = {c.code: c.rule for c in rubric_spec(rubric).criteria()}
    rows = demo_rows(rubric)
    # An earlier demo imported judged facts ("1.2 done=yes" → 5 points nobody judged): blank them.
    stale = Fact.objects.filter(rubric=rubric, source=FactSource.DEMO).exclude(value="")
    for f in stale.select_related("unit", "criterion"):
        if rules[f.criterion.code].member_gives(f.name):
            rows.append({"province": f.unit.code, "criterion": f.criterion.code, "fact": f.name, "value": ""})
    return _changed(facts_import(rubric=rubric, rows=rows, source=FactSource.DEMO, backfill=True))


def _changed(report) -> int:
    return report.created + report.updated


def demo_rows(rubric: ContestPeriod) -> list[dict[str, str]]:
    """The demo's facts as facts-import rows, the same every run: hand-written for the national contest, drawn
    by each computed criterion's rule for every other contest. None is made up for what a committee member
    gives (docs/decisions.md, decision 13): a judged criterion's points are the committee demo's judgments or 0."""
    spec = rubric_spec(rubric)
    if not rubric.contest.is_national:
        return _contest_rows(rubric, spec)
    rules = {c.code: c.rule for c in spec.criteria()}
    today = timezone.localdate()
    years, letters = rubric.year - DEMO_YEAR, demo_deadlines(rubric, today)
    present = rubric.year == present_year(today)
    rows = []
    for unit in Unit.objects.provinces():
        rng = random.Random(f"{rubric.year}-{unit.code}")  # same demo every run
        # Judged facts are still drawn, then dropped: the data facts keep the values they always had.
        for criterion, fact, value in unit_facts(rng, unit.size_group):
            if rules[criterion].member_gives(fact):
                continue
            if fact in DATED:
                value = f"{int(value[:4]) + years}{value[4:]}"
                if present and criterion == "2.1.2":  # around the letter's deadline, a fortnight ago
                    value = (letters["2.1.2"] + timedelta(days=rng.randint(-10, 6))).isoformat()
                if value[:10] > today.isoformat():
                    continue  # not happened yet: the present year's data arrive as the year goes on
            rows.append({"province": unit.code, "criterion": criterion, "fact": fact, "value": value})
    return rows


def _contest_rows(rubric: ContestPeriod, spec) -> list[dict[str, str]]:
    """Each computed criterion's rule draws its own facts; judged criteria get the committee demo's scores."""
    rows = []
    for unit in selectors.contest_entrants(rubric.contest):
        rng = random.Random(f"{rubric.key}-{unit.code}")  # same demo every run
        for c in spec.criteria():
            for fact, value in c.rule.demo_facts(rng, deadline=c.deadline).items():
                rows.append({"province": unit.code, "criterion": c.code, "fact": fact, "value": value})
    return _one_value_per_fact(spec, rows)


def _one_value_per_fact(spec, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A fact two criteria read is one value, one cell of the fact template (seed 003's TPMAP targets, read by
    1.1.1 and 1.4). Each rule drew its own, so the largest is kept: a shared fact is a target or a total,
    which no count drawn beside it may exceed."""
    shared = {c.name for c in spec.fact_columns if len(c.criteria) > 1}
    chosen: dict[tuple[str, str], str] = {}
    for row in rows:
        if row["fact"] in shared:
            key = (row["province"], row["fact"])
            chosen[key] = max(chosen.get(key, row["value"]), row["value"], key=_amount)
    return [{**row, "value": chosen.get((row["province"], row["fact"]), row["value"])} for row in rows]


def _amount(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # a date or a yes: drawn alike by every rule that reads it
        return Decimal(0)


# The demo's moved deadline: the Department extends one national deadline by letter, as it does in November
# (one still ahead: 2.1.2's, a fortnight past, is the demo's late data).
MOVED = ("4.1.1", 14, "ขยายเวลาตามที่จังหวัดขอ เนื่องจากอุทกภัยในพื้นที่", "มท ๐๔๑๐.๔/ว ๕๘๒๑", 3)  # letter: 3 days before


def demo_deadline_moved(*, rubric: ContestPeriod) -> bool:
    """Moves one national deadline through the real service, so every entrant's office and central staff
    get its notice (old date, new date, reason, letter). Once: a deadline already moved is left alone."""
    code, days, reason, number, before = MOVED
    criterion = rubric.criteria.filter(code=code).first()
    if criterion is None or criterion.deadline is None or rubric.contest.rubric_changes.filter(reason=reason).exists():
        return False
    central = acts.as_confirmed(get_user_model().objects.get(username="central"))
    timetable.criterion_deadline_set(
        user=central, rubric=rubric, code=code, deadline=criterion.deadline + timedelta(days=days), reason=reason,
        letter=Letter(number, timezone.localdate() - timedelta(days=before)),
    )  # fmt: skip
    return True
