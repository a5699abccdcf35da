from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)
from scoring import api

urlpatterns = [
    path("provinces/", api.ProvinceList.as_view(), name="api-provinces"),
    path("years/<rubric:year>/rubric/", api.RubricDetail.as_view(), name="api-rubric"),
    path("years/<rubric:year>/standings/", api.StandingsList.as_view(), name="api-standings"),
    path("years/<rubric:year>/awards/", api.AwardList.as_view(), name="api-awards"),
    path("years/<rubric:year>/facts/", api.FactImport.as_view(), name="api-facts"),
    path("contests/<slug:slug>/standings/", api.ContestStandings.as_view(), name="api-contest-standings"),
]
