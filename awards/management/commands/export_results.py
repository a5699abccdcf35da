"""python manage.py export_results --year 2566 --out results.pdf [--kind announcement,results] [--province TH-50]

A .pdf --out renders the documents (all four by default, in one file); .xlsx or .csv writes a sheet
(--sheet: any sheet of a year in scoring.exporter). Same rendering as the background task, run in the foreground.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards import documents
from awards.models import DocumentKind
from scoring import exporter
from scoring.models import Province, Rubric


class Command(BaseCommand):
    help = "ส่งออกผลการคัดเลือกเป็น PDF/XLSX/CSV / export the results as PDF, XLSX or CSV"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True, help="ปีงบประมาณ พ.ศ. / fiscal year (B.E.)")
        parser.add_argument("--out", required=True, help="results.pdf, standings.xlsx or facts.csv")
        parser.add_argument("--kind", default=",".join(DocumentKind.values), help="PDF: documents, comma-separated")
        parser.add_argument("--province", help="PDF breakdown of one province (ISO code, e.g. TH-50)")
        sheets = [e.identifier for e in exporter.year_sheets()]
        parser.add_argument("--sheet", default="standings", choices=sheets, help="XLSX/CSV: which sheet")

    def handle(self, *args, year, out, kind, province, sheet, **options):
        rubric = Rubric.objects.national().filter(year=year).first()
        if rubric is None:
            raise CommandError(f"ไม่พบเกณฑ์ปี {year} / no rubric for {year}")
        path = Path(out)
        suffix = path.suffix.lower().lstrip(".")
        if suffix in ("xlsx", "csv"):
            if suffix not in exporter.get(sheet).formats:
                raise CommandError(f"{sheet} ไม่มีรูปแบบ {suffix} / {sheet} is not written as {suffix}")
            data, _, _ = exporter.export(rubric, sheet, suffix)
        elif suffix == "pdf":
            kinds = [k.strip() for k in kind.split(",") if k.strip()]
            unknown = [k for k in kinds if k not in DocumentKind.values]
            if unknown or not kinds:
                raise CommandError(f"ไม่รู้จักเอกสาร {unknown} / unknown kinds {unknown}; known: {DocumentKind.values}")
            place = Province.objects.provinces().filter(code=province).first() if province else None
            if province and place is None:
                raise CommandError(f"ไม่พบจังหวัด {province} / unknown province {province}")
            data = documents.render_set(rubric, kinds, place)
        else:
            raise CommandError("--out ต้องลงท้ายด้วย .pdf .xlsx หรือ .csv / --out must end in .pdf, .xlsx or .csv")
        path.write_bytes(data)
        self.stdout.write(f"{path} ({len(data):,} bytes)")
