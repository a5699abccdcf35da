"""Sends what the outbox holds and is due, and with --digest the daily digests: beat's two jobs, for a
deployment without beat (the embedded default) to run from cron."""

from typing import cast

from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand
from notices import outbox


class Command(TranslatedCommand):
    help = cast(str, _("send the notices due (--digest: the daily digests)"))

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="also the daily digests / สรุปประจำวันด้วย")

    def handle(self, *args, **options):
        sent = outbox.send_due()
        digests = outbox.send_digests() if options["digest"] else 0
        self.stdout.write(f"ส่งแล้ว / sent: {sent}; สรุป / digests: {digests}")
