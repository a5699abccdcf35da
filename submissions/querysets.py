from django.db import models

from contests.actor import Need, Power, actor_of
from contests.scopes import about_own_office, in_scope, running

CONTEST, UNIT = "submission__rubric__contest", "submission__unit"


def visible_q(through: str = "") -> models.Q:
    """The one definition of visible evidence: a version not withdrawn. `through` reaches it from another
    model ("evidence__" from a Submission, "submissions__evidence__" from a Unit), for counts and filters
    in the same query; a criterion is "not submitted" when none of its versions is visible (SubmissionStatus)."""
    return models.Q(**{f"{through}withdrawn_at__isnull": True})


class EvidenceQuerySet(models.QuerySet):
    def for_user(self, user, contest=None) -> "EvidenceQuerySet":
        """The one scope, as the download rule (submissions.permissions) answers row by row: office staff their
        own office's, in the contests it enters (a panel reads its evidence through its own screen); the
        committee never sees withdrawn versions; an organiser the visible evidence of the contests its
        office runs, never its own office's. Each contest's entrants as the actor sees them.
        `contest`: only that contest's rows (the same scope, built for one contest: a page about one cell)."""
        actor = actor_of(user)
        need = Need.ENTER if Power.FILE in actor.powers else Need.SEE
        qs = self.filter(in_scope(actor, CONTEST, UNIT, need, only=contest))
        if Power.JUDGE in actor.powers:
            qs = qs.filter(visible_q())
        if Power.ORGANISE in actor.powers:
            qs = qs.filter(running(actor, f"{CONTEST}__"), visible_q())
            qs = qs.exclude(about_own_office(actor, UNIT))
        return qs

    def visible(self) -> "EvidenceQuerySet":
        return self.filter(visible_q())
