from typing import cast

from django.core.management.base import CommandError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.models import Contest
from core.management.base import TranslatedCommand
from stages.data import STAGES_FILE, stages_load


class Command(TranslatedCommand):
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
            loaded = _("stage %(slug)s: %(quota)s per %(level)s, %(files)s required files")
            slug, level, files = stage.contest.slug, stage.chooser_level, stage.files.count()
            self.stdout.write(loaded % {"slug": slug, "quota": stage.quota, "level": level, "files": files})
