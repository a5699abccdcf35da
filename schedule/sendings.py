"""What was sent for each entrant's criterion: the uploads, the Department's receipts and records, the
nominees, read for one entrant or a whole contest in a fixed number of queries (`schedule.selectors`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from django.db.models import Case, DateField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, TruncDate

from core.thai import BANGKOK, local
from rubrics.models import ContestPeriod
from rubrics.selectors import criterion_codes
from rulebook.dates import DateInputError, parse_moment
from rulebook.rubric import CriterionSpec, RubricSpec
from rulebook.rules import KINDS
from scoring import entrant_counts, hooks

from .hooks import nominated_sources
from .obligations import Met
from .states import MetBy


def receipt_name(spec: CriterionSpec) -> str:
    """The name of the fact that is this criterion's receipt ("" when its rule reads none)."""
    kind = KINDS.get(spec.raw_rule.get("kind", "")) if isinstance(spec.raw_rule, dict) else None
    param = kind.receipt_param if kind is not None else ""
    return str(spec.raw_rule.get(param, "")) if param else ""


def day_of(at: datetime) -> date:
    """A moment's day in Bangkok, the day timeliness counts."""
    return local(at).date()


def _day(raw: str) -> tuple[date, datetime | None] | None:
    try:
        when = parse_moment(raw)
    except DateInputError:  # typed before the rule changed: no day
        return None
    if isinstance(when, datetime):
        return local(when).date(), when
    return when, None


NO_ROUND = Cast(Value(None), IntegerField())  # typed: the parts are one UNION ALL (`schedule.kept.sent_union`)


def _bangkok_day(field: str) -> TruncDate:
    """The moment's day in Bangkok, counted by the database: 400,000 conversions in Python were a third of a
    contest's read."""
    return TruncDate(field, tzinfo=BANGKOK)


def sendings(
    rubric: ContestPeriod, spec: RubricSpec, unit_ids: Iterable[int] | None, codes: set[str]
) -> dict[tuple[int, str], list[Met]]:
    """(unit id, criterion code) → what was sent for it: each visible upload (by the day it came, with the round
    it names), the Department's recorded receipt (by the day it says; an upload time a rule records is the
    upload's), a recorded fact of a criterion that asks no evidence (one a day: the first of a day is the one
    that meets a round), an active nominee. A criterion a nominee answers is met by its nominee alone: a file
    sent for it meets nothing. 2 queries (+1 with nominees)."""
    ids = {v: k for k, v in criterion_codes(rubric).items() if v in codes}
    names = {pk: code for code, pk in ids.items()}
    found: dict[tuple[int, str], list[Met]] = defaultdict(list)
    if not ids:
        return found
    by_code = {c.code: c for c in spec.criteria() if c.code in codes}
    chosen = list(unit_ids) if unit_ids is not None else None
    uploaded = [pk for code, pk in ids.items() if not by_code[code].nominee]
    asked = {pk: len(by_code[code].rounds) for code, pk in ids.items()}  # the rounds an upload may name
    for source in hooks.submitted_sources(rubric):  # submissions: visible evidence (submissions/apps.py)
        rows = source.filter(criterion__in=uploaded)
        if chosen is not None:
            rows = rows.filter(unit__in=chosen)
        for unit_id, criterion_id, at, pk, day, named in rows.values_list(
            "unit", "criterion", "created_at", "pk", _bangkok_day("created_at"), "answers_round"
        ):
            named = named if named is not None and 0 < named <= asked[criterion_id] else None
            found[(unit_id, names[criterion_id])].append(Met(MetBy.UPLOAD, day, at, pk, named))
    facts = entrant_counts.recorded_facts(rubric).filter(criterion_id__in=list(ids.values()))
    if chosen is not None:
        facts = facts.filter(unit_id__in=chosen)
    # What each criterion's facts mean, asked once per criterion rather than once per fact.
    meaning = {}
    for pk, code in names.items():
        takes = receipt_name(by_code[code])
        meaning[pk] = (code, takes, by_code[code].rule.upload_time_fact() if takes else "")
    parsed: dict[str, tuple[date, datetime | None] | None] = {}  # receipts share their few dates
    recorded: set[tuple[int, str, date]] = set()
    for unit_id, criterion_id, name, value, updated, day in facts.values_list(
        "unit_id", "criterion_id", "name", "value", "updated_at", _bangkok_day("updated_at")
    ):
        code, takes, upload_fact = meaning[criterion_id]
        if name == takes:
            got = parsed[value] if value in parsed else parsed.setdefault(value, _day(value))
            if got is None:
                continue
            by = MetBy.UPLOAD if name == upload_fact else MetBy.RECEIPT
            found[(unit_id, code)].append(Met(by, got[0], got[1]))
        elif (unit_id, code, day) not in recorded:
            recorded.add((unit_id, code, day))
            found[(unit_id, code)].append(Met(MetBy.RECORD, day, updated))
    nominated = [c.code for c in by_code.values() if c.nominee]
    if nominated:
        for source in nominated_sources(rubric):  # nominees: its active nominees (nominees/apps.py)
            rows = source.filter(unit_id__in=chosen) if chosen is not None else source
            for unit_id, at in rows.values_list("unit_id", "submitted_at"):
                for code in nominated:
                    found[(unit_id, code)].append(Met(MetBy.NOMINEE, day_of(at), at))
    return found


