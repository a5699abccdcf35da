from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Central staff's contacts as every page reads them, cached (ops.contacts.site_contact); a save forgets them.
SITE_CONTACT_KEY = "ops:site-contact"


class BackupStatus(models.TextChoices):
    DONE = "done", _("done")
    FAILED = "failed", pgettext_lazy("ops.models", "failed")


class BackupRecord(models.Model):
    """One run of `manage.py backup`; the status panel shows the last one and its age."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=BackupStatus.choices)
    path = models.CharField(_("where"), max_length=500)
    files = models.PositiveIntegerField(_("files"), default=0)
    size = models.PositiveBigIntegerField(_("bytes"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("backup")
        verbose_name_plural = _("backups")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.status}"


class Heartbeat(models.Model):
    """The last time a process proved it was alive (the worker, through a beat task)."""

    name = models.CharField(max_length=50, unique=True, verbose_name=_("name"))
    at = models.DateTimeField(verbose_name=_("at"))

    def __str__(self) -> str:
        return f"{self.name} {self.at:%H:%M:%S}"


class CheckAlert(models.Model):
    """A readiness check that went red: operators are e-mailed once per incident (red_since)."""

    check_name = models.CharField(max_length=30, unique=True, verbose_name=_("check"))
    red_since = models.DateTimeField(null=True, blank=True, verbose_name=_("failing since"))
    detail = models.TextField(blank=True, verbose_name=_("detail"))
    notified_at = models.DateTimeField(null=True, blank=True, verbose_name=_("notified at"))

    def __str__(self) -> str:
        return f"{self.check_name} red since {self.red_since}"


class RetentionTombstone(models.Model):
    """What is left of a file removed after the PDPA retention period, an evidence file or one sent for a
    stage's pick: the row stays, audited."""

    evidence = models.OneToOneField(
        "submissions.Evidence",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tombstone",
        verbose_name=_("evidence"),
    )
    stage_upload = models.OneToOneField(
        "stages.StageUpload",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tombstone",
        verbose_name=_("stage upload"),
    )
    removed_at = models.DateTimeField(_("file removed at"))
    sha256 = models.CharField(max_length=64, verbose_name=_("SHA-256"))
    size = models.PositiveBigIntegerField(default=0, verbose_name=_("size (bytes)"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["-removed_at"]
        verbose_name = _("removed after retention")
        verbose_name_plural = _("removed after retention")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(evidence__isnull=False, stage_upload__isnull=True)
                | models.Q(evidence__isnull=True, stage_upload__isnull=False),
                name="tombstone_of_one_file",
            )
        ]

    def __str__(self) -> str:
        what = f"evidence {self.evidence_id}" if self.evidence_id else f"stage file {self.stage_upload_id}"
        return f"{what} removed {self.removed_at:%Y-%m-%d}"


class TaskFailure(models.Model):
    """A Celery task that ended in an error (recorded by a task_failure receiver); the status panel counts them."""

    task = models.CharField(max_length=100, verbose_name=_("task"))
    at = models.DateTimeField(db_index=True, verbose_name=_("at"))
    error = models.TextField(blank=True, verbose_name=_("error"))

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.task} {self.at:%Y-%m-%d %H:%M}"


class Contacts(models.Model):
    """Whom to call: a phone, an e-mail, a LINE Official Account and the hours someone answers."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    line_id = models.CharField(_("LINE Official Account id, e.g. @cdd4"), max_length=40, blank=True)
    line_url = models.URLField(_("LINE add-friend link"), blank=True)
    hours = models.CharField(_("office hours"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class SiteContact(Contacts):
    """Central staff's help desk as the help page and the error pages give it, set by central staff on the
    contacts page (/help/contacts/) or in the admin. One row (pk 1), read through `ops.contacts.site_contact`,
    which caches it."""

    class Meta:
        verbose_name = _("central staff's contacts")
        verbose_name_plural = _("central staff's contacts")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="site_contact_one_row")]

    def __str__(self) -> str:
        return " · ".join(v for v in (self.phone, self.email, self.line_id) if v) or "-"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(SITE_CONTACT_KEY)


class ContestContact(Contacts):
    """An office's contest's own help desk, set by whoever runs the contest: its entrants call the organising
    office, not central staff, about its rules and dates (the help page names it for that contest)."""

    contest = models.OneToOneField(
        "contests.Contest",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="contact",
        verbose_name=_("contest"),
    )

    class Meta:
        verbose_name = _("contest's contacts")
        verbose_name_plural = _("contests' contacts")

    def __str__(self) -> str:
        return f"{self.contest_id}: " + (" · ".join(v for v in (self.phone, self.email, self.line_id) if v) or "-")
