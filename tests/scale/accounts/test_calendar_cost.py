"""A calendar feed carries every round its person owes to the end of the year, and each costs it the same
(docs/calendar.md, "What a read costs"): read for an entrant of a contest of N criteria asked monthly and of one
of 10 × N (1,200 rounds), it asks the same number of queries, and a round costs the larger feed no more Python
calls and no more bytes than it costs the smaller, its names as long as a rubric takes them."""

import re
from datetime import date

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from people.models import Role
from rubrics import services
from rulebook.rounds import LABEL_MAX
from rulebook.spec import NAME_MAX
from tests.factories import PASSWORD, DistrictFactory, UserFactory
from tests.scale.cost import LINEAR, Cost, cost

pytestmark = [pytest.mark.django_db, pytest.mark.pg]  # queries counted
EVENT_MOST_BYTES = 1536  # a round's event, its title and alarm in Thai as long as a rubric takes


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # the feeds kept, and the reads counted per person


def monthly_contest(office, district, criteria: int, slug: str):
    """An office's contest of `criteria` criteria in five dimensions, each asked on the 15th of every month of
    the fiscal year B.E. 2566 (twelve rounds), among one district; every name as long as a rubric takes."""
    per = criteria // 5
    points = str(20 // per)
    label = ("รายงานประจำเดือน" * 8)[:LABEL_MAX]
    monthly = {"label_th": label, "label_en": "Monthly report", "day": 15, "from": "2022-10", "to": "2023-09"}
    dimension = [
        {
            "code": str(d),
            "name_th": f"ด้านที่ {d}",
            "name_en": f"Dimension {d}",
            "max_points": "20",
            "criteria": [
                {
                    "code": f"{d}.{i}",
                    "name_th": ("การรายงานผลการดำเนินงานประจำเดือน" * 10)[:NAME_MAX],
                    "name_en": f"Monthly report {d}.{i}",
                    "max_points": points,
                    "deadline": "2023-09-15",
                    "rounds": [monthly],
                    "rule": {"kind": "done", "points": points},
                    "evidence_th": "รายงาน",
                }
                for i in range(1, per + 1)
            ],
        }
        for d in range(1, 6)
    ]
    data = {
        "year": 2566,
        "name_th": f"รายงานประจำเดือน {criteria} เกณฑ์",
        "name_en": f"Monthly reports, {criteria} criteria",
        "starts_on": "2022-10-01",
        "ends_on": "2023-09-30",
        "total_points": "100",
        "tie_break": [],
        "awards": [{"code": "best", "name_th": "ดีเด่น", "name_en": "Best", "count": 1, "prize": "0"}],
        "dimensions": dimension,
        "contest": {
            "slug": slug,
            "organiser": office.code.removeprefix("TH-"),
            "entrant_level": "district",
            "entrants": [district.code],
        },
    }
    return services.rubric_load(data=data)


def feed_of(client, office, criteria: int) -> str:
    """The calendar address of a district's staff whose district enters a contest of `criteria` criteria."""
    district = DistrictFactory(parent=office)
    monthly_contest(office, district, criteria, f"monthly-{criteria}")
    person = UserFactory(role=Role.OFFICE_STAFF, role__unit=district)
    client.force_login(person)
    page = client.post(reverse("accounts:calendar_make"), {"password": PASSWORD}).content.decode()
    client.logout()
    (path,) = re.findall(r'value="http://[^/"]+(/calendar/[^"]+\.ics)"', page)
    return path


def read(client, path: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content


def test_a_feed_asks_as_many_queries_and_stays_as_small_at_ten_times_the_criteria(client, chiang_mai, clock):
    clock(2023, 3, 20, 10, 0)
    small, large = feed_of(client, chiang_mai, 10), feed_of(client, chiang_mai, 100)
    made = {path: read(client, path) for path in (small, large)}  # made and kept
    again = {path: read(client, path) for path in (small, large)}  # read again: the schedule unchanged
    assert made[small][0] == made[large][0] and again[small][0] == again[large][0]
    assert again[large][1] == made[large][1]  # the kept body, made at the first read
    events = icalendar.Calendar.from_ical(made[large][1]).walk("VEVENT")
    assert len(events) == 700  # 100 criteria's rounds from March's to September's, the year's last
    days = sorted({e.decoded("dtstart") for e in events})
    assert days == [
        date(2023, 3, 15),
        date(2023, 4, 18),  # 15 April 2566: Songkran's Saturday
        date(2023, 5, 15),
        date(2023, 6, 15),
        date(2023, 7, 17),  # a Saturday
        date(2023, 8, 15),
        date(2023, 9, 15),
    ]
    assert len(made[large][1]) < 700 * EVENT_MOST_BYTES


def test_a_round_costs_a_feed_of_ten_times_the_criteria_what_it_costs_the_smaller(client, chiang_mai, clock, settings):
    """Its work counted as tests/scale/cost.py counts a read of every entrant (the Python calls, not the time, which
    moves with the load), written from nothing (the cache emptied: no event block kept) and kept: the feed of 700
    events costs at most `LINEAR` times per event what the feed of 70 does, never a round twice over."""
    settings.CDD4_CALENDAR_RATE = "100/60"  # each feed is read a few times
    clock(2023, 3, 20, 10, 0)
    small, large = feed_of(client, chiang_mai, 10), feed_of(client, chiang_mai, 100)

    def measured(path: str) -> tuple[Cost, Cost]:
        def from_nothing():
            cache.clear()
            return client.get(path)

        client.get(path)  # what a process keeps of each contest, warmed
        # The calls and queries are the claim; the time, one read's (`reads=1`), is only said beside them.
        return cost(from_nothing, reads=1), cost(lambda: client.get(path), reads=1)

    at_n, at_10n = measured(small), measured(large)
    grown = [
        f"the calendar feed {read}: {n} at 70 events vs {ten_n} at 700"
        for read, n, ten_n in zip(("written from nothing", "kept"), at_n, at_10n, strict=True)
        if ten_n.queries != n.queries or ten_n.calls > 10 * LINEAR * n.calls
    ]
    assert not grown, grown
