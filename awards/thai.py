"""Thai numbers, baht amounts and Buddhist-Era dates for documents an official signs.

Always Thai, whatever the request's language: a signed announcement has one wording.
Django's th locale prints Gregorian years, so dates go through PyThaiNLP's thai_strftime.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from pythainlp.util import bahttext, num_to_thaiword, thai_strftime

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
CENT = Decimal("0.01")


def thai_digits(value) -> str:
    return str(value).translate(THAI_DIGITS)


def _decimal(value) -> Decimal:
    # Never through float: 0.1 + 0.2 must not appear on a prize.
    return value if isinstance(value, Decimal) else Decimal(str(value))


def points_text(value, *, thai: bool = True) -> str:
    """5.00 → "๕", 7.50 → "๗.๕", 87.25 → "๘๗.๒๕": how the rubric writes points."""
    if value is None or value == "":
        return "–"
    number = _decimal(value)
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return thai_digits(text) if thai else text


def money_text(value, *, thai: bool = True) -> str:
    """15000 → "๑๕,๐๐๐"; satang shown only when there are any ("๑๕,๐๐๐.๕๐")."""
    amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    return thai_digits(text) if thai else text


def baht_words(value) -> str:
    """15000 → "หนึ่งหมื่นห้าพันบาทถ้วน", 15000.50 → "หนึ่งหมื่นห้าพันบาทห้าสิบสตางค์".

    pythainlp's bahttext wants a float and refuses Decimal; a float would misread satang
    (e.g. 0.29), so baht go in as an int and satang are worded separately.
    """
    amount = _decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError(f"จำนวนเงินติดลบ {amount} / negative amount {amount}")
    baht = int(amount)
    satang = int((amount - baht) * 100)
    if satang == 0:
        return bahttext(baht)
    whole = bahttext(baht).removesuffix("ถ้วน") if baht else ""
    return f"{whole}{num_to_thaiword(satang)}สตางค์"


def baht_text(value) -> str:
    """As the seed writes an amount: "๑๕,๐๐๐ บาท (หนึ่งหมื่นห้าพันบาทถ้วน)"."""
    return f"{money_text(value)} บาท ({baht_words(value)})"


def thai_date(value: date | datetime | None, *, era: bool = True) -> str:
    """date(2023, 8, 21) → "๒๑ สิงหาคม พ.ศ. ๒๕๖๖" (the form a CDD letter uses)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    fmt = "%-d %B พ.ศ. %Y" if era else "%-d %B %Y"
    return thai_strftime(datetime(value.year, value.month, value.day), fmt, thaidigit=True)


def thai_datetime(value: datetime | None) -> str:
    """A timestamp in Asia/Bangkok: "๒๑ สิงหาคม ๒๕๖๖ เวลา ๑๔:๐๕ น."."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return thai_strftime(local, "%-d %B %Y เวลา %H:%M น.", thaidigit=True)


def be_year(value: int) -> str:
    """A Buddhist-Era year already (the rubric's year): 2566 → "๒๕๖๖"."""
    return thai_digits(value)
