"""A contest's rules as stored: its rubrics (one per period) with their dimensions, criteria and award tiers,
the audit of every change to them, each year's settings (the award minimum, reminders, whether entrants see their
standing), and the working-day calendar's holiday overrides their deadlines move by."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from contests.codes import validate_period_code
from contests.models import Contest, ContestState, national_q
from core.numbers import is_whole
from core.thai import thai_date
from rulebook.rubric import criterion_label


class ContestPeriodQuerySet(models.QuerySet):
    def national(self):
        # With its contest: ContestPeriod.key reads it on every page that links to the rubric.
        return self.filter(national_q("contest__")).select_related("contest")

    def by_key(self, key: str | int):
        """The rubric a URL names (ContestPeriod.key): "2566" is the national contest of 2566; "chonburi-web-2564"
        a contest without periods (or its first period); "ubon-milestones-2568.2567-10" one period."""
        key = str(key)
        if is_whole(key):
            return self.national().filter(year=int(key)).select_related("contest")
        slug, _, period = key.partition(".")
        found = self.filter(contest__slug=slug).select_related("contest")
        return found.filter(period=period) if period else found.filter(period_order=0)


class ClosedDay(models.TextChoices):
    MOVES = "next_working_day", gettext_lazy("moves to the next working day (decision 9)")
    AS_WRITTEN = "as_written", gettext_lazy("as written, not moved")


class ContestPeriod(models.Model):
    """One period of a contest (or the whole contest): its dates, points, tie-break and settings, and the rules
    that hold in it (its dimensions and criteria; read whole as a `rulebook.spec.RubricSpec`). The words on screen
    and the fields that point here still say "rubric", as the Department's documents do. Year is Buddhist Era
    (2566 = Oct 2022 – Sep 2023)."""

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="rubrics", verbose_name=gettext_lazy("contest")
    )
    # Blank for a contest without periods; else e.g. "2567-10" (a month) or "q1".
    period = models.CharField(
        gettext_lazy("period"), max_length=20, blank=True, default="", validators=[validate_period_code]
    )
    period_name_th = models.CharField(gettext_lazy("period name (th)"), max_length=100, blank=True, default="")
    period_name_en = models.CharField(gettext_lazy("period name (en)"), max_length=100, blank=True, default="")
    period_order = models.PositiveSmallIntegerField(default=0, verbose_name=gettext_lazy("period order"))
    year = models.PositiveSmallIntegerField(gettext_lazy("fiscal year (B.E.)"))
    name_th = models.CharField(gettext_lazy("name (th)"), max_length=300)
    name_en = models.CharField(gettext_lazy("name (en)"), max_length=300)
    starts_on = models.DateField(gettext_lazy("starts"))
    ends_on = models.DateField(gettext_lazy("ends"))
    total_points = models.DecimalField(gettext_lazy("total points"), max_digits=7, decimal_places=2)
    tie_break = models.JSONField(gettext_lazy("tie-break order"), default=list)
    level_bands = models.JSONField(gettext_lazy("level bands"), null=True, blank=True)
    # The rubric's own rounding of percentages (docs/rubric-format.md); empty keeps the national default.
    rounding = models.JSONField(gettext_lazy("rounding"), null=True, blank=True)
    # A deadline on a day offices are closed: moved on (docs/decisions.md, decision 9) or as written.
    closed_day = models.CharField(
        gettext_lazy("a deadline on a closed day"), max_length=20, choices=ClosedDay.choices,
        default=ClosedDay.MOVES,
    )  # fmt: skip
    show_provisional = models.BooleanField(gettext_lazy("show provisional points"), default=False)
    standings_computed_at = models.DateTimeField(gettext_lazy("standings computed at"), null=True, blank=True)
    # New random value on every change to structure or deadlines; keys the parsed-spec cache.
    # Random, not a counter: a rolled-back change must never be mistaken for a later one.
    revision = models.UUIDField(default=uuid.uuid4, editable=False, verbose_name=gettext_lazy("revision"))

    objects = ContestPeriodQuerySet.as_manager()

    class Meta:
        db_table = "scoring_rubric"  # made by scoring before the model moved here
        ordering = ["-year", "contest_id", "period_order"]
        verbose_name = gettext_lazy("rubric")
        verbose_name_plural = gettext_lazy("rubrics")
        constraints = [
            models.UniqueConstraint(fields=["contest", "period"], name="rubric_one_per_period"),
            models.CheckConstraint(condition=Q(ends_on__gt=models.F("starts_on")), name="rubric_ends_after_start"),
            models.CheckConstraint(condition=Q(total_points__gt=0), name="rubric_total_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.name_th}"

    @property
    def key(self) -> str:
        """The rubric's part of every URL: the year for the national contest (as before contests), else
        the contest's code, with ".period" for a contest that has periods."""
        if self.contest.is_national:
            return str(self.year)
        return f"{self.contest.slug}.{self.period}" if self.period else self.contest.slug


