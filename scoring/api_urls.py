from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from scoring import api

urlpatterns = [
    path("provinces/", api.ProvinceList.as_view(), name="api-provinces"),
    path("years/<contest:key>/standings/", api.StandingsList.as_view(), name="api-standings"),
    path("years/<contest:key>/awards/", api.AwardList.as_view(), name="api-awards"),
    path("years/<contest:key>/facts/", api.FactImport.as_view(), name="api-facts"),
    path("contests/<slug:slug>/standings/", api.ContestStandings.as_view(), name="api-contest-standings"),
]
