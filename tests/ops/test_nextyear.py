import json
from datetime import date

import pytest

from ops.nextyear import next_year_open, next_year_plan
from rubrics import services
from rubrics.models import ContestPeriod, Criterion
from rulebook.spec import RubricError
from scoring.models import Fact, Standing
from tests.factories import DistrictFactory
from tests.submissions.test_services import _submit

pytestmark = pytest.mark.django_db
URL = "/ops/next-year/2566/"


def test_plan_moves_a_deadline_on_a_sunday_to_monday_and_writes_nothing(rubric):
    plan = next_year_plan(rubric=rubric)
    assert (plan.year, plan.error, plan.exists) == (2567, "", False)
    assert [(m.code, m.shifted, m.deadline, m.reason_en) for m in plan.moved] == [
        ("1.2", date(2024, 6, 30), date(2024, 7, 1), "weekend")
    ]
    assert "๒๕๖๗" in plan.data["name_th"] and "๒๕๖๖" not in plan.data["name_th"]
    assert not ContestPeriod.objects.filter(year=2567).exists()


def test_open_needs_confirmation_then_copies_without_touching_last_year(
    client, central_user, rubric, provincial_user, chiang_mai
):
    _submit(provincial_user, rubric, chiang_mai, "1.1")
    before = (
        list(Fact.objects.filter(rubric=rubric).values_list("pk", "value")),
        list(Standing.objects.filter(rubric=rubric).values_list("pk", "total", "rank")),
        rubric.submissions.count(),
    )
    client.force_login(central_user)
    page = client.post(URL, {}, follow=True).content.decode()
    assert "กรุณายืนยันรายชื่อผู้ใช้ที่จะใช้ต่อในปีใหม่" in page
    assert not ContestPeriod.objects.filter(year=2567).exists()

    page = client.post(URL, {"confirm": "1"}, follow=True).content.decode()
    assert "เปิดการประกวดปี 2567 แล้ว" in page
    opened = ContestPeriod.objects.get(year=2567)
    assert Criterion.objects.get(rubric=opened, code="1.2").deadline == date(2024, 7, 1)
    assert opened.criteria.count() == rubric.criteria.count()
    assert opened.award_tiers.count() == rubric.award_tiers.count()
    assert not Fact.objects.filter(rubric=opened).exists()
    after = (
        list(Fact.objects.filter(rubric=rubric).values_list("pk", "value")),
        list(Standing.objects.filter(rubric=rubric).values_list("pk", "total", "rank")),
        rubric.submissions.count(),
    )
    assert after == before

    page = client.post(URL, {"confirm": "1"}, follow=True).content.decode()
    assert "มีเกณฑ์ปี 2567 แล้ว" in page or 'id="exists"' in page


def test_next_year_page_central_only(client, provincial_user, committee_user):
    assert client.get(URL).status_code == 302
    for user in (provincial_user, committee_user):
        client.force_login(user)
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"confirm": "1"}).status_code == 403
    assert not ContestPeriod.objects.filter(year=2567).exists()


@pytest.fixture
def office_contest(chiang_mai):
    """Chiang Mai's own contest of 2567, with periods, among one of its districts."""
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    periods = [{"code": "q1", "name_th": "รอบ ๑", "name_en": "Q1"}, {"code": "q2", "name_th": "รอบ ๒", "name_en": "Q2"}]
    entrants = [DistrictFactory(parent=chiang_mai).code]
    data["year"] = 2567
    data["starts_on"], data["ends_on"] = "2024-07-01", "2024-09-30"  # within its fiscal year
    data["contest"] = {**data["contest"], "slug": "cm-web-2567", "organiser": "50", "entrants": entrants}
    data["contest"] |= {"periods": periods, "combine": "sum"}
    return services.rubric_load(data=data).contest


def test_next_year_opens_from_the_national_contest_only_and_no_office_contest_touches_it(
    client, central_user, rubric, office_contest
):
    client.force_login(central_user)
    # An office's rubric copied as next year's would be the Department's contest of 2568 (cdd4-2568).
    assert client.get("/ops/next-year/cm-web-2567.q1/").status_code == 404
    with pytest.raises(RubricError, match="เปิดปีถัดไปได้เฉพาะการประกวดระดับประเทศ"):
        next_year_open(user=central_user, rubric=office_contest.rubrics.first(), memberships_confirmed=True)
    assert not ContestPeriod.objects.filter(year=2568).exists()
    # Chiang Mai's contest of 2567 neither blocks opening 2567 nor becomes part of it.
    opened = next_year_open(user=central_user, rubric=rubric, memberships_confirmed=True)
    assert list(ContestPeriod.objects.by_key("2567")) == [opened]
    office_contest.refresh_from_db()
    assert (office_contest.organiser.code, office_contest.rubrics.count()) == ("TH-50", 2)
