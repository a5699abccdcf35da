from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import translation

from core import thai


def test_baht_text_seed_amount_in_digits_and_words():
    assert thai.baht_text(Decimal("15000")) == "๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"
    assert thai.baht_text(Decimal("10000.00")) == "๑๐,๐๐๐ บาท (หนึ่งหมื่นบาทถ้วน)"
    assert thai.baht_text("5000") == "๕,๐๐๐ บาท (ห้าพันบาทถ้วน)"


def test_baht_words_satang_exact_without_float():
    assert thai.baht_words(Decimal("0.29")) == "ยี่สิบเก้าสตางค์"
    assert thai.baht_words(Decimal("15000.50")) == "หนึ่งหมื่นห้าพันบาทห้าสิบสตางค์"
    assert thai.baht_words(Decimal("1000001")) == "หนึ่งล้านเอ็ดบาทถ้วน"  # เอ็ด: a trailing one


def test_baht_words_negative_refused():
    with pytest.raises(ValueError, match="จำนวนเงินติดลบ"):
        thai.baht_words(Decimal("-1"))


def test_thai_date_buddhist_era_with_thai_digits():
    assert thai.thai_date(date(2023, 8, 21), era=True) == "๒๑ สิงหาคม พ.ศ. ๒๕๖๖"
    # 23:30 UTC on 31 Aug is already 1 September in Bangkok.
    assert thai.thai_date(datetime(2023, 8, 31, 23, 30, tzinfo=ZoneInfo("UTC")), era=True) == "๑ กันยายน พ.ศ. ๒๕๖๖"


def test_points_text_drops_trailing_zeros():
    assert [thai.points_text(v) for v in ("5.00", Decimal("87.50"), "87.25", "0", None)] == [
        "๕",
        "๘๗.๕",
        "๘๗.๒๕",
        "๐",
        "–",
    ]


def test_digits_both_ways():
    assert thai.thai_digits(2566) == "๒๕๖๖"
    assert thai.arabic_digits("๑,๒๓๔.๕") == "1,234.5"


@pytest.mark.parametrize(
    ("value", "text"),
    [("4.00", "4"), ("2.50", "2.5"), (Decimal(10), "10"), ("100", "100"), ("0.00", "0"), ("27.46", "27.46")],
)
def test_fmt_points_never_trailing_zeros_nor_exponent(value, text):
    assert thai.fmt_points(value) == text


def test_numbers_quoted_in_thai_text():
    assert thai.fmt_num(Decimal("4000")) == "4,000"
    assert thai.thai_num(Decimal("91.67")) == "๙๑.๖๗"
    assert thai.thai_num(Decimal("4000")) == "๔,๐๐๐"


def test_points_text_empty_can_be_blank():
    assert thai.points_text(None, thai=False, empty="") == ""
    assert thai.points_text(Decimal("84.50"), thai=False) == "84.5"


def test_money_text_satang_only_when_there_are_any():
    assert thai.money_text(Decimal("15000")) == "๑๕,๐๐๐"
    assert thai.money_text(Decimal("15000.5")) == "๑๕,๐๐๐.๕๐"
    assert thai.money_text(Decimal("15000.5"), thai=False) == "15,000.50"


def test_thai_date_forms():
    day = date(2023, 4, 18)
    assert thai.thai_date(day) == "๑๘ เมษายน ๒๕๖๖"
    assert thai.thai_date(day, short=True) == "๑๘ เม.ย. ๒๕๖๖"
    assert thai.thai_date(day, short=True, digits=False) == "18 เม.ย. 2566"
    assert thai.thai_date(None) == ""


def test_thai_datetime_in_bangkok():
    moment = datetime(2023, 8, 21, 7, 5, 9, tzinfo=ZoneInfo("UTC"))  # 14:05:09 in Bangkok
    assert thai.thai_datetime(moment) == "๒๑ สิงหาคม ๒๕๖๖ ๑๔:๐๕ น."
    assert thai.thai_datetime(moment, at=True) == "๒๑ สิงหาคม ๒๕๖๖ เวลา ๑๔:๐๕ น."
    assert thai.thai_datetime(moment, seconds=True) == "๒๑ สิงหาคม ๒๕๖๖ ๑๔:๐๕:๐๙ น."


def test_template_libraries_are_wrappers_over_core():
    day = date(2023, 4, 18)
    page = engines["django"].from_string(
        "{% load thai awards_thai %}{{ d|thai_date }}|{{ d|th_date }}|{{ p|th_points }}|{{ n|thai_digits }}"
    )
    context = {"d": day, "p": Decimal("7.50"), "n": 12}
    with translation.override("th"):
        assert page.render(context) == "๑๘ เมษายน ๒๕๖๖|๑๘ เมษายน พ.ศ. ๒๕๖๖|๗.๕|๑๒"
    with translation.override("en"):
        assert page.render(context) == "18 April 2023 (B.E. 2566)|๑๘ เมษายน พ.ศ. ๒๕๖๖|๗.๕|12"


