"""A shared award at a tie, as pdftotext reads the announcement: both entrants get the place and the
announcement counts the shared award.

Seed 001's website contest run by Chiang Mai (tests/awards/chiang_mai_contests.py): หางดง and สารภี tie on 80
for the one second runner-up place."""

import pytest

from awards import documents
from scoring import award_tiers
from scoring.ties.settle import tie_settle
from tests.awards.chiang_mai_contests import REASON, has, ids, places
from tests.awards.documents import squash
from tests.processes.awards.readers import pdftext

pytestmark = pytest.mark.django_db


def test_a_shared_award_gives_both_the_place_and_the_announcement_counts_them(tied, organiser, tmp_path):
    rubric, units = tied
    tie_settle(user=organiser, rubric=rubric, entrants=ids(units, "หางดง", "สารภี"), method="shared", reason=REASON)
    assert places(rubric)["หางดง"] == (3, "runner_up_2", False)
    assert places(rubric)["สารภี"] == (3, "runner_up_2", False)
    tiers = {a["code"]: a["note_th"] for a in award_tiers.award_summary(rubric)}
    assert tiers["runner_up_2"] == "รวมรางวัลร่วมจากคะแนนเสมอ 1 รางวัล"
    path = tmp_path / "announcement.pdf"
    path.write_bytes(documents.write(documents.render("announcement", rubric)))
    text = squash(pdftext(path, "-raw"))
    assert has(text, "จำนวน ๒ รางวัล (รวมรางวัลร่วม ๑ รางวัล เพราะคะแนนเสมอ)")
    assert not has(text, "รอคณะกรรมการตัดสิน")
