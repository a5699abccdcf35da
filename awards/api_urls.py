from django.urls import path

from . import api

urlpatterns = [
    path("years/<int:year>/exports/<slug:sheet>.<slug:fmt>", api.SheetExport.as_view(), name="api-export"),
    path("years/<int:year>/documents/", api.DocumentCreate.as_view(), name="api-documents"),
    path("documents/<int:pk>/", api.DocumentDetail.as_view(), name="api-document"),
    path("documents/<int:pk>/file", api.DocumentFile.as_view(), name="api-document-file"),
]
