from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from rubrics import revision_views
from scoring import views
from scoring.ties import views as tie_views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("contests/", views.contest_upload, name="contest_upload"),  # fits the schedule's <contest:…>,
    path("past/", views.past, name="past"),  # as does "past": cdd4/urls.py includes the schedule's after these
    path("<contest:key>/settings/", views.settings_page, name="settings"),
    path("<contest:key>/calendar/", views.calendar, name="calendar"),
    path("<contest:key>/facts/", views.facts_upload, name="facts"),
    path("<contest:key>/facts/template/", views.facts_template, name="facts_template"),
    path("<contest:key>/changes/", revision_views.rubric_changes, name="rubric_changes"),
    path("<contest:key>/freeze/", views.freeze, name="freeze"),
    path("<contest:key>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<contest:key>/ties/", tie_views.tie_list, name="ties"),
    path("<contest:key>/publish/", views.publish, name="publish"),
    path("<contest:key>/withdraw/", views.withdraw_publication, name="withdraw"),
    path("<contest:key>/correct/", views.correct, name="correct"),
    path("<contest:key>/mine/", views.mine, name="mine"),
    path("<contest:key>/results/", views.results, name="results"),
]
