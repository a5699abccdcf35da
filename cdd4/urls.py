import inspect

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularSwaggerSplitView

from accounts import passkeys
from accounts.calendar_views import calendar_feed
from cdd4.error_views import bad_request
from cdd4.schema import SchemaView
from cdd4.tokens import upload_gate
from core.api import not_found

admin.site.site_header = _("CDD 4.0 portal")
admin.site.site_title = "CDD 4.0"

urlpatterns = [
    # The admin's own password change checks the old password without authenticate(), so axes would
    # not count guesses there: it sends staff to the portal's page, which does.
    path(
        "admin/password_change/",
        login_required(RedirectView.as_view(pattern_name="password_change")),
        name="admin-password-change",
    ),
    path("admin/", admin.site.urls),
    path("accounts/upload-gate/", upload_gate, name="upload-gate"),
    path("api/v1/", include("scoring.api_urls")),
    path("api/v1/", include("schedule.api_urls")),
    path("api/v1/", include("nominees.api_urls")),
    path("api/v1/", include("stages.api_urls")),
    path("api/v1/schema/", SchemaView.as_view(), name="schema"),
    path("api/v1/docs/", login_required(SpectacularSwaggerSplitView.as_view(url_name="schema")), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("submissions.api_urls")),
    path("api/v1/", include("committee.api_urls")),
    path("committee/", include("committee.urls")),
    path("notices/", include("notices.urls")),
    path("accounts/", include("accounts.session_urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/passkey/", include((passkeys.urlpatterns, "otp_webauthn"))),
    path("line/", include("notices.channels.line.urls")),  # the LINE Official Account's webhook (docs/line.md)
    # A person's private calendar: its address is the secret, read by calendar applications that never sign in.
    path("calendar/<str:secret>.ics", calendar_feed, name="calendar_feed"),
    path("standings/", include("committee.panel_urls")),  # a contest's panel and judging deadline, by its dashboard
    path("standings/", include("builder.urls")),  # contests/build/ and <contest:…>/open/: no other route fits them
    path("standings/", include("stages.urls")),  # before scoring's and the schedule's <contest:…>: "stages" fits
    path("standings/", include("rubrics.urls")),
    path("standings/", include("scoring.urls")),
    path("standings/", include("schedule.urls")),  # after rubrics' "contests/", scoring's "past/": <contest:…> fits
    path("", include("submissions.urls")),
]
urlpatterns += [
    path("api/v1/", include("awards.api_urls")),
    path("awards/", include("awards.urls")),
    path("verify/", include("awards.verify_urls")),  # public: anyone checks an issued document
]
urlpatterns.insert(0, path("", include("ops.urls")))  # /healthz, /readyz, /metrics, /help/ and /ops/…
# Last: any other address under /api/ answers the API's 404 (core.api's error shape), not the HTML page.
urlpatterns.append(re_path(r"^api/", not_found, name="api-not-found"))

# Django's error views carry requires_csrf_token, whose CSRF pass reads a POST body to find the form's
# token: an upload refused (403, 404) before its body was read would have all of it read by the error
# page. The pages need no such pass: a form on them gets its token from the cookie alone.
handler400 = bad_request  # defaults.bad_request's page, or one that needs no user
handler403 = inspect.unwrap(defaults.permission_denied)
handler404 = inspect.unwrap(defaults.page_not_found)
handler500 = inspect.unwrap(defaults.server_error)
