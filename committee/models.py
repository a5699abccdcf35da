"""Committee scoring (docs/decisions.md, decision 8): independent judgments, the chair's final, overrides of
data criteria, conflicts of interest, clarification rounds, and the audit trail of every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from contests.models import Contest, Unit
from core.labels import bi
from scoring.models import Criterion, Rubric

from .querysets import ClarificationQuerySet, JudgmentQuerySet, MessageQuerySet, ScopedQuerySet, ScoreChangeQuerySet

USER = settings.AUTH_USER_MODEL
POINTS = {"max_digits": 7, "decimal_places": 2}


class Source(models.TextChoices):
    ADMIN = "admin", bi("หน้าผู้ดูแล", "admin")
    API = "api", "API"
    IMPORT = "import", bi("นำเข้าไฟล์", "import")


class ChangeKind(models.TextChoices):
    JUDGMENT = "judgment", bi("คะแนนกรรมการ", "member's score")
    CHAIR_FINAL = "chair_final", bi("คะแนนสรุปของประธาน", "chair's final")
    OVERRIDE = "override", bi("ปรับคะแนนที่คำนวณจากข้อมูล", "override of computed points")


class ClarificationStatus(models.TextChoices):
    OPEN = "open", bi("รอจังหวัดชี้แจง", "waiting for the province")
    ANSWERED = "answered", bi("จังหวัดชี้แจงแล้ว", "answered")
    CLOSED = "closed", bi("ปิดแล้ว", "closed")


class MessageKind(models.TextChoices):
    QUESTION = "question", bi("คำถามจากกรรมการ", "committee's question")
    REPLY = "reply", bi("คำชี้แจงจากจังหวัด", "province's reply")
    CLOSE = "close", bi("ปิดเรื่อง", "closed")


class Cell(models.Model):
    """One province × criterion of one year: what every committee record is about."""

    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, related_name="+", verbose_name=bi("ปี", "year"))
    province = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=bi("จังหวัด", "province"))
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=bi("ตัวชี้วัด", "criterion")
    )

    class Meta:
        abstract = True


class Judgment(Cell):
    """One member's own score; the judged score is computed from all of them (committee.aggregate)."""

    member = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="judgments", verbose_name=bi("กรรมการ", "member")
    )
    points = models.DecimalField(bi("คะแนน", "points"), **POINTS)
    items = models.JSONField(bi("รายการที่ผ่าน", "items met"), default=list, blank=True)
    note = models.TextField(bi("บันทึก", "note"), blank=True)
    # Optimistic lock: a save must name the version it started from (services.judgment_record).
    version = models.PositiveIntegerField(bi("ฉบับที่", "version"), default=1)
    created_at = models.DateTimeField(bi("สร้างเมื่อ", "created at"), auto_now_add=True)
    updated_at = models.DateTimeField(bi("แก้ไขเมื่อ", "updated at"), auto_now=True)

    objects = JudgmentQuerySet.as_manager()

    class Meta:
        ordering = ["province__code", "criterion__order", "member_id"]
        verbose_name = bi("คะแนนกรรมการ", "judgment")
        verbose_name_plural = bi("คะแนนกรรมการ", "judgments")
        constraints = [
            models.UniqueConstraint(fields=["member", "province", "criterion"], name="judgment_unique_per_member"),
            models.CheckConstraint(condition=Q(points__gte=0), name="judgment_points_not_negative"),
            models.CheckConstraint(condition=Q(version__gte=1), name="judgment_version_positive"),
        ]
        indexes = [models.Index(fields=["rubric", "province", "criterion"], name="judgment_cell_idx")]

    def __str__(self) -> str:
        return f"{self.province_id}/{self.criterion_id} {self.member_id}: {self.points}"


