"""Prints the demo logins again (a second `make run` skips the demo load, not the logins)."""

from typing import cast

from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand

from ...demo import demo_logins
from .bootstrap import print_logins


class Command(TranslatedCommand):
    help = cast(str, _("print the demo logins again"))

    def handle(self, *args, **options):
        print_logins(self.stdout, demo_logins())
