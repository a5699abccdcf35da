from django.urls import path

from nominees import api

urlpatterns = [
    path("contests/<slug:slug>/nominees/", api.NomineeList.as_view(), name="api-nominees"),
    path("contests/<slug:slug>/nominees/<str:code>/", api.NomineeSet.as_view(), name="api-nominee"),
]
