import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdd4.settings")

app = Celery("cdd4")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
