from django.apps import AppConfig


class SimulationConfig(AppConfig):
    name = "jj.simulation"
    label = "simulation"
