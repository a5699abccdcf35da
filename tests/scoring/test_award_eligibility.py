"""Only points win awards (decision 10): standings JSON, API, dashboard and announcement."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from rubrics import services
from rulebook.engine import Breakdown, rank
from rulebook.rubric import AwardSpec
from scoring.recompute import standings_recompute

AWARDS = [
    AwardSpec("winner", "ชนะเลิศ", "Winner", 1, Decimal(0), "", ""),
    AwardSpec("honourable", "ชมเชย", "Honourable", 3, Decimal(0), "", ""),
]


def breakdown(total: int) -> Breakdown:
    return Breakdown({}, {"1": Decimal(total)}, Decimal(total), None)


def test_rank_never_lists_a_zero_total_and_leaves_places_vacant():
    placings = rank({"A": breakdown(7), "B": breakdown(0), "C": breakdown(0)}, tie_break=["1"], awards=AWARDS)
    assert [(p.unit, p.rank, p.award, p.award_tie) for p in placings] == [
        ("A", 1, "winner", False),
        ("B", 2, None, False),
        ("C", 2, None, False),
    ]


def test_rank_minimum_total_is_inclusive():
    placings = rank(
        {"A": breakdown(9), "B": breakdown(5), "C": breakdown(4)}, tie_break=["1"], awards=AWARDS, minimum=Decimal(5)
    )
    assert [p.award for p in placings] == ["winner", "honourable", None]


def test_standings_json_lists_exactly_the_five_provinces_with_points(rubric, five_with_points):
    out = io.StringIO()
    call_command("standings", "--year", "2566", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert len(rows) == 76
    assert sorted(r["province"] for r in rows if r["award"]) == sorted(five_with_points)
    zero = next(r for r in rows if r["total"] == "0")
    assert (zero["award"], zero["award_tie"], zero["award_note_th"]) == (None, False, "คะแนนรวม 0 ไม่มีสิทธิ์รับรางวัล")


def test_standings_table_says_which_places_are_vacant(rubric, five_with_points):
    out = io.StringIO()
    call_command("standings", "--year", "2566", stdout=out)
    assert "รางวัลชมเชย: ไม่มีผู้ได้รับรางวัล 8 รางวัล" in (out.getvalue())


def test_api_awards_lists_tiers_and_vacant_places(rubric, five_with_points, api, central_user):
    api.force_authenticate(central_user)
    tiers = api.get(reverse("api-awards", args=[2566])).json()
    assert [(t["code"], len(t["provinces"]), t["vacant"], t["note_th"]) for t in tiers] == [
        ("winner", 1, 0, ""),
        ("runner_up_1", 1, 0, ""),
        ("runner_up_2", 1, 0, ""),
        ("honourable", 2, 8, "ไม่มีผู้ได้รับรางวัล 8 รางวัล"),
    ]


@pytest.mark.parametrize("who", ["provincial_user", "committee_user", None])
def test_api_awards_is_for_central_staff_only(rubric, api, request, who):
    if who:
        api.force_authenticate(request.getfixturevalue(who))
    assert api.get(reverse("api-awards", args=[2566])).status_code in (401, 403)


def test_dashboard_says_no_award_and_minimum_is_a_year_setting(rubric, five_with_points, client, central_user):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert "ไม่มีผู้ได้รับรางวัล ๘ รางวัล" in html
    assert 'name="award_min_total"' not in html  # the settings have a page of their own
    assert 'name="award_min_total"' in client.get(reverse("rubrics:settings", args=[2566])).content.decode()
    response = client.post(
        reverse("rubrics:settings", args=[2566]),
        {"visible": "1", "reminder_working_days": "3", "award_min_total": "๑๒", "reason": "มติคณะกรรมการ"},
    )
    assert response.status_code == 302
    standings_recompute(rubric_id=rubric.pk)
    awarded = set(rubric.results.exclude(award="").values_list("total", flat=True))
    assert awarded == {Decimal(12), Decimal(13), Decimal(14)}


def test_year_minimum_refused_outside_the_total(rubric, central_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="คะแนนรวมขั้นต่ำที่จะได้รับรางวัลต้องมากกว่า ๐ และไม่เกิน ๑๐๐"):
        services.year_settings_set(
            user=central_user, rubric=rubric, visible=False, reminder_days=3, award_min_total=Decimal(101)
        )
