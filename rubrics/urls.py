from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from rubrics import revision_views, views

app_name = "rubrics"

# Under /standings/, before scoring's and the schedule's pages (cdd4/urls.py): "contests/" fits the schedule's
# <contest:…>, so it is resolved here first.
urlpatterns = [
    path("contests/", views.contest_upload, name="contest_upload"),
    path("<contest:key>/settings/", views.settings_page, name="settings"),
    path("<contest:key>/calendar/", views.calendar, name="calendar"),
    path("<contest:key>/changes/", revision_views.rubric_changes, name="rubric_changes"),
]
