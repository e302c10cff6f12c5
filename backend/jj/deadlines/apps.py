from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "jj.deadlines"
    label = "deadlines"
