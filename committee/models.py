"""Committee scoring (docs/decisions.md, decision 8): independent judgments, the chair's final, overrides of
data criteria, conflicts of interest, clarification rounds, and the audit trail of every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest, Unit
from rubrics.models import ContestPeriod, Criterion

from .querysets import ClarificationQuerySet, JudgmentQuerySet, MessageQuerySet, ScopedQuerySet, ScoreChangeQuerySet

USER = settings.AUTH_USER_MODEL
POINT_DIGITS, POINT_PLACES = 7, 2


class Source(models.TextChoices):
    ADMIN = "admin", _("admin")
    API = "api", "API"
    IMPORT = "import", _("import")


class ChangeKind(models.TextChoices):
    JUDGMENT = "judgment", _("member's score")
    CHAIR_FINAL = "chair_final", _("chair's final")
    OVERRIDE = "override", _("override of computed points")


class ClarificationStatus(models.TextChoices):
    OPEN = "open", _("waiting for the province")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", pgettext_lazy("committee.models", "closed")


class MessageKind(models.TextChoices):
    QUESTION = "question", _("committee's question")
    REPLY = "reply", _("province's reply")
    CLOSE = "close", _("closed")


class Cell(models.Model):
    """One entrant × criterion of one year: what every committee record is about."""

    rubric = models.ForeignKey(ContestPeriod, on_delete=models.PROTECT, related_name="+", verbose_name=_("year"))
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"), db_column="province_id"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion"))

    class Meta:
        abstract = True


class Judgment(Cell):
    """One member's own score; the judged score is computed from all of them (committee.aggregate)."""

    member = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="judgments", verbose_name=_("member"))
    points = models.DecimalField(_("points"), max_digits=POINT_DIGITS, decimal_places=POINT_PLACES)
    items = models.JSONField(_("items met"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    # Optimistic lock: a save must name the version it started from (services.judgment_record).
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JudgmentQuerySet.as_manager()

    class Meta:
        ordering = ["unit__code", "criterion__order", "member_id"]
        verbose_name = _("judgment")
        verbose_name_plural = _("judgments")
        constraints = [
            models.UniqueConstraint(fields=["member", "unit", "criterion"], name="judgment_unique_per_member"),
            models.CheckConstraint(condition=Q(points__gte=0), name="judgment_points_not_negative"),
            models.CheckConstraint(condition=Q(version__gte=1), name="judgment_version_positive"),
        ]
        indexes = [models.Index(fields=["rubric", "unit", "criterion"], name="judgment_cell_idx")]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.criterion_id} {self.member_id}: {self.points}"


class Final(Cell):
    """A single shared value per cell; `points` None means cleared (kept so the version never restarts)."""

    points = models.DecimalField(
        _("points"), null=True, blank=True, max_digits=POINT_DIGITS, decimal_places=POINT_PLACES
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by"))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class ChairFinal(Final):
    """The chair's consensus score for a judged criterion; it wins over the members' median."""

    class Meta:
        ordering = ["unit__code", "criterion__order"]
        verbose_name = _("chair's final score")
        verbose_name_plural = _("chair's final scores")
        constraints = [
            models.UniqueConstraint(fields=["unit", "criterion"], name="chair_final_unique"),
            models.CheckConstraint(condition=Q(points__isnull=True) | Q(points__gte=0), name="chair_final_points"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.criterion_id}: {self.points}"


class Override(Final):
    """Points set by the committee for a criterion computed from data (e.g. a wrong import), with a reason.

    Kept apart from ChairFinal: a data criterion has no member judgments to take a median of, and an
    override corrects data rather than settles disagreement. It is final in the same way.
    """

    class Meta:
        ordering = ["unit__code", "criterion__order"]
        verbose_name = _("override")
        verbose_name_plural = _("overrides")
        constraints = [
            models.UniqueConstraint(fields=["unit", "criterion"], name="override_unique"),
            models.CheckConstraint(condition=Q(points__isnull=True) | Q(points__gte=0), name="override_points"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.criterion_id}: {self.points}"


class ScoreChange(Cell):
    """Audit trail: one row per change, whatever path it came through. Never edited or deleted."""

    kind = models.CharField(_("kind"), max_length=12, choices=ChangeKind.choices)
    member = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("score of")
    )
    old_points = models.DecimalField(
        _("old points"), null=True, blank=True, max_digits=POINT_DIGITS, decimal_places=POINT_PLACES
    )
    new_points = models.DecimalField(
        _("new points"), null=True, blank=True, max_digits=POINT_DIGITS, decimal_places=POINT_PLACES
    )
    old_items = models.JSONField(_("old items"), null=True, blank=True)
    new_items = models.JSONField(_("new items"), null=True, blank=True)
    reason = models.TextField(_("reason or note"), blank=True)
    source = models.CharField(pgettext_lazy("committee.models", "source"), max_length=8, choices=Source.choices)
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    changed_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = ScoreChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = _("score change")
        verbose_name_plural = _("score history")
        indexes = [models.Index(fields=["rubric", "unit", "criterion"], name="score_change_cell_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.old_points} → {self.new_points}"


class Clarification(Cell):
    """A criterion returned to the entrant with a question; the whole exchange is kept."""

    status = models.CharField(
        _("status"), max_length=10, choices=ClarificationStatus.choices, default=ClarificationStatus.OPEN
    )
    opened_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("opened by"))
    opened_at = models.DateTimeField(_("opened at"), auto_now_add=True)
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("closed by")
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = ClarificationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")
        constraints = [
            # One running exchange per entrant × criterion; a new round starts after closing.
            models.UniqueConstraint(
                fields=["unit", "criterion"], condition=~Q(status="closed"), name="clarification_one_running"
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="clarification_closed_iff_closed_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.criterion_id} {self.status}"


class ClarificationMessage(models.Model):
    clarification = models.ForeignKey(
        Clarification,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=pgettext_lazy("committee.models", "clarification"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    body = models.TextField(_("message"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("clarification message")
        verbose_name_plural = _("clarification messages")

    def __str__(self) -> str:
        return f"{self.kind}: {self.body[:40]}"


class PanelAction(models.TextChoices):
    APPOINT = "appoint", _("appointed")
    CHAIR = "chair", _("made chair")
    MEMBER = "member", _("made a member")
    REMOVE = "remove", pgettext_lazy("committee.models", "removed")


class Panelist(models.Model):
    """A seat on the panel that judges one provincial office's contest: its members act there
    as the committee does nationally, its chair as the chair. Removing a seat keeps the member's judgments."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="panelists", verbose_name=_("contest"))
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="panel_seats", verbose_name=_("member"))
    is_chair = models.BooleanField(_("chair"), default=False)
    appointed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("appointed by"))
    appointed_at = models.DateTimeField(_("appointed at"), auto_now_add=True)

    class Meta:
        ordering = ["-is_chair", "user__username"]
        verbose_name = _("contest panelist")
        verbose_name_plural = _("contest panel")
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="panelist_unique_per_contest"),
            models.UniqueConstraint(fields=["contest"], condition=Q(is_chair=True), name="panelist_one_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.contest_id} {self.user_id}{' chair' if self.is_chair else ''}"


class PanelChange(models.Model):
    """Who appointed, re-seated or removed whom, and when: seats are deleted, this log never is."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+", verbose_name=_("contest"))
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("member"))
    action = models.CharField(_("action"), max_length=8, choices=PanelAction.choices)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("panel change")
        verbose_name_plural = _("panel history")

    def __str__(self) -> str:
        return f"{self.action} {self.user_id}"
