"""A tie at an award line in a contest whose document gives no tie-break (docs/decisions.md, decision 12):
equal totals share a rank and every page and document says the panel decides; nothing picks silently.

Seed 001's website contest, run by Chiang Mai among four district offices, marks by hand:
95 (winner), 89 (first runner-up), 80 and 80 for the one second runner-up place."""

import io
import json
import unicodedata

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards import documents
from people.models import Role
from rubrics import services
from scoring import award_tiers
from scoring.facts.imports import facts_import
from scoring.models import FactSource
from scoring.recompute import standings_recompute
from tests.factories import DistrictFactory, UserFactory

from .conftest import pdftext, squash

MARKS = {"แม่ริม": (20, 25, 10, 28, 12), "สันทราย": (18, 22, 9, 27, 13), "หางดง": (15, 20, 5, 30, 10)}
MARKS["สารภี"] = (20, 25, 5, 25, 5)  # 80, as หางดง: criterion 4 differs, which no order compares


def tied_contest(chiang_mai):
    """Seed 001's website contest run by Chiang Mai, its four districts marked as MARKS says."""
    # Codes fixed, later ones lower as the factory gives them: a tie lists its entrants in code order, and the
    # factory's sequence wraps every 40 units, which once put สารภี before หางดง in a long run.
    units = {
        name: DistrictFactory(parent=chiang_mai, name_th=name, dopa_code=f"{chiang_mai.dopa_code}{90 - i}")
        for i, name in enumerate(MARKS)
    }
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    codes = [u.code for u in units.values()]
    data["contest"] = {**data["contest"], "slug": "cm-web-2564", "organiser": "50", "entrants": codes}
    rubric = services.rubric_load(data=data)
    rows = [
        {"province": units[name].code, "criterion": f"{n}.1", "fact": "points", "value": str(mark)}
        for name, marks in MARKS.items()
        for n, mark in enumerate(marks, 1)
    ]
    facts_import(rubric=rubric, rows=rows, source=FactSource.IMPORT)
    standings_recompute(rubric_id=rubric.pk, full=True)
    rubric.refresh_from_db()
    return rubric, units


@pytest.fixture
def tied(db, chiang_mai):
    return tied_contest(chiang_mai)


def has(text: str, phrase: str) -> bool:  # pdftotext spells sara am as nikhahit + sara aa (NFKC)
    return squash(unicodedata.normalize("NFKC", phrase)) in text


def test_equal_totals_share_the_third_place_and_both_are_flagged(tied):
    rubric, _ = tied
    places = {r.unit.name_th: (r.rank, r.tied, r.award, r.award_tie) for r in rubric.results.all()}
    assert places == {
        "แม่ริม": (1, False, "winner", False),  # 20 + 25 + 10 + 28 + 12 = 95
        "สันทราย": (2, False, "runner_up_1", False),  # 89
        "หางดง": (3, True, "runner_up_2", True),  # 80
        "สารภี": (3, True, "runner_up_2", True),  # 80
    }


def test_announcement_lists_both_and_leaves_the_choice_to_the_panel(tied, tmp_path):
    rubric, _ = tied
    path = tmp_path / "announcement.pdf"
    path.write_bytes(documents.write(documents.render("announcement", rubric)))
    text = squash(pdftext(path, "-raw"))
    assert has(text, "หางดง(คะแนนเสมอ รอคณะกรรมการตัดสิน)") and has(text, "สารภี(คะแนนเสมอ รอคณะกรรมการตัดสิน)")
    assert has(text, "ร่าง")  # a tie at an award line keeps every document a draft
    assert not has(text, "ไม่มีผู้ได้รับรางวัล")


def test_results_pdf_says_equal_totals_share_a_rank(tied, tmp_path):
    rubric, _ = tied
    path = tmp_path / "results.pdf"
    path.write_bytes(documents.write(documents.render("results", rubric)))
    text = squash(pdftext(path, "-raw"))
    assert has(text, "คะแนนรวมเท่ากันได้อันดับเดียวกัน (หลักเกณฑ์ไม่ได้กำหนดวิธีตัดสินเมื่อคะแนนเท่ากัน)")
    assert has(text, "คะแนนเสมอที่เส้นแบ่งรางวัล รอคณะกรรมการตัดสิน")
    assert not has(text, "เทียบคะแนนด้านที่")


def test_a_tier_held_by_a_tie_above_is_awaiting_the_panel_not_vacant(tied, tmp_path):
    # 95, 89, 89: the first runner-up place is shared, so the second runner-up is whoever the panel does
    # not pick; the announcement must not call it vacant.
    rubric, units = tied
    rows = [{"province": units["หางดง"].code, "criterion": "4.1", "fact": "points", "value": "30"}]
    rows += [{"province": units["หางดง"].code, "criterion": "3.1", "fact": "points", "value": "10"}]
    rows += [{"province": units["หางดง"].code, "criterion": "5.1", "fact": "points", "value": "14"}]  # 89
    rows += [{"province": units["สารภี"].code, "criterion": "1.1", "fact": "points", "value": "0"}]  # 60
    facts_import(rubric=rubric, rows=rows, source=FactSource.IMPORT)
    standings_recompute(rubric_id=rubric.pk)
    tiers = award_tiers.award_summary(rubric)
    assert [(a["code"], a["vacant"], a["tie_held"], a["note_th"]) for a in tiers] == [
        ("winner", 0, 0, ""),
        ("runner_up_1", 0, 0, "รอคณะกรรมการตัดสินคะแนนเสมอ: 2 ราย ชิง 1 รางวัล"),  # 2 listed for its 1 place
        ("runner_up_2", 0, 1, "รอคณะกรรมการตัดสินคะแนนเสมอ 1 รางวัล"),
    ]
    path = tmp_path / "announcement.pdf"
    path.write_bytes(documents.write(documents.render("announcement", rubric)))
    text = squash(pdftext(path, "-raw"))
    assert has(text, "รอคณะกรรมการตัดสินผู้มีคะแนนเสมอที่เส้นแบ่งรางวัล")
    assert not has(text, "ไม่มีผู้ได้รับรางวัล")
    out = io.StringIO()
    call_command("standings", "--contest", "cm-web-2564", stdout=out)
    assert "รางวัลรองชนะเลิศอันดับสอง: รอคณะกรรมการตัดสินคะแนนเสมอ 1 รางวัล" in out.getvalue()


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
