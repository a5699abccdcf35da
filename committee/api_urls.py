from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import api

urlpatterns = [
    path("years/<contest:key>/judgments/", api.JudgmentList.as_view(), name="api-judgments"),
]
