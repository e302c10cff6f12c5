from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jj.accounts"
    label = "accounts"
