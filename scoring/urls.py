from django.urls import path

from . import views

app_name = "scoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:year>/", views.dashboard_page, name="dashboard"),
    path("<int:year>/live/", views.dashboard_live, name="live"),
    path("<int:year>/settings/", views.settings_update, name="settings"),
    path("<int:year>/calendar/", views.calendar, name="calendar"),
    path("<int:year>/freeze/", views.freeze, name="freeze"),
    path("<int:year>/unfreeze/", views.unfreeze, name="unfreeze"),
    path("<int:year>/publish/", views.publish, name="publish"),
    path("<int:year>/mine/", views.mine, name="mine"),
    path("<int:year>/results/", views.results, name="results"),
]
