"""Django's error views as the portal answers them: without their CSRF pass (see cdd4/urls.py), and a 400 that
needs no user when the request never reached the sign-in middleware."""

from django.http import HttpResponseBadRequest
from django.template import loader
from django.views import defaults


def bad_request(request, exception):
    """A Host the portal does not serve is refused by CommonMiddleware, before the session and the user exist:
    the portal's own 400 page would read `request.user` in its navigation and fail with a 500. That request
    gets a standalone page (no user, session, menu or absolute link); any other 400 keeps the portal's page."""
    if hasattr(request, "user"):
        return defaults.bad_request.__wrapped__(request, exception)
    return HttpResponseBadRequest(loader.render_to_string("errors/unknown_host.html"))
