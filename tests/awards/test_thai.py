from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from awards import thai
from awards.selectors import prize_text
from scoring.models import AwardTier


def test_baht_text_seed_amount_in_digits_and_words():
    assert thai.baht_text(Decimal("15000")) == "๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"
    assert thai.baht_text(Decimal("10000.00")) == "๑๐,๐๐๐ บาท (หนึ่งหมื่นบาทถ้วน)"
    assert thai.baht_text("5000") == "๕,๐๐๐ บาท (ห้าพันบาทถ้วน)"


def test_baht_words_satang_exact_without_float():
    assert thai.baht_words(Decimal("0.29")) == "ยี่สิบเก้าสตางค์"
    assert thai.baht_words(Decimal("15000.50")) == "หนึ่งหมื่นห้าพันบาทห้าสิบสตางค์"
    assert thai.baht_words(Decimal("1000001")) == "หนึ่งล้านเอ็ดบาทถ้วน"  # เอ็ด: a trailing one


def test_baht_words_negative_refused():
    with pytest.raises(ValueError, match="negative amount"):
        thai.baht_words(Decimal("-1"))


def test_thai_date_buddhist_era_with_thai_digits():
    assert thai.thai_date(date(2023, 8, 21)) == "๒๑ สิงหาคม พ.ศ. ๒๕๖๖"
    # 23:30 UTC on 31 Aug is already 1 September in Bangkok.
    assert thai.thai_date(datetime(2023, 8, 31, 23, 30, tzinfo=ZoneInfo("UTC"))) == "๑ กันยายน พ.ศ. ๒๕๖๖"


def test_points_text_drops_trailing_zeros():
    assert [thai.points_text(v) for v in ("5.00", Decimal("87.50"), "87.25", "0", None)] == [
        "๕",
        "๘๗.๕",
        "๘๗.๒๕",
        "๐",
        "–",
    ]


def test_prize_text_seed_wording_kept(rubric):
    winner = AwardTier.objects.get(rubric=rubric, code="winner")
    assert prize_text(winner) == "โล่รางวัล และเงินรางวัล จำนวน ๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"


def test_prize_text_amount_added_when_wording_lacks_it(rubric):
    tier = AwardTier(
        rubric=rubric, code="x", name_th="x", name_en="x", count=1, prize=Decimal("2500"), prize_th="โล่รางวัล"
    )
    assert prize_text(tier) == "โล่รางวัล จำนวน ๒,๕๐๐ บาท (สองพันห้าร้อยบาทถ้วน)"
