"""The dashboard's counts over every entrant, done in the database: a contest can have 7,255 entrants ×
20 criteria, and the page shows 100 of them. Nothing here loads a row per entrant."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, F, Func, Max, Min, OuterRef, Q, QuerySet, Sum, TextField
from django.db.models.expressions import Value
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast, Coalesce

from core.process_cache import Kept
from rubrics.models import AwardTier, ContestPeriod, Dimension
from rulebook.rules import KINDS
from scoring import hooks
from scoring.models import Fact, Standing

FIELDS = ("pk", "change_seq", "computed_seq", "award", "total", "rank")  # what summary reads of each entrant
BINS = 5  # the dimension charts: how many entrants fall in each fifth of the dimension's range
# Points have 2 places (the model's); 4 leave room, and a fifth's edge (maximum × i / 5) has at most one more.
POINTS: DecimalField = DecimalField(max_digits=12, decimal_places=4)


class JsonText(Func):
    """One key of a JSON object, as text. Django's own key transform takes a key like "1" (a dimension
    code) for an array index on PostgreSQL, and finds nothing."""

    output_field = TextField()

    def __init__(self, column: str, key: str) -> None:
        super().__init__(F(column), Value(key))
        self.key = key

    def as_sql(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"({column} ->> %s::text)", (*params, self.key)

    def as_sqlite(self, compiler, connection, **extra):
        column, params = compiler.compile(self.source_expressions[0])
        return f"JSON_EXTRACT({column}, %s)", (*params, f'$."{self.key}"')


@dataclass
class Summary:
    """What the dashboard shows about all entrants, from one aggregate query."""

    entrants: int = 0
    stale: int = 0
    unranked: int = 0  # entrants never ranked yet (no place)
    marks: tuple = ()  # changes whenever a fact of an entrant changes (see recorded_counts)
    holders: dict[str, int] = field(default_factory=dict)  # award code → entrants holding it
    lowest: dict[str, Decimal] = field(default_factory=dict)  # award code → its lowest total
    spread: list[list[int]] = field(default_factory=list)  # per dimension, entrants per fifth of its range


def _points(dimension: Dimension):
    """The entrant's points in the dimension, as an exact decimal; a missing dimension counts as 0."""
    return Coalesce(Cast(JsonText("dimensions", dimension.code), POINTS), Value(Decimal(0), output_field=POINTS))


KEPT_FROM = 5000  # entrants from which a contest's summary is kept between reads (75,000 villages: ~0.5 s)
_KEPT: dict[int, tuple[tuple, Summary]] = {}  # rubric id → (what it was read at, the summary)


def summary(rubric: ContestPeriod, tiers: list[AwardTier], dimensions: list[Dimension]) -> Summary:
    """`counted`, kept per process for a large contest while nothing in it changed: points and places change
    only when the standings are written (ContestPeriod.standings_computed_at), and any other change (a fact written,
    an entrant added or removed) marks entrants stale until then, which the stale entrants' own marks show,
    read alone off the index `result_stale` (1 query; 2 when anything changed since)."""
    kept = _KEPT.get(rubric.pk)
    at = (rubric.standings_computed_at, tuple(t.pk for t in tiers), tuple(d.pk for d in dimensions))
    if kept is not None and kept[0] == (*at, *_stale_marks(rubric)):
        return kept[1]
    got = counted(rubric, tiers, dimensions)
    if got.entrants >= KEPT_FROM:
        _KEPT[rubric.pk] = ((*at, *_stale_marks(rubric)), got)
    else:
        _KEPT.pop(rubric.pk, None)
    return got


def _stale_marks(rubric: ContestPeriod) -> tuple:
    stale = Standing.objects.filter(rubric=rubric, change_seq__gt=F("computed_seq")).order_by()
    return tuple(stale.aggregate(n=Count("pk"), seq=Sum("change_seq"), last=Max("pk")).values())


def counted(rubric: ContestPeriod, tiers: list[AwardTier], dimensions: list[Dimension]) -> Summary:
    """Entrants, stale marks, each tier's holders and lowest total, and each dimension's spread (1 query).

    A fifth is as the chart always counted it: share = points / maximum, fifth = min(int(share × 5), 4),
    so "in fifth i or above" is points ≥ maximum × i / 5: a decimal with a finite expansion, compared exactly."""
    aggregates = {
        "entrants": Count("pk"),
        "stale": Count("pk", filter=Q(change_seq__gt=F("computed_seq"))),
        "unranked": Count("pk", filter=Q(rank__isnull=True)),
        "seq": Sum("change_seq"),
        "last": Max("pk"),
    }
    for i, tier in enumerate(tiers):
        aggregates[f"held_{i}"] = Count("pk", filter=Q(award=tier.code))
        aggregates[f"lowest_{i}"] = Min("total", filter=Q(award=tier.code))
    points = {}
    for j, d in enumerate(dimensions):
        if d.max_points > 0:
            points[f"points_{j}"] = _points(d)
            for i in range(1, BINS):
                at_least = Decimal(d.max_points) * i / BINS
                aggregates[f"dim_{j}_{i}"] = Count("pk", filter=Q(**{f"points_{j}__gte": at_least}))
    # distinct() (the rows are distinct anyway) makes Django aggregate over a subquery, which reads each
    # dimension's points once per row rather than once per fifth: a third of the time on PostgreSQL.
    rows = Standing.objects.filter(rubric=rubric).order_by()
    got = rows.values(*FIELDS).annotate(**points).distinct().aggregate(**aggregates)
    n = got["entrants"]
    spread = []
    for j in range(len(dimensions)):
        # Entrants at or above each fifth's lower edge, then the differences; a 0 maximum puts all in the first.
        above = [n] + [got.get(f"dim_{j}_{i}", 0) for i in range(1, BINS)] + [0]
        spread.append([above[i] - above[i + 1] for i in range(BINS)])
    return Summary(
        entrants=n,
        stale=got["stale"],
        unranked=got["unranked"],
        marks=(n, got["seq"], got["last"]),
        holders={t.code: got[f"held_{i}"] for i, t in enumerate(tiers)},
        lowest={t.code: got[f"lowest_{i}"] for i, t in enumerate(tiers) if got[f"held_{i}"]},
        spread=spread,
    )


