from django.urls import path

from jj.simulation import apis

urlpatterns = [
    path("simulations/", apis.SimulationListApi.as_view(), name="simulations"),
    path("simulations/<int:simulation_id>/", apis.SimulationDetailApi.as_view(), name="simulation"),
    path("simulations/<int:simulation_id>/csv/", apis.SimulationCsvApi.as_view(), name="simulation-csv"),
    path("simulations/<int:simulation_id>/xlsx/", apis.SimulationXlsxApi.as_view(), name="simulation-xlsx"),
    path("simulations/<int:simulation_id>/pdf/", apis.SimulationPdfApi.as_view(), name="simulation-pdf"),
]
