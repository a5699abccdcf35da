"""Public results say why equal totals are ranked apart: the tie-break dimension that decided (the rank key's
reason, decision 7), beside the entrants it separated; equal in every tie-break dimension, they share a rank."""

import pytest
from django.urls import reverse
from django.utils import timezone

from rulebook.engine import decided_by
from scoring.models import StandingsSnapshot
from scoring.standings import tie_breaks

TIE_BREAK = ["5", "4", "3", "2", "1"]


def _row(rank, code, total, dimensions, tied=False):
    return {"rank": rank, "province": code, "province_name_th": code, "total": total, "dimensions": dimensions,
            "tied": tied, "award_name_th": None}  # fmt: skip


ROWS = [
    _row(1, "TH-10", "90", {"5": "20", "4": "18"}),
    _row(2, "TH-50", "80", {"5": "18", "4": "20"}),
    _row(3, "TH-83", "80", {"5": "18", "4": "17"}),
    _row(4, "TH-30", "80", {"5": "16", "4": "20"}),
    _row(5, "TH-20", "70", {"5": "10", "4": "10"}, tied=True),
    _row(5, "TH-21", "70", {"5": "10", "4": "10"}, tied=True),
]


def test_the_first_tie_break_dimension_that_differs_decides():
    assert decided_by({"5": "18", "4": "20"}, {"5": "18", "4": "17"}, TIE_BREAK) == "4"
    assert decided_by({"5": "18.00"}, {"5": "18"}, TIE_BREAK) is None


def test_each_row_ranked_apart_from_an_equal_total_names_the_deciding_dimension():
    decided = [r.get("decided_by") for r in tie_breaks(ROWS, TIE_BREAK)]
    assert decided == [
        None,
        {"dimension": "4", "points": "20", "other": "TH-83", "other_points": "17"},
        {"dimension": "4", "points": "17", "other": "TH-50", "other_points": "20"},
        {"dimension": "5", "points": "16", "other": "TH-83", "other_points": "18"},
        None,
        None,
    ]


@pytest.mark.django_db
def test_public_results_show_the_tie_break_beside_the_tied_entrants(client, rubric):
    StandingsSnapshot.objects.create(rubric=rubric, rows=ROWS, frozen_at=timezone.now(), published_at=timezone.now())
    html = client.get(reverse("scoring:results", args=[2566])).content.decode()
    said = "คะแนนรวมเท่ากับ{} ตัดสินด้วยคะแนนมิติ {}: {} ต่อ {}"
    assert html.count('class="muted tie-break"') == 3
    assert f'TH-83<br><span class="muted tie-break">{said.format("TH-50", "๔", "๑๗", "๒๐")}</span>' in html
    assert f'TH-30<br><span class="muted tie-break">{said.format("TH-83", "๕", "๑๖", "๑๘")}</span>' in html
