"""Every command of the project answers `--help` in Thai: its help and its arguments' help are translated words,
which argparse could not format while they were lazy (a TypeError on every command's `--help`)."""

import pytest
from django.core.management import get_commands, load_command_class

from core.management.base import TranslatedCommand
from tests.packages import PACKAGES

OURS = sorted((name, app) for name, app in get_commands().items() if app in PACKAGES)


def test_the_project_has_its_commands():
    assert {"bootstrap", "backup", "restore", "standings", "import_facts"} <= {name for name, _ in OURS}


@pytest.mark.parametrize(("name", "app"), OURS, ids=[name for name, _ in OURS])
def test_each_command_answers_help_with_its_translated_words(name, app):
    command = load_command_class(app, name)
    assert isinstance(command, TranslatedCommand)
    text = command.create_parser("manage.py", name).format_help()
    assert str(command.help).split()[0] in text
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in text), text[:400]  # Thai, the default language
