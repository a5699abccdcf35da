from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NomineesConfig(AppConfig):
    name = "nominees"
    verbose_name = _("Nominees")
