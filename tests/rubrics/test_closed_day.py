"""How a contest reads a deadline on a day offices are closed (seed 004's "ภายในเดือนพฤษภาคม"): moved to
the next working day as docs/decisions.md, decision 9 says, unless its rubric says "as_written"; the page says which."""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from people.models import Role
from rubrics import services
from rubrics.contest_spec import parse_rubric_file, period_data
from rubrics.models import ClosedDay
from rubrics.selectors import rubric_calendar, rubric_data, rubric_spec
from rulebook.spec import RubricError
from tests.factories import DistrictFactory, UserFactory

UBON = json.loads((Path(__file__).parents[2] / "rubrics/rubric_files/ubon-milestones-2568.json").read_text())


def _may(data: dict):
    """May's rubric as the contest loads it: B is the documents sent "ภายในเดือนพฤษภาคม ๒๕๖๘" (Sat 31 May)."""
    period = next(p for p in data["contest"]["periods"] if p["code"] == "2568-05")
    return parse_rubric_file(period_data(data, period))


@pytest.fixture
def ubon(db):
    from contests.models import Unit

    district = DistrictFactory(parent=Unit.objects.get(code="TH-34"))

    def load(closed_day: str | None):
        data = json.loads(json.dumps(UBON))
        if closed_day:
            data["closed_day"] = closed_day
        slug = f"ubon-{(closed_day or 'moves').replace('_', '-')}"
        data["contest"] = {**data["contest"], "slug": slug, "entrants": [district.code]}
        return services.rubric_load(data=data)

    load.district = district
    return load


def _grade(rubric, sent_on: str):
    from rulebook.rules import Context

    spec = rubric_spec(rubric)
    rule = spec.criterion("4.1.1").rule
    facts = {
        "presentation_planned_on": "20/05/2568",
        "presentation_done_on": "23/05/2568",
        "documents_sent_on": sent_on,
    }
    return rule.evaluate(facts, Context(calendar=rubric_calendar(rubric), deadline=None))


def test_within_may_moves_to_the_next_working_day_unless_the_contest_reads_it_as_written(ubon):
    moves = ubon(None).contest.rubrics.get(period="2568-05")
    written = ubon("as_written").contest.rubrics.get(period="2568-05")
    assert (moves.closed_day, written.closed_day) == (ClosedDay.MOVES, ClosedDay.AS_WRITTEN)
    # 31 May 2568 is a Saturday, 2 Jun a special holiday, 3 Jun the Queen's birthday: moved, 4 Jun is in time.
    assert _grade(moves, "04/06/2568").points == 4
    assert _grade(written, "04/06/2568").points == 3
    assert _grade(written, "30/05/2568").points == 4
    assert rubric_data(written)["closed_day"] == "as_written"
    assert "closed_day" not in rubric_data(moves)  # the default is not written out


def test_the_criterion_page_says_which_reading_the_contest_uses(client, ubon):
    rubric = ubon("as_written").contest.rubrics.get(period="2568-05")
    district = ubon.district
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=district))
    page = client.get(reverse("submissions:criterion", args=[rubric.key, district.code, "4.1.1"])).content.decode()
    assert "กำหนดส่งที่ตรงกับวันที่สำนักงานปิด: ถือตามวันที่เขียน ไม่เลื่อน</div>" in page


def test_any_other_reading_is_refused_in_words():
    with pytest.raises(RubricError) as caught:
        _may({**UBON, "closed_day": "friday"})
    assert caught.value.messages == ["เกณฑ์การประเมิน: closed_day ต้องเป็น next_working_day หรือ as_written"]
