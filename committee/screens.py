"""What the committee's admin pages show: the matrix and one scoring screen. Query counts are fixed."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy

from contests.entries import Entry
from contests.models import Unit
from core import acts
from core.thai import fmt_points
from rubrics.models import ContestPeriod, Criterion
from rubrics.selectors import rubric_calendar, rubric_spec
from rulebook.rubric import CriterionSpec
from rulebook.rules import Context
from schedule.selectors import entrant_obligations
from scoring.explanations import texts_of
from scoring.models import Fact, Standing
from submissions.selectors import criterion_evidence, evidence_pairs  # the evidence portal's own scope

from .aggregate import Aggregate
from .models import ChairFinal, Clarification, ClarificationStatus, Judgment, Override, ScoreChange
from .querysets import CHAIR, VIEWER, has_panel, own_only, seat, units_for_member
from .queue import Progress, members_progress, own_progress
from .selectors import (
    CellState,
    cell_aggregate,
    cell_states,
    clarifications_for_cell,
    evidence_cells,
    panel_evidence,
    units_matching,
)

STATUSES = {
    "todo": gettext_lazy("evidence, not scored yet"),
    "noevidence": gettext_lazy("no evidence"),
    "scored": gettext_lazy("scored"),
    "disagree": gettext_lazy("members disagree"),
    "final": gettext_lazy("final or override set"),
    "clarify": gettext_lazy("clarification running"),
    # Decision 13: the entrant's figures fit none of the document's rows; the panel decides (an override).
    "decide": gettext_lazy("needs a decision: fits no row of the document"),
}


def sees_all(user, rubric: ContestPeriod, who: str | None = None) -> bool:
    """The chair and whoever runs the contest see every member's scores; a member only their own
    (decision 8). `who` is the user's seat when the caller has it already."""
    return (who or seat(user, rubric)) in (CHAIR, VIEWER)


@dataclass
class MatrixCell:
    code: str
    data: bool
    mine: Decimal | None = None
    agg: Aggregate | None = None
    names: list[tuple[str, Decimal]] = field(default_factory=list)
    clarification: str = ""
    computed: str | None = None  # the latest standings' points, shown for data criteria
    evidence: bool = False  # the unit has sent something for this criterion: there is something to judge
    statuses: set[str] = field(default_factory=set)
    dim: bool = False

    href: str = ""  # its scoring screen (the page that shows the matrix knows the URLs)

    @property
    def disagree(self) -> bool:
        return bool(self.agg and self.agg.spread)

    @property
    def css(self) -> str:
        """The cell's colour, the strongest of its states first; "dim" when the status filter passes it by."""
        statuses = self.statuses
        shade = (
            "data" if self.data
            else "final" if "final" in statuses
            else "disagree" if self.disagree
            else "scored" if "scored" in statuses
            else "noev" if "noevidence" in statuses
            else "todo"
        )  # fmt: skip
        return f"{shade} dim" if self.dim else shade


def _cell(
    user,
    c: CriterionSpec,
    state: CellState,
    clar: str,
    seen: tuple[bool, bool],
    stored: dict,
    evidence: bool,
    facts: dict | None = None,
) -> MatrixCell:
    all_seen, own = seen
    agg = cell_aggregate(state, c.rule, c.max_points)
    cell = MatrixCell(code=c.code, data=not c.rule.committee_judges, clarification=clar, evidence=evidence)
    if cell.data:
        cell.computed = stored.get(c.code)
    cell.mine = next((p for mid, _, p in state.judgments if mid == user.pk), None)
    if all_seen:
        cell.agg, cell.names = agg, [(name, p) for _, name, p in state.judgments]
    elif agg.source in ("chair", "override"):
        cell.agg = agg  # shared records, not another member's own score
    scored = (cell.mine is not None) if own else bool(state.judgments)
    done = scored or agg.source in ("chair", "override")
    # Data criteria need no member score: they are neither "to do" nor "scored", only maybe overridden.
    # Nor is a judged cell with no evidence "to do": there is nothing to judge.
    if not cell.data:
        cell.statuses = {"scored" if done else "todo" if evidence else "noevidence"}
    if cell.disagree:
        cell.statuses.add("disagree")
    if agg.source in ("chair", "override"):
        cell.statuses.add("final")
    if clar:
        cell.statuses.add("clarify")
    if facts is not None and agg.source not in ("chair", "override") and c.rule.needs_decision(facts):
        cell.statuses.add("decide")
    return cell


