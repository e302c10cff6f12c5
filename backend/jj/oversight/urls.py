from django.urls import path

from jj.oversight import apis

urlpatterns = [
    path("jurisdictions/", apis.JurisdictionAdminApi.as_view(), name="jurisdiction-list"),
    path("oversight/jurisdictions/", apis.JurisdictionListApi.as_view(), name="oversight-jurisdictions"),
    path("oversight/indicators/", apis.IndicatorsApi.as_view(), name="oversight-indicators"),
    path("oversight/indicators/export/", apis.IndicatorsExportApi.as_view(), name="oversight-indicators-export"),
    path("oversight/exports/", apis.ExportJobListApi.as_view(), name="oversight-exports"),
    path("oversight/exports/<int:export_id>/", apis.ExportJobDetailApi.as_view(), name="oversight-export"),
    path("oversight/exports/<int:export_id>/file/", apis.ExportJobFileApi.as_view(), name="oversight-export-file"),
    path("oversight/compliance/", apis.ComplianceApi.as_view(), name="oversight-compliance"),
    path("oversight/disparity/", apis.DisparityApi.as_view(), name="oversight-disparity"),
    path("oversight/occupancy/", apis.OccupancyApi.as_view(), name="oversight-occupancy"),
    path("oversight/population/", apis.PopulationListApi.as_view(), name="oversight-population"),
    path("oversight/population/import/", apis.PopulationImportApi.as_view(), name="oversight-population-import"),
    path("oversight/profile/", apis.ProfileApi.as_view(), name="oversight-profile"),
]
