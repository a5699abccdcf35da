from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from builder import preview, views

app_name = "builder"

# Under /standings/, beside the contest's own pages (cdd4/urls.py includes these before scoring's <contest:…>).
urlpatterns = [
    path("contests/build/", views.contest_builder, name="contest_builder"),
    path("contests/build/preview/", preview.contest_builder_preview, name="preview"),
    path("<contest:key>/open/", views.contest_open, name="contest_open"),
]
