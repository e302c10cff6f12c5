"""Celery app for background work (deadline sweeps; see jj/*/tasks.py).

Production: a Redis broker (CELERY_BROKER_URL), `celery -A config worker` and exactly one `celery -A config beat`.
`make run` and the tests set no broker: tasks then run eagerly, in the calling process, and gunicorn's embedded
timer (config/gunicorn_embedded.py) runs the deadline sweep. Delivery settings are in config/settings.py
(CELERY_*): late acknowledgement, redelivery of a task whose worker died, retries with backoff."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
app = Celery("jj")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
