"""Demo users and plausible demo facts for all 76 provinces (`manage.py bootstrap --demo`)."""

from __future__ import annotations

import random
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from people.models import Membership, Role

from . import services
from .models import FactSource, Province, Rubric

DEMO_PASSWORD = "cdd4-demo-2566"
DEMO_USERS = [
    ("central", Role.CENTRAL, None, "เจ้าหน้าที่ส่วนกลาง"),
    ("chair", Role.CHAIR, None, "ประธานคณะกรรมการ"),
    ("committee1", Role.COMMITTEE, None, "กรรมการ ๑"),
    ("committee2", Role.COMMITTEE, None, "กรรมการ ๒"),
    ("chiangmai", Role.PROVINCIAL, "TH-50", "สพจ.เชียงใหม่"),
    ("phuket", Role.PROVINCIAL, "TH-83", "สพจ.ภูเก็ต"),
]


@transaction.atomic
def demo_users() -> list[tuple[str, str, str]]:
    User = get_user_model()
    out = []
    for username, role, code, name in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = role != Role.PROVINCIAL
            user.save()
        province = Province.objects.provinces().get(code=code) if code else None
        Membership.objects.update_or_create(user=user, defaults={"role": role, "province": province})
        out.append((username, DEMO_PASSWORD, str(role.label)))
    return out


def province_facts(rng: random.Random, size_group: str) -> list[tuple[str, str, str]]:
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
DEMO_DEADLINES = {2566: {"2.1.2": date(2023, 4, 12), "2.2.2": date(2023, 7, 14)}}


def demo_facts(*, rubric: Rubric) -> int:
    for code, deadline in DEMO_DEADLINES.get(rubric.year, {}).items():
        if rubric.criteria.filter(code=code, deadline__isnull=True).exists():
            services.criterion_deadline_set(rubric=rubric, code=code, deadline=deadline)
    rows = []
    for province in Province.objects.provinces():
        rng = random.Random(f"{rubric.year}-{province.code}")  # same demo every run
        for criterion, fact, value in province_facts(rng, province.size_group):
            rows.append({"province": province.code, "criterion": criterion, "fact": fact, "value": value})
    report = services.facts_import(rubric=rubric, rows=rows, source=FactSource.DEMO)
    return report.created + report.updated
