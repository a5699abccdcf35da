"""`unavailable_page`: the page nginx answers itself with when no web process answers (502, 504), written as a
static file in the portal's language (Thai), because nothing of Django runs to render it then. compose's migrate
job writes it into the static volume at every start, after collectstatic (docker-compose.yml, deploy/nginx.conf)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.management.base import TranslatedCommand

NAME = Path("errors") / "unavailable.html"


class Command(TranslatedCommand):
    help = cast(str, _("write errors/unavailable.html, the page nginx answers with when no web process answers"))

    def add_arguments(self, parser):
        parser.add_argument("--into", type=Path, default=None, help=_("the folder to write it under (STATIC_ROOT)"))

    def handle(self, *args, **options):
        target = (options["into"] or Path(settings.STATIC_ROOT)) / NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        with translation.override(settings.LANGUAGE_CODE):
            target.write_text(render_to_string("errors/unavailable.html"), encoding="utf-8")
        if options["verbosity"]:
            self.stdout.write(str(target))
