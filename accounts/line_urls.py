"""The LINE Official Account's webhook, at /line/webhook/ (the address set in the LINE Developers Console)."""

from django.urls import path

from . import line_views

app_name = "line"

urlpatterns = [path("webhook/", line_views.webhook, name="webhook")]
