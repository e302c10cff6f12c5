from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "jj.people"
    label = "people"
