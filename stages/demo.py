"""Seed 002 as stages in the demo (`manage.py bootstrap --demo`): a few real district offices of
three demo provinces each pick one subdistrict, and each province picks two of its districts' picks for the
inspection-region contest. Every pick goes through the service (`stage_select`), as the offices' would,
dated inside the window; a rerun leaves an office that has picked alone."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from contests.actor import actor_of
from contests.models import Contest
from people.models import Role
from rubrics import services
from rubrics.models import ContestPeriod
from rulebook.moved import moved
from scoring import selectors
from scoring.demo import PRESENT_REASON, present_year
from stages.data import STAGES_FILE, stages_load
from stages.models import Stage
from stages.rules import barred_reason, stage_picks, stage_pool
from stages.services import stage_select

# The day the demo's offices pick in seed 002's year: before the document's "ภายใน วันที่ 15 ธันวาคม"
# (docs/contests.md, Stages). A later year's copy (demo_present_contests) picks as many whole
# years later, or three days ago while its window is still open.
PICKED_ON = datetime(2021, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Bangkok"))
SEED_YEAR = 2565
# Three district offices under each of the demo's organising provinces (real DOPA codes, contests/data/units.csv):
# Chonburi in inspection region 8, Nong Khai in 10, Ubon Ratchathani in 14.
PICKERS = {
    "TH-20": [
        ("mueangchonburi-picks", "2001", "เมืองชลบุรี"),
        ("banglamung-picks", "2004", "บางละมุง"),
        ("sriracha-picks", "2007", "ศรีราชา"),
    ],
    "TH-43": [
        ("mueangnongkhai-picks", "4301", "เมืองหนองคาย"),
        ("thabo-picks", "4302", "ท่าบ่อ"),
        ("phonphisai-picks", "4305", "โพนพิสัย"),
    ],
    "TH-34": [
        ("mueangubon-picks", "3401", "เมืองอุบลราชธานี"),
        ("warin-picks", "3415", "วารินชำราบ"),
        ("phibun-picks", "3419", "พิบูลมังสาหาร"),
    ],
}
PROVINCE_PICKERS = {"TH-20": "chonburi", "TH-43": "nongkhai", "TH-34": "ubon"}  # demo organisers (scoring.demo)
# A subdistrict Bang Lamung picks in every year, and its own staff's login: the entrant of seed 002, who answers
# what the guide requires on its criterion pages. Picked first when its district picks.
ENTRANT = ("nakluea", "200408", "นาเกลือ")
# The district offices' organisers: they log in to pick (DOPA codes, so only with the units loaded).
DEMO_STAGE_USERS = [
    (username, Role.ORGANISER, code, f"สพอ.{name} (ผู้คัดเลือกตำบล)")
    for offices in PICKERS.values()
    for username, code, name in offices
] + [(ENTRANT[0], Role.OFFICE_STAFF, ENTRANT[1], f"พัฒนากรตำบล{ENTRANT[2]} (ผู้เข้าคัดเลือก)")]


def _picker(username: str):
    return actor_of(get_user_model().objects.select_related("membership__unit").get(username=username))


def _pick(actor, contest: Contest, stage: Stage, count: int, picked_on: datetime) -> int:
    """The office's demo picks, drawn the same every run from what it may pick (none barred by the register)."""
    office = actor.own_office
    if stage_picks(stage, office).exists():
        return 0
    pool = [u for u in stage_pool(stage, office) if barred_reason(stage, u) is None]
    if not pool:
        return 0
    first = [u for u in pool if u.code == ENTRANT[1]]  # the demo's entrant login enters whenever it can
    rest = [u for u in pool if u.code != ENTRANT[1]]
    chosen = first[:count] + random.Random(f"{contest.slug}-{office.code}").sample(
        rest, min(count, len(pool)) - len(first[:count])
    )
    return len(stage_select(actor=actor, contest=contest, units=chosen, now=picked_on))


def demo_picks(*, now: datetime) -> int:
    """The district offices' picks, then their provinces'; returns how many picks were made. In a selection
    whose first stage is still open (the present year's), the district of each province's capital has not
    picked yet, so its demo login (mueangchonburi-picks…) meets an open stage, and the provinces wait."""
    made = 0
    for first in Stage.objects.select_related("contest").filter(previous__isnull=True):
        picked_on = min(
            PICKED_ON.replace(year=PICKED_ON.year + first.contest.year - SEED_YEAR), now - timedelta(days=3)
        )
        still_open = first.deadline >= timezone.localdate(now)
        for offices in PICKERS.values():
            for username, _, _ in offices[1:] if still_open else offices:
                made += _pick(_picker(username), first.contest, first, first.quota, picked_on)
        if still_open:
            continue
        for stage in Stage.objects.select_related("contest").filter(previous=first.contest):
            for username in PROVINCE_PICKERS.values():
                made += _pick(_picker(username), stage.contest, stage, stage.quota, picked_on)
    return made


def demo_present_contests(*, shipped: list[dict], today: date) -> list[ContestPeriod]:
    """Each shipped office contest run again in the present fiscal year, every date and named year moved by
    whole years (rulebook.moved), and seed 002's stages with them, so a district office meets a year with its
    deadlines ahead and a stage open for picks. The seeds' own years stay as shipped beside them. A present
    copy frozen by whoever runs it is left as it is, like a shipped year."""
    year = present_year(today)
    frozen = set(selectors.frozen_rubrics().values_list("contest__slug", flat=True))
    copies: dict[str, dict] = {}
    for data in shipped:
        if data.get("contest") and data["year"] < year:
            copy = moved(data, year=data["year"], years=year - data["year"])
            copies[copy["contest"]["slug"]] = copy
    stages = json.loads(STAGES_FILE.read_text(encoding="utf-8"))
    first = Contest.objects.filter(slug=stages["stages"][0]["contest"]).first()  # loaded with the units only
    staged: dict[str, Any] = {}
    if first is not None and first.year < year:
        staged = moved(stages, year=first.year, years=year - first.year)
    # A staged contest is loaded with its stages (stages_load), so that its entrants are its picks from the start.
    skip = frozen | {spec["contest"] for spec in staged.get("stages", [])}
    loaded = [
        services.rubric_load(data=copy, reason=str(PRESENT_REASON)) for slug, copy in copies.items() if slug not in skip
    ]
    if staged:
        loaded += [stage.contest.rubrics.get() for stage in stages_load(data=staged, rubrics=copies)]
    return loaded
