"""The schedule's own tables: a contest's rounds met, kept per entrant (`schedule.kept`), what central's missing list
and dashboard count by round read instead of every sending of the year. They keep the tables scoring made for them
(`db_table`), so moving them here changed no table."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from contests.models import Unit
from rubrics.models import ContestPeriod, Criterion
from scoring.models import Standing


class RoundsKept(models.Model):
    """The rounds' windows a year's kept rows were counted with (`schedule.kept.windows_key`): rows counted
    with other windows (a deadline moved, a holiday changed) are not read."""

    rubric = models.OneToOneField(ContestPeriod, on_delete=models.CASCADE, related_name="+", verbose_name=_("year"))
    windows = models.TextField(_("windows"), blank=True)
    # When the rows were last counted: what a page says its counts are as of while the rows are not current
    # (a deadline moved, many entrants changed) and the worker has not counted them again yet.
    counted_at = models.DateTimeField(_("counted at"), null=True, blank=True)
    # The kept rows summed by criterion and bits met, [[criterion id, bits, entrants], …]: a page reads these few
    # hundred numbers with the windows, rather than every entrant's rows.
    sums = models.JSONField(_("entrants by rounds met"), default=list, blank=True)

    class Meta:
        db_table = "scoring_roundskept"
        verbose_name = _("rounds kept")
        verbose_name_plural = _("rounds kept")

    def __str__(self) -> str:
        return f"{self.rubric_id} rounds kept"


class EntrantRounds(models.Model):
    """One entrant's rounds of one criterion met, as bits (round i: bit i − 1; a criterion without rounds:
    bit 0), for every entrant and criterion; with the unit's code, the order the missing list names them by."""

    standing = models.ForeignKey(Standing, on_delete=models.CASCADE, related_name="+", verbose_name=_("entrant"))
    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="+", verbose_name=_("year"), db_index=False
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=_("criterion"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit"))
    code = models.CharField(_("code"), max_length=8)
    met = models.BigIntegerField(_("rounds met"))

    class Meta:
        db_table = "scoring_entrantrounds"
        verbose_name = _("entrant's rounds met")
        verbose_name_plural = _("entrants' rounds met")
        constraints = [
            models.UniqueConstraint(fields=["standing", "criterion"], name="entrant_rounds_unique"),
        ]
        indexes = [models.Index(fields=["rubric", "criterion", "code"], name="entrant_rounds_by_code")]

    def __str__(self) -> str:
        return f"{self.standing_id} {self.criterion_id}: {self.met:b}"
