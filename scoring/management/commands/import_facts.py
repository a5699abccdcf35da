from pathlib import Path
from typing import cast

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from core.errors import PortalError
from core.management.base import TranslatedCommand
from core.sheets.tabular import SheetError, read_rows
from core.sheets.xlsx import xlsx_sheets
from scoring.facts.imports import ENTRANT_HEADER, HEADER, facts_import, facts_template_import
from scoring.facts.template import is_template
from scoring.models import FactSource


class Command(TranslatedCommand):
    help = cast(str, _("import facts (a list, or the contest's filled-in fact template), all or none"))

    def add_arguments(self, parser):
        parser.add_argument("file")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--year", type=int, help="the Department's contest of that fiscal year (B.E.)")
        which.add_argument("--contest", help="a contest's code, e.g. nongkhai-missions-2565")
        parser.add_argument("--dry-run", action="store_true", help=_("show changes, write nothing"))

    def handle(self, file, year, contest, dry_run, **options):
        found = Contest.objects.national().filter(year=year) if year else Contest.objects.filter(slug=contest)
        chosen = found.first()
        if chosen is None:
            raise CommandError(format_lazy(_("no contest {value}"), value=year or contest))
        rubrics = {r.period: r for r in chosen.rubrics.all()}
        required = HEADER if chosen.is_national else ENTRANT_HEADER
        if "" not in rubrics:  # a contest with periods: each row says which
            required = (*required, "period")
        path = Path(file)
        try:
            if path.suffix.lower() == ".xlsx":  # the contest's filled-in fact template, every period in it
                sheets = xlsx_sheets(path.read_bytes())
                if is_template(sheets):
                    report = facts_template_import(contest=chosen, sheets=sheets, dry_run=dry_run)
                    self._report(report, "", dry_run)
                    return
            rows = read_rows(path.read_bytes(), path.name, required=required)
            unknown = sorted({r["period"] for r in rows if r.get("period") and r["period"] not in rubrics})
            if "" not in rubrics and unknown:
                known = ", ".join(sorted(rubrics))
                raise CommandError(f"ไม่พบรอบ {', '.join(unknown)} (มี: {known}) / unknown period (known: {known})")
            with transaction.atomic():  # every period or none
                for period, rubric in sorted(rubrics.items()):
                    # Rows of other periods become blank lines, so row numbers stay those of the sheet.
                    mine = [row if row.get("period", "") == period else {} for row in rows]
                    report = facts_import(rubric=rubric, rows=mine, source=FactSource.IMPORT, dry_run=dry_run)
                    self._report(report, period, dry_run)
        except (OSError, SheetError) as exc:
            raise CommandError(str(exc)) from exc
        except PortalError as exc:
            raise CommandError(format_lazy(_("nothing imported:\n{problems}"), problems=exc)) from exc

    def _report(self, report, period: str, dry_run: bool) -> None:
        for row, unit, criterion, fact, old, new in report.changes:
            self.stdout.write(f"  แถว/row {row}: {unit} {criterion} {fact}: {old if old is not None else '∅'} → {new}")
        verb = "จะ/would" if dry_run else ""
        where = f"รอบ/period {period}: " if period else ""
        self.stdout.write(
            f"{where}{verb} สร้าง/create {report.created}, แก้ไข/update {report.updated},"
            f" ไม่เปลี่ยน/unchanged {report.unchanged}"
        )
