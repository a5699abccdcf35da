from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from committee.imports import HEADER, JudgmentImportError, judgments_import
from core import acts
from core.management.base import TranslatedCommand
from core.sheets.tabular import SheetError, read_rows
from rubrics.models import ContestPeriod


class Command(TranslatedCommand):
    help = (
        f"นำเข้าคะแนนกรรมการ {','.join(HEADER)} จาก CSV/XLSX (ทั้งหมดหรือไม่นำเข้าเลย) "
        "/ import committee judgments, all or none"
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--year", type=int, help="the national contest of that fiscal year (B.E.)")
        which.add_argument("--contest", help="a contest's key, e.g. chonburi-web-2564")
        parser.add_argument("--dry-run", action="store_true", help=_("show changes, write nothing"))
        parser.add_argument(
            "--by",
            default="",
            help=_("username of the central staff or the contest's organiser importing (default: each member)"),
        )

    def handle(self, file, year, contest, dry_run, by, **options):
        rubric = ContestPeriod.objects.by_key(year or contest).first()
        if rubric is None:
            raise CommandError(format_lazy(_("no contest {value}"), value=year or contest))
        importer = None
        if by:
            importer = get_user_model().objects.filter(username=by).first()
            if importer is None:
                raise CommandError(format_lazy(_("unknown user '{by}'"), by=by))
            importer = acts.as_confirmed(importer)  # whoever runs a command holds the server, past any factor
        path = Path(file)
        try:
            rows = read_rows(path.read_bytes(), path.name)
            report = judgments_import(rubric=rubric, rows=rows, by=importer, dry_run=dry_run)
        except (OSError, SheetError) as exc:
            raise CommandError(str(exc)) from exc
        except PermissionDenied as exc:
            raise CommandError(format_lazy(_("'{by}' may not import judgments"), by=by)) from exc
        except JudgmentImportError as exc:
            raise CommandError(format_lazy(_("nothing imported:\n{problems}"), problems=exc)) from exc
        for row, unit, criterion, member, old, new in report.changes:
            self.stdout.write(
                f"  แถว/row {row}: {unit} {criterion} {member}: {old if old is not None else '∅'} → {new}"
            )
        verb = "จะ/would " if dry_run else ""
        self.stdout.write(
            f"{verb}สร้าง/create {report.created}, แก้ไข/update {report.updated}, ไม่เปลี่ยน/unchanged {report.unchanged}"
        )
