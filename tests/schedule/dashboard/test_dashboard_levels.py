"""A contest whose document bands its dimensions and its total (seed 003: each mission at levels 1–5) shows
each entrant's levels on the dashboard beside the points, as the rule computes them."""

import json
import re

from django.urls import reverse

from rubrics import services
from scoring.models import Standing
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory


def _bands(*tops: int) -> list[dict]:
    low, out = 0, []
    for level, top in enumerate(tops, start=1):
        out.append({"min": str(low), "max": str(top), "level": level})
        low = top + 1
    return out


def test_each_banded_dimension_and_the_total_show_their_level(client, central_user, phuket):
    first, second = DistrictFactory(parent=phuket), DistrictFactory(parent=phuket)
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "slug": "pk-levels", "organiser": "83", "entrants": [first.code, second.code]}
    data["dimensions"][0]["level_bands"] = _bands(9, 20)  # dimension 1 of 20 points: 0–9 → 1, 10–20 → 2
    data["level_bands"] = _bands(49, 100)
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    Standing.objects.filter(rubric=rubric, unit=first).update(dimensions={"1": "15"}, total=60, level=2)
    client.force_login(central_user)

    html = client.get(reverse("schedule:dashboard", args=[rubric.key])).content.decode()

    table = html[html.index('id="ranking"') :]
    row = table[table.index(f'data-province="{first.code}"') :].split("</tr>")[0]
    other = table[table.index(f'data-province="{second.code}"') :].split("</tr>")[0]
    cells = re.findall(r'<td class="num[^"]*">(.*?)</td>', row, re.S)
    assert cells[0] == "๑"  # rank
    assert cells[1] == '๑๕<br><span class="level">ระดับ ๒</span>'  # dimension 1, banded
    assert cells[2] == "๐"  # dimension 2 has no bands: points alone
    assert cells[-1].endswith('<br><span class="level">ระดับ ๒</span>')  # the total's level
    assert '<span class="level">ระดับ ๑</span>' in other


def test_a_contest_without_bands_shows_no_level(client, central_user, rubric):
    client.force_login(central_user)

    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()

    assert 'class="level"' not in html


def test_a_banded_dimension_s_chart_counts_entrants_per_level_not_per_fifth(client, central_user, phuket):
    first, second, third = (DistrictFactory(parent=phuket) for _ in range(3))
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {
        **data["contest"],
        "slug": "pk-chart",
        "organiser": "83",
        "entrants": [first.code, second.code, third.code],
    }
    data["dimensions"][0]["level_bands"] = _bands(9, 20)
    rubric = services.rubric_load(data=data)
    standings_recompute(rubric_id=rubric.pk, full=True)
    # 9.5 lies between the document's "0–9" and "10–20": still level 1, as the rule reads its bands
    for unit, points in ((first, "15"), (second, "9.5")):
        Standing.objects.filter(rubric=rubric, unit=unit).update(dimensions={"1": points})
    client.force_login(central_user)

    charts = client.get(reverse("schedule:dashboard", args=[rubric.key])).context["charts"]

    banded, plain = charts[0]["bars"], charts[1]["bars"]
    assert [(b["label"], b["count"]) for b in banded] == [("ระดับ 1", 2), ("ระดับ 2", 1)]
    assert banded[0]["title"] == "ระดับ 1 (0–9)"
    assert [b["label"] for b in plain] == ["0–5", "5–10", "10–15", "15–20", "20–25"]  # dimension 2: 25 points
