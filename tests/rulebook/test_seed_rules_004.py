"""Seed 004 (Ubon Ratchathani, B.E. 2568): each month's A/B/C/D computed from the district's figures and
dates, worked by hand from the letter's table (A = ๕ B = ๔ C = ๓ D = ๒). Each period scores by its own
rule (`contest.periods[].criteria`), with the period's deadline, the 20th, moved as decision 9 moves it."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rubrics.contest_spec import parse_rubric_file, period_data
from rulebook.dates import parse_date
from rulebook.engine import evaluate_entrant
from rulebook.rules import Context, Score
from rulebook.spec import parse_rubric
from rulebook.workdays import WorkCalendar

FILE = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files" / "ubon-milestones-2568.json"
DATA = json.loads(FILE.read_text(encoding="utf-8"))
PERIODS = {p["code"]: p for p in DATA["contest"]["periods"]}
CAL = WorkCalendar()


def month(code: str, today: date | None = None, **facts: str) -> Score:
    period = PERIODS[code]
    rule = parse_rubric(period_data(DATA, period)).criterion("4.1.1").rule
    return rule.evaluate(facts, Context(calendar=CAL, deadline=parse_date(period["deadline"]), today=today))


def test_the_file_parses_with_every_months_rule():
    parse_rubric_file(DATA)
    kinds = {code: parse_rubric(period_data(DATA, p)).criterion("4.1.1").rule.kind for code, p in PERIODS.items()}
    # June's letters follow from the district's two answers (improved? with whom?), as the document's table says.
    assert kinds == {
        "2568-04": "milestones",
        "2568-05": "milestones",
        "2568-06": "requirements",
        "2568-07": "milestones",
        "2568-08": "milestones",
        "2568-09": "milestones",
    }


# -- July–September: "สรุปรายงานการใช้ประโยชน์ข้อมูล จปฐ. … ให้จังหวัด ภายในวันที่ ๒๐ ของทุกเดือน" ----------------
@pytest.mark.parametrize(
    ("code", "uses", "sent", "points"),
    [
        ("2568-08", "3", "20/08/2568", 5),  # "ระดับ A … ภายในวันที่ ๒๐": Wed 20 Aug, on the day
        ("2568-08", "3", "21/08/2568", 4),  # "ระดับ B … หลังวันที่ ๒๐"
        # 20 Jul 2568 is a Sunday: the 20th moves to Mon 21 Jul (decision 9), so the 21st is still A
        ("2568-07", "1", "21/07/2568", 5),
        ("2568-07", "1", "22/07/2568", 4),
        # 20 Sep 2568 is a Saturday: Mon 22 Sep is still in time
        ("2568-09", "2", "22/09/2568", 5),
        ("2568-09", "2", "23/09/2568", 4),
        ("2568-08", "0", "05/08/2568", 3),  # "ระดับ C - ไม่มีการใช้ประโยชน์ข้อมูล": a report of no use is C
        ("2568-08", "4", "", 3),  # "… หรือไม่ได้รายงานการขอยื่นใช้": uses counted but no report sent
    ],
)
def test_july_to_september_by_the_20th(code: str, uses: str, sent: str, points: int) -> None:
    facts = {"data_uses": uses} | ({"use_report_on": sent} if sent else {})
    assert month(code, **facts).points == points


def test_a_late_report_says_why_it_is_b() -> None:
    score = month("2568-07", data_uses="2", use_report_on="22/07/2568")
    assert score.th == (
        "ระดับ B: การขอยื่นใช้ข้อมูล จปฐ. ในเดือน ๒ ครั้ง ตั้งแต่ ๑ (ไม่ถึงระดับ A: วันที่ส่งรายงานการใช้ประโยชน์ข้อมูลถึงจังหวัด "
        "๒๒ ก.ค. ๒๕๖๘ หลังกำหนด ๒๐ ก.ค. ๒๕๖๘ (วันหยุดราชการ) → เลื่อนเป็น ๒๑ ก.ค. ๒๕๖๘) → 4 คะแนน"
    )


def test_no_report_is_the_documents_c_and_says_the_report_is_missing() -> None:
    # "ระดับ C … หรือไม่ได้รายงานการขอยื่นใช้": the level is the document's, the reason is shown, never a silent C
    score = month("2568-08")
    assert score == Score(
        Decimal(3),
        "ไม่ได้รายงาน (ยังไม่มีข้อมูล) ถือเป็นระดับ C → 3 คะแนน",
        "no report (nothing reported yet), counted as grade C → 3 points",
    )
    partial = month("2568-08", data_uses="4")
    assert "ยังไม่มีข้อมูลวันที่ส่งรายงานการใช้ประโยชน์ข้อมูลถึงจังหวัด" in partial.th


def test_a_month_not_yet_begun_is_not_scored_not_counted_as_the_missing_c() -> None:
    # Before 1 August 2025 nothing of August can be reported: not C (3 points) but "ยังไม่ถึง", 0 and said so.
    assert month("2568-08", today=date(2025, 7, 31)) == Score(
        Decimal(0),
        "ยังไม่ถึง: เดือนนี้เริ่ม ๑ ส.ค. ๒๕๖๘ ยังไม่ให้คะแนน",
        "not yet: the month begins on 1 Aug 2025, not scored yet",
    )
    assert month("2568-08", today=date(2025, 8, 1)).points == Decimal(3)  # begun: the document's C


# -- April: the highest milestone reached, D → C → B → A -----------------------------------------------
FULL_APRIL = {
    "volunteers": "120",
    "volunteers_target": "120",  # "ระดับ D - อาสาสมัครผู้จัดเก็บข้อมูล จปฐ. ครบ ร้อยละ ๑๐๐ ของเป้าหมายที่กำหนด"
    "households_checked": "4,310",
    "households_collected": "4,310",  # "ระดับ C - … ตรวจสอบความครบถ้วน ถูกต้อง เบื้องต้นของข้อมูล จปฐ. ร้อยละ ๑๐๐"
    "lao_certified": "6",
    "laos": "6",  # "ระดับ B - … คำรับรองคุณภาพข้อมูล จปฐ. ปี ๒๕๖๘ ระดับองค์การปกครองส่วนท้องถิ่น ร้อยละ ๑๐๐"
    "presentation_planned_on": "15/05/2568",  # "ระดับ A - มีแผนดำเนินการนำเสนอมผลการจัดเก็บ … ระดับอำเภอ"
}


@pytest.mark.parametrize(
    ("changes", "points"),
    [
        ({}, 5),  # every milestone: A
        ({"presentation_planned_on": ""}, 4),  # no plan yet: B
        ({"lao_certified": "5"}, 3),  # 5 of 6 local governments = 83.33%: C
        ({"households_checked": "4,309"}, 2),  # 4,309 ÷ 4,310 = 99.98%: D, although the LAOs are all in
        ({"volunteers": "119"}, 0),  # 119 ÷ 120 = 99.17%: not even D; the document has no lower level
    ],
)
def test_april_is_the_highest_milestone_reached(changes: dict[str, str], points: int) -> None:
    assert month("2568-04", **(FULL_APRIL | changes)).points == points


def test_april_below_d_says_which_figure_falls_short() -> None:
    score = month("2568-04", **(FULL_APRIL | {"volunteers": "119"}))
    assert score.th == ("ยังไม่ถึงระดับ D: อาสาสมัครผู้จัดเก็บข้อมูล จปฐ. ที่มี ๑๑๙ จาก ๑๒๐ = ร้อยละ ๙๙.๑๗ น้อยกว่าร้อยละ ๑๐๐ → 0 คะแนน")


# -- May: "แล้วเสร็จตามแผน" A, "ส่ง … ภายในเดือนพฤษภาคม ๒๕๖๘" B, "แล้วเสร็จช้ากว่าแผน" C --------------------------
@pytest.mark.parametrize(
    ("done", "sent", "points"),
    [
        ("20/05/2568", "", 5),  # presented on the planned 20 May: A
        ("23/05/2568", "30/05/2568", 4),  # late, but the documents went in within May: B
        # 31 May 2568 is a Saturday, 2 Jun a special holiday, 3 Jun the Queen's birthday: in time on 4 Jun
        ("23/05/2568", "04/06/2568", 4),
        ("23/05/2568", "05/06/2568", 3),  # late and the documents after May: C
        ("23/05/2568", "", 3),
    ],
)
def test_may_against_the_districts_own_plan(done: str, sent: str, points: int) -> None:
    facts = {"presentation_planned_on": "20/05/2568", "presentation_done_on": done}
    assert month("2568-05", **(facts | ({"documents_sent_on": sent} if sent else {}))).points == points


MAY_LATE = {"presentation_planned_on": "20/05/2568", "presentation_done_on": "23/05/2568"}


def test_june_is_graded_from_the_districts_two_answers_and_the_months_average() -> None:
    assert month("2568-06", improved="ใช่", partners="1").points == 5  # corrected, with every partner: A
    assert month("2568-06", improved="ไม่ใช่", partners="2").points == 4  # with district agencies: B
    assert month("2568-06", improved="ไม่ใช่", partners="1").points == 3  # with every partner, not corrected: C
    assert month("2568-06").points == 0  # not answered yet: June has no "ไม่ได้รายงาน" level
    # Promoted with nobody fits none of the document's rows: left to the panel, said so (decision 13).
    none = month("2568-06", improved="ใช่", partners="3")
    assert (none.points, none.th) == (
        0,
        "ปรับปรุงความถูกต้องของข้อมูล จปฐ. แล้ว: ใช่; ส่งเสริมการใช้ประโยชน์ข้อมูล จปฐ. ร่วมกับ: ยังไม่ได้ส่งเสริม: "
        "ไม่ตรงระดับใดในเอกสาร → ต้องพิจารณา → 0 คะแนน",
    )
    # Apr A, May B, Jun C, Jul A, Aug B, Sep not reported (C): (5 + 4 + 3 + 5 + 4 + 3) ÷ 6 = 4
    monthly = [
        month("2568-04", **FULL_APRIL).points,
        month("2568-05", **MAY_LATE, documents_sent_on="30/05/2568").points,
        month("2568-06", improved="no", partners="1").points,
        month("2568-07", data_uses="5", use_report_on="18/07/2568").points,
        month("2568-08", data_uses="5", use_report_on="25/08/2568").points,
        month("2568-09").points,
    ]
    assert monthly == [5, 4, 3, 5, 4, 3]
    assert DATA["contest"]["combine"] == "mean" and sum(monthly) / 6 == 4


def test_the_engine_scores_a_month_from_its_period_rubric() -> None:
    spec = parse_rubric(period_data(DATA, PERIODS["2568-04"]))
    b = evaluate_entrant(spec, {"4.1.1": FULL_APRIL | {"lao_certified": "5"}}, size_group="", calendar=CAL)
    assert (b.total, b.criteria["4.1.1"].th.startswith("ระดับ C: ")) == (3, True)
