"""Contest and period codes. They become every URL of a contest (ContestPeriod.key, core.converters), so each
one must fit the URL converter, and a code the URLs would read as another page, or as the national contest
(`by_key("2567")`, slug `cdd4-2567`), must never belong to an office's contest. An office's new
codes begin with its own prefix (`office_prefix`)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from core.i18n import either

NATIONAL_PREFIX = "cdd4-"  # the Department's contest of a year is cdd4-<year>; no other contest's code starts so
CODE_MAX = 60  # Contest.slug
PERIOD_MAX = 20  # ContestPeriod.period
# The URL converter's own parts (core.converters): a key is "<code>" or "<code>.<period>".
CODE = re.compile(r"[a-z][a-z0-9-]*")
PERIOD = re.compile(r"[a-z0-9][a-z0-9-]*")
RESERVED = frozenset({"contests"})  # /standings/contests/ is the upload page, routed before any contest
YEAR = re.compile(r"[0-9]{4}")  # a year in a code: cb-web-2564 is next held as cb-web-2565


def national_code(year: int | str) -> str:
    """The Department's contest of a fiscal year (B.E.); as text too, as a file gives it before it is checked."""
    return f"{NATIONAL_PREFIX}{year}"


def code_stem(code: str) -> str:
    """A code with its years blanked: the codes of one contest over the years share it (cb-web-#), so a
    stem another office holds keeps its likely next-year codes for it."""
    return YEAR.sub("#", code)


def office_prefix(office) -> str:
    """What an office's new contest codes begin with: its English name in lower-case letters, then "-"
    (Chon Buri's `chonburi-web-2564`, Nong Khai's `nongkhai-missions-2565`), so no office takes a code under
    another's name. Province names are unique; district offices organise no contest of their own."""
    return re.sub(r"[^a-z]", "", office.name_en.lower()) + "-"


def code_problem(value: object) -> tuple[str, str] | None:
    """What is wrong with a contest code, (Thai, English), or None."""
    if not isinstance(value, str) or len(value) > CODE_MAX or not CODE.fullmatch(value):
        return (
            f"ต้องเป็นอักษร a–z ตัวเล็ก ตัวเลข หรือ - ขึ้นต้นด้วยอักษร ยาวไม่เกิน {CODE_MAX} ตัว",
            f"must be lower-case letters a–z, digits or -, begin with a letter, at most {CODE_MAX} characters",
        )
    if value in RESERVED:
        return ("เป็นชื่อหน้าหนึ่งของระบบ", "is the name of one of the portal's pages")
    return None


def period_problem(value: object) -> tuple[str, str] | None:
    if not isinstance(value, str) or len(value) > PERIOD_MAX or not PERIOD.fullmatch(value):
        return (
            f"ต้องเป็นอักษร a–z ตัวเล็ก ตัวเลข หรือ - ยาวไม่เกิน {PERIOD_MAX} ตัว เช่น 2568-04",
            f"must be lower-case letters a–z, digits or -, at most {PERIOD_MAX} characters, e.g. 2568-04",
        )
    return None


def _refuse(problem: tuple[str, str] | None, value: object, th: str, en: str) -> None:
    if problem:
        raise ValidationError(either(f"{th} “{value}”: {problem[0]}", f"{en} “{value}”: {problem[1]}"))


# Model-field validators (full_clean: the admin, imports), the same rules as the rubric file's; plain
# functions, as migrations name them by module and name.
def validate_contest_code(value: object) -> None:
    _refuse(code_problem(value), value, "รหัสการประกวด", "contest code")


def validate_period_code(value: object) -> None:
    _refuse(period_problem(value), value, "รหัสรอบ", "period code")
