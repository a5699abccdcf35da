"""Copying a contest with periods: the builder starts from one of the office's contests, seed 004's
months included; `contest_file` gathers every period's rubric back into one file
(`contest_spec.periods_gather`), and saving the copy makes the same rubric in every period."""

import copy
import json

import pytest

from builder.prefill import to_form
from contests.models import Combine, Contest
from people.models import Role
from rubrics.models import ContestPeriod
from rubrics.selectors import contest_file, rubric_data
from tests.factories import DistrictFactory, UserFactory

UBON = json.loads(open("rubrics/rubric_files/ubon-milestones-2568.json", encoding="utf-8").read())
BUILD = "/standings/contests/build/"


@pytest.fixture
def months(db, chiang_mai):
    """Seed 004's rubric (one rubric a month, some months scoring 4.1.1 by a rule of their own), run by Chiang Mai."""
    from rubrics import services

    districts = [DistrictFactory(parent=chiang_mai, dopa_code=f"506{n}") for n in (1, 2)]
    data = copy.deepcopy(UBON)
    data["contest"] |= {"slug": "cm-milestones-2568", "organiser": "50", "entrants": [d.code for d in districts]}
    return services.rubric_load(data=data)


def _per_period(contest: Contest) -> dict:
    """Each period's rubric as stored, less what a copy renames."""
    out = {}
    for r in contest.rubrics.order_by("period_order"):
        data = rubric_data(r)
        out[(r.period, r.period_name_th, r.period_name_en)] = {k: v for k, v in data.items() if k != "name_th"}
    return out


def test_a_contest_with_periods_is_offered_and_copied_whole(client, months, chiang_mai):
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    client.force_login(organiser)
    assert f"?from=contest:{months.key}" in client.get(BUILD).content.decode()
    page = client.get(BUILD + "?from=contest:cm-milestones-2568")
    assert page.status_code == 200
    data = contest_file(months)
    assert [p["code"] for p in data["contest"]["periods"]] == [p["code"] for p in UBON["contest"]["periods"]]
    assert data["contest"]["combine"] == Combine.MEAN
    form = to_form(data)
    form.update({"slug": "cm-milestones-2569", "name_th": "สำเนา", "action": "save"})
    assert client.post(BUILD, form).status_code == 302
    copied = Contest.objects.get(slug="cm-milestones-2569")
    assert _per_period(copied) == _per_period(months.contest)
    assert ContestPeriod.objects.filter(contest=copied).count() == len(UBON["contest"]["periods"])


def test_each_periods_own_rule_and_deadline_are_gathered(months):
    data = contest_file(months)
    periods = {p["code"]: p for p in data["contest"]["periods"]}
    shipped = {p["code"]: p for p in UBON["contest"]["periods"]}
    assert {c: p.get("deadline") for c, p in periods.items()} == {c: p.get("deadline") for c, p in shipped.items()}
    kinds = {c: p.get("criteria", {}).get("4.1.1", {}).get("rule", {}).get("kind") for c, p in periods.items()}
    first = data["dimensions"][0]["criteria"][0]
    assert first["deadline"] is None  # every month has its own deadline
    assert kinds["2568-04"] is None and first["rule"]["kind"] == "milestones"  # April's rule is the file's
    assert kinds["2568-06"] == "requirements"  # June: graded from the district's two answers
