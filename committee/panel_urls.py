from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import views

app_name = "panel"

urlpatterns = [
    path("<contest:key>/panel/", views.panel, name="manage"),
    path("<contest:key>/judging-deadline/", views.judging_deadline, name="judging_deadline"),
]
