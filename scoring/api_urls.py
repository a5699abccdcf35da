from django.urls import path

from . import api

urlpatterns = [
    path("provinces/", api.ProvinceList.as_view(), name="api-provinces"),
    path("years/<int:year>/rubric/", api.RubricDetail.as_view(), name="api-rubric"),
    path("years/<int:year>/standings/", api.StandingsList.as_view(), name="api-standings"),
    path("years/<int:year>/awards/", api.AwardList.as_view(), name="api-awards"),
    path("years/<int:year>/facts/", api.FactImport.as_view(), name="api-facts"),
]
