from typing import cast

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from stages.data import STAGES_FILE, stages_load


class Command(BaseCommand):
    help = cast(str, _("load the selection stages (seed 002), idempotent"))

    def handle(self, **options):
        try:
            stages = stages_load()
        except Contest.DoesNotExist as exc:
            raise CommandError(
                format_lazy(
                    _("a contest {name} names is not loaded: run bootstrap (with units) first"), name=STAGES_FILE.name
                )
            ) from exc
        for stage in stages:
            self.stdout.write(
                f"ขั้น / stage {stage.contest.slug}: {stage.quota} ต่อ / per {stage.chooser_level},"
                f" {stage.files.count()} ไฟล์ที่ต้องส่ง / required files"
            )
