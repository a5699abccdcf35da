"""Thai-first names for the third-party apps in the admin (their sections read "AXES" and "KNOX" otherwise),
Django's admin on the portal's own site, and the static files the portal ships."""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig
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


class PortalAdminConfig(AdminConfig):
    """The admin for the Department's staff, and a provincial contest's panel on its scoring screens."""

    default_site = "cdd4.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()  # every app's admin module, knox's and axes' among them
        # The API tokens' and failed logins' admin replace knox's and axes' own, so they register after them.
        from cdd4 import access_admin  # noqa: F401


class StaticFilesConfig(DjangoStaticFilesConfig):
    """collectstatic leaves out what no page serves: drf-spectacular-sidecar's ReDoc (the API's docs are its Swagger
    UI, cdd4/urls.py), 5 MB with its map, whose brotli at the highest quality was a fifth of the build's
    compressing. A pattern is matched against each file's path (a folder only by its own name), hence the star."""

    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "drf_spectacular_sidecar/redoc/*"]
