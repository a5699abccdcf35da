"""A row sent on time says so, a late one says how late, only what was never sent is overdue; the committee
sees the late mark; a deadline on a closed day reads as that day closed and the deadline moved."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from committee.demo import submit_file

from . import files

BANGKOK = ZoneInfo("Asia/Bangkok")
HOME = reverse("submissions:unit", args=[2566, "TH-50"])


def _send(user, rubric, unit, code: str, at: datetime):
    return submit_file(user=user, rubric=rubric, unit=unit, code=code, name=f"{code}.pdf", data=files.pdf_new(), now=at)


def _deadline_cell(html: str, code: str) -> str:
    table = html.split('<div id="criteria">', 1)[1]  # the rows, not the "what to do now" card above them
    row = next(r for r in table.split("<tr class=") if f"/criteria/{code}/" in r)
    return row.split('class="deadline" data-label="')[1].split('">', 1)[1].split("</td>")[0]


@pytest.fixture
def sent(provincial_user, rubric, chiang_mai):
    # 1.2 is due Fri 30 Jun 2023; 1.1 on Mon 31 Jul 2023, a closed day, so Thu 3 Aug.
    _send(provincial_user, rubric, chiang_mai, "1.2", datetime(2023, 6, 29, 10, 0, tzinfo=BANGKOK))
    # Fri 4, Mon 7, Tue 8 Aug: 3 working days after the moved deadline.
    return _send(provincial_user, rubric, chiang_mai, "1.1", datetime(2023, 8, 8, 9, 0, tzinfo=BANGKOK))


def test_province_rows_say_on_time_late_or_overdue(sent, owner_client):
    html = owner_client.get(HOME).content.decode()
    on_time, late, never = (_deadline_cell(html, code) for code in ("1.2", "1.1", "1.3"))
    assert '<span class="muted">ส่งแล้ว ตรงเวลา</span>' in on_time and "เลยกำหนด" not in on_time
    assert '<span class="late">ส่งช้า ๓ วันทำการ</span>' in late and "เลยกำหนด" not in late
    assert "เลยกำหนด" in never and "ส่ง" not in never.split("<br>")[1]


def test_moved_deadline_says_the_written_day_was_closed(owner_client, rubric):
    cell = _deadline_cell(owner_client.get(HOME).content.decode(), "1.1")
    assert cell.startswith("๓๑ กรกฎาคม ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๓ สิงหาคม ๒๕๖๖<br>")


def test_province_rows_in_english(sent, owner_client):
    owner_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = owner_client.get(HOME).content.decode()
    assert "sent on time" in _deadline_cell(html, "1.2")
    assert "sent 3 working days late" in _deadline_cell(html, "1.1")
    assert "(offices closed) → moved to 3 August 2023 (B.E. 2566)" in _deadline_cell(html, "1.1")


def test_committee_sees_the_late_mark(sent, client, committee_user):
    client.force_login(committee_user)
    page = client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])).content.decode()
    assert '<span class="badge late">ส่งช้า ๓ วันทำการ</span>' in page
    screen = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "1.1"])).content.decode()
    assert screen.count('<span class="tag red">ส่งช้า ๓ วันทำการ</span>') == 2
    on_time = client.get(reverse("admin:committee_score", args=[2566, "TH-50", "1.2"])).content.decode()
    assert "ส่งช้า" not in on_time
