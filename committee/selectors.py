"""Reads. Member-facing reads go through `for_member`; `judged_points` feeds the engine and sees all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import rules
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from contests.actor import Power, actor_of
from contests.models import Contest, Unit
from contests.scopes import running
from contests.seats import panel_eligible, seat_counts
from core.i18n import Text
from people import directory
from people.models import Conflict
from rubrics.models import ContestPeriod
from rubrics.selectors import rubric_spec
from rulebook.rules.base import Rule
from scoring.selectors import contest_entrants
from submissions.models import Evidence
from submissions.selectors import evidence_pairs

from .aggregate import Aggregate, aggregate, snap_down
from .models import (
    ChairFinal,
    Clarification,
    ClarificationMessage,
    ClarificationStatus,
    Judgment,
    Override,
    PanelChange,
    Panelist,
)
from .querysets import has_panel, panel_seats, seat


def _clamp(points: Decimal, rule: Rule, top: Decimal) -> Decimal:
    # A final recorded before the rubric changed must never crash the recompute: fit it to today's levels.
    return min(snap_down(points, rule.levels()), top)


@dataclass
class CellState:
    judgments: list[tuple[int, str, Decimal]] = field(default_factory=list)  # (member id, username, points)
    chair_final: Decimal | None = None
    override: Decimal | None = None


def cell_states(
    rubric: ContestPeriod, unit_ids: Iterable[int] | QuerySet | None = None
) -> dict[tuple[int, str], CellState]:
    """(unit id, criterion code) → every member's points, the chair's final, the override (3 queries);
    of the units `unit_ids` only, when given (ids, or a queryset of them asked inside each query)."""
    ids = None if unit_ids is None else unit_ids if isinstance(unit_ids, QuerySet) else list(unit_ids)

    def scoped(qs: QuerySet) -> QuerySet:
        qs = qs.filter(rubric=rubric)
        return qs if ids is None else qs.filter(unit_id__in=ids)

    cells: dict[tuple[int, str], CellState] = defaultdict(CellState)
    rows = scoped(Judgment.objects.all()).values_list(
        "unit_id", "criterion__code", "member_id", "member__username", "points"
    )
    for unit_id, code, member_id, username, points in rows.order_by("member__username"):
        cells[unit_id, code].judgments.append((member_id, username, points))
    for model, attr in ((ChairFinal, "chair_final"), (Override, "override")):
        for unit_id, code, points in scoped(model.objects.exclude(points=None)).values_list(
            "unit_id", "criterion__code", "points"
        ):
            setattr(cells[unit_id, code], attr, points)
    return dict(cells)


def cell_aggregate(state: CellState, rule: Rule, top: Decimal) -> Aggregate:
    if state.override is not None:
        point = _clamp(state.override, rule, top)
        return Aggregate(point, None, None, 0, "override")
    final = None if state.chair_final is None else _clamp(state.chair_final, rule, top)
    return aggregate([p for _, _, p in state.judgments], rule.levels(), chair_final=final)


def judged_aggregates(rubric: ContestPeriod, unit_ids: Iterable[int] | None = None) -> dict[int, dict[str, Aggregate]]:
    spec = rubric_spec(rubric)
    criteria = {c.code: c for c in spec.criteria()}
    out: dict[int, dict[str, Aggregate]] = {}
    for (unit_id, code), state in cell_states(rubric, unit_ids).items():
        c = criteria.get(code)
        if c is None:
            continue
        agg = cell_aggregate(state, c.rule, c.max_points)
        if agg.points is not None:
            out.setdefault(unit_id, {})[code] = agg
    return out


def judged_points(rubric: ContestPeriod, unit_ids: Iterable[int] | None = None) -> dict[int, dict[str, Decimal]]:
    """unit id → criterion code → the committee's points, for `engine.evaluate_entrant(overrides=...)`.

    An override (data criterion) or the chair's final wins, else the members' median snapped down to an
    allowed level. Only criteria with at least one of those appear: the rule's own result stands for the
    rest. Ignores conflicts on purpose: this is the result, not a member's view. 3 queries (+ the spec).
    """
    return {
        pid: {code: agg.points for code, agg in by_code.items() if agg.points is not None}
        for pid, by_code in judged_aggregates(rubric, unit_ids).items()
    }


def explain(agg: Aggregate) -> dict[str, str]:
    if agg.source == "override":
        return {"th": "คณะกรรมการปรับคะแนนที่คำนวณจากข้อมูล", "en": "committee override of the computed points"}
    if agg.source == "chair":
        return {"th": f"ประธานกำหนดคะแนนสรุป (กรรมการ {agg.count} คน)", "en": f"chair's final ({agg.count} members)"}
    return {
        "th": f"มัธยฐานของกรรมการ {agg.count} คน ปัดลงเป็นระดับที่กำหนด (ต่างกันสูงสุด {agg.spread})",
        "en": f"median of {agg.count} members snapped down to an allowed level (spread {agg.spread})",
    }


def judged_explanations(rubric: ContestPeriod, unit_ids: Iterable[int] | None = None) -> dict[int, dict[str, dict]]:
    """Same keys as `judged_points`: {"th": ..., "en": ...} saying where the points came from."""
    return {
        pid: {code: explain(agg) for code, agg in by_code.items()}
        for pid, by_code in judged_aggregates(rubric, unit_ids).items()
    }


def with_messages(qs: QuerySet) -> QuerySet:
    messages = ClarificationMessage.objects.select_related("author").order_by("created_at", "id")
    return qs.select_related("criterion", "unit", "opened_by").prefetch_related(Prefetch("messages", queryset=messages))


def open_clarifications_for_unit(unit: Unit, rubric: ContestPeriod | None = None) -> list[Clarification]:
    """Running rounds (waiting or answered, not closed) for an entrant's page, messages prefetched."""
    qs = Clarification.objects.filter(unit=unit).exclude(status=ClarificationStatus.CLOSED)
    if rubric is not None:
        qs = qs.filter(rubric=rubric)
    return list(with_messages(qs).order_by("criterion__order"))


