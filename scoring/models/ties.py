"""How a tie at an award line was settled: kept as a record, never edited."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rubrics.models import ContestPeriod


class TieMethod(models.TextChoices):
    SHARED = "shared", _("the award is shared")
    VOTE = "vote", _("by the panel's vote")
    REASON = "reason", _("by a stated reason")


class TieDecision(models.Model):
    """Entrants tied at an award line and how whoever runs the contest settled it. It holds for that very
    tie (the same entrants at the same rank key): a changed total brings the tie back to be decided again.
    A later decision on the same tie replaces this one in the ranking; both stay on record."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="tie_decisions", verbose_name=_("rubric")
    )
    rank_key = models.CharField(max_length=400, verbose_name=_("rank key"))
    # The tied units' ids, best first when the decision orders them (for a shared award, as ranked).
    entrants = models.JSONField(_("tied entrants"))
    names = models.JSONField(_("names"), default=list)  # as they were when decided, for the record
    total = models.DecimalField(_("total"), max_digits=7, decimal_places=2)
    method = models.CharField(_("how settled"), max_length=10, choices=TieMethod.choices)
    reason = models.TextField(_("reason or resolution"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["rubric", "-decided_at", "-pk"]
        verbose_name = _("tie decision")
        verbose_name_plural = _("tie decisions")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="tie_decision_reason_given"),
            models.CheckConstraint(condition=Q(method__in=TieMethod.values), name="tie_decision_method_known"),
        ]

    def __str__(self) -> str:
        return f"{' → '.join(self.names)} ({self.get_method_display()})"
