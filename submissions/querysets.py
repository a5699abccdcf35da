from django.db import models

from people.models import Role
from people.selectors import role_of
from scoring.selectors import provinces_for_user


class EvidenceQuerySet(models.QuerySet):
    def for_user(self, user) -> "EvidenceQuerySet":
        """The one scope: own province for provincial staff; committee never sees withdrawn versions."""
        qs = self.filter(submission__province__in=provinces_for_user(user))
        if role_of(user) in (Role.COMMITTEE, Role.CHAIR):
            qs = qs.filter(withdrawn_at__isnull=True)
        return qs

    def visible(self) -> "EvidenceQuerySet":
        return self.filter(withdrawn_at__isnull=True)
