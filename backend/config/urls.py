from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from jj.core.apis import HealthApi, LiveApi, ReadyApi, metrics_view

api_patterns: list[URLPattern | URLResolver] = [
    path("health/", HealthApi.as_view(), name="health"),
    path("health/live/", LiveApi.as_view(), name="health-live"),
    path("health/ready/", ReadyApi.as_view(), name="health-ready"),
    path("metrics/", metrics_view, name="metrics"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its init script as a file, so the CSP needs no inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("", include("jj.accounts.urls")),
    path("", include("jj.people.urls")),
    path("", include("jj.cases.urls")),
    path("", include("jj.audit.urls")),
    path("", include("jj.deadlines.urls")),
    path("", include("jj.compliance.urls")),
    path("", include("jj.custody.urls")),
    path("", include("jj.diversion.urls")),
    path("", include("jj.oversight.urls")),
    path("", include("jj.documents.urls")),
    path("", include("jj.hearings.urls")),
    path("", include("jj.reports.urls")),
    path("", include("jj.simulation.urls")),
    path("", include("jj.imports.urls")),
]

urlpatterns = [path("api/", include(api_patterns))]

handler400 = "jj.core.views.json_bad_request"
handler403 = "jj.core.views.json_permission_denied"
handler404 = "jj.core.views.json_not_found"
handler500 = "jj.core.views.json_server_error"