def test_thai_datetime_short_with_arabic_digits_for_the_admin():
    moment = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
    assert thai.thai_datetime(moment, short=True, digits=False) == "23 พ.ย. 2569 14:05 น."


def test_thai_sorted_is_dictionary_order_not_code_points():
    names = ["อำนาจเจริญ", "แพร่", "อ่างทอง", "เชียงใหม่", "ชุมพร", "ตรัง"]
    assert thai.thai_sorted(names) == ["ชุมพร", "เชียงใหม่", "ตรัง", "แพร่", "อ่างทอง", "อำนาจเจริญ"]
    assert sorted(names)[-2:] == ["เชียงใหม่", "แพร่"]  # code points: the leading vowels after ฮ
    rows = [("TH-37", "อำนาจเจริญ"), ("TH-15", "อ่างทอง")]
    assert thai.thai_sorted(rows, key=lambda row: row[1]) == [("TH-15", "อ่างทอง"), ("TH-37", "อำนาจเจริญ")]


def test_a_page_reads_its_codes_and_counts_in_thai_digits_its_markup_and_boxes_as_they_are():
    page = (
        '<h1 title="ปี 2566">ปี 2566 ตัวชี้วัด 4.1.1 เวลา 14:30 น. 27/11/2569</h1><input value="12">'
        '<textarea name="note">ข้อ 3</textarea><script>let n = "4";</script><pre>{"year": 2566}</pre><p>(5)</p>'
    )
    assert thai.page_in_readers_digits(page, thai=True) == (
        '<h1 title="ปี 2566">ปี ๒๕๖๖ ตัวชี้วัด ๔.๑.๑ เวลา ๑๔:๓๐ น. ๒๗/๑๑/๒๕๖๙</h1><input value="12">'
        '<textarea name="note">ข้อ 3</textarea><script>let n = "4";</script><pre>{"year": 2566}</pre><p>(๕)</p>'
    )
    assert thai.page_in_readers_digits("", thai=True) == ""


def test_a_character_reference_keeps_its_number():
    page = "<a>&#10006; ล้างตัวกรอง 3 รายการ</a>"
    assert thai.page_in_readers_digits(page, thai=True) == "<a>&#10006; ล้างตัวกรอง ๓ รายการ</a>"


def test_names_and_addresses_keep_their_digits_on_a_thai_page():
    page = "<td>committee1</td><td>IMG_0412.MOV</td><td>somchai2@example.com</td><td>เชียงใหม่ (TH-50)</td>"
    assert thai.page_in_readers_digits(page, thai=True) == page


def test_an_english_page_reads_arabic_digits():
    page = "<p>โครงการ ๔.๐ ประจำปี ๒๕๖๖: ๓ รายการ</p>"
    assert thai.page_in_readers_digits(page, thai=False) == "<p>โครงการ 4.0 ประจำปี 2566: 3 รายการ</p>"


def test_the_portals_header_keeps_its_digits_on_an_admin_page():
    """The header reads alike on the admin and the portal: the bell counts "๑" on both, never "1"."""
    page = '<p>๓ รายการ</p><!--digits--><span class="count">๑๒</span><!--/digits--><p>๔</p>'
    assert (
        thai.page_in_readers_digits(page, thai=False)
        == '<p>3 รายการ</p><!--digits--><span class="count">๑๒</span><!--/digits--><p>4</p>'
    )


def test_one_formatter_writes_codes_and_counts_in_the_readers_digits():
    with translation.override("th"):
        assert (str(thai.digits("4.1.1")), str(thai.digits(24))) == ("๔.๑.๑", "๒๔")
    with translation.override("en"):
        assert (str(thai.digits("4.1.1")), str(thai.digits(24))) == ("4.1.1", "24")


@pytest.mark.parametrize(
    "size, shown",
    [(512, "๕๑๒ B"), (819 * 1024, "๘๑๙ KB"), (1536 * 1024, "๑.๕ MB"), (50 * 1024**2, "๕๐ MB"), (1024**3, "๑ GB")],
)
def test_a_size_reads_as_people_say_it_a_gigabyte_not_1024_megabytes(size, shown):
    """A size reads in the largest unit that keeps it a small number: the video limit is "๑ GB", not "๑๐๒๔ MB"."""
    with translation.override("th"):
        assert thai.size_text(size) == shown
    with translation.override("en"):
        assert thai.size_text(size) == thai.arabic_digits(shown)
