from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import api, resumable_api

urlpatterns = [
    path("years/<contest:key>/evidence/", api.EvidenceCollection.as_view(), name="api-evidence"),
    path(
        "years/<contest:key>/entrants/<str:code>/obligations/",
        api.EntrantObligations.as_view(),
        name="api-entrant-obligations",
    ),
    # tus 1.0 (docs/api.md): a file in pieces, resumed after a broken link.
    path("uploads/", resumable_api.ResumableCollection.as_view(), name="api-uploads"),
    path("uploads/<uuid:pk>/", resumable_api.ResumableItem.as_view(), name="api-upload"),
]
