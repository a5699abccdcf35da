"""The project package: settings, root URLs, middleware (locale, CSP, the upload gate, 503s), the Celery app, API
tokens, the admin site (who enters it), and the API schema drawn once a process for each language (`cdd4.schema`)."""

from .celery import app as celery_app

__all__ = ("celery_app",)
