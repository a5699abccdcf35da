"""Request handling shared by every app and the project's middleware (cdd4.middleware reads these marks)."""

from django.contrib import messages

from .errors import PortalError


def show(request, error: PortalError) -> None:
    """A refusal on the next page a person sees (views and admin actions)."""
    messages.error(request, str(error))


def takes_files(view):
    """Marks a view that authenticates and authorises its sender before it reads the body."""
    view.takes_files = True
    return view
