from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)

from . import api

urlpatterns = [
    path("years/<rubric:year>/judgments/", api.JudgmentList.as_view(), name="api-judgments"),
]
