"""The data rules score: facts with their audit trail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Unit
from rubrics.models import ContestPeriod, Criterion


class FactSource(models.TextChoices):
    IMPORT = "import", _("file import")
    ADMIN = "admin", pgettext_lazy("scoring.models.facts", "admin")
    API = "api", "API"
    EVIDENCE = "evidence", _("evidence")
    ENTRANT = "entrant", _("the entrant's answer")
    COMMITTEE = "committee", _("committee")
    DEMO = "demo", _("demo")


class Fact(models.Model):
    """A named value a criterion's rule reads for one province (docs/rubric-format.md)."""

    rubric = models.ForeignKey(ContestPeriod, on_delete=models.CASCADE, related_name="facts", verbose_name=_("year"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="facts", verbose_name=_("unit"), db_column="province_id"
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="facts", verbose_name=_("criterion")
    )
    name = models.CharField(_("fact"), max_length=50)
    # Kept as entered; each rule parses it. Empty means "not recorded".
    value = models.CharField(_("value"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=FactSource.choices)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("updated by"),
    )

    class Meta:
        ordering = ["unit", "criterion__order", "name"]
        verbose_name = pgettext_lazy("scoring.models.facts", "fact")
        verbose_name_plural = _("facts")
        constraints = [models.UniqueConstraint(fields=["criterion", "unit", "name"], name="fact_unique")]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.criterion.code} {self.name}={self.value}"


class FactChange(models.Model):
    """Audit trail: every change of a fact, whichever path it came through."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="changes", verbose_name=_("fact"))
    # None: the fact did not exist before; "" : it existed, empty ("not recorded").
    old_value = models.CharField(_("old value"), max_length=200, null=True, blank=True)  # noqa: DJ001
    new_value = models.CharField(_("new value"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=FactSource.choices)
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("fact change")
        verbose_name_plural = _("fact changes")

    def __str__(self) -> str:
        return f"{self.fact_id}: {self.old_value} → {self.new_value}"
