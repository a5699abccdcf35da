from django.urls import path

from . import views

app_name = "committee"

urlpatterns = [
    path("clarifications/<int:pk>/", views.clarification, name="clarification"),
    path("clarifications/<int:pk>/answer/", views.clarification_answer, name="clarification_answer"),
]
