"""The contest builder's form: every shipped contest goes through it and back unchanged, the sums are checked
as typed, the loader's refusals land beside the criterion they name, and a preview scores typed facts."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.datastructures import MultiValueDict

from builder.form import Builder
from builder.prefill import to_form
from rubrics.contest_spec import parse_rubric_file
from rulebook.dates import be_date
from rulebook.rules.errors import Problem, Where
from rulebook.spec import RubricError
from rulebook.workdays import WorkCalendar

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files").glob("*.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_contest_round_trips_through_the_builder_unchanged(path: Path) -> None:
    data = _load(path)
    builder = Builder(to_form(data))
    assert builder.data() == data
    assert not builder.problems.at


def test_dates_are_shown_in_buddhist_era_and_read_back() -> None:
    assert be_date("2021-07-20") == "20/07/2564"
    form = to_form(_load(SHIPPED[1]))
    assert form["starts_on"] == "01/07/2564"


def test_sums_that_do_not_add_up_are_said_beside_the_dimension_and_the_total() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    form["d0c0-max_points"] = "21"
    builder = Builder(form)
    builder.check_sums()
    assert builder.problems.at == {"d0-max_points": ["ตัวชี้วัดรวมกันได้ 21 = 21 ไม่เท่ากับคะแนนเต็มของมิติ 20"]}
    assert builder.total_text == "100"


def test_a_new_criterion_starts_as_a_done_rule_with_its_own_empty_form() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    builder = Builder(form, add_criterion=0)
    added = builder.dimensions[0].criteria[-1]
    assert (len(builder.dimensions[0].criteria), added.kind, added.rule_form.is_bound) == (2, "done", False)


def test_loader_refusals_are_placed_beside_the_criterion_they_name() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    builder = Builder(form)
    criterion = Where("เกณฑ์ 2.1", "Criterion 2.1", dimension="2", criterion="2.1")
    builder.place(
        [
            Problem(criterion, "คะแนนสูงสุดที่ทำได้คือ 4", "the highest reachable score is 4"),
            Problem(criterion.at("name_th"), "ต้องระบุ “name_th” เป็นข้อความ", "“name_th” must be non-empty text"),
            Problem.said("เกณฑ์การประเมิน: x / Rubric: x"),
        ]
    )
    assert builder.problems.at == {
        "d1c0-": ["เกณฑ์ 2.1: คะแนนสูงสุดที่ทำได้คือ 4"],
        "d1c0-name_th": ["เกณฑ์ 2.1: ต้องระบุ “name_th” เป็นข้อความ"],
        "": ["เกณฑ์การประเมิน: x"],
    }


def test_a_preview_scores_the_typed_facts_and_saves_nothing() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    form["d0c0-fact-points"] = "18"
    builder = Builder(form)
    criterion = builder.dimensions[0].criteria[0]
    builder.preview(criterion, WorkCalendar())
    facts, score = criterion.preview
    assert [f[0] for f in facts] == ["points"]
    assert score.points == Decimal(18)
    assert score.th == "กรรมการให้ 18 จาก 20 คะแนน → 18 คะแนน"


def test_a_deadline_on_a_closed_day_says_where_it_moves() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    form["d0c0-deadline"] = "31/7/2564"  # a Saturday
    builder = Builder(form)
    builder.show_deadlines(WorkCalendar())
    assert builder.dimensions[0].criteria[0].deadline_shown.startswith("๓๑ ก.ค. ๒๕๖๔ (วันหยุดราชการ) → เลื่อนเป็น")


def test_json_boxes_refuse_what_nests_past_any_rubric_instead_of_failing() -> None:
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    form["more"] = "[" * 100_000 + "]" * 100_000
    form["d0c0-more"] = '{"a": ' * 30 + "1" + "}" * 30
    builder = Builder(form)
    builder.data()
    assert builder.problems.at["more"] == ["ซ้อนกันลึกเกิน 20 ชั้น"]
    assert builder.problems.at["d0c0-more"] == ["ซ้อนกันลึกเกิน 20 ชั้น"]


def test_a_posted_count_cannot_make_more_criteria_than_any_contest_has() -> None:
    form = MultiValueDict({"dims": ["60"], **{f"d{i}-crits": ["60"] for i in range(60)}})
    assert sum(len(d.criteria) for d in Builder(form).dimensions) == 300


def test_a_refusal_lands_beside_the_criterion_it_is_about_whatever_its_code_says() -> None:
    """Placed by where the loader says it is, never by its text: "1.1:" is not criterion "1.1" (a text prefix
    "เกณฑ์ 1.1:" matched both), and a code that reads "เกณฑ์ …" confuses nothing."""
    form = to_form(_load(Path(SHIPPED[0]).with_name("chonburi-web-2564.json")))
    form["d1c0-code"] = "1.1:"
    form["d2c0-code"] = "เกณฑ์ 1.1"
    builder = Builder(form)
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(builder.data())
    builder.place(builder.rows.place(refused.value.problems, builder.problems.add))
    assert {(p.where.dimension, p.where.criterion, p.where.field) for p in refused.value.problems} == {
        ("2", "1.1:", "code"),
        ("3", "เกณฑ์ 1.1", "code"),
    }
    assert set(builder.problems.at) == {"d1c0-code", "d2c0-code"}
    assert builder.problems.at["d1c0-code"][0].startswith("เกณฑ์ 1.1:: รหัสต้องเป็นอักษร A–Z")
    assert builder.problems.at["d2c0-code"][0].startswith("เกณฑ์ เกณฑ์ 1.1: รหัสต้องเป็นอักษร A–Z")
