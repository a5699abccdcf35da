"""The demo's nominees (`bootstrap --demo`): a contest that honours people names a made-up person for each entrant
office, so its pages and certificates show one."""

from __future__ import annotations

import random

from contests.entrants import contest_entrants
from nominees.services import nominee_demo_save
from rubrics.models import ContestPeriod

# A contest that honours people (Contest.nominates): each entrant office's demo nominee, marked as made up.
DEMO_GIVEN = ["สมชาย", "สุภาพร", "วิไลวรรณ", "ณัฐพล", "กนกวรรณ", "ธีรวัฒน์", "ปิยะนุช", "อนุชา", "จิราพร", "ศักดิ์ชัย", "พรทิพย์"]
DEMO_FAMILY = ["ใจดี", "รักษ์ชุมชน", "พัฒนาการ", "ศรีสุข", "มั่นคง", "วงศ์ไทย", "แสงทอง", "บุญมา", "ทองดี", "สายใจ", "ชื่นบาน"]
DEMO_POSITIONS = ["นักวิชาการพัฒนาชุมชนปฏิบัติการ", "นักวิชาการพัฒนาชุมชนชำนาญการ", "เจ้าพนักงานพัฒนาชุมชนปฏิบัติงาน"]


def demo_nominees(*, rubric: ContestPeriod) -> int:
    """One made-up nominee per entrant office ("(ตัวอย่าง)" in the name); offices that named one keep theirs. A
    contest that takes none, or a period after its first, gets none."""
    made = 0
    if not rubric.contest.nominates or rubric.period_order != 0:
        return made
    for i, unit in enumerate(contest_entrants(rubric.contest)):
        rng = random.Random(f"{rubric.contest.slug}-{unit.code}-nominee")
        name = f"{DEMO_GIVEN[i % len(DEMO_GIVEN)]} {DEMO_FAMILY[(i * 3) % len(DEMO_FAMILY)]} (ตัวอย่าง)"
        nominee_demo_save(contest=rubric.contest, unit=unit, name_th=name, position_th=rng.choice(DEMO_POSITIONS))
        made += 1
    return made
