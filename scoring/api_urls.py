from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)
from scoring import api
from scoring.stages import api as stage_api

urlpatterns = [
    path("provinces/", api.ProvinceList.as_view(), name="api-provinces"),
    path("years/<rubric:year>/rubric/", api.RubricDetail.as_view(), name="api-rubric"),
    path("years/<rubric:year>/standings/", api.StandingsList.as_view(), name="api-standings"),
    path("years/<rubric:year>/awards/", api.AwardList.as_view(), name="api-awards"),
    path("years/<rubric:year>/facts/", api.FactImport.as_view(), name="api-facts"),
    path("contests/<slug:slug>/standings/", api.ContestStandings.as_view(), name="api-contest-standings"),
    path("contests/<slug:slug>/nominees/", api.NomineeList.as_view(), name="api-nominees"),
    path("contests/<slug:slug>/stage/picks/", stage_api.StagePicks.as_view(), name="api-stage-picks"),
    path("contests/<slug:slug>/nominees/<str:code>/", api.NomineeSet.as_view(), name="api-nominee"),
]