# Rows a matrix page shows: the 76 provinces on one page; a contest of 7,255 subdistricts in pages, not one
# 13 MB table a phone cannot open.
MATRIX_PAGE = 100


def _paged(rows: list, page: int) -> tuple[list, int]:
    """The page's rows of `rows`, and the page asked for as far as there are pages."""
    page = min(max(page, 1), max(1, -(-len(rows) // MATRIX_PAGE)))
    return rows[(page - 1) * MATRIX_PAGE : page * MATRIX_PAGE], page


def _having(status: str, user, rubric: ContestPeriod, criteria: list[CriterionSpec], own: bool) -> Exists | None:
    """The units with a cell in `status` among `criteria` (`_cell`'s statuses), as a condition on a unit asked
    in the database; None for a status only the rules tell: "disagree" (the judges' spread, as each viewer may
    see it) and "decide" (the document's rows read against the facts)."""
    if status == "clarify":
        running = Clarification.objects.filter(
            rubric=rubric, unit=OuterRef("pk"), criterion__code__in=[c.code for c in criteria]
        )
        return Exists(running.exclude(status=ClarificationStatus.CLOSED))
    unit, criterion = OuterRef(OuterRef("pk")), OuterRef("pk")  # the unit asked of, the criterion within it
    cell = {"rubric": rubric, "unit": unit, "criterion": criterion}
    scores = Judgment.objects.filter(**cell)
    scores = scores.filter(member=user) if own else scores  # a member's own score is what makes a cell theirs done
    final = Exists(ChairFinal.objects.filter(**cell, points__isnull=False)) | Exists(
        Override.objects.filter(**cell, points__isnull=False)
    )
    done = Exists(scores) | final
    sent = Exists(evidence_pairs(rubric).filter(unit=unit, criterion=criterion))
    judged = [c.code for c in criteria if c.rule.committee_judges]  # a data criterion is neither to do nor scored
    found = {
        "todo": (judged, sent & ~done),
        "noevidence": (judged, ~sent & ~done),
        "scored": (judged, done),
        "final": ([c.code for c in criteria], final),
    }
    if status not in found:
        return None
    codes, condition = found[status]
    return Exists(Criterion.objects.filter(rubric=rubric, code__in=codes).filter(condition))


def matrix(
    user,
    rubric: ContestPeriod,
    *,
    dimension: str = "",
    criterion: str = "",
    province: str = "",
    status: str = "",
    page: int = 1,
    scores: bool,
) -> dict:
    """Entrants × criteria for this user (conflicted entrants left out), the unit filter (`province`) matching
    codes and Thai or English names; with the judges' progress (`scores`: whether the user scores here, the
    page's answer), `page` of its rows (MATRIX_PAGE a page).
    The rows the filters keep are found, counted and paged in the database, and only the page's cells are made,
    so the page costs the same however many entrants; but for the two statuses only the rules tell
    ("disagree", "decide": `_having`), which make every row's cells and page what matches. 13 queries (chair)
    or 12 (member) + the spec, and one more for the unit filter (`units_matching`)."""
    spec = rubric_spec(rubric)
    criteria = [
        c
        for c in spec.criteria()
        if (not dimension or c.dimension == dimension) and (not criterion or c.code == criterion)
    ]
    who = seat(user, rubric)
    own = own_only(user, rubric, who)
    kept = units_matching(units_for_member(user, rubric).order_by("code"), province)
    having = _having(status, user, rubric, criteria, own) if status else None
    every_row = bool(status) and having is None
    if every_row:
        units = list(kept)
        ids = [p.pk for p in units] if province.strip() else None
    else:
        kept = kept if having is None else kept.filter(having)
        total = kept.count()
        page = min(max(page, 1), max(1, -(-total // MATRIX_PAGE)))
        units = list(kept[(page - 1) * MATRIX_PAGE : page * MATRIX_PAGE])
        ids = [p.pk for p in units]
    # The chair counts the disagreements of every row the filters keep (`_finals`): their states serve the page.
    every = _chair_states(user, rubric, province) if who == CHAIR else None
    states = cell_states(rubric, ids) if every is None else every
    opened = Clarification.objects.filter(rubric=rubric).exclude(status=ClarificationStatus.CLOSED)
    stood = Standing.objects.filter(rubric=rubric)
    if ids is not None:
        opened, stood = opened.filter(unit_id__in=ids), stood.filter(unit_id__in=ids)
    running = {(pid, code): st for pid, code, st in opened.values_list("unit_id", "criterion__code", "status")}
    evidence = evidence_cells(rubric, ids)
    stored = dict(stood.values_list("unit_id", "criteria"))
    # The facts of the criteria whose document may leave a verdict to the panel (decision 13): one query, and
    # none for a contest without such criteria (the national one).
    deciding = {c.code for c in criteria if c.rule.may_need_decision()}
    facts: dict[tuple[int, str], dict[str, str]] = {}
    if deciding:
        found = Fact.objects.filter(rubric=rubric, criterion__code__in=deciding).exclude(value="")
        found = found if ids is None else found.filter(unit_id__in=ids)
        for pid, code, name, value in found.values_list("unit_id", "criterion__code", "name", "value"):
            facts.setdefault((pid, code), {})[name] = value
    all_seen = sees_all(user, rubric, who)
    seen = (all_seen, own)
    rows = []
    for p in units:
        cells = [
            _cell(
                user,
                c,
                states.get((p.pk, c.code), CellState()),
                running.get((p.pk, c.code), ""),
                seen,
                stored.get(p.pk, {}),
                (p.pk, c.code) in evidence,
                facts.get((p.pk, c.code), {}) if c.code in deciding else None,
            )
            for c in criteria
        ]
        if status:
            for cell in cells:
                cell.dim = status not in cell.statuses
            if every_row and all(cell.dim for cell in cells):
                continue
        rows.append((p, cells))
    if every_row:
        total = len(rows)
        rows, page = _paged(rows, page)
    return {
        "criteria": criteria,
        "rows": rows,
        "page": page,
        "pages": max(1, -(-total // MATRIX_PAGE)),
        "units": total,
        "sees_all": all_seen,
        "statuses": STATUSES,
        "progress": progress(user, rubric, all_seen, scores),
        # The chair's own work: a final score where the members disagree, in every row the filters keep.
        "finals": None if every is None else _finals(user, criteria, every),
    }


def _chair_states(user, rubric: ContestPeriod, province: str) -> dict[tuple[int, str], CellState]:
    """The scored cells of every unit the chair judges within the unit filter (3 queries): a row per score,
    never a cell per entrant."""
    return cell_states(rubric, units_matching(units_for_member(user, rubric), province).values("pk"))


def _finals(user, criteria: list[CriterionSpec], states: dict[tuple[int, str], CellState]) -> Progress:
    """The cells (of `states`, in the criteria shown) where the members disagree, and how many of those have
    a final or an override."""
    shown = {c.code: c for c in criteria}
    split = settled = 0
    for (_, code), state in states.items():
        c = shown.get(code)
        agg = None if c is None else cell_aggregate(state, c.rule, c.max_points)
        if agg is not None and agg.spread:
            split += 1
            settled += agg.source in ("chair", "override")
    return Progress(user.get_full_name() or user.get_username(), settled, split)


def progress(user, rubric: ContestPeriod, all_seen: bool, scores: bool) -> list[Progress]:
    """The chair and whoever runs the contest see every judge's count; a member who scores (`scores`) only
    their own."""
    if all_seen:
        return members_progress(rubric)
    return [own_progress(user, rubric)] if scores else []


def level_choices(c: CriterionSpec) -> list[tuple[Decimal, str]]:
    """Each allowed level with what it means, for the member's picker (highest first)."""
    texts = c.rule.level_labels()
    levels = c.rule.levels() or ()
    return [(p, texts.get(p, "ไม่ผ่าน" if p == 0 else "")) for p in sorted(levels, reverse=True)]


def scoring_screen(user, rubric: ContestPeriod, unit: Unit, c: CriterionSpec, criterion, *, scores: bool) -> dict:
    """Everything one entrant × criterion needs on one page (`scores`: whether the user scores here, the page's
    answer); a fixed number of queries."""
    facts = dict(Fact.objects.filter(rubric=rubric, unit=unit, criterion=criterion).values_list("name", "value"))
    ctx = Context(calendar=rubric_calendar(rubric), size_group=unit.size_group, deadline=c.deadline)
    computed = c.rule.evaluate(facts, ctx)
    result = Standing.objects.filter(rubric=rubric, unit=unit).first()
    cell = {"unit": unit, "criterion": criterion}
    judgments = list(
        Judgment.objects.for_member(user, rubric)
        .filter(rubric=rubric, **cell)
        .select_related("member")
        .order_by("member__username")
    )
    state = CellState(judgments=[(j.member_id, j.member.username, j.points) for j in judgments])
    chair_final = ChairFinal.objects.filter(**cell).select_related("by").first()
    override = Override.objects.filter(**cell).select_related("by").first()
    state.chair_final = chair_final.points if chair_final else None
    state.override = override.points if override else None
    mine = next((j for j in judgments if j.member_id == user.pk), None)
    data = not c.rule.committee_judges
    evidence = (
        panel_evidence(rubric=rubric, unit=unit, criterion=criterion)
        if has_panel(rubric)
        else criterion_evidence(user=user, rubric=rubric, unit=unit, criterion=criterion)
    )
    codes = list(units_for_member(user, rubric).order_by("code").values_list("code", flat=True))
    at = codes.index(unit.code)
    history = list(
        ScoreChange.objects.for_member(user, rubric)
        .filter(rubric=rubric, **cell)
        .select_related("changed_by", "member")
    )
    all_seen = sees_all(user, rubric)
    criteria = [x.code for x in rubric_spec(rubric).criteria()]
    here = criteria.index(c.code)
    has_evidence = any(not ev.withdrawn for ev in evidence)
    # What the document requires, beside the evidence: the entrant's answers with this member's ticks.
    counts = None if data else counted_from(rubric, unit, criterion, chair_final, bool(facts))
    withheld = counts is not None and counts["source"] == "median" and not all_seen and mine is None
    ticked = {c.rule.tick_fact: ",".join(mine.items) or "-"} if mine and c.rule.tick_fact else {}
    return {
        "requirements": c.rule.verdicts(facts | ticked),
        "spec": c,
        "data": data,
        "items": [(code, label, code in (mine.items if mine else [])) for code, label in c.rule.tickable_items()],
        "levels": level_choices(c),
        "free_points": c.rule.levels() is None,
        # Pairs, not the dict: a fact may be named "items", which the template language would look up first.
        "facts": sorted(facts.items()),
        "computed": computed,
        "computed_points": fmt_points(computed.points),
        # Each member scores alone (decision 8): a judged figure is built from colleagues' scores, so a member
        # who has not saved their own sees it only afterwards.
        "withheld": withheld,
        "stored": (result.criteria.get(c.code), texts_of(result).get(c.code, {})) if result and not withheld else None,
        # A panel reads its entrants' evidence, which the portal's office scope would not show it.
        "evidence": evidence,
        # A criterion asked in rounds: an item naming the round it answers is late by that round's day.
        "rounds": entrant_obligations(rubric, unit, criteria=[c.code]) if c.rounds else [],
        "has_evidence": has_evidence,
        "counts": counts,
        "judgments": judgments if all_seen else [j for j in judgments if j.member_id == user.pk],
        "mine": mine,
        "agg": cell_aggregate(state, c.rule, c.max_points),
        "chair_final": chair_final,
        "override": override,
        "history": history,
        "clarifications": clarifications_for_cell(user, rubric=rubric, unit=unit, criterion=criterion),
        # Where the office reads the question and answers it: a member who asked follows it there.
        "office_page": acts.allowed(user, "contests.see_unit", Entry(rubric.contest, unit, known_entrant=True)),
        "sees_all": all_seen,
        "panel": has_panel(rubric),  # its evidence leaves through the committee's own route (admin_views)
        # The same criterion in the neighbouring entrants: members judge one criterion across all of them.
        "prev_unit": codes[at - 1] if at > 0 else None,
        "next_unit": codes[at + 1] if at + 1 < len(codes) else None,
        # The next criteria of the same entrant: a member may go through one entrant at a time.
        "prev_criterion": criteria[here - 1] if here > 0 else None,
        "next_criterion": criteria[here + 1] if here + 1 < len(criteria) else None,
        "progress": progress(user, rubric, all_seen, scores),
    }


COUNTED_FROM = {
    "chair": gettext_lazy("the chair's final"),
    "median": gettext_lazy("the members' median, snapped down to a level"),
    "facts": gettext_lazy("imported facts, as no member has scored yet"),
    "nothing": gettext_lazy("no member has scored yet"),
}


def counted_from(rubric: ContestPeriod, unit: Unit, criterion, chair_final, has_facts: bool) -> dict:
    """Where a judged criterion's points in the standings come from (docs/decisions.md, decision 8): the chair's
    final, else the members' median, else the rule on imported facts until anyone scores. Asked of every
    member's judgments, not only those this user sees: it names the source, never another's score. 1 query."""
    if chair_final is not None and chair_final.points is not None:
        key = "chair"
    elif Judgment.objects.filter(rubric=rubric, unit=unit, criterion=criterion).exists():
        key = "median"
    else:
        key = "facts" if has_facts else "nothing"
    return {"source": key, "text": COUNTED_FROM[key]}
