from datetime import date

from django.core.management.base import BaseCommand, CommandError

from scoring import services
from scoring.models import Criterion, Rubric
from scoring.spec import RubricError


class Command(BaseCommand):
    help = "เปลี่ยนวันครบกำหนดของตัวชี้วัด / change a criterion's deadline: rubric_deadline 2566 2.1.2 2023-04-12 (or 'none')"

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("criterion")
        parser.add_argument("deadline", help="YYYY-MM-DD (ค.ศ. / Gregorian) or 'none'")

    def handle(self, year, criterion, deadline, **options):
        try:
            rubric = Rubric.objects.get(year=year)
        except Rubric.DoesNotExist as exc:
            raise CommandError(f"ไม่พบเกณฑ์ปี {year} / no rubric for {year}") from exc
        try:
            day = None if deadline.lower() == "none" else date.fromisoformat(deadline)
        except ValueError as exc:
            raise CommandError(
                f"วันที่ไม่ถูกต้อง '{deadline}' (ใช้ YYYY-MM-DD) / bad date '{deadline}' (use YYYY-MM-DD)"
            ) from exc
        try:
            c = services.criterion_deadline_set(rubric=rubric, code=criterion, deadline=day)
        except Criterion.DoesNotExist as exc:
            raise CommandError(f"ไม่พบตัวชี้วัด {criterion} ในปี {year} / no criterion {criterion} in {year}") from exc
        except RubricError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{year} {c.code}: กำหนดส่ง / deadline {c.deadline or '-'}")
