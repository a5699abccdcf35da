"""The one scope for committee data: conflicted provinces vanish, members see only their own judgments."""

from __future__ import annotations

from django.db import models

from people.models import Role
from people.selectors import role_of
from scoring.models import Province
from scoring.selectors import provinces_for_user


def provinces_for_member(user) -> models.QuerySet[Province]:
    """Provinces a user may see here: a conflicted member never sees their conflicted provinces."""
    return provinces_for_user(user).exclude(committee_conflicts__member_id=user.pk)


class ScopedQuerySet(models.QuerySet):
    province_path = "province"
    # Scores are the Department's business; provincial staff only ever see their clarification rounds.
    provincial_sees = False

    def for_member(self, user):
        role = role_of(user)
        if role is None or (role == Role.PROVINCIAL and not self.provincial_sees):
            return self.none()
        # A subquery, not a list: the scope costs no extra round trip.
        return self.filter(**{f"{self.province_path}__in": provinces_for_member(user).values("pk")})


class JudgmentQuerySet(ScopedQuerySet):
    def for_member(self, user):
        qs = super().for_member(user)
        # Independence (RUBRIC.md decision 8): a member sees only their own scores; the chair and
        # central staff see everyone's.
        if role_of(user) == Role.COMMITTEE:
            qs = qs.filter(member=user)
        return qs


class ScoreChangeQuerySet(ScopedQuerySet):
    def for_member(self, user):
        qs = super().for_member(user)
        if role_of(user) == Role.COMMITTEE:
            # Others' judgments stay hidden from a member; the shared records (finals, overrides) do not.
            qs = qs.exclude(models.Q(kind="judgment") & ~models.Q(member=user))
        return qs


class ClarificationQuerySet(ScopedQuerySet):
    provincial_sees = True


class MessageQuerySet(ClarificationQuerySet):
    province_path = "clarification__province"
