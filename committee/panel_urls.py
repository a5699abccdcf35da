from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)

from . import views

app_name = "panel"

urlpatterns = [
    path("<rubric:year>/panel/", views.panel, name="manage"),
    path("<rubric:year>/judging-deadline/", views.judging_deadline, name="judging_deadline"),
]