def unit_page_clarifications(unit: Unit, rubric: ContestPeriod) -> dict:
    """The committee's questions to this entrant, shown where its staff start their work (submissions page)."""
    return {"clarifications": open_clarifications_for_unit(unit, rubric)}


def criterion_page_clarifications(user, unit: Unit, rubric: ContestPeriod, criterion, answers: bool) -> dict:
    """Every round of the committee's questions on this criterion, on the page where the office sends its
    evidence: the unit's own staff see them all and answer the running one there; anyone else sees what
    their judging scope shows (a conflicted member nothing). `answers`: whoever may send the office's evidence
    here answers, the page's own answer (it asks the act once)."""
    rows = Clarification.objects.all() if answers else Clarification.objects.for_member(user, rubric)
    rows = rows.filter(rubric=rubric, unit=unit, criterion=criterion)
    return {"cell_clarifications": list(with_messages(rows)), "can_answer": answers}


def clarifications_for_cell(user, *, rubric: ContestPeriod, unit: Unit, criterion) -> list[Clarification]:
    qs = Clarification.objects.for_member(user, rubric).filter(rubric=rubric, unit=unit, criterion=criterion)
    return list(with_messages(qs))


def panel_candidates(contest: Contest) -> QuerySet:
    """Who may sit on a provincial contest's panel: the lock's rule (contests.seats.panel_eligible), active
    staff of the organising office or of a unit under it. The Department's committee and central staff have
    no office, so they are never offered."""
    return panel_eligible(contest.organiser_id).order_by("username")


