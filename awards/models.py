from django.conf import settings
from django.db import models
from django.db.models import Q

from core.labels import bi


class AwardSignature(models.Model):
    """Who signs a year's announcement and certificates, and the date printed on them (central staff set it)."""

    rubric = models.OneToOneField(
        "scoring.Rubric",
        on_delete=models.CASCADE,
        related_name="award_signature",
        verbose_name=bi("เกณฑ์การประเมิน", "rubric"),
    )
    signer_name = models.CharField(bi("ชื่อผู้ลงนาม", "signer's name"), max_length=200)
    signer_position = models.TextField(
        bi("ตำแหน่งผู้ลงนาม", "signer's position"), help_text=bi("บรรทัดละหนึ่งตำแหน่ง", "one line per position")
    )
    announced_on = models.DateField(bi("วันที่ประกาศ", "date of announcement"))
    updated_at = models.DateTimeField(bi("แก้ไขเมื่อ", "updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("แก้ไขโดย", "updated by"),
    )

    class Meta:
        verbose_name = bi("ผู้ลงนามประกาศ", "signature")
        verbose_name_plural = bi("ผู้ลงนามประกาศ", "signatures")

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.signer_name}"


class DocumentKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", bi("ประกาศผลการคัดเลือก", "announcement")
    RESULTS = "results", bi("ตารางผลคะแนน", "results table")
    BREAKDOWN = "breakdown", bi("คะแนนรายจังหวัด", "province breakdown")
    CERTIFICATES = "certificates", bi("ประกาศนียบัตร", "certificates")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", bi("รอคิว", "queued")
    RUNNING = "running", bi("กำลังสร้าง", "rendering")
    DONE = "done", bi("เสร็จแล้ว", "ready")
    FAILED = "failed", bi("ไม่สำเร็จ", "failed")


# The last part of a draft's `source_key` (awards.selectors.standings_version): made before the results were
# frozen, it is printed "ร่าง", carries no code and is never issued.
DRAFT_MARK = "d"


