"""What recompute stores and what freezing, publishing and reminders keep."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Unit
from rubrics.models import ContestPeriod


class Standing(models.Model):
    """A province's stored breakdown and place; `change_seq > computed_seq` means it needs recompute."""

    # Neither key has an index of its own: every index below leads with the year, and each index more is written
    # again whenever a row is (a full recompute of 75,000 villages rewrites every row: the unit's index was a
    # sixth of that UPDATE's time). Standings are always read within a year; only deleting a unit (central staff, in
    # the admin, rarely) looks for its standings across years: a scan of the table.
    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="results", verbose_name=_("year"), db_index=False
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="results",
        verbose_name=_("unit"),
        db_column="province_id",
        db_index=False,
    )
    total = models.DecimalField(_("total"), max_digits=7, decimal_places=2, default=0)
    dimensions = models.JSONField(
        pgettext_lazy("scoring.models.standings", "dimensions"), default=dict
    )  # {code: "points"}
    criteria = models.JSONField(pgettext_lazy("scoring.models.standings", "criteria"), default=dict)  # {code: "points"}
    explanations = models.JSONField(_("explanations"), default=dict)  # {code: {"th": ..., "en": ...}}
    # Whether `explanations` are those of the stored points. A recompute sets it false and leaves the old texts
    # where they are (clearing them would rewrite each row's texts in the TOAST table: a third of a full
    # recompute's writing at 75,000 villages); the pass after it writes the new texts and sets it, and a reader
    # builds what it has not reached (scoring.explanations).
    explained = models.BooleanField(_("explanations current"), default=False)
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    # An integer, not a small one: a contest among villages ranks some 75,000 entrants. In no index: one entrant's
    # jump moves the rank of the thousands it passes (scoring.shift), and a row whose indexed columns are unchanged
    # is updated in place on its page (a HOT update), its indexes untouched: five times faster than a new entry
    # in each index for each of them. Half of each page is kept free for those new versions (migration 0033: a
    # standing with its explanations is 2-3 KB). Pages are found by `rank_key` instead (scoring.pages.page_rows).
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    tied = models.BooleanField(pgettext_lazy("scoring.models.standings", "tied"), default=False)
    award = models.CharField(_("award"), max_length=30, blank=True)
    award_tie = models.BooleanField(_("tie at an award boundary"), default=False)
    # engine.rank_key of total and tie-break dimensions: re-ranking reads this, not the JSON above.
    rank_key = models.CharField(max_length=400, blank=True, default="", editable=False, verbose_name=_("rank key"))
    # Bumped in the same transaction as any change; recompute records the value it saw.
    change_seq = models.PositiveBigIntegerField(default=1, verbose_name=_("change sequence"))
    computed_seq = models.PositiveBigIntegerField(default=0, verbose_name=_("computed sequence"))
    # The change mark its kept rounds (`EntrantRounds`, schedule.kept) were counted at: they stand for what it sent
    # while `change_seq` is still this.
    rounds_seq = models.PositiveBigIntegerField(default=0, verbose_name=_("rounds counted at sequence"))
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)

    class Meta:
        db_table = "scoring_provinceresult"  # the table from before the rename
        ordering = ["rubric", "rank", "unit__code"]
        verbose_name = _("standing")
        verbose_name_plural = _("standings")
        constraints = [models.UniqueConstraint(fields=["rubric", "unit"], name="result_unique")]
        indexes = [
            # The few rows a recompute rescores, found without reading the thousands that are current.
            models.Index(
                fields=["rubric"], condition=models.Q(change_seq__gt=models.F("computed_seq")), name="result_stale"
            ),
            # The few entrants whose kept rounds are not current, found as the stale ones above: a page reads them
            # on each request (schedule.kept.kept_stale).
            models.Index(
                fields=["rubric"], condition=models.Q(change_seq__gt=models.F("rounds_seq")), name="result_rounds_stale"
            ),
            # One entrant's change re-ranks the span between its old and new keys (scoring.shift): counted above
            # it and read by range, never sorted whole. The paged standings find a page's places by it too.
            models.Index(fields=["rubric", "rank_key"], name="result_rank_key"),
        ]

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.unit.code} {self.total}"


