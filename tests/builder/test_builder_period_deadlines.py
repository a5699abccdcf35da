"""Each period's own deadlines go through the builder and back (docs/contests.md: "each period's own rule and
deadline kept"): a deadline central staff moved in one period only (`criterion_deadline_set`, the admin's
deadline editor, `manage.py rubric_deadline`) is gathered into that period's own criteria
(`contest_spec.periods_gather`), shown in the builder beside that period, and saved back unchanged, so an
organiser's name fix neither wipes it nor records a deadline change nobody made."""

import copy
import json
from datetime import date

import pytest

from builder.form import Builder
from builder.prefill import to_form
from contests.models import Contest, ContestState
from people.models import Role
from rubrics import services, timetable
from rubrics.contest_spec import parse_rubric_file, period_data, periods_gather
from rubrics.models import ContestPeriod, RubricChange
from rubrics.selectors import contest_file
from rulebook.spec import RubricError
from tests.factories import DistrictFactory, UserFactory

BUILD = "/standings/contests/build/"
WEB = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
PERIODS = [
    {"code": "q1", "name_th": "รอบ ๑", "name_en": "Q1", "deadline": "2021-01-20"},  # one date for all its criteria
    {"code": "q2", "name_th": "รอบ ๒", "name_en": "Q2"},
    {"code": "q3", "name_th": "รอบ ๓", "name_en": "Q3"},
]


def web_file(district_code: str) -> dict:
    """Chiang Mai's website contest of 2564 in three periods; criterion 2.1 is due 30 June unless its period
    says otherwise."""
    data = copy.deepcopy(WEB)
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": [district_code]}
    data["contest"] |= {"periods": copy.deepcopy(PERIODS), "combine": "sum"}
    data["dimensions"][1]["criteria"][0]["deadline"] = "2021-06-30"
    return data


def deadlines(contest: Contest) -> dict[str, dict[str, date | None]]:
    return {
        r.period: {c.code: c.deadline for c in r.criteria.order_by("order")}
        for r in contest.rubrics.order_by("period_order")
    }


