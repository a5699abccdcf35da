from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from rubrics import revision_views
from schedule import deadline_views
from scoring import missing_views, views
from scoring.ties import views as tie_views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("contests/", views.contest_upload, name="contest_upload"),  # before <contest:…>, which "contests" fits
    path("past/", views.past, name="past"),  # before <contest:…>, as "contests"
    path("<contest:key>/", views.dashboard_page, name="dashboard"),
    path("<contest:key>/live/", views.dashboard_live, name="live"),
    path("<contest:key>/settings/", views.settings_page, name="settings"),
    path("<contest:key>/calendar/", views.calendar, name="calendar"),
    path("<contest:key>/missing/", missing_views.missing_list, name="missing"),
    path("<contest:key>/missing/remind/", missing_views.remind_late, name="remind_late"),
    path("<contest:key>/facts/", views.facts_upload, name="facts"),
    path("<contest:key>/facts/template/", views.facts_template, name="facts_template"),
    path("<contest:key>/changes/", revision_views.rubric_changes, name="rubric_changes"),
    path("<contest:key>/changes/<int:pk>/letter/", deadline_views.letter, name="deadline_letter"),
    path("<contest:key>/criteria/<str:code>/", deadline_views.criterion, name="criterion"),
    path("<contest:key>/freeze/", views.freeze, name="freeze"),
    path("<contest:key>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<contest:key>/ties/", tie_views.tie_list, name="ties"),
    path("<contest:key>/publish/", views.publish, name="publish"),
    path("<contest:key>/withdraw/", views.withdraw_publication, name="withdraw"),
    path("<contest:key>/mine/", views.mine, name="mine"),
    path("<contest:key>/results/", views.results, name="results"),
]