class LiveQuerySet(models.QuerySet):
    def archived(self):
        return self.filter(archived_at__isnull=False)


_LiveManagerBase = models.Manager.from_queryset(LiveQuerySet)


class LiveManager(_LiveManagerBase):
    """A rubric's criteria and dimensions as it scores them: an archived one (dropped from an open contest
    while it held evidence, facts or scores, rubrics.revisions) is left out. It is the default manager, so
    `rubric.criteria` and `dimension.criteria` leave it out too; `all_objects`, foreign keys (Django's base
    manager) and deletion's protection still meet it, so its evidence keeps its criterion."""

    def get_queryset(self):
        return super().get_queryset().filter(archived_at__isnull=True)


class Dimension(models.Model):
    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="dimensions", verbose_name=gettext_lazy("rubric")
    )
    code = models.CharField(gettext_lazy("code"), max_length=10)
    order = models.PositiveSmallIntegerField(default=0, verbose_name=gettext_lazy("order"))
    name_th = models.CharField(gettext_lazy("name (th)"), max_length=300)
    name_en = models.CharField(gettext_lazy("name (en)"), max_length=300)
    max_points = models.DecimalField(gettext_lazy("maximum"), max_digits=7, decimal_places=2)
    # Levels of this dimension on its own (seed 003 bands each mission 1–5); empty: none.
    level_bands = models.JSONField(gettext_lazy("dimension level bands"), null=True, blank=True)
    # Set when a change drops it while it holds an archived criterion; cleared when a change brings it back.
    archived_at = models.DateTimeField(gettext_lazy("archived at"), null=True, blank=True, editable=False)

    objects = LiveManager()
    all_objects = LiveQuerySet.as_manager()

    class Meta:
        db_table = "scoring_dimension"  # made by scoring before the model moved here
        ordering = ["rubric", "order"]
        verbose_name = gettext_lazy("dimension")
        verbose_name_plural = gettext_lazy("dimensions")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="dimension_code_unique"),
            # 0 is allowed: a dimension holding only extra points (seed 003's "Extra Point").
            models.CheckConstraint(condition=Q(max_points__gte=0), name="dimension_max_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_th}"


class Criterion(models.Model):
    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="criteria", verbose_name=gettext_lazy("rubric")
    )
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="criteria", verbose_name=gettext_lazy("dimension")
    )
    code = models.CharField(gettext_lazy("code"), max_length=10)
    # The document's own numbering where it is not the code (seed 003: "๒.๒.๑" under mission ๑); see `label`.
    number = models.CharField(gettext_lazy("the document's number"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0, verbose_name=gettext_lazy("order"))
    name_th = models.TextField(gettext_lazy("name (th)"))
    name_en = models.TextField(gettext_lazy("name (en)"))
    max_points = models.DecimalField(gettext_lazy("maximum"), max_digits=7, decimal_places=2)
    # {"kind": ..., params}: see docs/rubric-format.md; validated by rulebook.spec on every save.
    rule = models.JSONField(gettext_lazy("scoring rule"))
    deadline = models.DateField(pgettext_lazy("rubrics.models.criteria", "deadline"), null=True, blank=True)
    # Reports asked more than once, as the rubric file writes them (rulebook.rounds): each with its own date.
    rounds = models.JSONField(_("rounds"), default=list, blank=True)
    extra = models.BooleanField(gettext_lazy("extra points"), default=False)
    # The entrant's nominee is the evidence (Contest.nominates): the office names them, it uploads nothing.
    nominee = models.BooleanField(gettext_lazy("the nominee is the evidence"), default=False)
    evidence_th = models.TextField(gettext_lazy("evidence (th)"), blank=True)
    evidence_en = models.TextField(gettext_lazy("evidence (en)"), blank=True)
    channel_th = models.TextField(gettext_lazy("channel (th)"), blank=True)
    channel_en = models.TextField(gettext_lazy("channel (en)"), blank=True)
    # Set when a confirmed change drops it while it holds evidence, facts or scores (rubrics.revisions): it
    # is no longer scored or shown, and nothing it holds is deleted; the same code brought back restores it.
    archived_at = models.DateTimeField(gettext_lazy("archived at"), null=True, blank=True, editable=False)

    objects = LiveManager()
    all_objects = LiveQuerySet.as_manager()

    class Meta:
        db_table = "scoring_criterion"  # made by scoring before the model moved here
        ordering = ["rubric", "order"]
        verbose_name = gettext_lazy("criterion")
        verbose_name_plural = gettext_lazy("criteria")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="criterion_code_unique"),
            # 0 only for a condition worth no points (a `requirements` rule): the rubric loader checks.
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_max_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.name_th}"

    @property
    def label(self) -> str:
        """The number a person reads (rulebook.rubric.criterion_label): the document's, else the code."""
        return criterion_label(self.code, self.number)


