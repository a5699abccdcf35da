"""The contests' PDFs say "รางวัล" once before a tier's name, never "รางวัลรางวัลชนะเลิศ", and keep "ปีงบประมาณ" on one line.

A tier's name may already start with "รางวัล" (the seed contests' "รางวัลชนะเลิศ") or not (the national
"ชนะเลิศ"): the documents say "รางวัล" once either way. A fixed phrase like "ปีงบประมาณ" stays on one line."""

import json
import unicodedata

import pytest

from awards import documents
from committee.demo import demo_judgments
from contests.models import Unit
from ops.demo import demo_users
from rubrics import services
from rubrics.models import AwardTier
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory
from tests.processes.awards.readers import pdftext

KINDS = ["announcement", "certificates"]


def lines_of(doc, tmp_path, kind: str) -> list[str]:
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(documents.write(doc))
    return [unicodedata.normalize("NFKC", line) for line in pdftext(path, "-raw").splitlines()]


def flat(text: str) -> str:
    return "".join(text.split())


def said_once(lines: list[str], tier_names: list[str]) -> None:
    """No "รางวัลรางวัล", and each tier is named as an award exactly as "รางวัล" + its name once."""
    text = flat("".join(lines))
    assert "รางวัลรางวัล" not in text
    for name in tier_names:
        assert flat(unicodedata.normalize("NFKC", name.removeprefix("รางวัล"))) in text
        assert flat(unicodedata.normalize("NFKC", "รางวัล" + name.removeprefix("รางวัล"))) in text


def whole_on_one_line(lines: list[str], phrase: str) -> None:
    """Every time the phrase is in the text, it is on one line."""
    phrase = flat(unicodedata.normalize("NFKC", phrase))  # as lines_of reads the text: ำ is ํ + า
    on_a_line = sum(flat(line).count(phrase) for line in lines)
    assert on_a_line == flat("".join(lines)).count(phrase) > 0


@pytest.fixture
def seed_contest(db, settings, tmp_path):
    """Seed 001's website contest (tiers named "รางวัลชนะเลิศ", …) among four Chonburi districts, scored
    by the demo's own panel (committee.demo): its standings have a winner and two runners-up."""
    settings.MEDIA_ROOT = tmp_path / "media"
    demo_users(units=False)
    chonburi = Unit.objects.get(code="TH-20")
    names = ("เมืองชลบุรี", "บ้านบึง", "หนองใหญ่", "บางละมุง")
    # Codes fixed: the demo panel's marks follow each unit's code, and the factory's next codes depend on
    # what ran before in the worker (with 2092-2095 the standings had no second runner-up).
    codes = ("2099", "2098", "2097", "2096")
    districts = [DistrictFactory(parent=chonburi, name_th=n, dopa_code=c) for n, c in zip(names, codes, strict=True)]
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    data["contest"] = {**data["contest"], "entrants": [d.code for d in districts]}
    rubric = services.rubric_load(data=data)
    assert demo_judgments(rubric=rubric) > 0
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric


@pytest.mark.parametrize("kind", KINDS)
def test_seed_contest_says_each_award_once_and_keeps_the_fiscal_year_whole(seed_contest, tmp_path, kind):
    lines = lines_of(documents.render(kind, seed_contest), tmp_path, kind)
    tiers = list(seed_contest.award_tiers.values_list("name_th", flat=True))
    assert tiers == ["รางวัลชนะเลิศ", "รางวัลรองชนะเลิศอันดับหนึ่ง", "รางวัลรองชนะเลิศอันดับสอง"]
    said_once(lines, tiers)
    whole_on_one_line(lines, "ปีงบประมาณ")


@pytest.mark.parametrize("prefixed", [False, True], ids=["as-shipped", "named-with-รางวัล"])
@pytest.mark.parametrize("kind", KINDS)
def test_national_contest_says_each_award_once(demo_standings, tmp_path, kind, prefixed):
    if prefixed:  # central staff may name the tiers as the seed contests do
        for tier in AwardTier.objects.filter(rubric=demo_standings):
            tier.name_th = f"รางวัล{tier.name_th}"
            tier.save(update_fields=["name_th"])
    lines = lines_of(documents.render(kind, demo_standings), tmp_path, kind)
    tiers = list(demo_standings.award_tiers.values_list("name_th", flat=True))
    said_once(lines, tiers)
    whole_on_one_line(lines, "ประจำปี ๒๕๖๖")
