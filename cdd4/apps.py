"""Thai-first names for the third-party apps in the admin (their sections read "AXES" and "KNOX" otherwise)."""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    verbose_name = _("failed logins")


class KnoxConfig(AppConfig):
    name = "knox"
    verbose_name = _("API tokens")

    def ready(self):
        # knox names its model in English without gettext, so no catalogue can translate it. Only the
        # names the admin shows change: migrations read Meta's original_attrs, which stay as knox wrote them.
        meta = self.get_model("AuthToken")._meta
        meta.verbose_name = _("API token")
        meta.verbose_name_plural = _("API tokens")
