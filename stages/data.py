"""A selection in stages (seed 002), the data it stands on: the register of past models that bars a unit
(`register_import`, its source recorded) and the stages themselves (`stages_load`, contests/data/stages.json).
The picks and files are stages/services.py's."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.hooks import results_stale
from contests.models import Contest, Level, Unit
from contests.region_ranking import RankWithin
from core.errors import PortalError, RowError, RowsError
from core.numbers import is_whole
from core.sheets.tabular import read_rows
from rubrics import services
from rulebook.dates import parse_date
from scoring.recompute import results_ensure
from stages.models import Barred, FileKind, PastModel, RegisterSource, Stage, StageFile

STAGES_FILE = Path(__file__).resolve().parents[1] / "contests" / "data" / "stages.json"
RUBRICS = Path(__file__).resolve().parents[1] / "rubrics" / "rubric_files"
STAGE_REASON = "โหลดเกณฑ์พร้อมขั้นการคัดเลือก (stages_load)"


LEVEL_WORDS = {"district": Level.DISTRICT, "อำเภอ": Level.DISTRICT, "province": Level.PROVINCE, "จังหวัด": Level.PROVINCE}


def register_import(*, program: str, data: bytes, filename: str, source_name: str, user) -> RegisterSource:
    """Imports a register of past models (CSV or XLSX: `code` the unit's DOPA code, `year` in B.E., `level`
    district/province or อำเภอ/จังหวัด), recording where it came from. All rows or none; a row already in
    the register stays with the source that first gave it."""
    source_name = (source_name or "").strip()
    if not source_name:
        raise PortalError(
            gettext_lazy("name the register's source (e.g. the Department's online reporting system, as of …)"),
            code="no_source",
        )
    rows = read_rows(data, filename, required=("code", "year", "level"))
    codes = {(r.get("code") or "").strip() for r in rows}
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    errors, parsed = [], []
    for number, row in enumerate(rows, start=2):
        code, year, level = ((row.get(k) or "").strip() for k in ("code", "year", "level"))
        if not (code or year or level):
            continue
        unit = units.get(code)
        if unit is None:
            errors.append(
                RowError(
                    number,
                    format_lazy(gettext_lazy("no unit “{code}” (use the 6-digit DOPA code)"), code=code),
                )
            )
            continue
        if not is_whole(year) or not 2400 <= int(year) <= 2700:
            errors.append(
                RowError(number, format_lazy(gettext_lazy("the year must be 4-digit B.E., got “{year}”"), year=year))
            )
            continue
        if level.lower() not in LEVEL_WORDS:
            errors.append(
                RowError(
                    number,
                    format_lazy(gettext_lazy("level must be district or province, got “{level}”"), level=level),
                )
            )
            continue
        parsed.append((unit, int(year), LEVEL_WORDS[level.lower()]))
    if errors:
        raise RowsError(errors)
    with transaction.atomic():
        source = RegisterSource.objects.create(
            program=program,
            name_th=source_name,
            file_name=Path(filename).name,
            sha256=hashlib.sha256(data).hexdigest(),
            rows=len(parsed),
            imported_at=timezone.now(),
            imported_by=user,
        )
        for unit, year_be, at_level in parsed:
            PastModel.objects.get_or_create(
                program=program, unit=unit, year=year_be, level=at_level, defaults={"source": source}
            )
    return source


@transaction.atomic
def stages_load(*, data: dict | None = None, rubrics: Mapping[str, dict] | None = None) -> list[Stage]:
    """Loads the stages (`contests/data/stages.json`). A stage's contest not there yet is loaded with it: from
    `rubrics` (slug → rubric data) or the shipped file of its name, or, for `copy_rubric` (e.g. the regional
    contest of seed 002 judged on the same criteria), a copy of that one renamed. Loading again updates in
    place; picks are never touched."""
    data = data if data is not None else json.loads(STAGES_FILE.read_text(encoding="utf-8"))
    loaded = []
    for spec in data["stages"]:
        contest = Contest.objects.filter(slug=spec["contest"]).first()
        rubric = None
        if contest is None:
            rubric = _stage_rubric(spec, rubrics or {})
            # The contest and its stage first, the rubric after: a staged contest's entrants are its picks
            # (contests.actor.contest_entrants), so the load makes no result row for each of the 7,282
            # subdistricts only to drop them all a moment later (half of `bootstrap --demo` once).
            block = rubric["contest"]
            organiser = block.get("organiser")
            contest = Contest.objects.create(
                slug=spec["contest"],
                name_th=rubric["name_th"],
                name_en=rubric["name_en"],
                year=rubric["year"],
                entrant_level=block["entrant_level"],
                organiser=Unit.objects.get(dopa_code=organiser, level=Level.PROVINCE) if organiser else None,
            )
        previous = Contest.objects.get(slug=spec["previous"]) if spec.get("previous") else None
        stage, _ = Stage.objects.update_or_create(
            contest=contest,
            defaults={
                "previous": previous,
                "chooser_level": spec["chooser_level"],
                "quota": spec["quota"],
                "deadline": parse_date(spec["deadline"]),
                "register": spec.get("register", ""),
                "barred_from": spec.get("barred_from"),
                "barred_to": spec.get("barred_to"),
                "barred": spec.get("barred", Barred.ANY),
                "quote_th": spec.get("quote_th", ""),
                "rank_within": spec.get("rank_within", RankWithin.ALL),
                "budget_per_pick": Decimal(spec["budget_per_pick"]) if spec.get("budget_per_pick") else None,
            },
        )
        for f in spec.get("files", []):
            StageFile.objects.update_or_create(
                stage=stage,
                code=f["code"],
                defaults={
                    "name_th": f["name_th"],
                    "name_en": f["name_en"],
                    "kind": f.get("kind", FileKind.DOCUMENT),
                    "deadline": parse_date(f["deadline"]),
                    "min_seconds": f.get("min_seconds"),
                    "max_seconds": f.get("max_seconds"),
                    "quote_th": f.get("quote_th", ""),
                },
            )
        if rubric is not None:  # into the contest just made: its history says so
            services.rubric_load(data=rubric, reason=STAGE_REASON)
        # Its entrants are its picks from now on (none before the first), whatever a rubric file once set
        # (a reload used to empty them): the standings follow at once.
        contest.entrants.set(Unit.objects.filter(stage_entries__stage=stage))
        for period in contest.rubrics.all():
            results_ensure(period)
            results_stale(rubric_id=period.pk)
        loaded.append(stage)
    return loaded


def _stage_rubric(spec: Mapping, rubrics: Mapping[str, dict]) -> dict:
    source = spec.get("copy_rubric") or spec["contest"]
    rubric = copy.deepcopy(rubrics.get(source)) or json.loads((RUBRICS / f"{source}.json").read_text(encoding="utf-8"))
    if spec.get("copy_rubric"):
        rubric["contest"] = {**rubric["contest"], "slug": spec["contest"]}
        rubric["name_th"], rubric["name_en"] = spec["name_th"], spec["name_en"]
        rubric["awards"] = []  # the guide names no prize at the regional level
    return rubric
