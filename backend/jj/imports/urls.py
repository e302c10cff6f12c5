from django.urls import path

from jj.imports import apis

urlpatterns = [
    path("imports/", apis.ImportListApi.as_view(), name="imports"),
    path("imports/template/", apis.ImportTemplateApi.as_view(), name="import-template"),
    path("imports/<int:import_id>/", apis.ImportDetailApi.as_view(), name="import"),
    path("imports/<int:import_id>/rows/", apis.ImportRowsApi.as_view(), name="import-rows"),
]
