"""A tie at an award line in a contest whose document gives no tie-break (docs/decisions.md, decision 12):
the documents, as pdftotext reads them, say equal totals share a rank and the panel decides.

Seed 001's website contest, run by Chiang Mai among four district offices (tests/awards/chiang_mai_contests.py),
marks by hand: 95 (winner), 89 (first runner-up), 80 and 80 for the one second runner-up place."""

import io

from django.core.management import call_command

from awards import documents
from scoring import award_tiers
from scoring.facts.imports import facts_import
from scoring.models import FactSource
from scoring.recompute import standings_recompute
from tests.awards.chiang_mai_contests import has
from tests.awards.documents import squash
from tests.processes.awards.readers import pdftext


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