def panel_page(contest: Contest) -> dict:
    """The panel with its conflicts, who else may be appointed, the entrants, the latest changes. `panel`
    holds the seats that count (their holders judge); `lapsed` those whose holder no longer qualifies (a
    role changed to the Department's, an office moved out of the organiser's tree): they judge nothing, as
    the lock says (contests.seats.seat_counts), until their holder qualifies again or is removed."""
    seats = Panelist.objects.filter(contest=contest).annotate(counts=seat_counts())
    everyone = list(seats.select_related("user", "appointed_by"))
    panel = [p for p in everyone if p.counts]
    seated = {p.user_id for p in everyone}
    history = PanelChange.objects.filter(contest=contest).select_related("user", "by")[:20]
    entrants = list(contest_entrants(contest))
    conflicts = Conflict.objects.filter(member__in=seated, unit__in=entrants).select_related("unit")
    return {
        "entrants": entrants,
        "panel": panel,
        "conflicts": {p.user_id: [c for c in conflicts if c.member_id == p.user_id] for p in everyone},
        "lapsed": [p for p in everyone if not p.counts],
        "candidates": _candidates(contest, seated, {e.pk for e in entrants}),
        "history": list(history),
    }


def _candidates(contest: Contest, seated: set[int], entrants: set[int]) -> list:
    """Who may still be appointed, the organising office's own staff first: an entrant's staff may sit on the
    panel but never judge their own unit, so each is marked (`of_entrant`) for the organiser to see."""
    found = [u for u in panel_candidates(contest) if u.pk not in seated]
    theirs = set(directory.office_staff(Q(membership__unit__in=entrants)).values_list("pk", flat=True))
    for u in found:
        u.of_entrant = u.pk in theirs
    return sorted(found, key=lambda u: u.of_entrant)


def judged_rubrics(user) -> list[ContestPeriod]:
    """The rubrics whose committee screens this user may open, newest first: the national contests for
    the Department's roles, then every period of the provincial contests they sit on or run (2 queries)."""
    actor = actor_of(user)
    found = list(ContestPeriod.objects.national().order_by("-year")) if seat(user, None) else []
    if Power.JUDGE in actor.powers:  # the Department's committee never sits on a panel
        return found
    mine = running(actor, "contest__")  # central staff: every office's contest
    if Power.ADMINISTER not in actor.powers:
        mine |= Q(contest_id__in=list(actor.seats))  # the seats that count (contests.seats.seat_counts)
    panels = ContestPeriod.objects.filter(mine, contest__organiser__isnull=False).select_related("contest").distinct()
    return found + list(panels.order_by("-year", "contest__slug", "period_order"))


def import_rubrics(user) -> list[ContestPeriod]:
    """The rubrics whose judgments this user may import from a sheet, in `judged_rubrics`' order (the
    national contests first): central staff every contest, an organiser their office's."""
    return [r for r in judged_rubrics(user) if rules.has_perm("committee.import_judgments", user, r)]


def judges_contests(user) -> bool:
    """scoring.hooks.admin_entry: a provincial contest's panel, and the organisers who oversee its
    judging, enter the admin for the committee's scoring screens (every other page there stays closed)."""
    return Power.ORGANISE in actor_of(user).powers or bool(panel_seats(user))


def panel_nav(user) -> list[tuple[Text, str, str]]:
    """scoring.hooks.nav_extra: office staff on a panel, and organisers, get the scoring matrix."""
    actor = actor_of(user)
    if actor.powers.isdisjoint({Power.FILE, Power.ORGANISE}) or not judges_contests(user):
        return []
    # An office that only picks in stages runs no contest with a panel: its matrix would be a 403.
    runs_one = ContestPeriod.objects.filter(running(actor, "contest__"), contest__organiser__isnull=False)
    if Power.ORGANISE in actor.powers and not runs_one.exists():
        return []
    return [(_("Contest judging"), reverse("admin:committee_matrix"), "panel-matrix")]


def panel_evidence(*, rubric: ContestPeriod, unit: Unit, criterion) -> list[Evidence]:
    """The scoring screen's evidence in a provincial contest: the entrant's visible versions (the screen
    has already admitted the user to this rubric and unit through the one scope)."""
    cell = {"submission__rubric": rubric, "submission__unit": unit, "submission__criterion": criterion}
    rows = Evidence.objects.visible().filter(**cell).select_related("created_by", "withdrawn_by", "submission__unit")
    return list(rows.order_by("-version"))


