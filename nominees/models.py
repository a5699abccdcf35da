"""The person an entrant office nominates in a contest that honours people (`Contest.nominates`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contests.models import Contest, Unit

NAME_MAX = 150
POSITION_MAX = 200


class Employment(models.TextChoices):
    """How the person is employed, as the Department's offices name their staff (seed 001 nominates a
    "ข้าราชการในสังกัด"; the others work beside them: พนักงานราชการ, ลูกจ้างประจำ, ลูกจ้างชั่วคราว, จ้างเหมาบริการ)."""

    CIVIL_SERVANT = "civil_servant", _("civil servant")
    GOVERNMENT_EMPLOYEE = "government_employee", _("government employee")
    PERMANENT_EMPLOYEE = "permanent_employee", _("permanent employee")
    TEMPORARY_EMPLOYEE = "temporary_employee", _("temporary employee")
    CONTRACTOR = "contractor", _("service contractor")


class NomineeState(models.TextChoices):
    ACTIVE = "active", _("nominated")
    WITHDRAWN = "withdrawn", pgettext_lazy("contests.models.nominees", "withdrawn")


class NomineeFields(models.Model):
    """What an office sends about its nominee; the current state and every version carry the same."""

    name_th = models.CharField(_("full name (th)"), max_length=NAME_MAX)
    position_th = models.CharField(_("position (th)"), max_length=POSITION_MAX)
    name_en = models.CharField(_("name (en)"), max_length=NAME_MAX, blank=True)
    # Blank only for a nominee sent before the portal asked (contests 0002) or in a contest whose rubric
    # sets no eligibility (nominees.eligibility); a contest that does requires both.
    employment = models.CharField(_("employment type"), max_length=20, choices=Employment.choices, blank=True)
    office = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("office worked in"),
    )  # fmt: skip
    # A withdrawal ("ถอนรายชื่อ") is a version of its own: the office may then nominate someone else.
    state = models.CharField(_("state"), max_length=12, choices=NomineeState.choices, default=NomineeState.ACTIVE)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )  # fmt: skip

    class Meta:
        abstract = True


class Nominee(NomineeFields):
    """One office's nominee in one contest, as it stands now; every version is kept in NomineeVersion."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="nominees", verbose_name=_("contest"))
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="nominees",
        verbose_name=_("nominating office"),
    )
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        db_table = "scoring_nominee"  # made by scoring before the model moved here (contests 0001)
        ordering = ["contest", "unit__dopa_code"]
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        constraints = [models.UniqueConstraint(fields=["contest", "unit"], name="nominee_one_per_entrant")]

    def __str__(self) -> str:
        return f"{self.name_th} {self.position_th}"


class NomineeVersion(NomineeFields):
    """Every name an office has sent, the first included: a change never loses the earlier nominee."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField(_("version"))

    class Meta:
        db_table = "scoring_nomineeversion"  # made by scoring before the model moved here (contests 0001)
        ordering = ["nominee", "-version"]
        verbose_name = _("nominee history")
        verbose_name_plural = _("nominee history")
        constraints = [models.UniqueConstraint(fields=["nominee", "version"], name="nominee_version_unique")]

    def __str__(self) -> str:
        return f"{self.nominee_id} v{self.version}: {self.name_th}"
