"""Verification codes: short, unambiguous to type, unguessable; the QR code holds the page's address."""

from awards import verification
from awards.verification import ALPHABET, CodeBook


def test_codes_are_twelve_crockford_characters_drawn_at_random():
    codes = [verification.new_code() for _ in range(500)]
    assert len(set(codes)) == 500
    assert all(len(c) == 12 and set(c) <= set(ALPHABET) for c in codes)
    assert set(ALPHABET) == set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")  # no I, L, O, U
    # Not a counter: every position takes nearly all 32 symbols, the first as much as the last.
    assert min(len({c[i] for c in codes}) for i in range(12)) >= 28


def test_a_typed_code_is_read_as_meant():
    assert verification.normalise("abcd-efgh-jk1o") == "ABCDEFGHJK10"
    assert verification.normalise(" 7K2M 9QXC 4DTE ") == "7K2M9QXC4DTE"
    assert verification.normalise("7k2m.9qxc_4dte") == "7K2M9QXC4DTE"
    assert verification.normalise("IL0O-0000-0000") == "1100" + "0" * 8  # I and L are 1, O is 0
    assert verification.normalise("7K2M-9QXC-4DT") is None  # one short
    assert verification.normalise("7K2M-9QXC-4DTEE") is None
    assert verification.normalise("UUUU-9QXC-4DTE") is None  # U is never in a code
    assert verification.normalise("") is None


def test_a_pasted_sha256_is_read_in_lower_case():
    digest = "AB" * 32
    assert verification.normalise_sha256(f"  {digest}\n") == "ab" * 32
    assert verification.normalise_sha256("ab" * 31) is None
    assert verification.normalise_sha256("zz" * 32) is None


def test_grouped_for_reading_aloud():
    assert verification.grouped("7K2M9QXC4DTE") == "7K2M-9QXC-4DTE"


def test_the_address_is_the_public_one(settings):
    settings.CDD4_PUBLIC_URL = "https://cdd4.example.go.th/"
    mark = CodeBook().mark()
    assert mark.url == f"https://cdd4.example.go.th/verify/{mark.code}/"
    assert mark.short_url == "cdd4.example.go.th/verify/"


def test_a_code_book_keeps_what_each_mark_printed(db, chiang_mai):
    book = CodeBook()
    whole = book.mark()
    part = book.mark(chiang_mai, entrant_th="สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่", award_th="รางวัลชนะเลิศ")
    assert book.marks == [whole, part]
    assert (whole.entrant, whole.entrant_th) == (None, "")
    assert (part.entrant, part.award_th) == (chiang_mai, "รางวัลชนะเลิศ")
    assert whole.code != part.code
