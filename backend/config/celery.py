"""Celery app for production background work (deadline sweeps, notifications, long exports)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
app = Celery("jj")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