@pytest.fixture
def office(db, chiang_mai):
    district = DistrictFactory(parent=chiang_mai)
    contest = services.rubric_load(data=web_file(district.code)).contest
    return {"contest": contest, "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)}


def test_a_deadline_moved_in_one_period_survives_the_organisers_save_in_the_builder(client, office):
    contest = office["contest"]
    assert contest.state == ContestState.OPEN
    q2, q3 = (ContestPeriod.objects.get(contest=contest, period=p) for p in ("q2", "q3"))
    timetable.criterion_deadline_set(rubric=q2, code="1.1", deadline=date(2021, 3, 31), reason="หนังสือกรม")
    timetable.criterion_deadline_set(rubric=q3, code="2.1", deadline=date(2021, 8, 31), reason="หนังสือกรม")
    before = deadlines(contest)
    none, june = None, date(2021, 6, 30)
    jan = date(2021, 1, 20)
    assert before == {
        "q1": {"1.1": jan, "2.1": jan, "3.1": jan, "4.1": jan, "5.1": jan},
        "q2": {"1.1": date(2021, 3, 31), "2.1": june, "3.1": none, "4.1": none, "5.1": none},
        "q3": {"1.1": none, "2.1": date(2021, 8, 31), "3.1": none, "4.1": none, "5.1": none},
    }
    changes = RubricChange.objects.filter(contest=contest).count()

    # The organiser opens the builder from the contest (its edit page) and sees q2's and q3's own dates.
    client.force_login(office["organiser"])
    first = contest.rubrics.order_by("period_order").first()
    page = client.get(f"{BUILD}?from=contest:{first.key}")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="p1c0-deadline" value="31/03/2564"' in html  # q2's 1.1
    assert 'name="p2c0-deadline" value="31/08/2564"' in html  # q3's 2.1

    # ...fixes the contest's name, with a reason, and saves.
    form = to_form(contest_file(first))
    form.update({"name_th": "ประกวดเว็บไซต์ (แก้ชื่อ)", "reason": "แก้ชื่อตามหนังสือจังหวัด", "action": "save"})
    assert Builder(form).data()["contest"]["periods"][1]["criteria"] == {"1.1": {"deadline": "2021-03-31"}}
    response = client.post(BUILD, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    assert deadlines(contest) == before  # every period's, exactly
    assert set(contest.rubrics.values_list("name_th", flat=True)) == {"ประกวดเว็บไซต์ (แก้ชื่อ)"}
    recorded = RubricChange.objects.filter(contest=contest).order_by("pk")
    assert recorded.count() == changes + 1
    change = recorded.last()
    assert change.reason == "แก้ชื่อตามหนังสือจังหวัด"
    assert "deadline" not in json.dumps(change.changes), change.changes
    assert "name_th" in json.dumps(change.changes)


def test_saving_the_builders_copy_unchanged_changes_nothing(office):
    contest = office["contest"]
    q2 = ContestPeriod.objects.get(contest=contest, period="q2")
    timetable.criterion_deadline_set(rubric=q2, code="1.1", deadline=date(2021, 3, 31), reason="หนังสือกรม")
    before, changes = deadlines(contest), RubricChange.objects.filter(contest=contest).count()
    data = Builder(to_form(contest_file(q2))).data()
    services.contest_save(user=office["organiser"], data=data)
    assert deadlines(contest) == before
    assert RubricChange.objects.filter(contest=contest).count() == changes  # nothing changed: nothing recorded


def test_a_periods_own_criterion_deadline_loads_and_round_trips(office):
    data = web_file(office["contest"].entrants.first().dopa_code)
    data["contest"]["periods"][2]["criteria"] = {"1.1": {"deadline": "15/04/2564"}}  # Thai dates, as any deadline
    spec = parse_rubric_file(data)
    assert spec.criterion("1.1").deadline is None  # the file's own criteria: untouched
    services.contest_save(user=office["organiser"], data=data, reason="กำหนดส่งรอบ ๓")
    stored = deadlines(office["contest"])
    assert stored["q3"]["1.1"] == date(2021, 4, 15)
    assert (stored["q2"]["1.1"], stored["q1"]["1.1"]) == (None, date(2021, 1, 20))
    first = office["contest"].rubrics.order_by("period_order").first()
    gathered = contest_file(first)
    assert gathered["contest"]["periods"][2]["criteria"] == {"1.1": {"deadline": "2021-04-15"}}
    assert Builder(to_form(gathered)).data()["contest"]["periods"] == gathered["contest"]["periods"]


def test_periods_gather_keeps_each_periods_own_criterion_deadlines():
    def rubric(**dates: str | None) -> dict:
        return {"dimensions": [{"criteria": [{"code": c, "deadline": d} for c, d in dates.items()]}]}

    periods = [
        ({"code": "a"}, rubric(x="2021-01-20", y="2021-01-20", z="2021-01-20")),  # one date: the period's
        ({"code": "b"}, rubric(x="2021-03-31", y=None, z="2021-06-30")),
        ({"code": "c"}, rubric(x=None, y="2021-06-30", z="2021-06-30")),
        ({"code": "d"}, rubric(x=None, y=None, z="2021-08-31")),
    ]
    base, gathered = periods_gather(periods)
    # The file's: none where a period without one date has none, else the date most of them give.
    assert [c["deadline"] for c in base["dimensions"][0]["criteria"]] == [None, None, "2021-06-30"]
    assert gathered == [
        {"code": "a", "deadline": "2021-01-20"},
        {"code": "b", "criteria": {"x": {"deadline": "2021-03-31"}}},
        {"code": "c", "criteria": {"y": {"deadline": "2021-06-30"}}},
        {"code": "d", "criteria": {"z": {"deadline": "2021-08-31"}}},
    ]
    for period, (_, data) in zip(gathered[1:], periods[1:], strict=True):  # period_data is its inverse
        got = period_data(base, period)["dimensions"][0]["criteria"]
        assert got == data["dimensions"][0]["criteria"]


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (
            {"criteria": {"1.1": {"deadline": "2023-03-31"}}},
            "รอบ “q3”: เกณฑ์ 1.1: “deadline”:",  # over a year past the fiscal year 2564, as any deadline
        ),
        (
            {"criteria": {"1.1": {"deadline": "31 มีนา"}}},
            "รอบ “q3”: เกณฑ์ 1.1: “deadline”:",
        ),
        (
            {"deadline": "2021-07-20", "criteria": {"1.1": {"deadline": "2021-03-31"}}},
            "รอบ “q3”: เกณฑ์ 1.1: รอบนี้มีวันครบกำหนดของรอบซึ่งใช้กับทุกเกณฑ์ของรอบแล้ว",  # which the loader would apply
        ),
    ],
)
def test_a_periods_own_criterion_deadline_is_checked_as_any_deadline(period, message):
    data = web_file("5001")
    data["contest"]["periods"][2] |= period
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(data)
    assert any(m.startswith(message) and "deadline" in m for m in refused.value.messages), refused.value.messages


def test_the_builder_reads_a_periods_own_deadline_keeps_the_contests_rule_and_places_its_refusals():
    form = to_form(web_file("5001"))
    form.update({"p2-crits": "1", "p2c0-code": "1.1", "p2c0-kind": "same", "p2c0-kind_was": "same"})
    form["p2c0-deadline"] = "15/04/2564"  # B.E., as every date box
    builder = Builder(form)
    assert builder.rows.periods[2].criteria[0].rule_form is None  # no rule form: the contest's rule
    assert builder.data()["contest"]["periods"][2]["criteria"] == {"1.1": {"deadline": "2021-04-15"}}
    assert not builder.problems, builder.problems.at

    form["p2c0-deadline"] = "15/04/2599"
    builder = Builder(form)
    builder.data()
    assert "p2c0-deadline" in builder.problems.at  # beside its box, as any date box

    form.update({"p2c0-deadline": "15/04/2564", "p2-deadline": "20/07/2564"})  # and the period's own date
    builder = Builder(form)
    with pytest.raises(RubricError) as refused:
        parse_rubric_file(builder.data())
    assert builder.rows.place(refused.value.problems, builder.problems.add) == []
    assert builder.problems.at["p2c0-deadline"][0].startswith("รอบ “q3”: เกณฑ์ 1.1: รอบนี้มีวันครบกำหนดของรอบ")


def test_the_page_offers_the_contests_rule_and_a_deadline_for_a_periods_own_criterion(client, office):
    client.force_login(office["organiser"])
    html = client.get(f"{BUILD}?from=shipped:ubon-milestones-2568").content.decode()
    template = html[html.index('<template id="own-criterion">') : html.index("</template>")]
    assert 'name="p_c_-deadline"' in template and '<option value="same">' in template
