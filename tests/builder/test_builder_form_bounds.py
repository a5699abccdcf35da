"""The builder and its preview cost what their form is worth: the posted form is read once into an index (the
parse is linear in the form, not rows × conditions × fields), its rows, levels, conditions, criteria, awards,
periods and entrants are capped with Thai-first refusals, and every date it takes, typed facts of the preview
too, is within the contest's fiscal year ±1."""

import json

import pytest
from django.utils.datastructures import MultiValueDict

from builder.form import MAX_ROWS, Builder
from builder.prefill import to_form
from builder.rule_forms import CONDITIONS_MAX, ROWS_MAX
from people.models import Role
from rubrics.models import ContestPeriod
from tests.builder.builder_forms import FORM, RULE, encoded, fields, milestone_post
from tests.factories import UserFactory

BUILD, PREVIEW = "/standings/contests/build/", "/standings/contests/build/preview/"
NATIONAL = json.loads(open("rubrics/rubric_files/2566.json", encoding="utf-8").read())
TIMELY = "d1c1-"  # 2566's criterion 2.1.2, a timeliness rule: working days late are counted


class Counted(MultiValueDict):
    """A posted form that counts the passes over all its fields."""

    passes = 0

    def items(self):
        self.passes += 1
        return super().items()


def test_the_posted_form_is_read_once_however_many_levels_and_conditions_it_claims():
    post = Counted(milestone_post(20, CONDITIONS_MAX, claimed=ROWS_MAX))
    for key in list(post):  # the levels and conditions as claimed: every level holds its last condition's row
        if key.endswith("when-rows"):
            post[key] = str(CONDITIONS_MAX)
    rule = Builder(post).data()["dimensions"][0]["criteria"][0]["rule"]
    assert len(rule["levels"]) == 20 and len(rule["levels"][0]["when"]) == CONDITIONS_MAX
    assert post.passes == 1


def test_a_form_of_near_a_thousand_fields_is_read_once_and_refused_only_for_its_counts():
    post = Counted(milestone_post(28, CONDITIONS_MAX, claimed=200))
    assert fields(post) >= 990
    builder = Builder(post)
    builder.data()
    assert post.passes == 1
    assert builder.problems.at[f"{RULE}-rows"] == [f"ไม่เกิน {ROWS_MAX} แถว"]
    assert builder.problems.at[f"{RULE}-0-when-rows"] == [f"ไม่เกิน {CONDITIONS_MAX} แถว"]


def test_levels_and_conditions_within_the_caps_are_read_without_a_refusal():
    builder = Builder(milestone_post(ROWS_MAX, CONDITIONS_MAX))
    rule = builder.data()["dimensions"][0]["criteria"][0]["rule"]
    assert (len(rule["levels"]), len(rule["levels"][-1]["when"])) == (ROWS_MAX, CONDITIONS_MAX)
    assert not any(key.endswith("-rows") for key in builder.problems.at)


def test_more_dimensions_awards_and_periods_than_the_page_builds_are_refused_thai_first():
    post = to_form(json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read()))
    _set(post, {"dims": "61", "awards": "1000000", "periods": "99999999999999999999"})
    builder = Builder(post)
    builder.data()
    assert builder.problems.at[""] == [f"มิติ ไม่เกิน {MAX_ROWS}"]
    assert builder.problems.at["awards"] == ["ไม่เกิน 60 แถว"]
    assert builder.problems.at["periods"] == ["ไม่เกิน 60 แถว"]


def test_more_entrants_than_the_setting_allows_are_refused_before_the_loader_reads_them(settings):
    settings.CDD4_MOST_ENTRANTS = 1200
    post = milestone_post(1, 1)
    del post["entrants_all"]
    post["entrants_more"] = " ".join(f"{n:06d}" for n in range(1201))
    builder = Builder(post)
    assert len(builder.data()["contest"]["entrants"]) == 1200
    assert builder.problems.at[""] == [
        "contest.entrants มีผู้เข้าประกวด 1,201 ราย เกินกว่าที่กำหนดไว้ 1,200 ราย (ค่าตั้ง CDD4_MOST_ENTRANTS)"
    ]


