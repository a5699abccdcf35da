from django.urls import path

from stages import views

app_name = "stages"

# Under /standings/, before scoring's <contest:…> (which "stages" fits): cdd4/urls.py includes these first.
urlpatterns = [
    path("stages/", views.stage_list, name="stages"),
    path("stages/register/", views.register_upload, name="stage_register"),
    path("stages/<slug:slug>/", views.stage_detail, name="stage"),
    path("stages/<slug:slug>/files/", views.stage_file, name="stage_file"),
    path("stages/<slug:slug>/sent/<int:pk>/", views.stage_file_download, name="stage_file_download"),
    path("stages/<slug:slug>/pick/", views.stage_pick, name="stage_pick"),
    path("stages/<slug:slug>/picks.<str:fmt>", views.stage_export, name="stage_export"),
    path("stages/<slug:slug>/withdraw/", views.stage_unpick, name="stage_withdraw"),
]
