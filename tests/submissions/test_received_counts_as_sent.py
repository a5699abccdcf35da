"""A sending the Department recorded as received (2.1.2's date received, imported by central staff) is sent on
every page, count and reminder, as the standings count it: the criterion page, the office's home and its
to-do, the home list's count, the dashboard's missing evidence and the schedule the reminders read."""

import re

from django.urls import reverse

from schedule.selectors import contest_obligations
from scoring.facts.imports import facts_import
from submissions import selectors
from submissions.todo import entrant_todo

CRITERION = reverse("submissions:criterion", args=[2566, "TH-50", "2.1.2"])


def _receipt(rubric, unit) -> None:
    rows = [{"province": unit.code, "criterion": "2.1.2", "fact": "received_on", "value": "2023-04-10"}]
    facts_import(rubric=rubric, rows=rows)


def _status(client) -> str:
    html = client.get(CRITERION).content.decode()
    return re.search(r'<span id="criterion-status">([^<]*)</span>', html).group(1)


def test_a_recorded_receipt_is_sent_on_the_criterion_page(owner_client, rubric, chiang_mai):
    before = _status(owner_client)
    _receipt(rubric, chiang_mai)
    assert (before, _status(owner_client)) == ("ยังไม่ส่ง", "ส่งแล้ว (กรมบันทึกการรับแล้ว)")


def test_a_recorded_receipt_is_done_at_home_and_leaves_the_to_do(rubric, chiang_mai):
    _receipt(rubric, chiang_mai)
    home = selectors.unit_home(rubric=rubric, unit=chiang_mai)
    row = next(r for _, rows in home["groups"] for r in rows if r.criterion.code == "2.1.2")
    todo = entrant_todo(rubric=rubric, unit=chiang_mai, groups=home["groups"], closed=False)
    assert (row.done, row.status_key, any("2.1.2" in item.th for item in todo)) == (True, "submitted", False)


def test_a_recorded_receipt_counts_in_the_home_list_and_the_schedule_the_reminders_read(rubric, chiang_mai):
    _receipt(rubric, chiang_mai)
    counted = {
        p.code: p.submitted
        for p in selectors.with_submitted_count(type(chiang_mai).objects.filter(code__in=["TH-50", "TH-83"]), rubric)
    }
    owing = {o.unit_code for o in contest_obligations(rubric, criteria=["2.1.2"]) if o.is_owed}
    assert counted == {"TH-50": 1, "TH-83": 0}
    assert ("TH-50" in owing, "TH-83" in owing) == (False, True)
