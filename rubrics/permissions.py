"""The acts of a contest's rules (seeing them, saving, opening and changing a contest, moving a deadline, its
history, the working-day calendar), declared once with their rules: `rules` predicates over the lock
(contests.permissions) and whether a second factor is asked first (core.acts)."""

from contests.permissions import is_central, is_organiser, runs_contest, sees_contest
from core.acts import declare

declare("rubrics.see_rubric", sees_contest)
declare("rubrics.save_contest", is_central | is_organiser)
# The privileged acts on a contest's rules: whoever runs it, with a second factor confirmed in the session.
STEPPED = {
    "rubrics.open_contest": "open a draft contest to its entrants",
    "rubrics.change_open_contest": "change an open contest's rules, deadlines or award minimum",
    "rubrics.change_deadline": "move a criterion's deadline, by letter (the Department's, or the organising office's)",
}
for name, about in STEPPED.items():
    declare(name, runs_contest, second_factor=True, about=about)
# A contest's revision history (who changed its rules, when, why): whoever runs it, never its entrants or panel.
declare("rubrics.view_rubric_changes", runs_contest)
# The working-day calendar's holiday overrides move every contest's deadlines: central staff only.
declare("rubrics.edit_calendar", is_central, second_factor=True, about="change the working-day calendar's holidays")
