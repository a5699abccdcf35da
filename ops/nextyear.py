"""Next year's contest from this year's: the rubric copied, every date a year later and each deadline
re-checked against the new year's calendar (decision 9: a deadline on a closed day moves to the next
working day). Last year's rows are only read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import acts
from core.thai import thai_digits
from people.models import Membership
from rubrics import services
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_data_next_year, work_calendar
from rulebook.spec import RubricError, parse_rubric


@dataclass
class Moved:
    code: str
    shifted: date  # last year's deadline, one year later
    deadline: date  # the next working day
    reason_th: str
    reason_en: str


@dataclass
class Plan:
    source: ContestPeriod
    year: int
    data: dict
    moved: list[Moved] = field(default_factory=list)
    memberships: dict[str, int] = field(default_factory=dict)  # role label → people
    error: str = ""
    exists: bool = False

    @property
    def starts_on(self) -> date:
        return date.fromisoformat(self.data["starts_on"])

    @property
    def ends_on(self) -> date:
        return date.fromisoformat(self.data["ends_on"])


def _rename(text: str, year: int) -> str:
    old, new = str(year - 1), str(year)
    return text.replace(old, new).replace(thai_digits(old), thai_digits(new))


def next_year_plan(*, rubric: ContestPeriod) -> Plan:
    """What opening the next year would create; nothing is written."""
    data = rubric_data_next_year(rubric)
    year = data["year"]
    data["name_th"], data["name_en"] = _rename(data["name_th"], year), _rename(data["name_en"], year)
    plan = Plan(source=rubric, year=year, data=data, exists=ContestPeriod.objects.national().filter(year=year).exists())
    calendar = work_calendar()
    for dimension in data["dimensions"]:
        for criterion in dimension["criteria"]:
            if not criterion["deadline"]:
                continue
            shifted = day = date.fromisoformat(criterion["deadline"])
            while not calendar.is_working_day(day):
                day += timedelta(days=1)
            if day != shifted:
                name_th = calendar.holiday_name(shifted) or "วันหยุดสุดสัปดาห์"
                name_en = calendar.holiday_name(shifted, "en") or "weekend"
                plan.moved.append(Moved(criterion["code"], shifted, day, name_th, name_en))
                criterion["deadline"] = day.isoformat()
    try:
        parse_rubric(data)
    except RubricError as exc:
        plan.error = str(exc)
    roles = Membership.objects.values_list("role", flat=True)
    labels = dict(Membership._meta.get_field("role").choices or ())
    plan.memberships = {labels[role]: n for role, n in sorted(Counter(roles).items())}
    return plan


def next_year_open(*, user, rubric: ContestPeriod, memberships_confirmed: bool) -> ContestPeriod:
    """Creates next year's rubric from the plan. Memberships are not tied to a year, so they carry over
    as they are; staff confirm that list first. Refused when the year exists or the rubric is invalid."""
    acts.require(user, "ops.open_next_year")
    if not rubric.contest.is_national:  # its copy would be read as the Department's contest (cdd4-<year>)
        raise RubricError([_("only the national contest opens a next year")])
    plan = next_year_plan(rubric=rubric)
    if plan.exists:
        raise RubricError([format_lazy(_("{year} already exists"), year=plan.year)])
    if plan.error:
        raise RubricError([plan.error])
    if not memberships_confirmed:
        raise RubricError([_("please confirm the memberships carried over")])
    with transaction.atomic():
        return services.rubric_load(data=plan.data, user=user)
