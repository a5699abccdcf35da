"""The base of the project's commands, whose help is translated words (`gettext_lazy`, Thai by default)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils.functional import Promise


class TranslatedCommand(BaseCommand):
    """argparse formats plain strings only: a lazy help (the command's, or an argument's) made `--help` fail with
    a TypeError. They are made text, in the active language, when the parser is made."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        if isinstance(self.help, Promise):
            self.help = str(self.help)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        for action in parser._actions:  # what add_arguments declared, and Django's own options
            if isinstance(action.help, Promise):
                action.help = str(action.help)
        return parser
