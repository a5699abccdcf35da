from django.urls import path

from core.http import takes_files

from . import api

urlpatterns = [
    path("years/<int:year>/evidence/", takes_files(api.EvidenceCollection.as_view()), name="api-evidence"),
]
