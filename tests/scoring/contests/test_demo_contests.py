"""`bootstrap --demo` gives every seed contest standings worth looking at: facts drawn by each
computed criterion's rule, the committee's scores for the judged ones.

Loaded once for this module with the real units, inside a transaction rolled back at the module's end
(as tests/scoring/contests/test_contests_seeded.py); the standings are recomputed here, since a recompute waits
for a commit that never comes."""

import io
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from committee.demo import demo_judgments
from committee.models import ChairFinal, Judgment, ScoreChange
from contests.models import Contest, Level, Unit
from core.thai import thai_digits
from people.models import Membership, Role
from rubrics.models import ContestPeriod
from scoring import demo
from scoring.contest_results import contest_rows
from scoring.models import Fact
from scoring.recompute import standings_recompute
from stages.models import Stage, StageEntry

pytestmark = pytest.mark.django_db

DEMO_DISTRICTS = ["2001", "2004", "2007", "3401", "3415", "3419", "4301", "4302", "4305"]  # stages.demo
PRESENT = demo.present_year(timezone.localdate())  # the demo runs each office contest again in this fiscal year
SEED_CONTESTS = ["chonburi-web-2564", "model-subdistrict-2565", "nongkhai-missions-2565", "ubon-milestones-2568"]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        out = io.StringIO()
        call_command("bootstrap", demo=True, stdout=out)
        for rubric in ContestPeriod.objects.all():
            standings_recompute(rubric_id=rubric.pk, full=True)
        yield out.getvalue()
        transaction.set_rollback(True)


def rows(slug: str) -> list[dict]:
    return contest_rows(Contest.objects.get(slug=slug))


def scored(slug: str) -> list[dict]:
    return [r for r in rows(slug) if Decimal(r["total"]) > 0]


def alone(found: list[dict]) -> int:
    """Entrants whose rank nobody shares."""
    ranks = Counter(r["rank"] for r in found)
    return sum(1 for r in found if ranks[r["rank"]] == 1)


def test_every_district_contest_scores_every_entrant_with_distinct_ranks(seeded):
    for slug, entrants in [("chonburi-web-2564", 11), ("nongkhai-missions-2565", 9)]:
        found = rows(slug)
        assert len(found) == len(scored(slug)) == entrants
        assert alone(found) == entrants, slug
        assert len({r["total"] for r in found}) == entrants


def test_nongkhai_mixes_imported_facts_and_judgments(seeded):
    rubric = ContestPeriod.objects.get(contest__slug="nongkhai-missions-2565")
    # 23 computed criteria for 9 districts: ratio, bands, table, deadlines and timeliness all have facts.
    assert Fact.objects.filter(rubric=rubric).values("criterion").distinct().count() == 23
    assert set(Fact.objects.filter(rubric=rubric).values_list("source", flat=True)) == {"demo"}
    # 2 done criteria (8.1.1 the order, 8.1.2 the meeting), both members, 9 districts.
    assert Judgment.objects.filter(rubric=rubric).count() == 2 * 2 * 9
    top = rows("nongkhai-missions-2565")[0]
    assert Decimal(top["criteria"]["2.1"]) > 0 and Decimal(top["criteria"]["1.1.1"]) > 0


def test_ubon_months_are_computed_and_their_mean_spreads_the_districts(seeded):
    found = rows("ubon-milestones-2568")
    assert len(found) == 25 and all(len(r["periods"]) == 6 for r in found)
    assert all(p["rank"] is not None for r in found for p in r["periods"])
    # Letters A–D, the mean of six months, move in sixths of a point: ties are real here, yet the demo's
    # districts are not all tied as before any report.
    assert len({r["total"] for r in found}) == 11
    assert found[0]["total"] != found[-1]["total"]
    # Every month is computed from the district's own figures, dates and answers: June's grade too, from its two
    # answers, so no panel member types a letter.
    facts = Fact.objects.filter(rubric__contest__slug="ubon-milestones-2568")
    months = set(facts.values_list("rubric__period", flat=True))
    assert months == {"2568-04", "2568-05", "2568-06", "2568-07", "2568-08", "2568-09"}
    june = set(facts.filter(rubric__period="2568-06").values_list("name", flat=True))
    assert june == {"improved", "partners"}
    assert not Judgment.objects.filter(rubric__contest__slug="ubon-milestones-2568").exists()


