"""The acts of the schedule, declared once with their rules (core.acts)."""

from contests.permissions import runs_contest
from core.acts import declare

# Reminding every office late with a round (the late list's button): whoever runs the contest; the notices
# go through the outbox and its sending limits (schedule.services.late_remind).
REMIND_LATE = declare("schedule.remind_late", runs_contest).name
