from django.urls import path

from stages import api

urlpatterns = [
    path("contests/<slug:slug>/stage/picks/", api.StagePicks.as_view(), name="api-stage-picks"),
]
