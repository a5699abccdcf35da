"""A stage's own data and checks, without the actor: who may be picked (the pool), who is barred by the
register of past models and why, and what a pick still lacks. Writes that ask who is acting are in
stages.services."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from contests.models import Contest, Level, Unit
from contests.tree import under
from core.i18n import _, either, format_lazy, pgettext_lazy
from core.thai import digits
from stages.models import Barred, PastModel, Stage, StageEntry, StageFile


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
