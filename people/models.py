"""Who someone is in the portal: their role, their province, the provinces they must not judge.

People sit below contests in the layers (docs/architecture.md) yet name contests' Province: only by the
lazy "contests.Unit" reference, never an import, so the code still depends downward only.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

USER = settings.AUTH_USER_MODEL
UNIT = "contests.Unit"


class Role(models.TextChoices):
    # Staff of one office: a provincial office in the national contest, a district office (or any unit)
    # in a contest among districts; they file evidence for that office wherever it is an entrant.
    OFFICE_STAFF = "provincial", _("office staff")
    COMMITTEE = "committee", _("committee member")
    CHAIR = "chair", _("committee chair")
    CENTRAL = "central", _("central staff")
    # An office's staff who run that office's own contests among the units under it, or pick for its stage
    # (a district office choosing its subdistrict): for those they are what central staff are nationally.
    ORGANISER = "organiser", _("contest organiser (an office)")

    @classmethod
    def with_office(cls) -> tuple[str, ...]:
        return (cls.OFFICE_STAFF, cls.ORGANISER)


class Membership(models.Model):
    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="membership", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    unit = models.ForeignKey(
        UNIT,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
        verbose_name=_("unit"),
        db_column="province_id",
    )

    class Meta:
        db_table = "scoring_membership"  # made by scoring before the model moved here (people 0001)
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # Office staff and organisers belong to exactly one office; nobody else belongs to one.
            models.CheckConstraint(
                condition=(Q(role__in=["provincial", "organiser"]) & Q(unit__isnull=False))
                | (~Q(role__in=["provincial", "organiser"]) & Q(unit__isnull=True)),
                name="membership_office_iff_office_role",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_role_display()}"


class Conflict(models.Model):
    """A member with a conflict of interest with a unit (their home province, a district they worked in)
    neither sees nor scores it, nor any unit under it (contests.tree): declared at any level."""

    member = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("member"))
    unit = models.ForeignKey(
        UNIT,
        on_delete=models.PROTECT,
        related_name="committee_conflicts",
        verbose_name=_("unit"),
        db_column="province_id",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        USER, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        db_table = "committee_conflict"  # made by committee before the model moved here (people 0001)
        ordering = ["member_id", "unit__code"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["member", "unit"], name="conflict_unique")]

    def __str__(self) -> str:
        return f"{self.member} × {self.unit}"