class AwardTier(models.Model):
    """A rubric's award level: how many provinces get it, and the prize."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.CASCADE, related_name="award_tiers", verbose_name=gettext_lazy("rubric")
    )
    code = models.CharField(gettext_lazy("code"), max_length=30)
    order = models.PositiveSmallIntegerField(default=0, verbose_name=gettext_lazy("order"))
    name_th = models.CharField(pgettext_lazy("rubrics.models.award_tiers", "name (th)"), max_length=200)
    name_en = models.CharField(pgettext_lazy("rubrics.models.award_tiers", "name (en)"), max_length=200)
    count = models.PositiveSmallIntegerField(gettext_lazy("how many"))
    prize = models.DecimalField(gettext_lazy("prize (baht)"), max_digits=10, decimal_places=2, default=0)
    prize_th = models.CharField(gettext_lazy("prize (th)"), max_length=300, blank=True)
    prize_en = models.CharField(gettext_lazy("prize (en)"), max_length=300, blank=True)

    class Meta:
        db_table = "awards_awardtier"  # made by awards; the model moved to scoring (scoring 0008), then here
        ordering = ["rubric", "order"]
        verbose_name = gettext_lazy("award tier")
        verbose_name_plural = gettext_lazy("award tiers")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="award_tier_code_unique"),
            models.CheckConstraint(condition=Q(count__gt=0), name="award_tier_count_positive"),
            models.CheckConstraint(condition=Q(prize__gte=0), name="award_tier_prize_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name_th


class RubricChange(models.Model):
    """One save that changed a contest's rules: who, when, why, and what changed (rulebook.diff), each
    period's rubric then at a new revision and every entrant rescored. A draft's saves are recorded too, with
    no reason asked (nobody has entered yet); an open contest's changes need one (rubrics.revisions), its
    creation (`changes` {"created": true}) none."""

    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="rubric_changes", verbose_name=_("contest")
    )
    # The contest's first rubric (the one its URLs name): the admin scopes rows by it, as the other rubric rows.
    rubric = models.ForeignKey(
        ContestPeriod,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=pgettext_lazy("rubrics.models.changes", "rubric"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    state = models.CharField(_("state when changed"), max_length=10, choices=ContestState.choices)
    reason = models.TextField(_("reason"), blank=True)
    # rubric_diff.contest_diff's answer: the contest block's fields, then each period's rubric's changes.
    changes = models.JSONField(_("what changed"), default=dict)
    # The criteria the change dropped that held evidence, facts or scores, kept archived with them (confirmed).
    archived = models.JSONField(_("criteria archived"), default=list, blank=True)
    # The Department's letter a deadline moves by ("มท 0410.4/ว 6001", its date, optionally its PDF): a move is
    # told with it (notices), shown beside it, and its PDF served to whoever sees the contest.
    letter_number = models.CharField(_("letter number"), max_length=80, blank=True)
    letter_date = models.DateField(_("letter date"), null=True, blank=True)
    letter_file = models.FileField(_("letter (PDF)"), upload_to="letters/%Y/", blank=True)
    letter_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    # The rounds a deadline's move left on their dates, their boxes unticked: [{"period", "code", "rounds":
    # [numbers from 1, in the rubric's order]}]; none listed, every round due on the old date moved with it.
    rounds_kept = models.JSONField(_("rounds kept on their dates"), default=list, blank=True)

    class Meta:
        db_table = "scoring_rubricchange"  # made by scoring before the model moved here
        ordering = ["-at", "-pk"]
        verbose_name = _("rubric change")
        verbose_name_plural = _("rubric changes")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=ContestState.values), name="rubric_change_state_known"),
            # A letter is named by its number and its date together, or not at all.
            models.CheckConstraint(
                condition=Q(letter_number="", letter_date__isnull=True)
                | (~Q(letter_number="") & Q(letter_date__isnull=False)),
                name="rubric_change_letter_number_and_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest.slug} {self.at:%Y-%m-%d %H:%M}"


class HolidayOverride(models.Model):
    """Central staff's correction of the Thai holiday calendar (a one-off holiday, or a cancelled one)."""

    date = models.DateField(_("date"), unique=True)
    is_holiday = models.BooleanField(_("office closed"), default=True)
    name_th = models.CharField(pgettext_lazy("rubrics.models.holidays", "name (th)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200, blank=True)
    note = models.TextField(pgettext_lazy("rubrics.models.holidays", "note"), blank=True)

    class Meta:
        db_table = "scoring_holidayoverride"  # made by scoring before the model moved here
        ordering = ["date"]
        verbose_name = _("holiday override")
        verbose_name_plural = _("holiday overrides")

    def __str__(self) -> str:
        return f"{thai_date(self.date, short=True, digits=False)} {self.name_th}"


class HolidayAction(models.TextChoices):
    ADDED = "added", _("added")
    CHANGED = "changed", _("changed")
    REMOVED = "removed", pgettext_lazy("rubrics.models.holidays", "removed")


class HolidayOverrideChange(models.Model):
    """Audit trail of the calendar: every override added, changed or removed, by whom and when."""

    date = models.DateField(_("date"), db_index=True)
    action = models.CharField(
        pgettext_lazy("rubrics.models.holidays", "action"), max_length=10, choices=HolidayAction.choices
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("by")
    )
    changed_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        db_table = "scoring_holidayoverridechange"  # made by scoring before the model moved here
        ordering = ["-changed_at", "-id"]
        verbose_name = _("holiday change")
        verbose_name_plural = _("holiday changes")

    def __str__(self) -> str:
        return f"{self.date} {self.action}"


# The least total that wins an award (decision 10: more than 0); points are kept in hundredths.
AWARD_FLOOR = Decimal("0.01")


class YearSettings(models.Model):
    """Central staff's switches for one year; a year without a row uses the defaults below."""

    rubric = models.OneToOneField(
        ContestPeriod, on_delete=models.CASCADE, related_name="year_settings", verbose_name=_("rubric")
    )
    standings_visible_to_entrants = models.BooleanField(
        _("provinces see their standing"), default=False, db_column="standings_visible_to_provinces"
    )
    # 0 turns reminders off for the year.
    reminder_working_days = models.PositiveSmallIntegerField(_("remind N working days before"), default=3)
    # An overdue round is reminded of again every N working days until it is met (or the results are frozen);
    # 0 tells it once, in the first working days after its due day.
    overdue_every_working_days = models.PositiveSmallIntegerField(
        _("remind of an overdue round again every N working days"), default=5
    )
    # Decision 10: the lowest total listed for an award, always more than 0; the default, AWARD_FLOOR, is the
    # least total a score can have (points are hundredths), so it reads "any total above 0".
    award_min_total = models.DecimalField(
        _("minimum total for an award"),
        max_digits=7,
        decimal_places=2,
        default=AWARD_FLOOR,
        validators=[MinValueValidator(AWARD_FLOOR)],
    )

    class Meta:
        db_table = "scoring_yearsettings"  # made by scoring before the model moved here
        verbose_name = _("year settings")
        verbose_name_plural = _("year settings")
        constraints = [
            models.CheckConstraint(condition=Q(award_min_total__gt=0), name="year_settings_award_min_above_zero")
        ]

    def __str__(self) -> str:
        return f"{self.rubric.year}"

    @property
    def raises_floor(self) -> bool:
        """Whether the year asks more than "any total above 0" of an award."""
        return self.award_min_total > AWARD_FLOOR
