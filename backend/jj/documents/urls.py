from django.urls import path

from jj.documents import apis

urlpatterns = [
    path("children/<int:child_id>/documents/", apis.ChildDocumentsApi.as_view(), name="child-documents"),
    path("cases/<int:case_id>/documents/", apis.CaseDocumentsApi.as_view(), name="case-documents"),
    path("custody-episodes/<int:episode_id>/documents/", apis.EpisodeDocumentsApi.as_view(), name="episode-documents"),
    path("documents/<int:document_id>/", apis.DocumentDetailApi.as_view(), name="document-detail"),
    path("documents/<int:document_id>/download/", apis.DocumentDownloadApi.as_view(), name="document-download"),
]
