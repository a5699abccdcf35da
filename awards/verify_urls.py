from django.urls import path

from . import verify

app_name = "verify"

urlpatterns = [
    path("", verify.index, name="index"),
    path("<str:code>/", verify.page, name="page"),
]
