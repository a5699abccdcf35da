"""LINE's addresses: the Official Account's webhook at /line/webhook/ (the address set in the LINE Developers
Console, `line:webhook`), and the LINE box of "บัญชีของฉัน" under /accounts/me/line/, which accounts.urls
includes in its own namespace (`accounts:line_connect`, `accounts:line_unlink`, `accounts:line_status`)."""

from django.urls import path

from . import views

app_name = "line"

urlpatterns = [path("webhook/", views.webhook, name="webhook")]

account_urlpatterns = [
    path("connect/", views.line_connect, name="line_connect"),
    path("unlink/", views.line_disconnect, name="line_unlink"),
    path("status/", views.line_status, name="line_status"),
]
