import json

from django.core.management.base import BaseCommand, CommandError

from scoring import selectors, services
from scoring.models import Rubric


class Command(BaseCommand):
    help = "แสดงอันดับ / print the standings (json or table)"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["json", "table"], default="table")
        parser.add_argument("--recompute", action="store_true", help="rescore every province first")

    def handle(self, year, format, recompute, **options):
        try:
            rubric = Rubric.objects.get(year=year)
        except Rubric.DoesNotExist as exc:
            raise CommandError(f"ไม่พบเกณฑ์ปี {year} / no rubric for {year}") from exc
        services.standings_recompute(rubric_id=rubric.pk, full=recompute)
        rows = selectors.standings_rows(rubric)
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        dims = [d.code for d in rubric.dimensions.all()]
        self.stdout.write(f"{'#':>3} {'จังหวัด':<20} " + " ".join(f"{d:>6}" for d in dims) + f" {'รวม':>7}  รางวัล")
        for r in rows:
            flag = " (เสมอ/tie)" if r["award_tie"] else ""
            self.stdout.write(
                f"{r['rank']:>3} {r['province_name_th']:<20} "
                + " ".join(f"{r['dimensions'].get(d, '0'):>6}" for d in dims)
                + f" {r['total']:>7}  {r['award_name_th'] or ''}{flag}"
            )
        for tier in selectors.award_summary(rubric):
            if tier["vacant"]:
                self.stdout.write(f"รางวัล{tier['name_th']}: {tier['note_th']} / {tier['name_en']}: {tier['note_en']}")