class GeneratedDocument(models.Model):
    """One rendered PDF. `source_key` is the standings (and signature) version it was made from:
    asking again with the same key returns this row; a new key makes the next `version`."""

    rubric = models.ForeignKey(
        "scoring.Rubric", on_delete=models.CASCADE, related_name="documents", verbose_name=bi("เกณฑ์การประเมิน", "rubric")
    )
    kind = models.CharField(bi("เอกสาร", "document"), max_length=15, choices=DocumentKind.choices)
    # Breakdown of one province; None means every province (and is the only value for other kinds).
    province = models.ForeignKey(
        "contests.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=bi("จังหวัด", "province"),
    )
    # Province code or "all": NULLs never collide in a unique constraint, so uniqueness uses this.
    scope = models.CharField(max_length=10, default="all", verbose_name=bi("ขอบเขต", "scope"))
    source_key = models.CharField(bi("รุ่นของผลคะแนน", "standings version"), max_length=80)
    version = models.PositiveIntegerField(bi("ฉบับที่", "version"))
    status = models.CharField(
        bi("สถานะ", "status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(bi("ความคืบหน้า (%)", "progress (%)"), default=0)
    file = models.FileField(bi("ไฟล์", "file"), upload_to="awards/", blank=True)
    pages = models.PositiveIntegerField(bi("จำนวนหน้า", "pages"), default=0)
    error = models.TextField(bi("ข้อผิดพลาด", "error"), blank=True)
    requested_at = models.DateTimeField(bi("ขอเมื่อ", "requested at"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("ขอโดย", "requested by"),
    )
    finished_at = models.DateTimeField(bi("เสร็จเมื่อ", "finished at"), null=True, blank=True)
    signed_with = models.ForeignKey(
        "SigningCertificate",
        verbose_name=bi("ลงนามด้วยใบรับรอง", "signed with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Of the file as issued (signature included): what the public verification page compares a file with.
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = bi("เอกสารผลการคัดเลือก", "generated document")
        verbose_name_plural = bi("เอกสารผลการคัดเลือก", "generated documents")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "kind", "scope", "version"], name="document_version_unique"),
            models.UniqueConstraint(fields=["rubric", "kind", "scope", "source_key"], name="document_source_unique"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="document_progress_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.kind} {self.scope} v{self.version}"

    @property
    def draft(self) -> bool:
        return self.source_key.rpartition("-")[2] == DRAFT_MARK

    @property
    def status_label(self) -> str:
        """The status as a list shows it: a finished draft is a draft, never "ready" like an issued document."""
        if self.status != DocumentStatus.DONE:
            return self.get_status_display()
        return bi("ฉบับร่าง", "draft") if self.draft else bi("ฉบับจริง ออกแล้ว", "issued (final)")

    @property
    def filename(self) -> str:
        # The national contest keeps "cdd4-2566-…"; another contest is named by its key, so two contests
        # of one year never share a file name.
        name = f"cdd4-{self.rubric.year}" if self.rubric.contest.is_national else self.rubric.key
        return f"{name}-{self.kind}-{self.scope}-v{self.version}.pdf".lower()


class SigningCertificate(models.Model):
    """The Department's certificate that digitally signs final documents (PAdES). Every upload is kept;
    the one active row signs. The key is stored re-encrypted with the server's secret (`awards.signing`),
    never with the passphrase typed at upload, which is not stored at all."""

    pkcs12 = models.BinaryField(bi("PKCS#12 (เข้ารหัสด้วยกุญแจของเซิร์ฟเวอร์)", "PKCS#12 (server-encrypted)"), editable=False)
    subject = models.CharField(bi("ผู้ถือใบรับรอง", "subject"), max_length=500)
    issuer = models.CharField(bi("ผู้ออกใบรับรอง", "issuer"), max_length=500)
    serial = models.CharField(bi("เลขที่ใบรับรอง", "serial number"), max_length=100)
    fingerprint = models.CharField("SHA-256", max_length=64)
    not_before = models.DateTimeField(bi("ใช้ได้ตั้งแต่", "valid from"))
    not_after = models.DateTimeField(bi("หมดอายุ", "valid until"))
    active = models.BooleanField(bi("ใช้ลงนาม", "in use"), default=True)
    uploaded_at = models.DateTimeField(bi("อัปโหลดเมื่อ", "uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=bi("ส่งโดย", "uploaded by"),
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = bi("ใบรับรองลายมือชื่ออิเล็กทรอนิกส์", "signing certificate")
        verbose_name_plural = bi("ใบรับรองลายมือชื่ออิเล็กทรอนิกส์", "signing certificates")
        constraints = [
            models.UniqueConstraint(fields=["active"], condition=Q(active=True), name="signing_certificate_one_active"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.fingerprint[:16]})"


class VerificationCode(models.Model):
    """A code printed with its QR code on an issued (final) document: one for a whole document (the
    announcement, the results table), or one per entrant's part (each certificate, each breakdown).
    Its public page (`/verify/<code>/`) shows what is stored here, as it was printed."""

    code = models.CharField(bi("รหัสตรวจสอบ", "verification code"), max_length=12, editable=False)
    document = models.ForeignKey(
        GeneratedDocument, on_delete=models.CASCADE, related_name="codes", verbose_name=bi("เอกสาร", "document")
    )
    entrant = models.ForeignKey(
        "contests.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=bi("ผู้เข้าประกวด", "entrant"),
    )
    entrant_th = models.CharField(bi("ผู้ได้รับ (ตามที่พิมพ์)", "entrant as printed"), max_length=500, blank=True)
    award_th = models.CharField(bi("รางวัล (ตามที่พิมพ์)", "award as printed"), max_length=200, blank=True)
    dated = models.DateField(bi("ลงวันที่", "dated"), null=True, blank=True)

    class Meta:
        ordering = ["document", "id"]
        verbose_name = bi("รหัสตรวจสอบเอกสาร", "verification code")
        verbose_name_plural = bi("รหัสตรวจสอบเอกสาร", "verification codes")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="verification_code_unique"),
            models.UniqueConstraint(fields=["document", "entrant"], name="verification_code_one_per_entrant"),
            models.UniqueConstraint(
                fields=["document"], condition=Q(entrant__isnull=True), name="verification_code_one_per_document"
            ),
        ]

    def __str__(self) -> str:
        return self.code
