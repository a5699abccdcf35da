from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from scoring import services
from scoring.models import FactSource, Rubric
from scoring.tabular import SheetError, read_rows


class Command(BaseCommand):
    help = "นำเข้าข้อมูล province,criterion,fact,value จาก CSV/XLSX (ทั้งหมดหรือไม่นำเข้าเลย) / import facts, all or none"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument(
            "--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยนโดยไม่บันทึก / show changes, write nothing"
        )

    def handle(self, file, year, dry_run, **options):
        try:
            rubric = Rubric.objects.national().get(year=year)
        except Rubric.DoesNotExist as exc:
            raise CommandError(f"ไม่พบเกณฑ์ปี {year} / no rubric for {year}") from exc
        path = Path(file)
        try:
            rows = read_rows(path.read_bytes(), path.name, required=services.HEADER)
            report = services.facts_import(rubric=rubric, rows=rows, source=FactSource.IMPORT, dry_run=dry_run)
        except (OSError, SheetError) as exc:
            raise CommandError(str(exc)) from exc
        except services.FactImportError as exc:
            raise CommandError(f"ไม่ได้นำเข้าข้อมูลใดเลย / nothing imported:\n{exc}") from exc
        for row, province, criterion, fact, old, new in report.changes:
            self.stdout.write(
                f"  แถว/row {row}: {province} {criterion} {fact}: {old if old is not None else '∅'} → {new}"
            )
        verb = "จะ/would" if dry_run else ""
        self.stdout.write(
            f"{verb} สร้าง/create {report.created}, แก้ไข/update {report.updated}, ไม่เปลี่ยน/unchanged {report.unchanged}"
        )
