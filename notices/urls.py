from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("read/", views.read, name="read"),
    path("preferences/", views.preferences, name="preferences"),
    path("announce/", views.announce, name="announce"),
    path("announcements/<int:pk>/", views.announcement, name="announcement"),
    path("announcements/<int:pk>/letter/", views.announcement_letter, name="announcement_letter"),
    path("outreach/<int:pk>/", views.outreach, name="outreach"),
]
