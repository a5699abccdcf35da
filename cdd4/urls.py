from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

admin.site.site_header = "พอร์ทัลพัฒนาชุมชนดิจิทัล ๔.๐ / CDD 4.0 portal"
admin.site.site_title = "CDD 4.0"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("scoring.api_urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("submissions.api_urls")),
    path("api/v1/", include("committee.api_urls")),
    path("committee/", include("committee.urls")),
    path("accounts/", include("submissions.account_urls")),
    path("standings/", include("scoring.urls")),
    path("", include("submissions.urls")),
]
urlpatterns += [
    path("api/v1/", include("awards.api_urls")),
    path("awards/", include("awards.urls")),
]
urlpatterns.insert(0, path("", include("ops.urls")))  # /healthz, /readyz, /metrics, /ops/status/
