"""Hand-worked calendar and date cases (decisions 3, 9 and 11) through the documented commands."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from people.models import Role
from rubrics.models import Criterion
from tests.factories import UserFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def score_2_1_2(tmp_path, received: str, unit: str = "TH-50") -> str:
    path = tmp_path / "facts.csv"
    path.write_text(f"province,criterion,fact,value\n{unit},2.1.2,received_on,{received}\n", encoding="utf-8")
    run("import_facts", str(path), "--year", "2566")
    rows = json.loads(run("standings", "--year", "2566", "--format", "json"))
    row = next(r for r in rows if r["province"] == unit)
    return row["criteria"]["2.1.2"]


# The 2566 contest is open: a deadline moves with a reason, and by someone named (`mover`).
LETTER = ("--reason", "หนังสือกรม", "--by", "mover")


@pytest.fixture(autouse=True)
def mover(db):
    return UserFactory(username="mover", role=Role.CENTRAL)


@pytest.mark.parametrize(
    ("deadline", "received", "points"),
    [
        # Labour Day (Mon 1 May) is a working day: 27, 28 Apr, 1, 2 May = 4th working day late.
        ("26/04/2566", "2/5/66", "2"),
        ("2023-04-26", "2023-05-01", "3"),
        # Songkran: Thu 13 Apr moves to Tue 18 Apr (14 Songkran, weekend, 17 in lieu).
        ("13/04/2566", "18/04/2566", "4"),
        ("13/4/66", "17/4/66", "5"),
        ("13/04/2566", "19/04/2566", "3"),
        # The project's closing date, 31 Jul 2566, became a special holiday; 1-2 Aug are holidays too.
        ("31/07/2566", "๓ ส.ค. ๒๕๖๖", "4"),
        ("31/07/2566", "2023-08-04", "3"),
        # An ISO-shaped B.E. date is read as B.E., not as the year 2566 AD.
        ("2566-05-30", "2566-05-30", "4"),
    ],
)
def test_deadline_and_receipt_score_through_the_commands(rubric, tmp_path, deadline, received, points):
    run("rubric_deadline", "2566", "2.1.2", deadline, *LETTER)
    assert score_2_1_2(tmp_path, received) == points


def test_rubric_deadline_shows_the_moved_deadline(rubric):
    out = run("rubric_deadline", "2566", "2.1.2", "13/04/2566", *LETTER)
    assert "กำหนดส่ง 13 เม.ย. 2566 (วันหยุดราชการ) → เลื่อนเป็น 18 เม.ย. 2566" in out
    assert "deadline 13 Apr 2023 (offices closed) → moved to 18 Apr 2023" in out


def test_rubric_deadline_b_e_iso_shape_read_as_b_e(rubric):
    out = run("rubric_deadline", "2566", "2.1.2", "2566-04-12", *LETTER)
    assert "๑๒ เม.ย. ๒๕๖๖ = 12 Apr 2023" in out
    assert str(Criterion.objects.get(rubric=rubric, code="2.1.2").deadline) == "2023-04-12"


def test_rubric_deadline_far_outside_the_fiscal_year_refused(rubric):
    with pytest.raises(CommandError) as exc:
        run("rubric_deadline", "2566", "2.1.2", "2026-04-12", "--by", "mover")
    assert "อ่านได้เป็น ๑๒ เม.ย. ๒๕๖๙ = 12 Apr 2026" in str(exc.value)
    assert Criterion.objects.get(rubric=rubric, code="2.1.2").deadline is None


def test_import_refuses_a_receipt_date_far_outside_the_fiscal_year(rubric, tmp_path):
    run("rubric_deadline", "2566", "2.1.2", "26/04/2566", *LETTER)
    path = tmp_path / "facts.csv"
    path.write_text("province,criterion,fact,value\nTH-50,2.1.2,received_on,2/5/2023x\n", encoding="utf-8")
    with pytest.raises(CommandError, match="แถวที่ 2"):
        run("import_facts", str(path), "--year", "2566")
    path.write_text("province,criterion,fact,value\nTH-50,2.1.2,received_on,2/5/2025\n", encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        run("import_facts", str(path), "--year", "2566")
    assert "๒ พ.ค. ๒๕๖๘ = 2 May 2025" in str(exc.value)


def test_rubric_deadline_closing_date_shown_as_decision_9_writes_it(rubric):
    out = run("rubric_deadline", "2566", "1.1", "31/07/2566", *LETTER)
    assert "กำหนดส่ง 31 ก.ค. 2566 (วันหยุดราชการ) → เลื่อนเป็น 3 ส.ค. 2566" in out
    assert "๓๑ ก.ค. ๒๕๖๖ = 31 Jul 2023" in out