class StagedPoints(models.Model):
    """One entrant's points from a chunk of a parallel recompute (scoring.chunks.chunk_stage), kept until the
    chunks are all in and the standings are written from them at once (`chunks_apply`). Each chunk writes its
    own rows (the work of parsing them shared by the workers); the standings never show a half-done recompute.
    Unlogged on PostgreSQL (migration 0031): derived data a crash would only have the run redone for."""

    rubric = models.ForeignKey(
        ContestPeriod,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("year"),
        db_constraint=False,
        db_index=False,
    )
    run = models.BigIntegerField(_("recompute run"))  # the run's start in microseconds: one chord's chunks
    standing = models.BigIntegerField(_("standing"))  # Standing's id: no key to check on each row
    unit = models.BigIntegerField(_("unit"))
    seq = models.PositiveBigIntegerField(_("computed sequence"))
    total = models.DecimalField(_("total"), max_digits=7, decimal_places=2)
    level = models.PositiveSmallIntegerField(_("level"), null=True)
    dimensions = models.JSONField(pgettext_lazy("scoring.models.standings", "dimensions"))
    criteria = models.JSONField(pgettext_lazy("scoring.models.standings", "criteria"))
    rank_key = models.CharField(_("rank key"), max_length=400)

    class Meta:
        db_table = "scoring_stagedpoints"
        verbose_name = _("staged points")
        verbose_name_plural = _("staged points")

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.run} {self.unit} {self.total}"


class RecomputeRun(models.Model):
    """One recompute that rescored something: shows how well bursts coalesce (and feeds the benches)."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="recompute_runs", verbose_name=_("rubric")
    )
    started_at = models.DateTimeField(db_index=True, verbose_name=_("started at"))
    duration_ms = models.PositiveIntegerField(default=0, verbose_name=_("duration (ms)"))
    rescored = models.PositiveIntegerField(default=0, verbose_name=_("rescored"))

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.started_at:%H:%M:%S} {self.rescored} in {self.duration_ms} ms"


class StandingsSnapshot(models.Model):
    """A year's frozen results (the rows as `standings_rows` gives them); published once announced."""

    rubric = models.OneToOneField(
        ContestPeriod, on_delete=models.CASCADE, related_name="snapshot", verbose_name=_("rubric")
    )
    rows = models.JSONField(_("frozen rows"))
    computed_at = models.DateTimeField(_("as of"), null=True)
    frozen_at = models.DateTimeField(_("frozen at"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("frozen by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("frozen standings")
        verbose_name_plural = _("frozen standings")

    def __str__(self) -> str:
        return f"{self.rubric_id} frozen {self.frozen_at:%Y-%m-%d %H:%M}"


class FreezeAction(models.TextChoices):
    FREEZE = "freeze", _("freeze")
    UNFREEZE = "unfreeze", _("unfreeze")
    PUBLISH = "publish", _("publish")
    WITHDRAW = "withdraw", _("withdraw publication")
    # Published results corrected without unfreezing them: some entrants' awards changed (`changes`).
    CORRECT = "correct", _("correct published awards")


class FreezeEvent(models.Model):
    """Audit trail of freezing, unfreezing and withdrawing a publication (both always with a reason),
    publishing a year's results and correcting published awards (with a reason and what changed)."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="freeze_events", verbose_name=_("rubric")
    )
    action = models.CharField(_("action"), max_length=10, choices=FreezeAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("by")
    )
    # A correction's awards: [{"unit": id, "name_th": …, "before": tier code, "after": tier code}], "" for none.
    changes = models.JSONField(_("awards changed"), default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("freeze event")
        verbose_name_plural = _("freeze events")
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="unfreeze") | ~Q(reason=""), name="freeze_event_unfreeze_needs_reason"
            ),
            models.CheckConstraint(
                condition=~Q(action="withdraw") | ~Q(reason=""), name="freeze_event_withdraw_needs_reason"
            ),
            models.CheckConstraint(
                condition=~Q(action="correct") | ~Q(reason=""), name="freeze_event_correct_needs_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.action} {self.at:%Y-%m-%d %H:%M}"
