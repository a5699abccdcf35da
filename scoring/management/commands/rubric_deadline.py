from typing import cast

from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from rulebook.dates import DateInputError, fiscal_year, parse_date, reading
from rulebook.spec import RubricError
from rulebook.workdays import deadline_text
from scoring import selectors, timetable
from scoring.models import Criterion, Rubric


class Command(TranslatedCommand):
    help = cast(
        str,
        _(
            "change a criterion's deadline: rubric_deadline 2566 2.1.2 12/04/2566 "
            "--reason 'หนังสือกรม ว 12' (or 2023-04-12, 12/4/66, 'none')"
        ),
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "year", help="2566 (the national contest), or a contest's key: ubon-milestones-2568.2568-04"
        )
        parser.add_argument("criterion")
        parser.add_argument("deadline", help="12/04/2566, 12/4/66, 2023-04-12 (พ.ศ. or ค.ศ.) or 'none'")
        parser.add_argument("--reason", default="", help=_("why: needed once the contest is open"))

    def handle(self, year, criterion, deadline, reason, **options):
        try:
            rubric = Rubric.objects.by_key(year).get()
        except Rubric.DoesNotExist as exc:
            raise CommandError(format_lazy(_("no rubric for {year}"), year=year)) from exc
        try:
            window = fiscal_year(rubric.year)
            day = None if deadline.lower() == "none" else parse_date(deadline, window=window)
        except DateInputError as exc:
            raise CommandError(str(exc)) from exc
        try:
            c = timetable.criterion_deadline_set(rubric=rubric, code=criterion, deadline=day, reason=reason)
        except Criterion.DoesNotExist as exc:
            raise CommandError(
                format_lazy(_("no criterion {criterion} in {year}"), criterion=criterion, year=year)
            ) from exc
        except RubricError as exc:
            raise CommandError(str(exc)) from exc
        if c.deadline is None:
            self.stdout.write(format_lazy(_("{year} {code}: deadline -"), year=year, code=c.code))
            return
        calendar = selectors.rubric_calendar(rubric)  # the contest may read a closed-day deadline as written
        self.stdout.write(
            # Decision 9's both dates: "31 ก.ค. 2566 (วันหยุดราชการ) → เลื่อนเป็น 3 ส.ค. 2566".
            f"{year} {c.code}: กำหนดส่ง {deadline_text(c.deadline, calendar, thai_digits=False)} / deadline "
            f"{deadline_text(c.deadline, calendar, 'en')} (อ่านจาก / read from “{deadline}”: {reading(c.deadline)})"
        )
