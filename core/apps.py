from django.apps import AppConfig

from core.i18n import _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")