def _set(post: MultiValueDict, values: dict[str, str]) -> None:
    for key, value in values.items():  # MultiValueDict.update would add a second value
        post[key] = value


# -- dates -------------------------------------------------------------------------------------------------


def test_a_contest_date_outside_the_fiscal_year_either_side_is_refused_beside_its_box():
    post = to_form(NATIONAL)
    _set(post, {"starts_on": "01/01/0002", "ends_on": "31/12/9999", "d3c1-deadline": "31/05/2570"})
    builder = Builder(post)
    builder.data()
    for box, typed in (("starts_on", "01/01/0002"), ("ends_on", "31/12/9999"), ("d3c1-deadline", "31/05/2570")):
        (message,) = builder.problems.at[box]
        assert message.startswith(f"วันที่ “{typed}” อ่านได้เป็น"), message
        assert "ซึ่งห่างจากปีงบประมาณ (๑ ต.ค. ๒๕๖๕ – ๓๐ ก.ย. ๒๕๖๖) เกิน ๑ ปี" in message


def test_a_period_deadline_outside_the_fiscal_year_either_side_is_refused_beside_its_box():
    post = to_form(json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read()))
    post["p0-deadline"] = "20/04/9999"
    builder = Builder(post)
    builder.data()
    assert builder.problems.at["p0-deadline"][0].startswith("วันที่ “20/04/9999” อ่านได้เป็น")


@pytest.fixture
def central(client, db):
    client.force_login(UserFactory(role=Role.CENTRAL))
    return client


def test_saving_a_contest_that_starts_in_year_1_answers_a_form_error_not_500(central):
    post = to_form(NATIONAL)
    _set(post, {"starts_on": "01/01/0001", "action": "save"})
    before = ContestPeriod.objects.count()
    response = central.post(BUILD, encoded(post), content_type=FORM)
    assert response.status_code == 400
    assert "วันที่ “01/01/0001” อ่านได้เป็น" in response.content.decode()
    assert ContestPeriod.objects.count() == before


def test_the_preview_refuses_a_fact_date_centuries_from_the_contest_instead_of_counting_the_days(central):
    post = to_form(NATIONAL)
    _set(post, {"criterion": TIMELY, f"{TIMELY}deadline": "31/12/9999", f"{TIMELY}fact-received_on": "0002-01-01"})
    html = central.post(PREVIEW, encoded(post), content_type=FORM).content.decode()
    assert "วันที่กรมฯ ลงรับเอกสาร: วันที่ “0002-01-01” อ่านได้เป็น" in html
    assert "คะแนน</strong>" not in html  # nothing scored


def test_the_preview_asks_for_the_year_before_it_tries_a_date(central):
    post = to_form(NATIONAL)
    _set(post, {"year": "", "criterion": TIMELY, f"{TIMELY}fact-received_on": "9999-01-01"})
    html = central.post(PREVIEW, encoded(post), content_type=FORM).content.decode()
    assert "วันที่กรมฯ ลงรับเอกสาร: ระบุปีงบประมาณ (พ.ศ.) ก่อน จึงจะทดลองวันที่ได้" in html


def test_the_preview_still_scores_a_date_within_the_fiscal_year(central):
    post = to_form(NATIONAL)
    _set(post, {"criterion": TIMELY, f"{TIMELY}deadline": "31/05/2566", f"{TIMELY}fact-received_on": "02/06/2566"})
    html = central.post(PREVIEW, encoded(post), content_type=FORM).content.decode()
    assert "<strong>๓ คะแนน</strong> · ส่ง ๒ มิ.ย. ๒๕๖๖ หลังวันครบกำหนด ๓๑ พ.ค. ๒๕๖๖ 2 วันทำการ" in html
