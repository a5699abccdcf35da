import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from contests.models import Contest, Unit
from core.labels import bi
from scoring.models import Criterion, Rubric
from stages.models import StageUpload

from .querysets import EvidenceQuerySet


class SubmissionStatus(models.TextChoices):
    # "not submitted" is the absence of visible evidence, never a stored state.
    SUBMITTED = "submitted", bi("ส่งแล้ว", "submitted")
    RETURNED = "returned", bi("ส่งกลับให้ชี้แจง", "returned for clarification")
    ACCEPTED = "accepted", bi("รับหลักฐานแล้ว", "accepted")
    SCORED = "scored", bi("ให้คะแนนแล้ว", "scored")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    IMAGE = "image", bi("รูปภาพ JPG/PNG", "image")
    OFFICE = "office", "Word/Excel/PowerPoint"
    VIDEO = "video", bi("วีดิทัศน์ MP4", "video")


class EvidenceKind(models.TextChoices):
    FILE = "file", bi("ไฟล์", "file")
    LINK = "link", bi("ลิงก์", "link")


class Submission(models.Model):
    """One province's evidence for one criterion: the review state over all its versions."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.PROTECT, related_name="submissions", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="submissions", verbose_name=bi("จังหวัด", "province")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="submissions", verbose_name=bi("ตัวชี้วัด", "criterion")
    )
    status = models.CharField(
        bi("สถานะ", "status"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    status_note = models.TextField(bi("หมายเหตุจากกรรมการ", "reviewer's note"), blank=True)
    status_changed_at = models.DateTimeField(
        null=True, blank=True, verbose_name=bi("เปลี่ยนสถานะเมื่อ", "status changed at")
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("เปลี่ยนสถานะโดย", "status changed by"),
    )
    last_version = models.PositiveIntegerField(default=0, verbose_name=bi("ฉบับล่าสุด", "last version"))

    class Meta:
        ordering = ["rubric", "province", "criterion__order"]
        verbose_name = bi("การส่งหลักฐาน", "submission")
        verbose_name_plural = bi("การส่งหลักฐาน", "submissions")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "province", "criterion"], name="submission_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.province.code} {self.criterion.code} {self.status}"


class Evidence(models.Model):
    """One version: a stored file or a link. Never edited or deleted; withdrawal only hides it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="evidence", verbose_name=bi("การส่งหลักฐาน", "submission")
    )
    version = models.PositiveIntegerField(bi("ฉบับที่", "version"))
    kind = models.CharField(max_length=4, choices=EvidenceKind.choices, verbose_name=bi("ประเภท", "kind"))
    description = models.CharField(bi("คำอธิบาย", "description"), max_length=300, blank=True)
    # Files: server-generated path relative to MEDIA_ROOT; the client's name is only for display.
    stored_path = models.CharField(max_length=200, blank=True, verbose_name=bi("ที่เก็บไฟล์", "stored path"))
    original_name = models.CharField(bi("ชื่อไฟล์", "file name"), max_length=150, blank=True)
    file_kind = models.CharField(
        max_length=6, choices=FileKind.choices, blank=True, verbose_name=bi("ชนิดไฟล์", "file kind")
    )
    content_type = models.CharField(max_length=100, blank=True, verbose_name=bi("ชนิดข้อมูล", "content type"))
    size = models.PositiveBigIntegerField(default=0, verbose_name=bi("ขนาด (ไบต์)", "size (bytes)"))
    sha256 = models.CharField(max_length=64, blank=True, verbose_name=bi("SHA-256", "SHA-256"))
    url = models.URLField(bi("ลิงก์", "link"), max_length=500, blank=True)
    created_at = models.DateTimeField(bi("ส่งเมื่อ", "submitted at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=bi("สร้างโดย", "created by")
    )
    withdrawn_at = models.DateTimeField(bi("ถอนเมื่อ", "withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=bi("ถอนโดย", "withdrawn by"),
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "-version"]
        verbose_name = bi("หลักฐาน", "evidence")
        verbose_name_plural = bi("หลักฐาน", "evidence")
        constraints = [
            models.UniqueConstraint(fields=["submission", "version"], name="evidence_version_unique"),
            models.CheckConstraint(
                condition=(Q(kind=EvidenceKind.FILE) & ~Q(stored_path="") & Q(url=""))
                | (Q(kind=EvidenceKind.LINK) & Q(stored_path="") & ~Q(url="")),
                name="evidence_file_xor_link",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_at__isnull=True, withdrawn_by__isnull=True)
                | Q(withdrawn_at__isnull=False, withdrawn_by__isnull=False),
                name="evidence_withdrawn_by_with_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.submission} v{self.version}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class UploadLimit(models.Model):
    """Central staff's size limit per file kind; kinds without a row use settings.CDD4_UPLOAD_LIMITS_MB."""

    file_kind = models.CharField(
        max_length=6, choices=FileKind.choices, unique=True, verbose_name=bi("ชนิดไฟล์", "file kind")
    )
    max_mb = models.PositiveIntegerField(bi("ขนาดสูงสุด (MB)", "maximum (MB)"))

    class Meta:
        verbose_name = bi("ขนาดไฟล์สูงสุด", "upload limit")
        verbose_name_plural = bi("ขนาดไฟล์สูงสุด", "upload limits")
        constraints = [models.CheckConstraint(condition=Q(max_mb__gt=0), name="upload_limit_positive")]

    def __str__(self) -> str:
        return f"{self.file_kind} {self.max_mb} MB"


class InnovationType(models.TextChoices):
    SERVICE = "service", bi("นวัตกรรมการบริการ", "service innovation")
    DELIVERY = "delivery", bi("นวัตกรรมการให้บริการ", "service-delivery innovation")
    ADMIN = "admin", bi("นวัตกรรมการบริหารจัดการ/องค์กร", "administrative or organisational innovation")
    POLICY = "policy", bi("นวัตกรรมเชิงนโยบาย", "policy innovation")
    OTHER = "other", bi("อื่น ๆ", "other")


class InnovationReport(models.Model):
    """Dimension 5's report form. Each save is a new version; the highest is current."""

    rubric = models.ForeignKey(
        Rubric, on_delete=models.PROTECT, related_name="innovation_reports", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    province = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="innovation_reports", verbose_name=bi("จังหวัด", "province")
    )
    version = models.PositiveIntegerField(verbose_name=bi("ฉบับที่", "version"))
    title_th = models.CharField(bi("ชื่อผลงาน (ภาษาไทย)", "title (Thai)"), max_length=300)
    title_en = models.CharField(bi("ชื่อผลงาน (ภาษาอังกฤษ)", "title (English)"), max_length=300, blank=True)
    office = models.CharField(bi("หน่วยงาน", "office"), max_length=300)
    office_phone = models.CharField(bi("โทรศัพท์", "phone"), max_length=30)
    office_fax = models.CharField(bi("โทรสาร", "fax"), max_length=30, blank=True)
    coordinator_name = models.CharField(bi("ชื่อผู้ประสานงาน", "coordinator"), max_length=200)
    coordinator_position = models.CharField(bi("ตำแหน่ง", "position"), max_length=200)
    coordinator_phone = models.CharField(bi("โทรศัพท์ผู้ประสานงาน", "coordinator's phone"), max_length=30)
    coordinator_mobile = models.CharField(bi("โทรศัพท์มือถือ", "mobile"), max_length=30)
    coordinator_email = models.EmailField(bi("อีเมล", "e-mail"))
    innovation_type = models.CharField(
        bi("ประเภทนวัตกรรม", "innovation type"), max_length=10, choices=InnovationType.choices, blank=True
    )
    innovation_type_other = models.CharField(bi("ประเภทอื่น ๆ (ระบุ)", "other type"), max_length=200, blank=True)
    problem_analysis = models.TextField(bi("การวิเคราะห์ปัญหา", "problem analysis"), blank=True)
    solution = models.TextField(bi("แนวทางแก้ไขและการนำไปปฏิบัติ", "solution and practice"), blank=True)
    outcomes = models.TextField(bi("ผลผลิตและผลลัพธ์", "outputs and outcomes"), blank=True)
    evidence_text = models.TextField(bi("หลักฐานเชิงประจักษ์", "evidence"), blank=True)
    created_at = models.DateTimeField(verbose_name=bi("สร้างเมื่อ", "created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=bi("สร้างโดย", "created by")
    )

    class Meta:
        ordering = ["rubric", "province", "-version"]
        verbose_name = bi("รายงานนวัตกรรม", "innovation report")
        verbose_name_plural = bi("รายงานนวัตกรรม", "innovation reports")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "province", "version"], name="innovation_report_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.province.code} {self.rubric.year} v{self.version}"


class ResumableState(models.TextChoices):
    RECEIVING = "receiving", bi("กำลังรับ", "receiving")
    SAVED = "saved", bi("รับครบและบันทึกแล้ว", "complete and saved")
    REFUSED = "refused", bi("รับครบแต่ไม่ผ่านการตรวจ", "complete, refused")


class ResumableUpload(models.Model):
    """A file sent in pieces over the tus protocol (submissions/resumable.py, issue #42): who may send what
    was decided when it was created, before any byte; each piece waits in the file store (`pieces`, so that
    a piece sent to one web machine and the next to another both count) until the last, then it goes
    through the same checks and versioning as any upload, and the row stays as
    the answer a client asks for (saved as which evidence or stage file, or refused why)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, verbose_name=bi("รหัส", "id"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=bi("ผู้ใช้", "user")
    )
    # Evidence: a rubric's criterion for a unit. A stage's file: a contest's pick (unit) and the file's code.
    rubric = models.ForeignKey(
        Rubric,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=bi("เกณฑ์การประเมิน", "rubric"),
    )
    contest = models.ForeignKey(
        Contest,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=bi("การประกวด", "contest"),
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=bi("หน่วยงาน", "unit"))
    code = models.CharField(bi("ตัวชี้วัดหรือไฟล์", "criterion or file"), max_length=20)
    description = models.CharField(max_length=300, blank=True, verbose_name=bi("คำอธิบาย", "description"))
    filename = models.CharField(max_length=255, verbose_name=bi("ชื่อไฟล์", "file name"))
    length = models.BigIntegerField(bi("ขนาด (ไบต์)", "size (bytes)"))
    offset = models.BigIntegerField(bi("รับแล้ว (ไบต์)", "received (bytes)"), default=0)
    pieces = models.JSONField(
        default=list, blank=True, verbose_name=bi("ส่วนที่ได้รับ", "pieces")
    )  # stored names of the pieces received, in order
    received_at = models.DateTimeField(
        null=True, blank=True, verbose_name=bi("ได้รับเมื่อ", "received at")
    )  # when the last byte arrived: its time sent
    state = models.CharField(
        max_length=10,
        choices=ResumableState.choices,
        default=ResumableState.RECEIVING,
        verbose_name=bi("สถานะ", "state"),
    )
    refusal = models.CharField(max_length=500, blank=True, verbose_name=bi("เหตุที่ไม่รับ", "refusal"))
    evidence = models.ForeignKey(
        Evidence,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("หลักฐาน", "evidence"),
    )
    stage_upload = models.ForeignKey(
        StageUpload,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("ไฟล์ของขั้นการคัดเลือก", "stage upload"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=bi("สร้างเมื่อ", "created at"))
    expires_at = models.DateTimeField(db_index=True, verbose_name=bi("หมดอายุเมื่อ", "expires at"))

    class Meta:
        verbose_name = bi("ไฟล์ที่ส่งเป็นช่วง", "resumable upload")
        verbose_name_plural = bi("ไฟล์ที่ส่งเป็นช่วง", "resumable uploads")
        constraints = [
            models.CheckConstraint(
                condition=Q(offset__gte=0, offset__lte=F("length")), name="resumable_offset_in_file"
            ),
            models.CheckConstraint(
                condition=Q(rubric__isnull=False, contest__isnull=True) | Q(rubric__isnull=True, contest__isnull=False),
                name="resumable_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} {self.offset}/{self.length}"
