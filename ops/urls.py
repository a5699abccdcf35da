from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import help, views

app_name = "ops"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.metrics, name="metrics"),
    path("help/", help.help_page, name="help"),
    path("help/contacts/", help.contacts_page, name="contacts"),  # before help/<role>/, which "contacts" fits
    path("help/<slug:role>/", help.help_page, name="help_role"),
    path("ops/status/", views.status, name="status"),
    path("ops/next-year/<contest:key>/", views.next_year, name="next_year"),
    path("ops/export/<contest:key>/<str:code>.zip", views.province_export, name="province_export"),
    path("ops/year-on-year/", views.year_on_year_all, name="year_on_year"),
    path("ops/year-on-year/<str:code>/", views.year_on_year_province, name="year_on_year_province"),
]
