from django.urls import path

import core.converters  # noqa: F401  (registers <contest:…>)
from schedule import dashboard_views, deadline_views, missing_views

app_name = "schedule"

# Under /standings/, after scoring's pages (cdd4/urls.py): scoring's "contests/" and "past/" fit <contest:…>.
urlpatterns = [
    path("<contest:key>/", dashboard_views.dashboard_page, name="dashboard"),
    path("<contest:key>/live/", dashboard_views.dashboard_live, name="live"),
    path("<contest:key>/missing/", missing_views.missing_list, name="missing"),
    path("<contest:key>/missing/remind/", missing_views.remind_late, name="remind_late"),
    path("<contest:key>/changes/<int:pk>/letter/", deadline_views.letter, name="deadline_letter"),
    path("<contest:key>/criteria/<str:code>/", deadline_views.criterion, name="criterion"),
]
