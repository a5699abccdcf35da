"""The digital ID's addresses, in the accounts namespace (accounts/urls.py): accounts:digital_id_callback, …"""

from django.urls import path

from . import views

urlpatterns = [
    path("<str:provider>/sign-in/", views.sign_in, name="digital_id_sign_in"),
    path("<str:provider>/link/", views.link, name="digital_id_link"),
    path("<str:provider>/invitation/<str:token>/", views.invitation, name="digital_id_invitation"),
    path("<str:provider>/callback/", views.callback, name="digital_id_callback"),
    path("<str:provider>/unlink/", views.unlink, name="digital_id_unlink"),
]
