"""The feed's content lines (accounts.ical) as RFC 5545 writes them: a long Thai line folded between characters,
never over 75 octets; text escaped so that two parsers read back what was written; durations in the form the
`icalendar` package writes (the form ical.js accepts)."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
import vobject

from accounts import ical
from core.thai import BANGKOK

WORDS = "การรายงานผลการดำเนินงาน, ประจำเดือน; ตามแบบ C:\\รายงาน\nบรรทัดที่สอง"


def calendar(summary: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//TH", "BEGIN:VEVENT", "UID:one@example.org"]
    lines += ["DTSTAMP:20230320T030000Z", "DTSTART;VALUE=DATE:20230315", f"SUMMARY:{summary}", "END:VEVENT"]
    return b"\r\n".join(ical.lines(*lines, "END:VCALENDAR")) + b"\r\n"


def test_a_long_thai_line_folds_between_characters_at_75_octets_at_most():
    line = "SUMMARY:" + ical.text(WORDS * 4)
    folded = ical.fold(line)
    physical = folded.split(b"\r\n")
    assert len(physical) > 1
    assert max(len(p) for p in physical) <= 75
    assert [p.decode() for p in physical]  # no character cut in two
    assert all(p.startswith(b" ") for p in physical[1:])
    assert folded.replace(b"\r\n ", b"").decode() == line


@pytest.mark.parametrize("text", [WORDS, "\\" * 90, "ก\\," * 40], ids=["thai", "backslashes", "escapes at folds"])
def test_escaped_text_reads_back_the_same_through_two_parsers(text):
    body = calendar(ical.text(text))
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(event["summary"]) == text
    assert vobject.readOne(body.decode()).vevent.summary.value == text


@pytest.mark.parametrize(
    "value", [timedelta(hours=6), timedelta(days=-5, hours=9), timedelta(0), timedelta(days=2), timedelta(seconds=-90)]
)
def test_a_duration_is_written_as_icalendar_writes_it(value):
    assert ical.duration(value) == icalendar.vDuration(value).to_ical().decode()


def test_a_moment_is_written_in_utc():
    assert ical.utc(datetime(2023, 3, 20, 10, 0, tzinfo=BANGKOK)) == "20230320T030000Z"
    assert ical.utc(datetime(2023, 3, 20, 3, 0, 5, tzinfo=UTC)) == "20230320T030005Z"
