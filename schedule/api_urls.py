from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from schedule import api

urlpatterns = [
    path("years/<contest:key>/rubric/", api.RubricDetail.as_view(), name="api-rubric"),
]
