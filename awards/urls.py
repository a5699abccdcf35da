from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import views

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("years/<contest:key>/", views.results, name="results"),
    path("years/<contest:key>/documents/", views.document_create, name="document_create"),
    path("years/<contest:key>/signature/", views.signature, name="signature"),
    path("years/<contest:key>/signing-certificate/", views.signing_certificate, name="signing_certificate"),
    path("documents/<int:pk>/status/", views.document_status, name="status"),
    path("documents/<int:pk>/download/", views.document_download, name="download"),
]
