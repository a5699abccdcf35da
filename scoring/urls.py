from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from scoring import views
from scoring.ties import views as tie_views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("past/", views.past, name="past"),  # fits the schedule's <contest:…>: cdd4/urls.py includes it after these
    path("<contest:key>/facts/", views.facts_upload, name="facts"),
    path("<contest:key>/facts/template/", views.facts_template, name="facts_template"),
    path("<contest:key>/freeze/", views.freeze, name="freeze"),
    path("<contest:key>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<contest:key>/ties/", tie_views.tie_list, name="ties"),
    path("<contest:key>/publish/", views.publish, name="publish"),
    path("<contest:key>/withdraw/", views.withdraw_publication, name="withdraw"),
    path("<contest:key>/correct/", views.correct, name="correct"),
    path("<contest:key>/mine/", views.mine, name="mine"),
    path("<contest:key>/results/", views.results, name="results"),
]
