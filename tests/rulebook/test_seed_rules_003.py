"""Seed 003 (Nong Khai, B.E. 2565): the items the document counts take the counts and the document's own
threshold, worked by hand from its text (the quote beside each case). No database."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rulebook.rules import Context, Score
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar

FILE = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files" / "nongkhai-missions-2565.json"
SPEC = parse_rubric(json.loads(FILE.read_text(encoding="utf-8")))
CAL = WorkCalendar()


def score(code: str, **facts: str) -> Score:
    return SPEC.criterion(code).rule.evaluate(facts, Context(calendar=CAL))


@pytest.mark.parametrize(
    ("with_plan", "verified", "points"),
    [
        ("412", "412", 10),  # every certified household has its plan: "ทำได้ตามเกณฑ์ = ๑๐ คะแนน"
        ("411", "412", 0),  # 99.75% is not "ร้อยละ ๑๐๐": "ทำไม่ได้ตามเกณฑ์ = ๐ คะแนน"
    ],
)
def test_household_plans_for_every_certified_household(with_plan: str, verified: str, points: int) -> None:
    # "๑.๒ การจัดทำแผนครัวเรือน ร้อยละ ๑๐๐ บุคคล/ครัวเรือนเป้าหมายที่ได้รับตรวจสอบและรับรองข้อมูลมีการจัดทำแผนครัวเรือน"
    assert score("1.1.2", households_with_plan=with_plan, households_verified=verified).points == points


def test_household_plans_cannot_outnumber_the_certified_households() -> None:
    refused = score("1.1.2", households_with_plan="413", households_verified="412")
    assert refused.points == 0
    assert refused.th.startswith("ครัวเรือนเป้าหมายที่มีการจัดทำแผนครัวเรือน 413 มากกว่า")


@pytest.mark.parametrize(
    ("code", "facts", "points"),
    [
        # "ทีมพี่เลี้ยงลงพื้นที่ติดตาม … อย่างน้อยเดือนละ ๒ ครั้ง": the month with the fewest visits decides
        ("1.2.1", {"mentor_visits_fewest_month": "2"}, 10),
        ("1.2.1", {"mentor_visits_fewest_month": "1"}, 0),
        # "… ๓ ช่องทาง (เช่น Facebook, Line, Website …) อย่างน้อยสัปดาห์ละ ๒ ครั้ง": both, or nothing
        ("1.3.1", {"poverty_pr_channels": "3", "poverty_pr_fewest_week": "2"}, 10),
        ("1.3.1", {"poverty_pr_channels": "2", "poverty_pr_fewest_week": "5"}, 0),
        ("1.3.1", {"poverty_pr_channels": "4", "poverty_pr_fewest_week": "1"}, 0),
        # "การกำกับ ติดตาม การรายงานผล … อย่างน้อยเดือนละ ๑ ครั้ง"
        ("1.3.2", {"poverty_reports_fewest_month": "1"}, 10),
        ("1.3.2", {"poverty_reports_fewest_month": "0"}, 0),
        # "ปรับปรุงข้อมูล/การบันทึกข้อมูลฐานข้อมูลงานพัฒนาชุมชนทุกฐานให้ถูกต้อง ครบถ้วน และเป็นปัจจุบัน (๑๐)"
        ("8.1.3", {"databases_updated": "12", "databases": "12"}, 10),
        ("8.1.3", {"databases_updated": "11", "databases": "12"}, 0),
        # "อย่างน้อยเดือนละ ๑ ครั้ง ผ่านช่องทางที่หลากหลาย อย่างน้อย ๒ ช่องทาง (๒๐)"
        ("8.2", {"click_pr_channels": "2", "click_pr_fewest_month": "1"}, 20),
        ("8.2", {"click_pr_channels": "1", "click_pr_fewest_month": "3"}, 0),
        ("8.2", {"click_pr_channels": "3", "click_pr_fewest_month": "0"}, 0),
        # "อย่างน้อยไตรมาสละ ๑ ครั้ง จำนวนอย่างน้อย ๑ กิจกรรม (๓๐)", quarters 2–4
        ("8.3", {"click_activities_fewest_quarter": "1"}, 30),
        ("8.3", {"click_activities_fewest_quarter": "0"}, 0),
    ],
)
def test_counted_items_take_their_counts(code: str, facts: dict[str, str], points: int) -> None:
    assert score(code, **facts).points == points


def test_no_counted_item_is_a_yes_no_any_more() -> None:
    done = sorted(c.code for c in SPEC.criteria() if c.rule.kind == "done")
    # Only the committee's order (8.1.1 "มีคำสั่งแต่งตั้ง") and the meeting held (8.1.2) are yes / no
    assert done == ["8.1.1", "8.1.2"]


# -- mission 3: "ส่งเสริมช่องทางออนไลน์ ไม่น้อยกว่า ๓ ช่องทาง โดยทั้ง ๓ ช่องทาง มีผู้ประกอบการเข้าร่วมไม่น้อยกว่าร้อยละ ๕" --
def channels(*counts: str, activities: str = "16", registered: str = "200") -> dict[str, str]:
    facts = {f"online_channel_{i}": n for i, n in enumerate(counts, 1)}
    return facts | {"activities": activities, "operators_new": registered}


@pytest.mark.parametrize(
    ("facts", "points"),
    [
        # 200 registered operators: 5% is 10 each. 12, 10, 10 → all three ≥ 5%: ดีมาก 5
        (channels("12", "10", "10"), 5),
        # the order typed does not matter: the best three channels are measured
        (channels("10", "3", "12", "10"), 5),
        # 30, 25, 9: the third channel has 4.5% < 5 → "ทั้ง ๒ ช่องทาง … ร้อยละ ๔" (8 each), with 16 ≥ 12 → ดี 4
        (channels("30", "25", "9"), 4),
        # one channel of 40 (20%) is many operators, but one channel only: ปานกลาง 3 ("ไม่น้อยกว่า ๑ ช่องทาง … ร้อยละ ๓")
        (channels("40"), 3),
        # 16 activities but the best channel has 5 of 200 = 2.5% → พัฒนา 2 ("ร้อยละ ๒")
        (channels("5", "5", "5"), 2),
        # "จำนวนน้อยกว่า ๔ ครั้ง … ไม่น้อยกว่า ๑ ช่องทาง … ร้อยละ ๑": 2 activities, 2 of 200 = 1% → ปรับปรุง 1
        (channels("2", activities="2"), 1),
        # no channel reaches 1%: below every level → 0
        (channels("1", activities="20"), 0),
        # 12 activities with three channels at 5%: "จำนวน ๑๖ ครั้ง" not reached → ดี 4
        (channels("10", "10", "10", activities="12"), 4),
    ],
)
def test_each_online_channel_must_reach_its_share(facts: dict[str, str], points: int) -> None:
    assert score("3.1", **facts).points == points


def test_a_channel_cannot_have_more_operators_than_registered() -> None:
    refused = score("3.1", **channels("201"))
    assert (refused.points, refused.en.split(" is more than")[0]) == (0, "operators joining online channel 1 201")


# -- mission 2 item 2: "๒.๕) ไม่สามารถบริหารจัดการข้อร้องเรียนได้ครบทุกเรื่อง ๒" needs no slowest days ----------
def test_complaints_not_all_handled_score_2_without_the_slowest_days() -> None:
    got = score("2.2", complaints="5", complaints_handled="4")
    assert got == Score(
        Decimal(2),
        "ไม่ถึง 4 คะแนน: ข้อร้องเรียนที่จัดการแล้ว ร้อยละ ๘๐ น้อยกว่าร้อยละ ๑๐๐ → 2 คะแนน",
        "not 4 points: complaints handled 80%, less than 100% → 2 points",
    )


def test_complaints_all_handled_still_need_the_slowest_days() -> None:
    # "๒.๒) … จัดการทุกเรื่องได้ภายใน ๗ วัน ๘": only the days decide between 8, 6, 4 and 2
    got = score("2.2", complaints="5", complaints_handled="5")
    assert (got.points, got.en) == (0, "days taken by the slowest complaint not reported yet → 0 points")
