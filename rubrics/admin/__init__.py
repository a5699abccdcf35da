"""Rubrics' admin, one module per part: importing each registers its admins (Django's autodiscover imports this)."""

from rubrics.admin import holidays, rubrics  # noqa: F401
