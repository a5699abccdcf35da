from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import api

urlpatterns = [
    path("years/<contest:key>/exports/<slug:sheet>.<slug:fmt>", api.SheetExport.as_view(), name="api-export"),
    path("years/<contest:key>/documents/", api.DocumentCreate.as_view(), name="api-documents"),
    path("documents/<int:pk>/", api.DocumentDetail.as_view(), name="api-document"),
    path("documents/<int:pk>/file", api.DocumentFile.as_view(), name="api-document-file"),
]
