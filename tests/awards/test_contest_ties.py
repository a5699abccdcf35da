"""A tie at an award line in a contest whose document gives no tie-break (docs/decisions.md, decision 12):
equal totals share a rank and every page and document says the panel decides; nothing picks silently.

Seed 001's website contest, run by Chiang Mai among four district offices, marks by hand:
95 (winner), 89 (first runner-up), 80 and 80 for the one second runner-up place."""

from django.urls import reverse

from people.models import Role
from tests.factories import UserFactory


def test_equal_totals_share_the_third_place_and_both_are_flagged(tied):
    rubric, _ = tied
    places = {r.unit.name_th: (r.rank, r.tied, r.award, r.award_tie) for r in rubric.results.all()}
    assert places == {
        "แม่ริม": (1, False, "winner", False),  # 20 + 25 + 10 + 28 + 12 = 95
        "สันทราย": (2, False, "runner_up_1", False),  # 89
        "หางดง": (3, True, "runner_up_2", True),  # 80
        "สารภี": (3, True, "runner_up_2", True),  # 80
    }


def test_organisers_dashboard_names_the_tie_and_the_rule(tied, client, chiang_mai):
    client.force_login(UserFactory(role=Role.ORGANISER, role__unit=chiang_mai))
    html = client.get(reverse("schedule:dashboard", args=["cm-web-2564"])).content.decode()
    assert "หลักเกณฑ์ไม่ได้กำหนดวิธีตัดสินเมื่อคะแนนเท่ากัน: คะแนนรวมเท่ากันได้อันดับเดียวกัน" in html
    tie = html[html.index('id="award-ties"') :]
    tie = tie[: tie.index("</p>")]
    assert "หางดง (๘๐)" in tie and "สารภี (๘๐)" in tie and "คณะกรรมการเป็นผู้ตัดสินว่าใครได้รางวัลใด" in tie


def test_national_dashboard_states_its_own_order(rubric, client, central_user):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert "เมื่อคะแนนรวมเท่ากัน เทียบคะแนนมิติ ๕, ๔, ๓, ๒, ๑ ตามลำดับ" in html
