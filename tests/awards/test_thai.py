from decimal import Decimal

from awards.selectors import prize_text
from rubrics.models import AwardTier


def test_prize_text_seed_wording_kept(rubric):
    winner = AwardTier.objects.get(rubric=rubric, code="winner")
    assert prize_text(winner) == "โล่รางวัล และเงินรางวัล จำนวน ๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"


def test_prize_text_amount_added_when_wording_lacks_it(rubric):
    tier = AwardTier(
        rubric=rubric, code="x", name_th="x", name_en="x", count=1, prize=Decimal("2500"), prize_th="โล่รางวัล"
    )
    assert prize_text(tier) == "โล่รางวัล จำนวน ๒,๕๐๐ บาท (สองพันห้าร้อยบาทถ้วน)"
