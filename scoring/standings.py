"""The standings as every reader gets them (the API, exports, snapshots, `manage.py standings`): stored
rows with their explanations, those a recompute left for the explanation pass built here on read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from itertools import pairwise

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.models import Unit
from contests.region_ranking import RankWithin, regions_of
from core.i18n import Text, either
from core.thai import fmt_points, thai_datetime
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.engine import decided_by
from scoring.explanations import filled
from scoring.models import Standing, TieDecision, TieMethod
from scoring.selectors import region_fields

ROW_FIELDS = ("rank", "total", "level", "dimensions", "criteria", "explanations", "explained", "award", "tied",
              "award_tie", "computed_at", "unit__code", "unit__name_th", "unit__name_en",
              "rubric__contest__stage__rank_within", "unit_id")  # fmt: skip


def standings_rows(rubric: ContestPeriod) -> list[dict]:
    """The standings as the API and `manage.py standings` give them.

    Read as plain values, not model rows: 7,255 entrants are then no 14,510 instances."""
    tiers = {t.code: t for t in rubric.award_tiers.all()}
    banded = [d for d in rubric_spec(rubric).dimensions if d.level_bands]  # seed 003: each mission has levels
    results = list(Standing.objects.filter(rubric=rubric).order_by("rank", "unit__code").values_list(*ROW_FIELDS))
    # What a recompute left for the explanation pass is built here, so no reader ever sees it missing.
    texts = filled(rubric, ((row[-1], row[5], row[6], row[10]) for row in results))
    # A contest ranked within each inspection region (Stage.rank_within): every row names its region.
    regions = regions_of(r[-1] for r in results) if results and results[0][-2] == RankWithin.REGION else None
    rows = []
    for rank, total, level, dimensions, criteria, _, _, award, tied, award_tie, at, code, th, en, _, unit in results:
        explanations = texts[unit]
        tier = tiers.get(award)
        rows.append(
            {
                **(region_fields(regions[unit]) if regions is not None else {}),
                "rank": rank,
                # The entrant's public code: ISO 3166-2 for a province, the DOPA code for a district or subdistrict.
                "entrant": code,
                "name": th,
                "name_en": en,
                "province": code,
                "province_name_th": th,
                "province_name_en": en,
                "total": fmt_points(total),  # "10", like the dimensions, never "10.00"
                "level": level,
                "dimensions": dimensions,
                **(
                    {"dimension_levels": {d.code: d.level_for(Decimal(dimensions.get(d.code, "0"))) for d in banded}}
                    if banded
                    else {}
                ),
                "criteria": criteria,
                "explanations": {k: v["th"] for k, v in explanations.items()},
                "explanations_en": {k: v["en"] for k, v in explanations.items()},
                "award": award or None,
                "award_name_th": tier.name_th if tier else None,
                "award_name_en": tier.name_en if tier else None,
                "tied": tied,
                "award_tie": award_tie,
                # Decision 10: why an entrant is not listed, when it is for lack of points.
                "award_note_th": "" if award or total > 0 else "คะแนนรวม 0 ไม่มีสิทธิ์รับรางวัล",
                "award_note_en": "" if award or total > 0 else "total 0: not eligible for an award",
                "computed_at": at.isoformat() if at else None,
            }
        )
    if regions is not None:  # region by region, each ranked from 1
        rows.sort(key=lambda r: (r["region"] or 99, r["rank"] or 0, r["entrant"]))
    return rows


def as_of(value: datetime | None):
    """ "ข้อมูล ณ …" with a Buddhist-Era Thai date, or "as of …" in English: Bangkok time, to the second."""
    if value is None:
        return gettext_lazy("not computed yet")
    local = timezone.localtime(value)
    when = either(thai_datetime(local, seconds=True), f"{local:%Y-%m-%d %H:%M:%S} (B.E. {local.year + 543})")
    return format_lazy(gettext_lazy("as of {when}"), when=when)


def published_rubrics(limit: int = 50) -> list[ContestPeriod]:
    """The contest years whose results are announced, newest announcement first: public, as on the
    Department's website (the landing page of a visitor who is not signed in)."""
    rows = ContestPeriod.objects.filter(snapshot__published_at__isnull=False).select_related("contest", "snapshot")
    return list(rows.order_by("-snapshot__published_at")[:limit])


@dataclass(frozen=True)
class Decided:
    """An entrant's place in a tie at an award line the committee ordered (scoring.ties.settle), as the results
    say it: its place among the tied, how the order was decided and why."""

    place: int
    of: int
    total: Decimal
    method: Text
    reason: str


def tie_decisions_by_entrant(rubric: ContestPeriod) -> dict[str, Decided]:
    """The latest decision on each tie the committee put in order (not a shared award), by entrant code."""
    latest: dict[str, TieDecision] = {}
    for decision in TieDecision.objects.filter(rubric=rubric).exclude(method=TieMethod.SHARED):
        latest.setdefault(decision.rank_key, decision)  # newest first: a later decision replaces an earlier one
    ids = [unit for decision in latest.values() for unit in decision.entrants]
    codes = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "code"))
    return {
        codes[unit]: Decided(n, len(d.entrants), d.total, d.get_method_display(), d.reason)
        for d in latest.values()
        for n, unit in enumerate(d.entrants, start=1)
        if unit in codes
    }


def tie_breaks(rows: list[dict], tie_break: Sequence[str], rubric: ContestPeriod | None = None) -> list[dict]:
    """Standings rows (a snapshot's), those of equal totals ranked apart given `decided_by`: the tie-break
    dimension that placed each against the row above it (a group's first row: the one below), with both
    entrants' points there, so a reader sees why. With `rubric`, the rows of a tie at an award line the committee
    put in order are no longer a tie: each gets `decided`, its place and the decision (read only when a row is
    tied)."""
    out = [dict(r) for r in rows]
    decided = tie_decisions_by_entrant(rubric) if rubric is not None and any(r.get("tied") for r in out) else {}
    for row in out:
        decision = decided.get(row.get("entrant") or row["province"])
        if decision is not None and decision.total == Decimal(row["total"]):
            row["tied"], row["decided"] = False, decision
    for above, below in pairwise(out):
        same_group = above["total"] == below["total"] and above.get("region") == below.get("region")
        if not same_group or above["rank"] == below["rank"]:
            continue
        dimension = decided_by(above["dimensions"], below["dimensions"], tie_break)
        if dimension is None:
            continue
        said = {id(r): fmt_points(Decimal(r["dimensions"].get(dimension) or 0)) for r in (above, below)}
        for row, other in ((below, above), (above, below)):  # below: against the row above it; a group's top: below
            row.setdefault(
                "decided_by",
                {"dimension": dimension, "points": said[id(row)], "other": other["province_name_th"],
                 "other_points": said[id(other)]},
            )  # fmt: skip
    return out
