"""The acts of evidence, declared once with their rules: `rules` predicates over the lock (contests.permissions).
An office's pages in a contest are seen by whoever may see the entry (contests.see_unit)."""

import rules

from contests.permissions import files_for_entry, is_central, is_committee, is_own_office, organises_unit
from core.acts import declare


@rules.predicate
def owns_evidence(user, evidence) -> bool:
    return evidence is not None and is_own_office(user, evidence.submission.unit)


@rules.predicate
def organises_evidence(user, evidence) -> bool:
    return evidence is not None and organises_unit(user, evidence.submission.unit)


@rules.predicate
def is_visible(user, evidence) -> bool:
    return evidence is not None and evidence.withdrawn_at is None


# Asked about an entry (contests.entries): this person acts for this unit, and this unit enters this contest.
SUBMIT = declare("submissions.submit_evidence", files_for_entry).name
declare("submissions.withdraw_evidence", owns_evidence & is_visible)
# A withdrawn version is hidden from the committee; its own province and central staff keep it.
declare(
    "submissions.download_evidence", owns_evidence | is_central | ((is_committee | organises_evidence) & is_visible)
)
declare("submissions.review_submission", is_committee | is_central)
declare("submissions.view_own_api", rules.is_authenticated)
