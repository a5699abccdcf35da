"""The data rules score: facts with their audit trail, and the holiday calendar's overrides."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Unit
from core.thai import thai_date
from scoring.models.rubrics import Criterion, Rubric


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

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="facts", verbose_name=_("year"))
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


class HolidayOverride(models.Model):
    """Central staff's correction of the Thai holiday calendar (a one-off holiday, or a cancelled one)."""

    date = models.DateField(_("date"), unique=True)
    is_holiday = models.BooleanField(_("office closed"), default=True)
    name_th = models.CharField(pgettext_lazy("scoring.models.facts", "name (th)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    note = models.TextField(pgettext_lazy("scoring.models.facts", "note"), blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday override")
        verbose_name_plural = _("holiday overrides")

    def __str__(self) -> str:
        return f"{thai_date(self.date, short=True, digits=False)} {self.name_th}"


class HolidayAction(models.TextChoices):
    ADDED = "added", _("added")
    CHANGED = "changed", _("changed")
    REMOVED = "removed", pgettext_lazy("scoring.models.facts", "removed")


class HolidayOverrideChange(models.Model):
    """Audit trail of the calendar: every override added, changed or removed, by whom and when."""

    date = models.DateField(_("date"), db_index=True)
    action = models.CharField(
        pgettext_lazy("scoring.models.facts", "action"), max_length=10, choices=HolidayAction.choices
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    changed_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("holiday change")
        verbose_name_plural = _("holiday changes")

    def __str__(self) -> str:
        return f"{self.date} {self.action}"
