import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest, Unit
from rubrics.models import ContestPeriod, Criterion
from stages.models import StageUpload

from .line import models as line_models  # noqa: F401  (what LINE sent, waiting to be filed: models of this app)
from .querysets import EvidenceQuerySet


class SubmissionStatus(models.TextChoices):
    # "not submitted" is the absence of visible evidence, never a stored state.
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned for clarification")
    ACCEPTED = "accepted", _("accepted")
    SCORED = "scored", _("scored")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    IMAGE = "image", _("image")
    OFFICE = "office", "Word/Excel/PowerPoint"
    VIDEO = "video", pgettext_lazy("submissions.models", "video")


class EvidenceKind(models.TextChoices):
    FILE = "file", _("file")
    LINK = "link", _("link")


class SentThrough(models.TextChoices):
    """The door a version came in by: every one goes through the same upload service."""

    PORTAL = "portal", _("the portal")
    LINE = "line", "LINE"


class Submission(models.Model):
    """One entrant's evidence for one criterion: the review state over all its versions."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("rubric")
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("unit"), db_column="province_id"
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("criterion")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    status_note = models.TextField(_("reviewer's note"), blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("status changed at"))
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("status changed by"),
    )
    last_version = models.PositiveIntegerField(default=0, verbose_name=_("last version"))

    class Meta:
        ordering = ["rubric", "unit", "criterion__order"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "unit", "criterion"], name="submission_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.criterion.code} {self.status}"


class Evidence(models.Model):
    """One version: a stored file or a link. Never edited or deleted; withdrawal only hides it."""

    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, related_name="evidence", verbose_name=_("submission")
    )
    version = models.PositiveIntegerField(_("version"))
    kind = models.CharField(max_length=4, choices=EvidenceKind.choices, verbose_name=_("kind"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    # Files: server-generated path relative to MEDIA_ROOT; the client's name is only for display.
    stored_path = models.CharField(max_length=200, blank=True, verbose_name=_("stored path"))
    original_name = models.CharField(_("file name"), max_length=150, blank=True)
    file_kind = models.CharField(max_length=6, choices=FileKind.choices, blank=True, verbose_name=_("file kind"))
    content_type = models.CharField(max_length=100, blank=True, verbose_name=_("content type"))
    size = models.PositiveBigIntegerField(default=0, verbose_name=_("size (bytes)"))
    sha256 = models.CharField(max_length=64, blank=True, verbose_name=_("SHA-256"))
    url = models.URLField(_("link"), max_length=500, blank=True)
    # The round of its criterion this version answers (numbered from 1 in due order, as the schedule numbers
    # them), chosen by the office when it sends a report late: November's report sent on 28 November answers
    # November's round, late. None: the day it came decides (docs/schedule.md).
    answers_round = models.PositiveSmallIntegerField(_("round it answers"), null=True, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("submissions.models", "submitted at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    # Sent from the LINE chat (submissions/line/): `created_at` is then the moment LINE says it was sent.
    sent_through = models.CharField(
        _("sent through"), max_length=6, choices=SentThrough.choices, default=SentThrough.PORTAL
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["submission", "-version"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
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

    file_kind = models.CharField(max_length=6, choices=FileKind.choices, unique=True, verbose_name=_("file kind"))
    max_mb = models.PositiveIntegerField(_("maximum (MB)"))

    class Meta:
        verbose_name = _("upload limit")
        verbose_name_plural = _("upload limits")
        constraints = [models.CheckConstraint(condition=Q(max_mb__gt=0), name="upload_limit_positive")]

    def __str__(self) -> str:
        return f"{self.file_kind} {self.max_mb} MB"


class InnovationType(models.TextChoices):
    SERVICE = "service", _("service innovation")
    DELIVERY = "delivery", _("service-delivery innovation")
    ADMIN = "admin", _("administrative or organisational innovation")
    POLICY = "policy", _("policy innovation")
    OTHER = "other", _("other")


class InnovationReport(models.Model):
    """Dimension 5's report form. Each save is a new version; the highest is current."""

    rubric = models.ForeignKey(
        ContestPeriod, on_delete=models.PROTECT, related_name="innovation_reports", verbose_name=_("rubric")
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="innovation_reports",
        verbose_name=_("unit"),
        db_column="province_id",
    )
    version = models.PositiveIntegerField(verbose_name=_("version"))
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    office = models.CharField(_("office"), max_length=300)
    office_phone = models.CharField(_("phone"), max_length=30)
    office_fax = models.CharField(_("fax"), max_length=30, blank=True)
    coordinator_name = models.CharField(_("coordinator"), max_length=200)
    coordinator_position = models.CharField(_("position"), max_length=200)
    coordinator_phone = models.CharField(_("coordinator's phone"), max_length=30)
    coordinator_mobile = models.CharField(_("mobile"), max_length=30)
    coordinator_email = models.EmailField(_("e-mail"))
    innovation_type = models.CharField(_("innovation type"), max_length=10, choices=InnovationType.choices, blank=True)
    innovation_type_other = models.CharField(_("other type"), max_length=200, blank=True)
    problem_analysis = models.TextField(_("problem analysis"), blank=True)
    solution = models.TextField(_("solution and practice"), blank=True)
    outcomes = models.TextField(_("outputs and outcomes"), blank=True)
    evidence_text = models.TextField(pgettext_lazy("submissions.models", "evidence"), blank=True)
    created_at = models.DateTimeField(verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )

    class Meta:
        ordering = ["rubric", "unit", "-version"]
        verbose_name = _("innovation report")
        verbose_name_plural = _("innovation reports")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "unit", "version"], name="innovation_report_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.rubric.year} v{self.version}"