def sent_days(
    rubric: ContestPeriod, spec: RubricSpec, codes: set[str], units: Iterable[int] | None = None
) -> list[QuerySet]:
    """What `sendings` reads, for the database to count and look up: querysets whose rows carry `sent_unit`,
    `sent_criterion` (ids), `sent_day` (Bangkok's) and `sent_round` (the round an upload names, as `sendings`
    reads it; NULL where its day decides), one row per sending of the criteria `codes`: the same uploads,
    receipts by the day they say, records by the day they were made, nominees; of the entrants `units`, or all.
    A contest's rounds are counted from them without a row reaching Python (`schedule.tallies`,
    `schedule.kept.meets`). 1 query: the receipts' distinct values (of those entrants: one entrant's count reads
    its own), parsed as `sendings` parses them (a value that names no day is no sending)."""
    ids = {v: k for k, v in criterion_codes(rubric).items() if v in codes}
    if not ids:
        return []
    by_code = {c.code: c for c in spec.criteria() if c.code in codes}
    uploaded = [pk for code, pk in ids.items() if not by_code[code].nominee]
    rounds = [(pk, len(by_code[code].rounds)) for code, pk in ids.items() if by_code[code].rounds]
    answers = Case(  # a round the criterion asks, else none: as `sendings` reads it
        *(When(criterion=pk, answers_round__gte=1, answers_round__lte=n, then=F("answers_round")) for pk, n in rounds),
        default=NO_ROUND,
        output_field=IntegerField(),
    )
    # A criterion a nominee answers takes no file: asked of it alone, no upload is read (an empty list of
    # criteria is no SQL a union can hold).
    parts: list[QuerySet] = [
        source.filter(criterion__in=uploaded).annotate(
            sent_unit=F("unit"), sent_criterion=F("criterion"), sent_day=_bangkok_day("created_at"), sent_round=answers
        )
        for source in (hooks.submitted_sources(rubric) if uploaded else [])
    ]
    receipt = Q(pk__in=[])  # a fact named as its criterion's receipt
    for code, pk in ids.items():
        if takes := receipt_name(by_code[code]):
            receipt |= Q(criterion_id=pk, name=takes)
    facts = entrant_counts.recorded_facts(rubric).filter(criterion_id__in=list(ids.values()))
    if units is not None:
        facts = facts.filter(unit_id__in=list(units))
    named = {"sent_unit": F("unit_id"), "sent_criterion": F("criterion_id"), "sent_round": NO_ROUND}
    parts.append(facts.exclude(receipt).annotate(**named, sent_day=_bangkok_day("updated_at")))
    days: dict[date, list[str]] = defaultdict(list)
    for value in facts.filter(receipt).values_list("value", flat=True).distinct():
        if (got := _day(value)) is not None:
            days[got[0]].append(value)
    if days:
        day = Case(*(When(value__in=v, then=Value(d)) for d, v in days.items()), output_field=DateField())
        parts.append(
            facts.filter(receipt, value__in=[v for vs in days.values() for v in vs]).annotate(**named, sent_day=day)
        )
    nominated = [code for code in by_code if by_code[code].nominee]
    for nominees in nominated_sources(rubric) if nominated else []:  # nominees: its active nominees
        for code in nominated:
            criterion = Value(ids[code], output_field=IntegerField())
            parts.append(
                nominees.order_by().annotate(
                    sent_unit=F("unit_id"),
                    sent_criterion=criterion,
                    sent_day=_bangkok_day("submitted_at"),
                    sent_round=NO_ROUND,
                )
            )
    return parts