def test_seed_002_is_picked_in_stages_and_only_the_picks_enter(seeded):
    # The first stage picks from every non-Bangkok subdistrict (contests/data/UNITS-SOURCE.md): 7,282 …
    stage = Stage.objects.get(contest__slug="model-subdistrict-2565")
    pool = Unit.objects.filter(level=Level.SUBDISTRICT, is_cdd_office=True)
    assert pool.count() == 7282 and stage.quota == 1 and stage.chooser_level == Level.DISTRICT
    # … but only what the demo's nine district offices picked, one each, enters it and is ranked.
    entries = StageEntry.objects.filter(stage=stage)
    assert sorted(entries.values_list("chooser__code", flat=True)) == DEMO_DISTRICTS
    assert all(e.unit.parent_id == e.chooser_id for e in entries.select_related("unit"))
    found = rows("model-subdistrict-2565")
    assert sorted(r["entrant"] for r in found) == sorted(entries.values_list("unit__code", flat=True))
    # All nine judged by the Department's committee; the guide gives no order for equal marks (decision 12).
    assert len(scored("model-subdistrict-2565")) == 9
    by_rank = {}
    for r in found:
        by_rank.setdefault(r["rank"], set()).add(r["total"])
    assert all(len(totals) == 1 for totals in by_rank.values())
    assert found[0]["award"] == "provincial_model"
    assert "ขั้นการคัดเลือก" in seeded
    # 9 districts' and 3 provinces' × 2; in the present year's copy, while its stage is open, 2 districts of 3
    assert f"ผู้ได้รับคัดเลือกตัวอย่าง: {15 + (6 if present_stage_open() else 15)} ราย" in seeded


def present_stage_open() -> bool:
    return Stage.objects.get(contest__slug=f"model-subdistrict-{PRESENT}").deadline >= timezone.localdate()


def test_office_contests_run_again_in_the_present_fiscal_year(seeded):
    # Each seed contest has a copy in the present year, every date moved by whole years; the seeds stay.
    copies = ContestPeriod.objects.filter(year=PRESENT).exclude(
        contest__organiser=None, contest__entrant_level="province"
    )
    assert sorted({r.contest.slug for r in copies}) == [
        f"{slug}-{PRESENT}"
        for slug in [
            "chonburi-itmodel",
            "chonburi-web",
            "model-subdistrict",
            "model-subdistrict-region",
            "nongkhai-missions",
            "ubon-milestones",
        ]
    ]
    assert set(ContestPeriod.objects.filter(contest__slug__in=SEED_CONTESTS).values_list("year", flat=True)) == {
        2564,
        2565,
        2568,
    }
    years = PRESENT - 2565
    missions = ContestPeriod.objects.get(contest__slug=f"nongkhai-missions-{PRESENT}")
    assert missions.name_th.endswith(f"ปีงบประมาณ พ.ศ. {thai_digits(PRESENT)}")
    assert (missions.starts_on, missions.ends_on) == (date(2021 + years, 10, 1), date(2022 + years, 9, 30))
    assert min(c.deadline for c in missions.criteria.exclude(deadline=None)) == date(2021 + years, 12, 30)
    months = ContestPeriod.objects.filter(contest__slug=f"ubon-milestones-{PRESENT}").order_by("period_order")
    assert [m.period for m in months][:2] == [f"{PRESENT}-04", f"{PRESENT}-05"]
    # In a real year an office contest has only begun: nothing is filled in for its entrants yet.
    assert not Fact.objects.filter(rubric__in=copies).exists()
    assert not Judgment.objects.filter(rubric__in=copies).exists()
    # Seed 002's stages run again: the district of each province's capital has its pick still to make.
    stage = Stage.objects.get(contest__slug=f"model-subdistrict-{PRESENT}")
    assert (stage.deadline, stage.barred_from, stage.barred_to) == (
        date(2021 + years, 12, 15),
        2561 + years,
        2564 + years,
    )
    region = Stage.objects.get(contest__slug=f"model-subdistrict-region-{PRESENT}")
    assert region.previous == stage.contest and region.quota == 2
    choosers = set(StageEntry.objects.filter(stage=stage).values_list("chooser__code", flat=True))
    if present_stage_open():
        assert choosers == {"2004", "2007", "3415", "3419", "4302", "4305"}
        assert not StageEntry.objects.filter(stage=region).exists()
    else:
        assert choosers == set(DEMO_DISTRICTS)


