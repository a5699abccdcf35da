"""A selection in stages (seed 002): a contest whose entrants are picked by the offices of the stage below.

Each district office picks its subdistrict, each province two of those, and the picks enter the next
contest, grouped by inspection region. A register of past model units bars some picks.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest, Level, Unit
from contests.region_ranking import RankWithin


class Barred(models.TextChoices):
    """Which past entries of the register bar a unit from a stage."""

    ANY = "any", _("a model at any level")
    PROVINCE = "province", _("a provincial model")


class FileKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    VIDEO = "video", pgettext_lazy("contests.models.stages", "video")


class Stage(models.Model):
    """How a contest gets its entrants: picked by the offices of `chooser_level`, `quota` each, from the
    previous stage's entrants (or, for the first stage, from the units under the office), by `deadline`."""

    contest = models.OneToOneField(Contest, on_delete=models.CASCADE, related_name="stage", verbose_name=_("contest"))
    previous = models.ForeignKey(
        Contest, null=True, blank=True, on_delete=models.PROTECT, related_name="next_stages",
        verbose_name=_("previous stage"),
    )  # fmt: skip
    chooser_level = models.CharField(_("level that picks"), max_length=12, choices=Level.choices)
    quota = models.PositiveSmallIntegerField(_("picks per office"))
    deadline = models.DateField(_("selection deadline"))
    register = models.CharField(_("register checked"), max_length=40, blank=True)
    barred_from = models.PositiveSmallIntegerField(_("barred from (B.E.)"), null=True, blank=True)
    barred_to = models.PositiveSmallIntegerField(_("to (B.E.)"), null=True, blank=True)
    barred = models.CharField(_("barred"), max_length=10, choices=Barred.choices, default=Barred.ANY)
    quote_th = models.TextField(_("the document's words"), blank=True)
    # What the document budgets for each pick (seed 002: "งบประมาณดำเนินการตำบลละ 8,700 บาท"): the offices'
    # and the regions' totals follow from the picks, never typed.
    budget_per_pick = models.DecimalField(
        _("budget per pick (baht)"), max_digits=12, decimal_places=2, null=True,
        blank=True,
    )  # fmt: skip
    # Award lines apply within each group too: every region has its own first place.
    rank_within = models.CharField(
        _("ranked"), max_length=10, choices=RankWithin.choices, blank=True, default=RankWithin.ALL
    )

    class Meta:
        db_table = "contests_stage"  # made by contests before the model moved here (stages 0001)
        verbose_name = _("selection stage")
        verbose_name_plural = pgettext_lazy("stages.models", "selection stages")
        constraints = [
            models.CheckConstraint(condition=Q(quota__gte=1), name="stage_quota_positive"),
            models.CheckConstraint(
                condition=Q(chooser_level__in=[Level.DISTRICT, Level.PROVINCE]), name="stage_chooser_office"
            ),
            models.CheckConstraint(
                condition=Q(barred_from__isnull=True) | Q(barred_to__gte=F("barred_from")), name="stage_barred_years"
            ),
            models.CheckConstraint(condition=~Q(previous=F("contest")), name="stage_not_its_own_previous"),
            models.CheckConstraint(
                condition=Q(budget_per_pick__isnull=True) | Q(budget_per_pick__gte=0), name="stage_budget_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contest.slug}: {self.get_chooser_level_display()}เลือก {self.quota}"


class StageFile(models.Model):
    """A file each pick of a stage must come with (the lessons-learned PDF, the video), and by when."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="files", verbose_name=_("stage"))
    code = models.SlugField(_("code"), max_length=40)
    name_th = models.CharField(_("name (th)"), max_length=200)
    name_en = models.CharField(_("name (en)"), max_length=200)
    kind = models.CharField(
        pgettext_lazy("contests.models.stages", "kind"),
        max_length=10,
        choices=FileKind.choices,
        default=FileKind.DOCUMENT,
    )
    deadline = models.DateField(_("deadline"))
    min_seconds = models.PositiveIntegerField(_("at least (s)"), null=True, blank=True)
    max_seconds = models.PositiveIntegerField(_("at most (s)"), null=True, blank=True)
    quote_th = models.TextField(_("the document's words"), blank=True)

    class Meta:
        db_table = "contests_stagefile"  # made by contests before the model moved here (stages 0001)
        ordering = ["stage", "deadline", "code"]
        verbose_name = _("required file")
        verbose_name_plural = _("required files")
        constraints = [
            models.UniqueConstraint(fields=["stage", "code"], name="stage_file_code_unique"),
            models.CheckConstraint(
                condition=Q(min_seconds__isnull=True)
                | Q(max_seconds__isnull=True)
                | Q(max_seconds__gte=F("min_seconds")),
                name="stage_file_seconds_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stage.contest.slug} {self.code}"


class StageEntry(models.Model):
    """One pick: `unit` enters the stage's contest, picked by `chooser` (a district or provincial office)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="entries", verbose_name=_("stage"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="stage_entries",
        verbose_name=pgettext_lazy("contests.models.stages", "unit"),
    )
    chooser = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="stage_picks", verbose_name=_("picked by office")
    )
    chosen_at = models.DateTimeField(_("picked at"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=pgettext_lazy("contests.models.stages", "recorded by"),
    )  # fmt: skip

    class Meta:
        db_table = "contests_stageentry"  # made by contests before the model moved here (stages 0001)
        ordering = ["stage", "chooser__dopa_code", "unit__dopa_code"]
        verbose_name = _("pick")
        verbose_name_plural = _("picks")
        constraints = [models.UniqueConstraint(fields=["stage", "unit"], name="stage_entry_once")]

    def __str__(self) -> str:
        return f"{self.stage.contest.slug}: {self.unit_id} by {self.chooser_id}"


class StageUpload(models.Model):
    """A file sent for one pick; every upload is kept, the latest counts."""

    entry = models.ForeignKey(StageEntry, on_delete=models.CASCADE, related_name="uploads", verbose_name=_("pick"))
    requirement = models.ForeignKey(
        StageFile, on_delete=models.PROTECT, related_name="uploads", verbose_name=_("required file")
    )
    file = models.FileField(_("file"), upload_to="stages/%Y/")
    sha256 = models.CharField("SHA-256", max_length=64)
    seconds = models.DecimalField(_("length (s)"), max_digits=9, decimal_places=2, null=True, blank=True)
    uploaded_at = models.DateTimeField(_("sent at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("sent by"),
    )  # fmt: skip

    class Meta:
        db_table = "contests_stageupload"  # made by contests before the model moved here (stages 0001)
        ordering = ["entry", "requirement", "-uploaded_at"]
        verbose_name = _("file sent")
        verbose_name_plural = _("files sent")

    def __str__(self) -> str:
        return f"{self.entry_id} {self.requirement_id}: {self.sha256[:12]}"


class RegisterSource(models.Model):
    """Where a register's rows came from: the file, its checksum, who imported it and the source named."""

    program = models.CharField(_("register"), max_length=40)
    name_th = models.CharField(pgettext_lazy("contests.models.stages", "source"), max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    imported_at = models.DateTimeField(_("imported at"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("imported by"),
    )  # fmt: skip

    class Meta:
        db_table = "contests_registersource"  # made by contests before the model moved here (stages 0001)
        ordering = ["-imported_at"]
        verbose_name = _("register source")
        verbose_name_plural = _("register sources")

    def __str__(self) -> str:
        return f"{self.program}: {self.name_th} ({self.file_name})"


class PastModel(models.Model):
    """A unit that was a model (e.g. a model subdistrict) at a level in a year, as a register says."""

    source = models.ForeignKey(
        RegisterSource,
        on_delete=models.PROTECT,
        related_name="entries",
        verbose_name=pgettext_lazy("contests.models.stages", "source"),
    )
    program = models.CharField(_("register"), max_length=40)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="past_models",
        verbose_name=pgettext_lazy("contests.models.stages.PastModel", "unit"),
    )
    year = models.PositiveSmallIntegerField(_("year (B.E.)"))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)

    class Meta:
        db_table = "contests_pastmodel"  # made by contests before the model moved here (stages 0001)
        ordering = ["program", "year", "unit__dopa_code"]
        verbose_name = _("past model")
        verbose_name_plural = _("register of past models")
        constraints = [
            models.UniqueConstraint(fields=["program", "unit", "year", "level"], name="past_model_once"),
            models.CheckConstraint(condition=Q(year__gte=2400), name="past_model_year_be"),
        ]

    def __str__(self) -> str:
        return f"{self.program} {self.year} {self.level}: {self.unit_id}"