class Final(Cell):
    """A single shared value per cell; `points` None means cleared (kept so the version never restarts)."""

    points = models.DecimalField(bi("คะแนน", "points"), null=True, blank=True, **POINTS)
    reason = models.TextField(bi("เหตุผล", "reason"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("บันทึกโดย", "recorded by"))
    version = models.PositiveIntegerField(bi("ฉบับที่", "version"), default=1)
    updated_at = models.DateTimeField(bi("แก้ไขเมื่อ", "updated at"), auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class ChairFinal(Final):
    """The chair's consensus score for a judged criterion; it wins over the members' median."""

    class Meta:
        ordering = ["province__code", "criterion__order"]
        verbose_name = bi("คะแนนสรุปของประธาน", "chair's final score")
        verbose_name_plural = bi("คะแนนสรุปของประธาน", "chair's final scores")
        constraints = [
            models.UniqueConstraint(fields=["province", "criterion"], name="chair_final_unique"),
            models.CheckConstraint(condition=Q(points__isnull=True) | Q(points__gte=0), name="chair_final_points"),
        ]

    def __str__(self) -> str:
        return f"{self.province_id}/{self.criterion_id}: {self.points}"


class Override(Final):
    """Points set by the committee for a criterion computed from data (e.g. a wrong import), with a reason.

    Kept apart from ChairFinal: a data criterion has no member judgments to take a median of, and an
    override corrects data rather than settles disagreement. It is final in the same way.
    """

    class Meta:
        ordering = ["province__code", "criterion__order"]
        verbose_name = bi("ปรับคะแนนที่คำนวณจากข้อมูล", "override")
        verbose_name_plural = bi("ปรับคะแนนที่คำนวณจากข้อมูล", "overrides")
        constraints = [
            models.UniqueConstraint(fields=["province", "criterion"], name="override_unique"),
            models.CheckConstraint(condition=Q(points__isnull=True) | Q(points__gte=0), name="override_points"),
        ]

    def __str__(self) -> str:
        return f"{self.province_id}/{self.criterion_id}: {self.points}"


class ScoreChange(Cell):
    """Audit trail: one row per change, whatever path it came through. Never edited or deleted."""

    kind = models.CharField(bi("ประเภท", "kind"), max_length=12, choices=ChangeKind.choices)
    member = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=bi("คะแนนของ", "score of")
    )
    old_points = models.DecimalField(bi("คะแนนเดิม", "old points"), null=True, blank=True, **POINTS)
    new_points = models.DecimalField(bi("คะแนนใหม่", "new points"), null=True, blank=True, **POINTS)
    old_items = models.JSONField(bi("รายการเดิม", "old items"), null=True, blank=True)
    new_items = models.JSONField(bi("รายการใหม่", "new items"), null=True, blank=True)
    reason = models.TextField(bi("เหตุผล/บันทึก", "reason or note"), blank=True)
    source = models.CharField(bi("ช่องทาง", "source"), max_length=8, choices=Source.choices)
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("โดย", "by"))
    changed_at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True)

    objects = ScoreChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = bi("ประวัติการให้คะแนน", "score change")
        verbose_name_plural = bi("ประวัติการให้คะแนน", "score history")
        indexes = [models.Index(fields=["rubric", "province", "criterion"], name="score_change_cell_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.old_points} → {self.new_points}"


class Clarification(Cell):
    """A criterion returned to the province with a question; the whole exchange is kept."""

    status = models.CharField(
        bi("สถานะ", "status"), max_length=10, choices=ClarificationStatus.choices, default=ClarificationStatus.OPEN
    )
    opened_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("เปิดโดย", "opened by")
    )
    opened_at = models.DateTimeField(bi("เปิดเมื่อ", "opened at"), auto_now_add=True)
    closed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=bi("ปิดโดย", "closed by")
    )
    closed_at = models.DateTimeField(bi("ปิดเมื่อ", "closed at"), null=True, blank=True)

    objects = ClarificationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = bi("ขอคำชี้แจง", "clarification")
        verbose_name_plural = bi("ขอคำชี้แจง", "clarifications")
        constraints = [
            # One running exchange per province × criterion; a new round starts after closing.
            models.UniqueConstraint(
                fields=["province", "criterion"], condition=~Q(status="closed"), name="clarification_one_running"
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="clarification_closed_iff_closed_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.province_id}/{self.criterion_id} {self.status}"


class ClarificationMessage(models.Model):
    clarification = models.ForeignKey(
        Clarification,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=bi("การขอคำชี้แจง", "clarification"),
    )
    kind = models.CharField(bi("ประเภท", "kind"), max_length=10, choices=MessageKind.choices)
    body = models.TextField(bi("ข้อความ", "message"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("โดย", "by"))
    created_at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = bi("ข้อความชี้แจง", "clarification message")
        verbose_name_plural = bi("ข้อความชี้แจง", "clarification messages")

    def __str__(self) -> str:
        return f"{self.kind}: {self.body[:40]}"


class PanelAction(models.TextChoices):
    APPOINT = "appoint", bi("แต่งตั้ง", "appointed")
    CHAIR = "chair", bi("เป็นประธาน", "made chair")
    MEMBER = "member", bi("เป็นกรรมการ", "made a member")
    REMOVE = "remove", bi("ถอดถอน", "removed")


class Panelist(models.Model):
    """A seat on the panel that judges one provincial office's contest (issue #16): its members act there
    as the committee does nationally, its chair as the chair. Removing a seat keeps the member's judgments."""

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="panelists", verbose_name=bi("การประกวด", "contest")
    )
    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="panel_seats", verbose_name=bi("กรรมการ", "member")
    )
    is_chair = models.BooleanField(bi("ประธาน", "chair"), default=False)
    appointed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("แต่งตั้งโดย", "appointed by")
    )
    appointed_at = models.DateTimeField(bi("แต่งตั้งเมื่อ", "appointed at"), auto_now_add=True)

    class Meta:
        ordering = ["-is_chair", "user__username"]
        verbose_name = bi("กรรมการการประกวด", "contest panelist")
        verbose_name_plural = bi("คณะกรรมการการประกวด", "contest panel")
        constraints = [
            models.UniqueConstraint(fields=["contest", "user"], name="panelist_unique_per_contest"),
            models.UniqueConstraint(fields=["contest"], condition=Q(is_chair=True), name="panelist_one_chair"),
        ]

    def __str__(self) -> str:
        return f"{self.contest_id} {self.user_id}{' chair' if self.is_chair else ''}"


class PanelChange(models.Model):
    """Who appointed, re-seated or removed whom, and when: seats are deleted, this log never is."""

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="+", verbose_name=bi("การประกวด", "contest")
    )
    user = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("กรรมการ", "member"))
    action = models.CharField(bi("การดำเนินการ", "action"), max_length=8, choices=PanelAction.choices)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name=bi("โดย", "by"))
    at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = bi("ประวัติคณะกรรมการการประกวด", "panel change")
        verbose_name_plural = bi("ประวัติคณะกรรมการการประกวด", "panel history")

    def __str__(self) -> str:
        return f"{self.action} {self.user_id}"
