from django.db import models

from scoring.actor import actor_of
from scoring.selectors import provinces_for_user


class EvidenceQuerySet(models.QuerySet):
    def for_user(self, user) -> "EvidenceQuerySet":
        """The one scope, as the download rule (submissions.permissions) answers row by row: own office for
        office staff; the committee never sees withdrawn versions; an organiser the visible evidence of the
        contests its office runs, never its own office's in the national contest (issue #24)."""
        actor = actor_of(user)
        qs = self.filter(submission__province__in=provinces_for_user(user))
        if actor.is_committee:
            qs = qs.filter(withdrawn_at__isnull=True)
        if actor.is_organiser:
            qs = qs.filter(withdrawn_at__isnull=True, submission__rubric__contest__organiser_id=actor.office_id)
            qs = qs.exclude(submission__province_id=actor.office_id)
        return qs

    def visible(self) -> "EvidenceQuerySet":
        return self.filter(withdrawn_at__isnull=True)
