"""Administrative units: the provinces, districts and subdistricts that enter contests."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH = "north", _("North")
    NORTHEAST = "northeast", _("Northeast")
    CENTRAL = "central", _("Central")
    EAST = "east", _("East")
    WEST = "west", _("West")
    SOUTH = "south", _("South")


class SizeGroup(models.TextChoices):
    SMALL = "small", _("small")
    MEDIUM = "medium", _("medium")
    LARGE = "large", _("large")


class Level(models.TextChoices):
    PROVINCE = "province", _("province")
    DISTRICT = "district", _("district")
    SUBDISTRICT = "subdistrict", _("subdistrict")
    VILLAGE = "village", _("village")  # หมู่บ้าน: the Department's village contests, some 75,000 entrants


STAFFED = (Level.PROVINCE, Level.DISTRICT)


class UnitQuerySet(models.QuerySet):
    def provinces(self):
        """The 76 provincial CDD offices that compete nationally (Bangkok is a province but no CDD office)."""
        return self.filter(level=Level.PROVINCE, is_cdd_office=True)

    def offices(self):
        """The CDD offices with staff of their own: the 76 provincial offices and the district offices under
        them. A subdistrict enters contests but has no staff; its district office files and picks for it."""
        return self.filter(level__in=STAFFED, is_cdd_office=True)


class Unit(models.Model):
    """An administrative unit: province, district or subdistrict. `code` is the public code: ISO 3166-2:TH for
    provinces (kept so existing URLs and exports stay), the DOPA code for the others."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    dopa_code = models.CharField(_("DOPA code"), max_length=8, unique=True)
    level = models.CharField(_("level"), max_length=11, choices=Level.choices, default=Level.PROVINCE)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    is_cdd_office = models.BooleanField(_("CDD office"), default=True)
    name_th = models.CharField(_("name (th)"), max_length=100)
    name_en = models.CharField(_("name (en)"), max_length=100)
    size_group = models.CharField(_("size group"), max_length=10, choices=SizeGroup.choices, blank=True)
    region = models.CharField(_("region"), max_length=10, choices=Region.choices, blank=True)
    # Spellings met in the Department's own documents (the seed writes อุตรธานี for อุดรธานี).
    aliases_th = models.JSONField(_("other spellings"), default=list, blank=True)
    # Thai dictionary order (ก–ฮ) as a number, so SQL sorts lists of Thai names right on every engine:
    # ORDER BY name_th puts เ แ โ ใ ไ after ฮ. Set by contests.units.units_collate after each load.
    name_order = models.PositiveIntegerField(_("Thai order"), default=0, editable=False, db_index=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        db_table = "scoring_province"  # made by scoring before the model moved here (contests 0001)
        ordering = ["code"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        constraints = [
            # District and subdistrict names repeat across the country, never under one parent.
            models.UniqueConstraint(fields=["parent", "name_th"], name="unit_name_th_per_parent"),
            models.UniqueConstraint(
                fields=["name_th"], condition=Q(level=Level.PROVINCE), name="unit_province_name_th_unique"
            ),
            models.UniqueConstraint(
                fields=["name_en"], condition=Q(level=Level.PROVINCE), name="unit_province_name_en_unique"
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        level=Level.PROVINCE,
                        parent__isnull=True,
                        code__regex=r"^TH-[0-9]{2}$",
                        dopa_code__regex=r"^[0-9]{2}$",
                    )
                    | Q(level=Level.DISTRICT, parent__isnull=False, dopa_code__regex=r"^[0-9]{4}$")
                    | Q(level=Level.SUBDISTRICT, parent__isnull=False, dopa_code__regex=r"^[0-9]{6}$")
                    | Q(level=Level.VILLAGE, parent__isnull=False, dopa_code__regex=r"^[0-9]{8}$")
                ),
                name="unit_level_shape",
            ),
            # ISO 3166-2:TH uses the DOPA province number: TH-20 is 20.
            models.CheckConstraint(
                condition=Q(level=Level.PROVINCE, code=Concat(models.Value("TH-"), "dopa_code"))
                | (~Q(level=Level.PROVINCE) & Q(code=models.F("dopa_code"))),
                name="unit_code_matches_dopa",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name_th} ({self.code})"

    @property
    def has_staff(self) -> bool:
        """One of `UnitQuerySet.offices`: staff and organisers may belong to it."""
        return self.is_cdd_office and self.level in STAFFED
