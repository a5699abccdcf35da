"""The acts of evidence, declared once with their rules: `rules` predicates over the lock (contests.permissions).
An office's pages in a contest are seen by whoever may see the entry (contests.see_unit)."""

import rules

from contests.entries import Entry
from contests.permissions import files_for_entry, is_central, is_committee, is_own_office, organises_unit
from core.acts import declare
from stages.permissions import answers_for_pick


@rules.predicate
def owns_evidence(user, evidence) -> bool:
    return evidence is not None and is_own_office(user, evidence.submission.unit)


@rules.predicate
def organises_evidence(user, evidence) -> bool:
    return evidence is not None and organises_unit(user, evidence.submission.unit)


@rules.predicate
def is_visible(user, evidence) -> bool:
    return evidence is not None and evidence.withdrawn_at is None


@rules.predicate
def answers_for_evidence(user, evidence) -> bool:
    """The evidence of a pick its picking office answers for (stages.permissions.answers_for_pick)."""
    sub = evidence.submission if evidence is not None else None
    return sub is not None and answers_for_pick(user, Entry(sub.rubric.contest, sub.unit))


# Asked about an entry (contests.entries): this person acts for this unit, and this unit enters this contest; or
# the unit is a pick without staff of its own, and this person's office picked it (seed 002's subdistricts).
SUBMIT = declare("submissions.submit_evidence", files_for_entry | answers_for_pick).name
declare("submissions.withdraw_evidence", (owns_evidence | answers_for_evidence) & is_visible)
# A withdrawn version is hidden from the committee; its own office and central staff keep it.
declare(
    "submissions.download_evidence", owns_evidence | is_central | ((is_committee | organises_evidence) & is_visible)
)
declare("submissions.review_submission", is_committee | is_central)
declare("submissions.view_own_api", rules.is_authenticated)
