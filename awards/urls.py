from django.urls import path

from . import views

app_name = "awards"

urlpatterns = [
    path("", views.index, name="index"),
    path("years/<int:year>/", views.results, name="results"),
    path("years/<int:year>/documents/", views.document_create, name="document_create"),
    path("years/<int:year>/signature/", views.signature, name="signature"),
    path("years/<int:year>/signing-certificate/", views.signing_certificate, name="signing_certificate"),
    path("documents/<int:pk>/status/", views.document_status, name="status"),
    path("documents/<int:pk>/download/", views.document_download, name="download"),
]
