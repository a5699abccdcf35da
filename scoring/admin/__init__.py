"""Scoring's admin, one module per part: importing each registers its admins (Django's autodiscover imports this)."""

from scoring.admin import facts, standings  # noqa: F401
