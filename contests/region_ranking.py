"""Ranking within each inspection region: a stage may rank its entrants region by region (seed 002), and
scoring ranks, settles ties and sorts its pages by the groups made here, asking the contest's stage by its
field only (`contest__stage__rank_within`), so that scoring never imports stages."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from contests.models import Level, Unit
from contests.regions import InspectionRegion, inspection_regions, region_of
from contests.tree import at_or_under


class RankWithin(models.TextChoices):
    """Among whom a stage's entrants are ranked: all together, or each inspection region's among themselves
    (seed 002: "ประกวดในระดับเขตตรวจราชการ", the contest runs in each of the 18 regions)."""

    ALL = "", _("all together")
    REGION = "region", _("within each inspection region")


def regions_of(unit_ids: Iterable[int]) -> dict[int, InspectionRegion | None]:
    """Each unit's inspection region, its province's (a district's, a subdistrict's or a village's province is
    its parent, grandparent or great-grandparent); None for Bangkok's units. One query."""
    fields = ("pk", "level", "code", "parent__code", "parent__parent__code", "parent__parent__parent__code")
    out = {}
    for pk, level, code, parent, grandparent, above in Unit.objects.filter(pk__in=list(unit_ids)).values_list(*fields):
        unit = {Level.PROVINCE: code, Level.DISTRICT: parent, Level.VILLAGE: above}.get(level, grandparent)
        out[pk] = region_of(unit) if unit else None
    return out


def rank_groups(within: str, unit_ids: Iterable[int]) -> dict[int, int] | None:
    """Which group each entrant is ranked in (a stage's `rank_within`): None when all are ranked together
    (no query), else the number of each one's inspection region (0: none, Bangkok)."""
    if within != RankWithin.REGION:
        return None
    return {pk: region.number if region else 0 for pk, region in regions_of(unit_ids).items()}


NO_REGION = 99  # sorts after the 18 regions: Bangkok's units, which no region holds


def region_number(unit: str, contest: str) -> Case:
    """SQL for the inspection region a row's unit (`unit`: the path to it) is ranked in when its contest
    (`contest`: the path to it) ranks within regions, so that a page sorts and pages its rows region by
    region in the query itself: 0 for every other contest (its order unchanged), NO_REGION for none."""
    whens = [When(at_or_under(r.provinces, f"{unit}__", "code"), then=Value(r.number)) for r in inspection_regions()]
    return Case(
        When(~Q(**{f"{contest}__stage__rank_within": RankWithin.REGION}), then=Value(0)),
        *whens,
        default=Value(NO_REGION),
        output_field=IntegerField(),
    )