def test_each_province_sends_two_of_its_districts_picks_to_its_inspection_region(seeded):
    below = set(StageEntry.objects.filter(stage__contest__slug="model-subdistrict-2565").values_list("unit", flat=True))
    picks = StageEntry.objects.filter(stage__contest__slug="model-subdistrict-region-2565")
    assert Counter(picks.values_list("chooser__code", flat=True)) == {"TH-20": 2, "TH-34": 2, "TH-43": 2}
    assert set(picks.values_list("unit", flat=True)) <= below
    found = rows("model-subdistrict-region-2565")
    # Chonburi is in inspection region 8, Nong Khai in 10, Ubon Ratchathani in 14: each ranked from 1 there.
    assert [(r["region"], r["rank"]) for r in found] == [(8, 1), (8, 2), (10, 1), (10, 2), (14, 1), (14, 2)]
    assert all(Decimal(r["total"]) > 0 for r in found)


def test_chair_settles_two_entrants_per_judged_contest(seeded):
    finals = ChairFinal.objects.filter(rubric__contest__slug__in=SEED_CONTESTS)
    # chonburi, model-subdistrict, nongkhai; Ubon's June is graded from the districts' answers
    assert finals.values("rubric").distinct().count() == 3
    assert finals.count() == 6


def test_demo_is_the_same_every_run(seeded):
    rubric = ContestPeriod.objects.get(contest__slug="nongkhai-missions-2565")
    facts = set(Fact.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "name", "value"))
    judged = set(Judgment.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "points"))
    with transaction.atomic():
        ScoreChange.objects.filter(rubric=rubric).delete()
        ChairFinal.objects.filter(rubric=rubric).delete()
        Judgment.objects.filter(rubric=rubric).delete()
        Fact.objects.filter(rubric=rubric).delete()
        assert demo.demo_facts(rubric=rubric) == len(facts) == 405
        assert demo_judgments(rubric=rubric) == len(Judgment.objects.filter(rubric=rubric)) == 36
        again = Fact.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "name", "value")
        assert set(again) == facts
        points = Judgment.objects.filter(rubric=rubric).values_list("unit__code", "criterion__code", "points")
        assert set(points) == judged
        transaction.set_rollback(True)


def test_second_run_changes_nothing(seeded):
    out = io.StringIO()
    call_command("bootstrap", demo=True, stdout=out)
    text = out.getvalue()
    assert "ข้อมูลตัวอย่าง nongkhai-missions-2565: เปลี่ยน 0 รายการ" in text
    for key in [
        "chonburi-web-2564",
        "model-subdistrict-2565",
        "model-subdistrict-region-2565",
        "ubon-milestones-2568.2568-09",
    ]:
        assert f"คะแนนกรรมการตัวอย่าง {key}: 0 รายการ (" in text
    assert "ผู้ได้รับคัดเลือกตัวอย่าง: 0 ราย" in text
    assert "ไฟล์ของขั้นตัวอย่าง: ส่งแล้ว 0 ไฟล์" in text  # the seed year's picks' files, sent by the first run
    assert StageEntry.objects.filter(stage__contest__year__lt=PRESENT).count() == 15
    # Reloading seed 002's rubric file (it names no entrants) keeps the picks as its entrants, and their rows.
    assert len(rows("model-subdistrict-2565")) == 9 and len(rows("model-subdistrict-region-2565")) == 6


