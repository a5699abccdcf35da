import re

from django.urls import reverse

from awards.selectors import award_map, awardees
from contests.models import Unit
from core.thaimap import NO_AWARD, PALETTE, map_svg, thailand_map, tier_colours
from scoring.facts.imports import fact_set


def test_tier_colours_follow_the_tier_order():
    assert tier_colours(["winner", "runner_up_1", "runner_up_2", "honourable"]) == {
        "winner": "#d4a017",
        "runner_up_1": "#a8a9ad",
        "runner_up_2": "#b0703c",
        "honourable": "#5a9e6f",
    }
    assert tier_colours([f"t{n}" for n in range(7)])["t6"] == PALETTE[0]  # more tiers than colours: wraps


def test_one_map_source_76_provinces_by_iso_code():
    data = thailand_map()
    codes = {p["code"] for p in data["provinces"]}
    assert len(codes) == 76 and "TH-83" in codes and "TH-10" not in codes  # Bangkok has no office


def test_map_svg_fills_by_code_and_leaves_the_rest_grey():
    svg = map_svg(fills={"TH-83": "#d4a017"})
    fills = re.findall(r'fill="(#[0-9a-f]{6})"[^>]*><title>([^<]+)</title>', svg)
    assert len(fills) == 78  # 76 provinces, Bangkok, Lake Songkhla
    assert ("#d4a017", "Phuket") in fills
    assert ("#d9d9d9", "Bangkok") in fills and ("#ffffff", "Lake Songkha") in fills
    assert sum(fill == NO_AWARD for fill, _ in fills) == 75


def test_a_map_named_in_thai_names_every_shape_in_thai():
    svg = map_svg(fills={}, names={"TH-83": "ภูเก็ต"})
    titles = re.findall(r"<title>([^<]+)</title>", svg)
    assert titles[0] == "แผนที่ประเทศไทยแสดงจังหวัดที่ได้รับรางวัล"
    assert {"ภูเก็ต", "กรุงเทพมหานคร", "ทะเลสาบสงขลา"} <= set(titles)
    assert not {"Phuket", "Bangkok", "Lake Songkha"} & set(titles)


def test_dashboard_and_pdf_colour_the_winner_alike(client, central_user, rubric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        fact_set(rubric=rubric, unit=Unit.objects.get(code="TH-83"), criterion_code="1.1", name="done", value="yes")
    [winner] = [b for b in awardees(rubric) if b.tier.code == "winner"]
    assert [r.unit.code for r in winner.results] == ["TH-83"]
    pdf_map = award_map(rubric)
    assert f'fill="{winner.colour}" stroke="#555" stroke-width="0.6"><title>ภูเก็ต</title>' in pdf_map
    assert "<title>Phuket</title>" not in pdf_map and "<title>กรุงเทพมหานคร</title>" in pdf_map
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566]), {"map": "award"}).content.decode()
    assert f"#map-TH-83{{fill:{winner.colour}}}" in html
    assert f'<i style="background:{winner.colour}"></i>{winner.tier.name_th}' in html
