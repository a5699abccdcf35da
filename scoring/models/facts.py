"""The data rules score: facts with their audit trail, and the holiday calendar's overrides."""

from django.conf import settings
from django.db import models

from contests.models import Unit
from core.labels import bi
from core.thai import thai_date
from scoring.models.rubrics import Criterion, Rubric


class FactSource(models.TextChoices):
    IMPORT = "import", bi("นำเข้าไฟล์", "file import")
    ADMIN = "admin", bi("ผู้ดูแล", "admin")
    API = "api", "API"
    EVIDENCE = "evidence", bi("หลักฐาน", "evidence")
    ENTRANT = "entrant", bi("ผู้เข้าประกวดตอบ", "the entrant's answer")
    COMMITTEE = "committee", bi("คณะกรรมการ", "committee")
    DEMO = "demo", bi("ข้อมูลตัวอย่าง", "demo")


class Fact(models.Model):
    """A named value a criterion's rule reads for one province (docs/rubric-format.md)."""

    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="facts", verbose_name=bi("ปี", "year"))
    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="facts", verbose_name=bi("จังหวัด", "province")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="facts", verbose_name=bi("ตัวชี้วัด", "criterion")
    )
    name = models.CharField(bi("ข้อมูล", "fact"), max_length=50)
    # Kept as entered; each rule parses it. Empty means "not recorded".
    value = models.CharField(bi("ค่า", "value"), max_length=200, blank=True)
    source = models.CharField(bi("ที่มา", "source"), max_length=10, choices=FactSource.choices)
    updated_at = models.DateTimeField(bi("แก้ไขเมื่อ", "updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=bi("แก้ไขโดย", "updated by"),
    )

    class Meta:
        ordering = ["province", "criterion__order", "name"]
        verbose_name = bi("ข้อมูลประกอบการให้คะแนน", "fact")
        verbose_name_plural = bi("ข้อมูลประกอบการให้คะแนน", "facts")
        constraints = [models.UniqueConstraint(fields=["criterion", "province", "name"], name="fact_unique")]

    def __str__(self) -> str:
        return f"{self.province.code} {self.criterion.code} {self.name}={self.value}"


class FactChange(models.Model):
    """Audit trail: every change of a fact, whichever path it came through."""

    fact = models.ForeignKey(Fact, on_delete=models.CASCADE, related_name="changes", verbose_name=bi("ข้อมูล", "fact"))
    # None: the fact did not exist before; "" : it existed, empty ("not recorded").
    old_value = models.CharField(bi("ค่าเดิม", "old value"), max_length=200, null=True, blank=True)  # noqa: DJ001
    new_value = models.CharField(bi("ค่าใหม่", "new value"), max_length=200, blank=True)
    source = models.CharField(bi("ที่มา", "source"), max_length=10, choices=FactSource.choices)
    changed_at = models.DateTimeField(bi("เมื่อ", "when"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=bi("โดย", "by")
    )

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = bi("ประวัติการแก้ไขข้อมูล", "fact change")
        verbose_name_plural = bi("ประวัติการแก้ไขข้อมูล", "fact changes")

    def __str__(self) -> str:
        return f"{self.fact_id}: {self.old_value} → {self.new_value}"


class HolidayOverride(models.Model):
    """Central staff's correction of the Thai holiday calendar (a one-off holiday, or a cancelled one)."""

    date = models.DateField(bi("วันที่", "date"), unique=True)
    is_holiday = models.BooleanField(bi("เป็นวันหยุดราชการ", "office closed"), default=True)
    name_th = models.CharField(bi("ชื่อวันหยุด", "name (th)"), max_length=200)
    name_en = models.CharField(bi("ชื่อภาษาอังกฤษ", "name (en)"), max_length=200, blank=True)
    note = models.TextField(bi("หมายเหตุ", "note"), blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = bi("วันหยุดที่ปรับแก้", "holiday override")
        verbose_name_plural = bi("วันหยุดที่ปรับแก้", "holiday overrides")

    def __str__(self) -> str:
        return f"{thai_date(self.date, short=True, digits=False)} {self.name_th}"


class HolidayAction(models.TextChoices):
    ADDED = "added", bi("เพิ่ม", "added")
    CHANGED = "changed", bi("แก้ไข", "changed")
    REMOVED = "removed", bi("ลบ", "removed")


class HolidayOverrideChange(models.Model):
    """Audit trail of the calendar: every override added, changed or removed, by whom and when."""

    date = models.DateField(bi("วันที่", "date"), db_index=True)
    action = models.CharField(bi("การกระทำ", "action"), max_length=10, choices=HolidayAction.choices)
    before = models.JSONField(bi("ก่อน", "before"), null=True, blank=True)
    after = models.JSONField(bi("หลัง", "after"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=bi("โดย", "by")
    )
    changed_at = models.DateTimeField(bi("เมื่อ", "at"), auto_now_add=True)

    class Meta:
        ordering = ["-changed_at", "-id"]
        verbose_name = bi("ประวัติการแก้ปฏิทินวันหยุด", "holiday change")
        verbose_name_plural = bi("ประวัติการแก้ปฏิทินวันหยุด", "holiday changes")

    def __str__(self) -> str:
        return f"{self.date} {self.action}"
