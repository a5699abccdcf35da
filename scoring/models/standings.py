"""What recompute stores and what freezing, publishing and reminders keep."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from contests.models import Unit
from core.labels import bi
from scoring.models.rubrics import Criterion, Rubric


class Standing(models.Model):
    """A province's stored breakdown and place; `change_seq > computed_seq` means it needs recompute."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="results", verbose_name=bi("ปี", "year"))
    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="results", verbose_name=bi("จังหวัด", "province")
    )
    total = models.DecimalField(bi("คะแนนรวม", "total"), max_digits=7, decimal_places=2, default=0)
    dimensions = models.JSONField(bi("คะแนนรายมิติ", "dimensions"), default=dict)  # {code: "points"}
    criteria = models.JSONField(bi("คะแนนรายตัวชี้วัด", "criteria"), default=dict)  # {code: "points"}
    explanations = models.JSONField(bi("คำอธิบาย", "explanations"), default=dict)  # {code: {"th": ..., "en": ...}}
    level = models.PositiveSmallIntegerField(bi("ระดับ", "level"), null=True, blank=True)
    # An integer, not a small one: a contest among villages ranks some 75,000 entrants.
    rank = models.PositiveIntegerField(bi("อันดับ", "rank"), null=True, blank=True)
    tied = models.BooleanField(bi("คะแนนเสมอ", "tied"), default=False)
    award = models.CharField(bi("รางวัล", "award"), max_length=30, blank=True)
    award_tie = models.BooleanField(bi("เสมอที่เส้นแบ่งรางวัล", "tie at an award boundary"), default=False)
    # engine.rank_key of total and tie-break dimensions: re-ranking reads this, not the JSON above.
    rank_key = models.CharField(
        max_length=400, blank=True, default="", editable=False, verbose_name=bi("ลำดับสำหรับจัดอันดับ", "rank key")
    )
    # Bumped in the same transaction as any change; recompute records the value it saw.
    change_seq = models.PositiveBigIntegerField(default=1, verbose_name=bi("ลำดับการเปลี่ยนแปลง", "change sequence"))
    computed_seq = models.PositiveBigIntegerField(default=0, verbose_name=bi("ลำดับที่คำนวณแล้ว", "computed sequence"))
    computed_at = models.DateTimeField(bi("คำนวณเมื่อ", "computed at"), null=True, blank=True)

    class Meta:
        db_table = "scoring_provinceresult"  # the table from before the rename
        ordering = ["rubric", "rank", "province__code"]
        verbose_name = bi("ผลคะแนนจังหวัด", "province result")
        verbose_name_plural = bi("ผลคะแนนจังหวัด", "province results")
        constraints = [models.UniqueConstraint(fields=["rubric", "province"], name="result_unique")]
        indexes = [
            # The few rows a recompute rescores, found without reading the thousands that are current.
            models.Index(
                fields=["rubric"], condition=models.Q(change_seq__gt=models.F("computed_seq")), name="result_stale"
            ),
            # One entrant's change re-ranks the span between its old and new keys (scoring.shift): counted above
            # it and read by range, never sorted whole.
            models.Index(fields=["rubric", "rank_key"], name="result_rank_key"),
            # The paged standings (scoring.dashboard): a page's places found in rank order, never sorted whole.
            models.Index(fields=["rubric", "rank", "province"], name="result_page"),
        ]

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.province.code} {self.total}"


