"""Whole numbers read from what people send (a query string, a form box, a sheet's cell, a rubric file): ASCII
digits only, one way everywhere. Plain Python, so the rule engine reads them the same way.

`str.isdigit()` is true of "²", "①", "١" and "๒": `int()` then refuses the first two (a 500 where a page read a
number so) and reads the others as numbers nobody typed on an office keyboard."""

# ASCII alone, then digits: of ASCII's characters only "0"–"9" are digits ("".isdigit() is false), both asked in C.
# 18 digits stay below the largest database key (2**63 - 1): a longer number is no id, page or count of ours.
MOST_DIGITS = 18


def whole(text: object, *, most_digits: int = MOST_DIGITS) -> int | None:
    """The number `text` writes in ASCII digits alone ("12", "007"); None for anything else (a sign, a space,
    another script's digits, nothing, more than `most_digits` digits)."""
    if not isinstance(text, str) or len(text) > most_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def is_whole(text: object) -> bool:
    """`text` is a whole number in ASCII digits (see `whole`)."""
    return whole(text) is not None


def ascii_digits(text: object) -> bool:
    """`text` is ASCII digits alone, however many (a count typed too long is refused by its length first)."""
    return isinstance(text, str) and text.isascii() and text.isdigit()