def recorded_facts(rubric: ContestPeriod) -> QuerySet:
    """The facts that stand for a submission, with a value (an empty one means "not recorded"): any fact of a
    criterion that asks for no evidence, and a receipt wherever it is recorded (`Rule.receipt_param`: the
    date the Department stamped the sending received counts as sent, as the standings count it). Other facts
    imported centrally are no submission where the rubric asks for evidence: there "missing" means nothing
    uploaded and nothing received, and visible evidence (`hooks.submitted_sources`) counts too."""
    asks_no_evidence = Q(criterion__evidence_th="", criterion__evidence_en="")
    return Fact.objects.filter(asks_no_evidence | _receipts(), rubric=rubric).exclude(value="").order_by()


def _receipts() -> Q:
    """A fact that is its criterion's receipt: named by the parameter its rule's kind declares."""
    q = Q(pk__in=[])
    for kind, cls in KINDS.items():
        if cls.receipt_param:
            q |= Q(criterion__rule__kind=kind, name=KeyTextTransform(cls.receipt_param, "criterion__rule"))
    return q


def _recorded_pair(rubric: ContestPeriod, unit: str, criterion: str) -> Exists:
    """A recorded fact for the outer row's entrant and criterion (its columns named by `unit`, `criterion`)."""
    return Exists(recorded_facts(rubric).filter(unit_id=OuterRef(unit), criterion_id=OuterRef(criterion)))


def _entrants(rubric: ContestPeriod) -> QuerySet:
    return Standing.objects.filter(rubric=rubric).order_by().values("unit_id")


_RECORDED: Kept[dict[int, int]] = Kept()


def recorded_counts(rubric: ContestPeriod, marks: tuple) -> dict[int, int]:
    """criterion id → entrants with a recorded fact for it (`recorded_facts`).

    This reads every fact of the year (261,180 for the 7,255 subdistricts: ~150 ms on PostgreSQL), so it is
    kept per process under the entrants' change marks (`Summary.marks`): every write of a fact bumps its
    entrant's mark in the same transaction (recompute.results_mark_dirty), and the marks only grow, so a
    fact written after the marks were read gives new marks and a new count."""

    def count() -> dict[int, int]:
        rows = (
            recorded_facts(rubric)
            .filter(unit_id__in=_entrants(rubric))
            .values("criterion_id")
            .annotate(n=Count("unit_id", distinct=True))
            .values_list("criterion_id", "n")
        )
        return dict(rows)

    return _RECORDED.get((rubric.pk, rubric.revision, *marks), count)


def forget_counts() -> None:
    """Drops the kept counts: for tests, whose rolled-back databases can repeat another test's marks."""
    _RECORDED.clear()


def _same_pair(source: QuerySet, unit: str, criterion: str) -> Exists:
    return Exists(source.filter(unit=OuterRef(unit), criterion=OuterRef(criterion)))


def unrecorded_counts(rubric: ContestPeriod) -> Counter:
    """criterion id → entrants with something from `hooks.submitted_sources` (evidence) but no recorded fact.

    Added to recorded_counts, each entrant with anything submitted counts once. Read live: it costs what
    there is of evidence, not of facts (1 query per source)."""
    counts: Counter = Counter()
    earlier: list[QuerySet] = []
    for source in hooks.submitted_sources(rubric):
        rows = source.filter(unit__in=_entrants(rubric)).exclude(_recorded_pair(rubric, "unit", "criterion"))
        for other in earlier:  # a pair two sources share counts once
            rows = rows.exclude(_same_pair(other, "unit", "criterion"))
        counts.update(
            dict(rows.values("criterion").annotate(n=Count("unit", distinct=True)).values_list("criterion", "n"))
        )
        earlier.append(source)
    return counts


def submitted_counts(rubric: ContestPeriod, marks: tuple) -> dict[int, int]:
    """criterion id → entrants with a recorded fact or visible evidence for it."""
    counts = Counter(recorded_counts(rubric, marks))
    counts.update(unrecorded_counts(rubric))
    return dict(counts)
