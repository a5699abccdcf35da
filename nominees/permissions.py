"""The acts of nominees, declared once with their rules (core.acts)."""

from contests.permissions import enters_contest, runs_contest
from core.acts import declare

# A contest's nominees (Contest.nominates): whoever runs it sees them all, an entrant office its own.
declare("nominees.view", runs_contest | enters_contest)
