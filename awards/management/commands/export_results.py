"""python manage.py export_results --year 2566 --out results.pdf [--kind announcement,results] [--province TH-50]

A .pdf --out renders the documents (all four by default, in one file); .xlsx or .csv writes a sheet
(--sheet: any sheet of a year in core.sheets.exporter). Same rendering as the background task, run in the foreground.
"""

from pathlib import Path
from typing import cast

from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, pgettext_lazy

from awards import documents
from awards.models import DocumentKind
from core.management.base import TranslatedCommand
from core.sheets import exporter
from rubrics.models import ContestPeriod
from scoring.selectors import contest_entrants


class Command(TranslatedCommand):
    help = cast(str, gettext_lazy("export the results as PDF, XLSX or CSV"))

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument(
            "--year", type=int, help=pgettext_lazy("awards.management.commands.export_results", "fiscal year (B.E.)")
        )
        which.add_argument("--contest", help=gettext_lazy("a contest's key, e.g. chonburi-web-2564"))
        parser.add_argument("--out", required=True, help="results.pdf, standings.xlsx or facts.csv")
        parser.add_argument("--kind", default=",".join(DocumentKind.values), help="PDF: documents, comma-separated")
        parser.add_argument("--province", help="PDF breakdown of one entrant (TH-50; a district's DOPA code, 2001)")
        sheets = [e.identifier for e in exporter.year_sheets()]
        parser.add_argument("--sheet", default="standings", choices=sheets, help="XLSX/CSV: which sheet")

    def handle(self, *args, year, contest, out, kind, province, sheet, **options):
        rubric = ContestPeriod.objects.by_key(year or contest).first()
        if rubric is None:
            raise CommandError(format_lazy(gettext_lazy("no contest {value}"), value=year or contest))
        path = Path(out)
        suffix = path.suffix.lower().lstrip(".")
        if suffix in ("xlsx", "csv"):
            if suffix not in exporter.get(sheet).formats:
                raise CommandError(
                    format_lazy(gettext_lazy("{sheet} is not written as {suffix}"), sheet=sheet, suffix=suffix)
                )
            data, _, _ = exporter.export(rubric, sheet, suffix)
        elif suffix == "pdf":
            kinds = [k.strip() for k in kind.split(",") if k.strip()]
            unknown = [k for k in kinds if k not in DocumentKind.values]
            if unknown or not kinds:
                raise CommandError(f"ไม่รู้จักเอกสาร {unknown} / unknown kinds {unknown}; known: {DocumentKind.values}")
            place = contest_entrants(rubric.contest).filter(code=province).first() if province else None
            if province and place is None:
                raise CommandError(format_lazy(gettext_lazy("unknown province {province}"), province=province))
            data = documents.render_set(rubric, kinds, place)
        else:
            raise CommandError(gettext_lazy("--out must end in .pdf, .xlsx or .csv"))
        path.write_bytes(data)
        self.stdout.write(f"{path} ({len(data):,} bytes)")
