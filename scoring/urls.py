from django.urls import path

import core.converters  # noqa: F401  (registers <rubric:…>)
from rubrics import deadline_views, revision_views
from scoring import missing_views, views
from scoring.ties import views as tie_views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("contests/", views.contest_upload, name="contest_upload"),  # before <rubric:…>, which "contests" fits
    path("past/", views.past, name="past"),  # before <rubric:…>, as "contests"
    path("<rubric:year>/", views.dashboard_page, name="dashboard"),
    path("<rubric:year>/live/", views.dashboard_live, name="live"),
    path("<rubric:year>/settings/", views.settings_page, name="settings"),
    path("<rubric:year>/calendar/", views.calendar, name="calendar"),
    path("<rubric:year>/missing/", missing_views.missing_list, name="missing"),
    path("<rubric:year>/facts/", views.facts_upload, name="facts"),
    path("<rubric:year>/facts/template/", views.facts_template, name="facts_template"),
    path("<rubric:year>/changes/", revision_views.rubric_changes, name="rubric_changes"),
    path("<rubric:year>/changes/<int:pk>/letter/", deadline_views.letter, name="deadline_letter"),
    path("<rubric:year>/criteria/<str:code>/", deadline_views.criterion, name="criterion"),
    path("<rubric:year>/freeze/", views.freeze, name="freeze"),
    path("<rubric:year>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<rubric:year>/ties/", tie_views.tie_list, name="ties"),
    path("<rubric:year>/publish/", views.publish, name="publish"),
    path("<rubric:year>/withdraw/", views.withdraw_publication, name="withdraw"),
    path("<rubric:year>/mine/", views.mine, name="mine"),
    path("<rubric:year>/results/", views.results, name="results"),
]
