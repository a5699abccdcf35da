"""The acts of evidence, declared once with their rules: `rules` predicates over the lock (contests.permissions).
An office's pages are seen by whoever may see the unit (contests.see_unit)."""

import rules

from contests.permissions import is_central, is_committee, is_own_office, organises_unit
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


declare("submissions.submit_evidence", is_own_office)
declare("submissions.withdraw_evidence", owns_evidence & is_visible)
# A withdrawn version is hidden from the committee; its own province and central staff keep it.
declare(
    "submissions.download_evidence", owns_evidence | is_central | ((is_committee | organises_evidence) & is_visible)
)
declare("submissions.review_submission", is_committee | is_central)
declare("submissions.view_own_api", rules.is_authenticated)
