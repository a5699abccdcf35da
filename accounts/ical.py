"""RFC 5545's content lines, written directly: the few value types the calendar feed uses (TEXT, URI, INTEGER,
DATE, DATE-TIME in UTC, DURATION), escaped and folded as the standard says. The `icalendar` package built an
object per property and folded each line a character at a time, half the cost of a feed made again; these are
a few string operations a line. The feed is read back by `icalendar` and `vobject` in the tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

FOLD_AT = 74  # octets a line carries before a fold; with the fold's space, 75 (RFC 5545 §3.1)
CONTINUATION = 0xC0  # a UTF-8 byte that is `10xxxxxx` continues a character: never cut before it
_TEXT = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": "\\n"})


def text(value: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon and comma escaped, a line break (CRLF, LF or CR) as `\\n`."""
    return value.replace("\r\n", "\n").translate(_TEXT)


def day(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def utc(value: datetime) -> str:
    """A DATE-TIME in UTC (§3.3.5, form 2): `20230320T030000Z`."""
    at = value.astimezone(UTC)
    return f"{day(at)}T{at.hour:02d}{at.minute:02d}{at.second:02d}Z"


def duration(value: timedelta) -> str:
    """A DURATION (§3.3.6) in days and time: `-P4DT15H`, `PT6H`."""
    sign, value = ("-", -value) if value < timedelta(0) else ("", value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "T" if value.seconds else ""
    time += f"{hours}H" if hours else ""
    time += f"{minutes}M" if minutes or (hours and seconds) else ""
    time += f"{seconds}S" if seconds else ""
    days = f"{value.days}D" if value.days or not time else ""
    return f"{sign}P{days}{time}"


def fold(line: str) -> bytes:
    """One content line in UTF-8, cut every 74 octets between two characters, each cut a CRLF and a space
    (§3.1). A cut that would leave a backslash at a line's end takes it to the next line, as `icalendar` does,
    for the readers that unescape before they unfold."""
    data = line.encode()
    if len(data) <= FOLD_AT:
        return data
    parts, start, end = [], 0, len(data)
    while end - start > FOLD_AT:
        cut = start + FOLD_AT
        while data[cut] & CONTINUATION == 0x80:
            cut -= 1
        if data[cut - 1] == 0x5C and cut - 1 > start:  # a backslash ending the line
            cut -= 1
        parts.append(data[start:cut])
        start = cut
    parts.append(data[start:])
    return b"\r\n ".join(parts)


def lines(*properties: str) -> list[bytes]:
    """Content lines already named and valued (`NAME;PARAM=X:value`), folded."""
    return [fold(p) for p in properties]