def evidence_cells(rubric: ContestPeriod, unit_ids: Iterable[int] | None = None) -> set[tuple[int, str]]:
    """(unit id, criterion code) where the unit has visible evidence: what the committee has to judge
    (withdrawn versions count for nothing); of the units `unit_ids` only, when given. 1 query."""
    found = evidence_pairs(rubric)
    if unit_ids is not None:
        found = found.filter(submission__unit_id__in=list(unit_ids))
    return set(found.values_list("unit", "submission__criterion__code").distinct())


def judges_of(rubric: ContestPeriod) -> list[tuple[int, str, int | None]]:
    """(user id, username, office id) of everyone who scores this contest: the Department's committee, or
    an office contest's panel, its chair included (the chair of a panel judges too), by the seats that count
    as the lock counts them (contests.seats.seat_counts). 1 query."""
    users = get_user_model().objects.filter(is_active=True)
    if has_panel(rubric):
        seats = Panelist.objects.filter(seat_counts(), contest=rubric.contest)
        users = users.filter(pk__in=seats.values("user_id"))
    else:
        users = users.filter(pk__in=directory.committee(chairs=False).values("pk"))
    return directory.with_offices(users)


def judged_cells(rubric: ContestPeriod, member_ids: Iterable[int]) -> dict[int, set[tuple[int, str]]]:
    """member id → the (unit id, criterion code) cells they have scored. 1 query."""
    out: dict[int, set[tuple[int, str]]] = defaultdict(set)
    rows = Judgment.objects.filter(rubric=rubric, member_id__in=list(member_ids))
    for member_id, unit_id, code in rows.values_list("member_id", "unit_id", "criterion__code"):
        out[member_id].add((unit_id, code))
    return out


def conflicts_of(member_ids: Iterable[int]) -> dict[int, set[int]]:
    """member id → the units they are conflicted with. 1 query."""
    out: dict[int, set[int]] = defaultdict(set)
    for member_id, unit_id in Conflict.objects.filter(member_id__in=list(member_ids)).values_list(
        "member_id", "unit_id"
    ):
        out[member_id].add(unit_id)
    return out


def unit_words(query: str) -> str:
    """What the matrix's unit filter looks for in a unit's code and names: the query's words, spaced once and
    casefolded, without "จังหวัด"/"อำเภอ"/"ตำบล" (or "จ."/"อ."/"ต.") in front; "" matches every unit."""
    q = " ".join(query.split()).casefold()
    for prefix in ("จังหวัด", "จ.", "อำเภอ", "อ.", "ตำบล", "ต."):
        q = q.removeprefix(prefix).strip()
    return q


def unit_matches(unit: Unit, query: str) -> bool:
    """The matrix's unit filter: a code ("TH-50", "th-50") or any part of a Thai or English name or another
    spelling ("เชียงใหม่", "เชียง", "chiang mai"), with or without "จังหวัด"/"อำเภอ"/"ตำบล" in front."""
    q = unit_words(query)
    if not q:
        return True
    names = [unit.code, unit.name_th, unit.name_en, *(unit.aliases_th or [])]
    return any(q in name.casefold() for name in names)


def units_matching(units: QuerySet[Unit], query: str) -> QuerySet[Unit]:
    """`units` that the matrix's unit filter keeps (`unit_matches`), asked of the database: a code or a name
    holding the words (icontains: Thai has no case, and PostgreSQL's UPPER folds English as casefold does),
    or another spelling that does. The other spellings (a JSON list, which neither engine searches inside alike)
    are read in Python, of the few units that have any (provinces), never of every entrant. 1 query."""
    q = unit_words(query)
    if not q:
        return units
    spelled = units.exclude(aliases_th=[]).only("code", "name_th", "name_en", "aliases_th")
    also = [u.pk for u in spelled if unit_matches(u, query)]
    return units.filter(Q(code__icontains=q) | Q(name_th__icontains=q) | Q(name_en__icontains=q) | Q(pk__in=also))