class ResumableState(models.TextChoices):
    RECEIVING = "receiving", _("receiving")
    SAVED = "saved", _("complete and saved")
    REFUSED = "refused", _("complete, refused")


class ResumableUpload(models.Model):
    """A file sent in pieces over the tus protocol (submissions/resumable.py): who may send what
    was decided when it was created, before any byte; each piece waits in the file store (`pieces`, so that
    a piece sent to one web machine and the next to another both count) until the last, then it goes
    through the same checks and versioning as any upload, and the row stays as
    the answer a client asks for (saved as which evidence or stage file, or refused why)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False, verbose_name=_("id"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    # Evidence: a rubric's criterion for a unit. A stage's file: a contest's pick (unit) and the file's code.
    rubric = models.ForeignKey(
        ContestPeriod,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("rubric"),
    )
    contest = models.ForeignKey(
        Contest,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("contest"),
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("unit"))
    code = models.CharField(_("criterion or file"), max_length=20)
    description = models.CharField(max_length=300, blank=True, verbose_name=_("description"))
    answers_round = models.PositiveSmallIntegerField(_("round it answers"), null=True, blank=True)  # as Evidence's
    filename = models.CharField(max_length=255, verbose_name=_("file name"))
    length = models.BigIntegerField(_("size (bytes)"))
    offset = models.BigIntegerField(_("received (bytes)"), default=0)
    pieces = models.JSONField(
        default=list, blank=True, verbose_name=_("pieces")
    )  # stored names of the pieces received, in order
    received_at = models.DateTimeField(
        null=True, blank=True, verbose_name=_("received at")
    )  # when the last byte arrived: its time sent
    state = models.CharField(
        max_length=10,
        choices=ResumableState.choices,
        default=ResumableState.RECEIVING,
        verbose_name=_("state"),
    )
    refusal = models.CharField(max_length=500, blank=True, verbose_name=_("refusal"))
    evidence = models.ForeignKey(
        Evidence,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence"),
    )
    stage_upload = models.ForeignKey(
        StageUpload,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("stage upload"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created at"))
    expires_at = models.DateTimeField(db_index=True, verbose_name=_("expires at"))

    class Meta:
        verbose_name = _("resumable upload")
        verbose_name_plural = _("resumable uploads")
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
