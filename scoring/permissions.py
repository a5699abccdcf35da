"""The acts of scoring (facts, results, freezing and publishing, ties), declared once with their rules: `rules`
predicates over the lock (contests.permissions) and whether a second factor is asked first (core.acts)."""

import rules

from contests.permissions import chairs_contest, runs_contest
from core.acts import declare

declare("scoring.view_provinces", rules.is_authenticated)
declare("scoring.view_standings", runs_contest)
# Facts decide scores: a sheet of them (the dashboard's upload, the API, the admin's import) is a privileged act.
declare(
    "scoring.import_facts",
    runs_contest,
    second_factor=True,
    about="import facts from a sheet (the dashboard, the API, the admin's import)",
)
# The privileged acts on a contest: whoever runs it, with a second factor confirmed in the session.
STEPPED = {
    "scoring.freeze": "freeze a period's results",
    "scoring.unfreeze": "unfreeze frozen results",
    "scoring.publish": "publish frozen results",
    "scoring.withdraw": "withdraw published results",
    "scoring.correct": "correct published awards without unfreezing them, with the corrected documents",
}
for name, about in STEPPED.items():
    declare(name, runs_contest, second_factor=True, about=about)
# A tie at an award line is the committee's to decide (decisions 7 and 12): whoever runs the contest, or the chair
# of its judging, records the decision. The chair is told of the tie (notices.recipients) and settles it here.
declare(
    "scoring.settle_tie",
    runs_contest | chairs_contest,
    second_factor=True,
    about="settle a tie at an award line",
)
