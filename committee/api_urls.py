from django.urls import path

from . import api

urlpatterns = [
    path("years/<int:year>/judgments/", api.JudgmentList.as_view(), name="api-judgments"),
]
