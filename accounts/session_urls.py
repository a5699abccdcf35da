"""Signing in and out and changing one's password: Django's own views, un-namespaced (LOGIN_URL, the templates)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from .digital_id.views import PortalLogoutView
from .forms import PortalAuthenticationForm
from .views import CountedPasswordChangeView

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=PortalAuthenticationForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("logout/", PortalLogoutView.as_view(), name="logout"),
    path("password_change/", CountedPasswordChangeView.as_view(), name="password_change"),
    path("password_change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
