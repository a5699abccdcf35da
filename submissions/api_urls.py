from django.urls import path

from . import api

urlpatterns = [
    path("years/<int:year>/evidence/", api.EvidenceCollection.as_view(), name="api-evidence"),
]
