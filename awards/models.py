from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import Text, either, format_lazy
from core.thai import digits


class AwardSignature(models.Model):
    """Who signs a year's announcement and certificates, and the date printed on them (central staff set it)."""

    rubric = models.OneToOneField(
        "rubrics.ContestPeriod",
        on_delete=models.CASCADE,
        related_name="award_signature",
        verbose_name=_("rubric"),
    )
    signer_name = models.CharField(_("signer's name"), max_length=200)
    signer_position = models.TextField(_("signer's position"), help_text=_("one line per position"))
    announced_on = models.DateField(_("date of announcement"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.signer_name}"


class DocumentKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("announcement")
    RESULTS = "results", _("results table")
    BREAKDOWN = "breakdown", _("province breakdown")
    CERTIFICATES = "certificates", _("certificates")


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("queued")
    RUNNING = "running", _("rendering")
    DONE = "done", _("ready")
    FAILED = "failed", pgettext_lazy("awards.models", "failed")


# The last part of a draft's `source_key` (awards.selectors.standings_version): made before the results were
# frozen, it is printed "ร่าง", carries no code and is never issued.
DRAFT_MARK = "d"


class GeneratedDocument(models.Model):
    """One rendered PDF. `source_key` is the standings (and signature) version it was made from:
    asking again with the same key returns this row; a new key makes the next `version`."""

    rubric = models.ForeignKey(
        "rubrics.ContestPeriod", on_delete=models.CASCADE, related_name="documents", verbose_name=_("rubric")
    )
    kind = models.CharField(_("document"), max_length=15, choices=DocumentKind.choices)
    # The entrant of a breakdown of one entrant, or of one awardee's certificate; None means every entrant
    # (and is the only value for the other kinds).
    unit = models.ForeignKey(
        "contests.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
        db_column="province_id",
    )
    # The entrant's code or "all": NULLs never collide in a unique constraint, so uniqueness uses this.
    scope = models.CharField(max_length=10, default="all", verbose_name=_("scope"))
    source_key = models.CharField(_("standings version"), max_length=80)
    version = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to="awards/", blank=True)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    error = models.TextField(_("error"), blank=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    signed_with = models.ForeignKey(
        "SigningCertificate",
        verbose_name=_("signed with"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Of the file as issued (signature included): what the public verification page compares a file with.
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False, db_index=True)
    # One awardee's certificate, a file of its own: the combined file of every certificate (kept for printing)
    # it was made with, whose version, standings and verification code on that page it shares.
    combined = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="parts",
        verbose_name=_("made with the combined file"),
    )

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "kind", "scope", "version"], name="document_version_unique"),
            models.UniqueConstraint(fields=["rubric", "kind", "scope", "source_key"], name="document_source_unique"),
            models.CheckConstraint(condition=Q(progress__lte=100), name="document_progress_max_100"),
            models.CheckConstraint(
                condition=Q(combined__isnull=True) | Q(kind="certificates", unit__isnull=False),
                name="document_part_is_one_awardee_certificate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rubric.year} {self.kind} {self.scope} v{self.version}"

    @property
    def draft(self) -> bool:
        return self.source_key.rpartition("-")[2] == DRAFT_MARK

    @property
    def status_label(self) -> Text:
        """The status as a list shows it: a finished draft is a draft, never "ready" like an issued document."""
        if self.status != DocumentStatus.DONE:
            return self.get_status_display()
        return pgettext_lazy("awards.models", "draft") if self.draft else _("issued (final)")

    @property
    def summary(self) -> Text:
        """What a message says of it, in the reader's language and digits: "ประกาศนียบัตร เชียงใหม่ ฉบับที่ ๓: รอคิว"."""
        what: Text = self.get_kind_display()
        if self.unit is not None:
            what = format_lazy("{} {}", what, either(self.unit.name_th, self.unit.name_en))
        version, status = digits(self.version), self.status_label
        return format_lazy(_("{document} version {version}: {status}"), document=what, version=version, status=status)

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

    pkcs12 = models.BinaryField(_("PKCS#12 (server-encrypted)"), editable=False)
    subject = models.CharField(_("subject"), max_length=500)
    issuer = models.CharField(_("issuer"), max_length=500)
    serial = models.CharField(_("serial number"), max_length=100)
    fingerprint = models.CharField("SHA-256", max_length=64)
    not_before = models.DateTimeField(_("valid from"))
    not_after = models.DateTimeField(_("valid until"))
    active = models.BooleanField(_("in use"), default=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("signing certificate")
        verbose_name_plural = _("signing certificates")
        constraints = [
            models.UniqueConstraint(fields=["active"], condition=Q(active=True), name="signing_certificate_one_active"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.fingerprint[:16]})"


class VerificationCode(models.Model):
    """A code printed with its QR code on an issued (final) document: one for a whole document (the
    announcement, the results table), or one per entrant's part (each certificate, each breakdown).
    Its public page (`/verify/<code>/`) shows what is stored here, as it was printed."""

    code = models.CharField(_("verification code"), max_length=12, editable=False)
    document = models.ForeignKey(
        GeneratedDocument, on_delete=models.CASCADE, related_name="codes", verbose_name=_("document")
    )
    entrant = models.ForeignKey(
        "contests.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entrant"),
    )
    entrant_th = models.CharField(_("entrant as printed"), max_length=500, blank=True)
    award_th = models.CharField(_("award as printed"), max_length=200, blank=True)
    dated = models.DateField(_("dated"), null=True, blank=True)

    class Meta:
        ordering = ["document", "id"]
        verbose_name = pgettext_lazy("awards.models", "verification code")
        verbose_name_plural = _("verification codes")
        constraints = [
            models.UniqueConstraint(fields=["code"], name="verification_code_unique"),
            models.UniqueConstraint(fields=["document", "entrant"], name="verification_code_one_per_entrant"),
            models.UniqueConstraint(
                fields=["document"], condition=Q(entrant__isnull=True), name="verification_code_one_per_document"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class CertificateNumber(models.Model):
    """The number a certificate prints ("เลขที่ ๒๕๖๙/๓"): one awardee's for one award of a contest's period, for
    ever. Given when that award's certificate is first issued, the next after the highest ever given; a
    reissue prints the same number, and a number once given is never given to another awardee or award."""

    rubric = models.ForeignKey(
        "rubrics.ContestPeriod", on_delete=models.CASCADE, related_name="certificate_numbers", verbose_name=_("rubric")
    )
    unit = models.ForeignKey("contests.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("awardee"))
    award = models.CharField(_("award"), max_length=30)
    number = models.PositiveIntegerField(_("certificate number"))
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["rubric", "number"]
        verbose_name = _("certificate number")
        verbose_name_plural = _("certificate numbers")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "number"], name="certificate_number_unique"),
            models.UniqueConstraint(fields=["rubric", "unit", "award"], name="certificate_number_one_per_award"),
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} {self.number}"
