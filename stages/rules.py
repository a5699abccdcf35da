"""A stage's own data and checks, without the actor: who may be picked (the pool), who is barred by the
register of past models and why, and what a pick still lacks. Writes that ask who is acting are in
stages.services."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from contests.models import Contest, Level, Unit
from contests.regions import InspectionRegion, inspection_regions, region_of
from contests.tree import at_or_under, under
from core.i18n import _, either, format_lazy, pgettext_lazy
from core.thai import digits
from stages.models import Barred, PastModel, RankWithin, Stage, StageEntry, StageFile


def stage_of(contest: Contest | None) -> Stage | None:
    """The contest's stage, or None for a contest whose entrants are not picked by a stage below."""
    if contest is None:
        return None
    try:
        return contest.stage
    except Stage.DoesNotExist:
        return None


def stage_pool(stage: Stage, office: Unit) -> QuerySet[Unit]:
    """What `office` may pick from: the previous stage's picks under it, or (a first stage) its subdistricts."""
    if stage.previous_id is not None:
        units = Unit.objects.filter(stage_entries__stage__contest_id=stage.previous_id)
    else:
        units = Unit.objects.filter(level=stage.contest.entrant_level, is_cdd_office=True)
    return units.filter(under(office)).order_by("name_order", "dopa_code")


def stage_picks(stage: Stage, office: Unit) -> QuerySet[StageEntry]:
    return stage.entries.filter(chooser=office).select_related("unit", "chosen_by")


def barred_reason(stage: Stage, unit: Unit):
    """Why the register bars `unit` from this stage (a lazy text in the page's language), or None when it may
    be picked."""
    if not stage.register or stage.barred_from is None:
        return None
    rows = PastModel.objects.filter(
        program=stage.register, unit=unit, year__gte=stage.barred_from, year__lte=stage.barred_to
    )
    if stage.barred == Barred.PROVINCE:
        rows = rows.filter(level=Level.PROVINCE)
    past = rows.select_related("source").order_by("year").first()
    if past is None:
        return None
    years = f"{stage.barred_from}–{stage.barred_to}"
    return format_lazy(
        _(
            "{unit} ({code}) was a {level}-level model in B.E. {year} according to “{source}”, so it cannot be"
            " picked: it must not have been {rule} in B.E. {years}"
        ),
        unit=either(unit.name_th, unit.name_en),
        code=unit.code,
        level=Level(past.level).label,
        year=digits(past.year),
        source=past.source.name_th,
        rule=BARRED_WORDS[Barred(stage.barred)],
        years=digits(years),
    )


BARRED_WORDS = {
    Barred.ANY: pgettext_lazy("stages.barred", "a model"),
    Barred.PROVINCE: pgettext_lazy("stages.barred", "a provincial model"),
}


@dataclass(frozen=True)
class Missing:
    """A file a pick still lacks, and by when it is due."""

    entry: StageEntry
    requirement: StageFile


def files_missing(stage: Stage, office: Unit) -> list[Missing]:
    """Each of the office's picks × each required file with no upload yet."""
    requirements = list(stage.files.all())
    entries = stage_picks(stage, office).prefetch_related("uploads")
    missing = []
    for entry in entries:
        sent = {u.requirement_id for u in entry.uploads.all()}
        missing += [Missing(entry, r) for r in requirements if r.pk not in sent]
    return missing


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
