from django.urls import include, path

from notices.channels.line.urls import account_urlpatterns as line_urlpatterns

from . import calendar_views, views
from .digital_id.urls import urlpatterns as digital_id_urlpatterns

app_name = "accounts"

urlpatterns = [
    path("me/", views.account, name="account"),
    path("me/line/", include(line_urlpatterns)),
    path(
        "digital-id/", include(digital_id_urlpatterns)
    ),  # ThaID, Digital ID: accounts:digital_id_callback, …  # LINE's box on this page: accounts:line_connect, …
    path("me/calendar/make/", calendar_views.calendar_make, name="calendar_make"),
    path("me/calendar/revoke/", calendar_views.calendar_revoke, name="calendar_revoke"),
    path("second-factor/", views.second_factor_page, name="second_factor"),
    path("second-factor/continue/", views.second_factor_continue, name="second_factor_continue"),
    path("email/<str:token>/", views.email_confirm, name="email_confirm"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("password-reset/", views.PasswordResetView.as_view(), name="reset"),
    path(
        "password-reset/sent/",
        views.auth_views.PasswordResetDoneView.as_view(template_name="accounts/reset_sent.html"),
        name="reset_sent",
    ),
    path("password-reset/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="reset_confirm"),
    path("provision/", views.provision_page, name="provision"),
    path("provision/template.xlsx", views.provision_template, name="provision_template"),
    path("unused/", views.unused, name="unused"),
]
