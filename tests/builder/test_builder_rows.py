"""The builder's rows: award tiers and periods as rows of boxes with add and remove, a period's
own rule as a rule form of its kind; a refusal beside its row, nothing saved until all is right."""

import json
from pathlib import Path

from django.utils.datastructures import MultiValueDict

from builder.form import Builder
from builder.prefill import to_form
from builder.rows import step
from contests.models import Contest
from people.models import Role
from rulebook.rules.errors import Problem, Where
from tests.factories import UserFactory

RUBRICS = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files"


def _load(stem: str) -> dict:
    return json.loads((RUBRICS / f"{stem}.json").read_text(encoding="utf-8"))


def test_awards_are_rows_of_boxes_not_json() -> None:
    data = _load("chonburi-web-2564")
    form = to_form(data)
    assert "awards" not in json.loads(form["more"])
    assert (form["awards"], form["a0-count"], form["a2-name_th"]) == ("3", "1", data["awards"][2]["name_th"])


def test_a_removed_award_is_gone_and_the_others_keep_their_boxes() -> None:
    data = _load("chonburi-web-2564")
    form = step(to_form(data), "remove:a1-")
    assert Builder(form).data()["awards"] == [data["awards"][0], data["awards"][2]]


def test_an_award_typed_in_the_blank_row_is_added() -> None:
    data = _load("chonburi-web-2564")
    form = to_form(data)
    form.update({"a3-code": "merit", "a3-name_th": "ชมเชย", "a3-name_en": "Merit", "a3-count": "2", "a3-prize": "0"})
    awards = Builder(form).data()["awards"]
    assert awards[3] == {"code": "merit", "name_th": "ชมเชย", "name_en": "Merit", "count": 2, "prize": "0"}


def test_a_new_period_is_added_with_its_own_rule_of_the_criterions_kind() -> None:
    data = _load("ubon-milestones-2568")
    form = to_form(data)
    form["action"] = "add_period"
    builder = Builder(form)
    added = builder.rows.periods[-1]
    assert (len(builder.rows.periods), added.prefix, added.criteria) == (7, "p6-", [])
    form = MultiValueDict(form)
    form.update(
        {
            "periods": "7",
            "p6-code": "2568-10",
            "p6-name_th": "ต.ค.",
            "p6-name_en": "Oct",
            "action": "add_period_criterion:6",
        }
    )
    builder = Builder(form)
    own = builder.rows.periods[-1].criteria
    assert [(c.prefix, c.kind, c.codes) for c in own] == [("p6c0-", "milestones", ["4.1.1"])]


def test_a_periods_refusal_is_placed_beside_its_rule() -> None:
    builder = Builder(to_form(_load("ubon-milestones-2568")))
    criterion = Where("เกณฑ์ 4.1.1", "Criterion 4.1.1", dimension="4", criterion="4.1.1")
    period = Where("รอบ “2568-05”", "period “2568-05”", period="2568-05")
    x = Problem(criterion.within(period), "x", "x")
    y = Problem(Where("รางวัลที่ 1", "Award 1", award=1), "y", "y")  # ubon's contest names no award
    z = Problem(criterion, "z", "z")
    rest = builder.rows.place([x, y, z], builder.problems.add)
    assert (rest, builder.problems.at) == (
        [y, z],
        {"p1c0-": ["รอบ “2568-05”: เกณฑ์ 4.1.1: x"]},
    )


def test_the_national_rubric_has_no_periods_to_offer() -> None:
    builder = Builder(to_form(_load("2566")))
    assert (builder.rows.periods, "periods" in builder.data().get("contest", {})) == ([], False)


def test_a_refused_award_is_said_beside_its_row_and_nothing_is_saved(client, db) -> None:
    client.force_login(UserFactory(role=Role.CENTRAL))
    form = to_form(_load("chonburi-web-2564"))
    form.update({"slug": "web-test-2564", "a1-count": "สอง", "entrants_all": "on", "action": "save"})
    page = client.post("/standings/contests/build/", form).content.decode()
    row = page[page.index('id="award-a1-"') :]
    assert row.index("รางวัลที่ 2: จำนวนรางวัล (count) ต้องเป็นจำนวนเต็มบวก") < row.index('name="a1-code"')
    assert not Contest.objects.filter(slug="web-test-2564").exists()