class YearSettings(models.Model):
    """Central staff's switches for one year; a year without a row uses the defaults below."""

    rubric = models.OneToOneField(
        Rubric, on_delete=models.CASCADE, related_name="year_settings", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    standings_visible_to_provinces = models.BooleanField(
        bi("จังหวัดเห็นอันดับของตน", "provinces see their standing"), default=False
    )
    # 0 turns reminders off for the year.
    reminder_working_days = models.PositiveSmallIntegerField(
        bi("เตือนล่วงหน้า (วันทำการ)", "remind N working days before"), default=3
    )
    # Decision 10: a province needs more than 0 points, and at least this total, to be listed for an award.
    award_min_total = models.DecimalField(
        bi("คะแนนรวมขั้นต่ำที่จะได้รับรางวัล", "minimum total for an award"), max_digits=7, decimal_places=2, default=0
    )

    class Meta:
        verbose_name = bi("การตั้งค่าประจำปี", "year settings")
        verbose_name_plural = bi("การตั้งค่าประจำปี", "year settings")

    def __str__(self) -> str:
        return f"{self.rubric.year}"


class RecomputeRun(models.Model):
    """One recompute that rescored something: shows how well bursts coalesce (and feeds the benches)."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.CASCADE, related_name="recompute_runs", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    started_at = models.DateTimeField(db_index=True, verbose_name=bi("เริ่มเมื่อ", "started at"))
    duration_ms = models.PositiveIntegerField(default=0, verbose_name=bi("ใช้เวลา (มิลลิวินาที)", "duration (ms)"))
    rescored = models.PositiveIntegerField(default=0, verbose_name=bi("คิดคะแนนใหม่แล้ว", "rescored"))

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.started_at:%H:%M:%S} {self.rescored} in {self.duration_ms} ms"


class StandingsSnapshot(models.Model):
    """A year's frozen results (the rows as `standings_rows` gives them); published once announced."""

    rubric = models.OneToOneField(
        Rubric, on_delete=models.CASCADE, related_name="snapshot", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    rows = models.JSONField(bi("ผลที่ตรึงไว้", "frozen rows"))
    computed_at = models.DateTimeField(bi("ข้อมูล ณ", "as of"), null=True)
    frozen_at = models.DateTimeField(bi("ตรึงผลเมื่อ", "frozen at"))
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("ตรึงผลโดย", "frozen by"),
    )
    published_at = models.DateTimeField(bi("ประกาศผลเมื่อ", "published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("ประกาศโดย", "published by"),
    )

    class Meta:
        verbose_name = bi("ผลที่ตรึงไว้", "frozen standings")
        verbose_name_plural = bi("ผลที่ตรึงไว้", "frozen standings")

    def __str__(self) -> str:
        return f"{self.rubric_id} frozen {self.frozen_at:%Y-%m-%d %H:%M}"


class FreezeAction(models.TextChoices):
    FREEZE = "freeze", bi("ตรึงผล", "freeze")
    UNFREEZE = "unfreeze", bi("ยกเลิกการตรึงผล", "unfreeze")
    PUBLISH = "publish", bi("ประกาศผล", "publish")
    WITHDRAW = "withdraw", bi("ถอนการประกาศผล", "withdraw publication")


class FreezeEvent(models.Model):
    """Audit trail of freezing, unfreezing and withdrawing a publication (both always with a reason), and
    publishing a year's results."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.CASCADE, related_name="freeze_events", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    action = models.CharField(bi("การดำเนินการ", "action"), max_length=10, choices=FreezeAction.choices)
    reason = models.TextField(bi("เหตุผล", "reason"), blank=True)
    at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=bi("โดย", "by")
    )

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = bi("ประวัติการตรึงผล", "freeze event")
        verbose_name_plural = bi("ประวัติการตรึงผล", "freeze events")
        constraints = [
            models.CheckConstraint(
                condition=~Q(action="unfreeze") | ~Q(reason=""), name="freeze_event_unfreeze_needs_reason"
            ),
            models.CheckConstraint(
                condition=~Q(action="withdraw") | ~Q(reason=""), name="freeze_event_withdraw_needs_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.action} {self.at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """One reminder per province, criterion and deadline: the daily beat job never repeats itself."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.CASCADE, related_name="+", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    province = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=bi("จังหวัด", "province"))
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="+", verbose_name=bi("ตัวชี้วัด", "criterion")
    )
    deadline = models.DateField(verbose_name=bi("กำหนดส่ง", "deadline"))
    sent_at = models.DateTimeField(auto_now_add=True, verbose_name=bi("ส่งเมื่อ", "sent at"))
    recipients = models.PositiveSmallIntegerField(default=0, verbose_name=bi("ผู้รับ", "recipients"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province", "criterion", "deadline"], name="reminder_once_per_deadline")
        ]

    def __str__(self) -> str:
        return f"{self.province_id} {self.criterion_id} {self.deadline}"
