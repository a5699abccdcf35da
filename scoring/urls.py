from django.urls import path

import scoring.converters  # noqa: F401  (registers <rubric:…>)

from . import builder_preview, builder_views, revision_views, stage_views, views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("contests/", views.contest_upload, name="contest_upload"),  # before <rubric:…>, which "contests" fits
    path("contests/build/", builder_views.contest_builder, name="contest_builder"),
    path("contests/build/preview/", builder_preview.contest_builder_preview, name="contest_builder_preview"),
    path("stages/", stage_views.stage_list, name="stages"),  # before <rubric:…>, as "contests"
    path("stages/register/", stage_views.register_upload, name="stage_register"),
    path("stages/<slug:slug>/", stage_views.stage_detail, name="stage"),
    path("stages/<slug:slug>/files/", stage_views.stage_file, name="stage_file"),
    path("stages/<slug:slug>/pick/", stage_views.stage_pick, name="stage_pick"),
    path("stages/<slug:slug>/withdraw/", stage_views.stage_unpick, name="stage_withdraw"),
    path("<rubric:year>/", views.dashboard_page, name="dashboard"),
    path("<rubric:year>/live/", views.dashboard_live, name="live"),
    path("<rubric:year>/settings/", views.settings_update, name="settings"),
    path("<rubric:year>/calendar/", views.calendar, name="calendar"),
    path("<rubric:year>/facts/", views.facts_upload, name="facts"),
    path("<rubric:year>/facts/template/", views.facts_template, name="facts_template"),
    path("<rubric:year>/open/", builder_views.contest_open, name="contest_open"),
    path("<rubric:year>/changes/", revision_views.rubric_changes, name="rubric_changes"),
    path("<rubric:year>/freeze/", views.freeze, name="freeze"),
    path("<rubric:year>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<rubric:year>/publish/", views.publish, name="publish"),
    path("<rubric:year>/withdraw/", views.withdraw_publication, name="withdraw"),
    path("<rubric:year>/mine/", views.mine, name="mine"),
    path("<rubric:year>/results/", views.results, name="results"),
]
