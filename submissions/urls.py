from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)

from . import answers, downloads, evidence_views, views

app_name = "submissions"
P = "years/<contest:key>/provinces/<str:code>/"
C = P + "criteria/<str:criterion>/"

urlpatterns = [
    path("", views.home, name="home"),
    path("provinces/", views.provinces, name="provinces"),
    path(P, views.unit, name="unit"),
    path(P + "innovation/", views.innovation, name="innovation"),
    path(P + "nominee/", views.nominee, name="nominee"),
    path(P + "nominee/withdraw/", views.nominee_withdraw, name="nominee-withdraw"),
    path(C, views.criterion, name="criterion"),
    path(C + "upload/", evidence_views.upload, name="upload"),
    path(C + "link/", evidence_views.link, name="link"),
    path(C + "answers/", answers.answers, name="answers"),
    path("evidence/<int:pk>/withdraw/", evidence_views.withdraw, name="withdraw"),
    path("evidence/<int:pk>/download/", downloads.download, name="download"),
]