def test_organisers_and_district_staff_log_in_to_their_offices(seeded):
    offices = dict(
        Membership.objects.filter(
            user__username__in=["chonburi", "nongkhai", "ubon", "mueangchonburi", "mueangnongkhai"]
        ).values_list("user__username", "unit__code")
    )
    assert offices == {
        "chonburi": "TH-20",
        "nongkhai": "TH-43",
        "ubon": "TH-34",
        "mueangchonburi": "2001",
        "mueangnongkhai": "4301",
    }
    roles = dict(Membership.objects.filter(user__username__in=offices).values_list("user__username", "role"))
    assert roles == {
        name: Role.ORGANISER if name in ("chonburi", "nongkhai", "ubon") else Role.OFFICE_STAFF for name in offices
    }
    # Each login says the job its account does, in Thai: the picker is not called a contest's organiser.
    assert "  mueangchonburi  cdd4-demo-2566   สพอ.เมืองชลบุรี\n" in seeded
    assert "  mueangchonburi-picks cdd4-demo-2566   สพอ.เมืองชลบุรี (ผู้คัดเลือกตำบล)\n" in seeded
    assert "  chonburi-panel1 cdd4-demo-2566   กรรมการการประกวด ๑ สพจ.ชลบุรี\n" in seeded


def test_it_role_model_demo_names_a_nominee_per_office_and_honours_only_who_qualifies(seeded):
    from nominees.models import Nominee

    nominees = Nominee.objects.filter(contest__slug="chonburi-itmodel-2564")
    assert nominees.count() == 11
    assert all(n.name_th.endswith("(ตัวอย่าง)") and n.position_th for n in nominees)
    found = rows("chonburi-itmodel-2564")
    qualified = [r for r in found if r["total"] == "3"]
    assert 0 < len(qualified) < 11  # the demo shows both
    assert [r["entrant"] for r in found if r["award"] == "it_role_model"] == [r["entrant"] for r in qualified]


def test_each_office_contest_is_judged_by_its_own_panel(seeded):
    from committee.models import Panelist

    def judges(slug):
        return set(Judgment.objects.filter(rubric__contest__slug=slug).values_list("member__username", flat=True))

    assert judges("chonburi-web-2564") == {"chonburi-panel1", "chonburi-panel2"}
    assert judges("ubon-milestones-2568") == set()  # every month computed: its panel only overrides, with a reason
    assert judges("model-subdistrict-2565") == {"committee1", "committee2"}  # the Department's own contest
    finals = ChairFinal.objects.filter(rubric__contest__slug="nongkhai-missions-2565").values_list("by__username")
    assert set(finals) == {("nongkhai-chair",)}
    seats = Panelist.objects.filter(contest__slug="chonburi-web-2564").values_list("user__username", "is_chair")
    assert sorted(seats) == [("chonburi-chair", True), ("chonburi-panel1", False), ("chonburi-panel2", False)]
    offices = dict(
        Membership.objects.filter(user__username__startswith="chonburi-").values_list("user__username", "role")
    )
    assert offices == dict.fromkeys(["chonburi-chair", "chonburi-panel1", "chonburi-panel2"], Role.OFFICE_STAFF)
    assert "chonburi-panel1 cdd4-demo-2566" in " ".join(seeded.split())


def test_the_seed_year_s_picks_came_with_their_files_one_late(seeded):
    """A finished year looks finished: each regional pick's files were sent, most in the week before
    31 May 2565, Ubon Ratchathani's district-level files two days after it."""
    from rubrics.selectors import work_calendar
    from stages.models import StageUpload
    from stages.selectors import files_sent

    stage = Contest.objects.get(slug="model-subdistrict-region-2565").stage
    uploads = StageUpload.objects.filter(entry__stage=stage)
    assert uploads.count() == 6 * 3
    found = files_sent(stage, list(stage.entries.values_list("pk", flat=True)), work_calendar(), date(2026, 1, 1))
    late = sorted((f.requirement.code, f.late) for files in found.values() for f in files if f.late)
    assert late == [("lessons-district", 2), ("lessons-district", 2)]  # Ubon's two picks: Thu 2 Jun 2565
    assert "ไฟล์ของขั้นตัวอย่าง: ส่งแล้ว 18 ไฟล์" in seeded  # a rerun sends none: test_second_run_changes_nothing
