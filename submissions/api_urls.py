from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)
from core.http import takes_files

from . import api

urlpatterns = [
    path("years/<rubric:year>/evidence/", takes_files(api.EvidenceCollection.as_view()), name="api-evidence"),
]
