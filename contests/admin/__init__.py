"""The pieces every app's admin is built from (dates in B.E., links the viewer may open, access by role, the rows
of units one may see), and the units' own admin (`units.py`): importing it registers it."""

from contests.admin import units  # noqa: F401
