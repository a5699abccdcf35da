"""A selection in stages (seed 002), the reads: what a stage's page shows to whoever it is shown to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from contests.actor import Actor, Power, actor_of
from contests.models import Contest, Level, Unit
from contests.region_ranking import RankWithin
from contests.regions import InspectionRegion, region_of
from contests.scopes import organised_units, visible_contests, visible_entrants
from core.labels import both
from core.thai import thai_date, thai_digits
from rubrics.selectors import rubric_spec
from rulebook.dates import en_date
from rulebook.rules.errors import Label
from rulebook.rules.questions import NONE, PANEL, Verdict
from rulebook.workdays import WorkCalendar, deadline_text
from scoring.models import Standing
from scoring.selectors import facts_by_unit
from stages.models import PastModel, Stage, StageEntry, StageFile, StageUpload
from stages.picks_owed import picks_obligation
from stages.rights import chooser, chooses
from stages.rules import Missing, barred_reason, files_missing, stage_of, stage_picks, stage_pool
from stages.services import StageWindow, stage_window


@dataclass
class Requirements:
    """What a unit's document requires, as its answers stand: what the answers given do not meet;
    the unit's questions not answered yet, which wait for the unit's own staff rather than fail; and the
    panel's checks, each with its verdict (`answer` NONE: the panel has not checked it yet)."""

    unmet: list[Label] = field(default_factory=list)
    waiting: list[Label] = field(default_factory=list)
    panel: list[Verdict] = field(default_factory=list)


@dataclass
class PoolRow:
    unit: Unit
    picked: bool
    barred: tuple[str, str] | None  # (Thai, English) reason the register gives
    result: Standing | None = None  # its standing in the stage below (the province's panel's scores)
    asked: Requirements = field(default_factory=Requirements)


@dataclass(frozen=True)
class FileSent:
    """A file a pick must come with: when its latest version arrived and whether that was in time, by
    the stage's deadline moved as decision 9 says and counted in working days (decision 3)."""

    requirement: StageFile
    sent_at: datetime | None
    late: int  # working days after the moved deadline: 0 in time (or, unsent, not due yet)
    upload_id: int | None = None  # the latest version, to watch or read it
    seconds: Decimal | None = None  # a video's length, as ffprobe read it

    def length(self, lang: str = "th") -> str:
        if self.seconds is None:
            return ""
        minutes, seconds = divmod(int(self.seconds.to_integral_value(ROUND_HALF_UP)), 60)
        if lang == "en":
            return f" · {minutes} min" + (f" {seconds} s" if seconds else "")
        return f" · ยาว {thai_digits(minutes)} นาที" + (f" {thai_digits(seconds)} วินาที" if seconds else "")

    def text(self, lang: str = "th") -> str:
        th = lang != "en"
        if self.sent_at is None:
            if self.late:
                return (
                    f"ยังไม่ส่ง · เลยกำหนด {thai_digits(self.late)} วันทำการ"
                    if th
                    else (f"not sent · {self.late} working day{'s' * (self.late > 1)} past the deadline")
                )
            due = self.requirement.deadline
            return f"ยังไม่ส่ง · กำหนด {thai_date(due, short=True)}" if th else f"not sent · due {en_date(due)}"
        day = timezone.localtime(self.sent_at).date()
        when = thai_date(day, short=True) if th else en_date(day)
        if self.late:
            return (
                f"ส่ง {when} · ช้า {thai_digits(self.late)} วันทำการ"
                if th
                else (f"sent {when} · {self.late} working day{'s' * (self.late > 1)} late")
            ) + self.length(lang)
        return (f"ส่ง {when} · ทันกำหนด" if th else f"sent {when} · on time") + self.length(lang)

    @property
    def text_en(self) -> str:
        return self.text("en")


def files_sent(stage: Stage, entry_ids: list[int], calendar: WorkCalendar, today: date) -> dict[int, list[FileSent]]:
    """Each pick's required files, in the stage's order, with the latest version's time (it is the one that
    counts): two queries whatever the number of picks."""
    requirements = list(stage.files.all())
    rows = StageUpload.objects.filter(entry_id__in=entry_ids).order_by("uploaded_at")
    columns = ("entry_id", "requirement_id", "uploaded_at", "pk", "seconds")
    latest = {(e, r): (at, pk, secs) for e, r, at, pk, secs in rows.values_list(*columns)}
    out: dict[int, list[FileSent]] = {}
    for entry in entry_ids:
        for r in requirements:
            at, pk, secs = latest.get((entry, r.pk), (None, None, None))
            day = timezone.localtime(at).date() if at is not None else today
            out.setdefault(entry, []).append(FileSent(r, at, calendar.late_by(r.deadline, day), pk, secs))
    return out


@dataclass
class Placed:
    entry: StageEntry
    result: Standing | None  # its standing in this stage's contest (within its region, if so ranked)
    files: list[FileSent] = field(default_factory=list)  # what it was sent with, in time or late
    asked: Requirements = field(default_factory=Requirements)


def requirements_of(contest: Contest | None, unit_ids: list[int]) -> dict[int, Requirements]:
    """Each unit's verdicts on what the contest's document requires, in the rubric's order, with
    the figures. A contest without such criteria answers {} without reading a fact."""
    rubric = contest.rubrics.filter(period="").first() if contest is not None else None
    asking = [c for c in rubric_spec(rubric).criteria() if c.rule.entrant_questions()] if rubric else []
    if rubric is None or not asking or not unit_ids:
        return {}
    cells = facts_by_unit(rubric, unit_ids)
    out: dict[int, Requirements] = {}
    for unit in unit_ids:
        found = out.setdefault(unit, Requirements())
        for c in asking:
            for v in c.rule.verdicts(cells.get(unit, {}).get(c.code, {})):
                if v.question.by == PANEL:
                    found.panel.append(v)
                elif v.answer == NONE and v.met is False:
                    found.waiting.append(v.question.text)
                elif v.met is False:
                    found.unmet.append(v.reason)
    return out


@dataclass
class RegionGroup:
    region: InspectionRegion | None
    entries: list[Placed] = field(default_factory=list)
    # The document's budget per pick times the picks: each office's, then the region's (None: no budget set).
    offices: list[tuple[Unit, int, Decimal]] = field(default_factory=list)
    budget: Decimal | None = None

    def count_budget(self, per_pick: Decimal | None) -> None:
        if per_pick is None:
            return
        counts: dict[int, list] = {}
        for placed in self.entries:
            counts.setdefault(placed.entry.chooser_id, [placed.entry.chooser, 0])[1] += 1
        self.offices = [(office, n, per_pick * n) for office, n in counts.values()]
        self.budget = per_pick * len(self.entries)


@dataclass
class StagePage:
    contest: Contest
    stage: Stage
    window: StageWindow
    chooses: bool
    office: Unit | None
    pool: list[PoolRow]
    picks: list[StageEntry]
    left: int  # picks the office may still make
    missing: list[tuple[Missing, str, str]]  # a missing file, with its deadline in Thai and English
    groups: list[RegionGroup]
    sent: list[tuple[StageEntry, list[FileSent]]] = field(default_factory=list)  # the office's picks' files

    @property
    def budget_mine(self) -> Decimal | None:
        """The office's own picks times the budget per pick (seed 002: 2 × 8,700 = 17,400 baht)."""
        per_pick = self.stage.budget_per_pick
        return None if per_pick is None else per_pick * len(self.picks)

    @property
    def budget_total(self) -> Decimal | None:
        per_pick = self.stage.budget_per_pick
        return None if per_pick is None else per_pick * sum(len(g.entries) for g in self.groups)

    @property
    def is_open(self) -> bool:
        """Picks may still be made or withdrawn today (the deadline, moved on when offices are closed)."""
        return self.window.is_open(timezone.localdate())

    @property
    def by_region(self) -> bool:
        return self.stage.rank_within == RankWithin.REGION

    @property
    def chooser(self) -> tuple[str, str]:
        return both(Level(self.stage.chooser_level).label)

    @property
    def entrant(self):
        """Who answers what the document asks (seed 002: the subdistrict), in the page's language."""
        return Level(self.contest.entrant_level).label


def staged_contests(actor: Actor) -> QuerySet[Contest]:
    """The stages the user picks for or sees (central staff: every one), first stage first."""
    ids = [c.pk for c in visible_contests(actor) if stage_of(c) is not None]
    return Contest.objects.filter(pk__in=ids).select_related("stage").order_by("stage__deadline", "slug")


@dataclass(frozen=True)
class StageDue:
    """A stage the user's office picks in, as its home page says it: how many it may pick and by when."""

    contest: Contest
    picked: int
    quota: int
    is_open: bool
    deadline_th: str
    days_left: int  # working days after today up to the (moved) deadline: 0 on the day itself, and once closed
    closes: date  # the (moved) deadline

    @property
    def left(self) -> int:
        return max(self.quota - self.picked, 0)


def stages_due(actor: Actor) -> list[StageDue]:
    """The stages the user's office picks in, the open ones first (a picker's home)."""
    today, out = timezone.localdate(), []
    for contest in staged_contests(actor):
        office = chooser(actor, contest)
        if office is None:
            continue
        # By when, and how many are picked, as the schedule says it (stages.picks_owed.picks_obligation).
        owed = picks_obligation(contest.stage, office, today=today)
        assert owed.due is not None  # a stage's deadline is required
        open_ = today <= owed.due
        left = owed.days_left if open_ and owed.days_left is not None else 0
        text = stage_window(contest.stage).text("th")
        out.append(StageDue(contest, owed.extra["picked"], contest.stage.quota, open_, text, left, owed.due))
    return sorted(out, key=lambda s: not s.is_open)


def province_of(unit: Unit | None) -> Unit | None:
    while unit is not None and unit.level != "province":
        unit = unit.parent
    return unit


def region_groups(entries: list[StageEntry], results: dict[int, Standing]) -> list[RegionGroup]:
    """Picks grouped by the inspection region of their province, regions in number order, each region's
    best placed first (the unranked after them, in the order given)."""
    groups: dict[int, RegionGroup] = {}
    for entry in entries:
        province = province_of(entry.unit)
        region = region_of(province.code) if province is not None else None
        key = region.number if region is not None else 99
        groups.setdefault(key, RegionGroup(region)).entries.append(Placed(entry, results.get(entry.unit_id)))
    for group in groups.values():
        group.entries.sort(key=_by_rank)
    return [groups[k] for k in sorted(groups)]


def _by_rank(row: PoolRow | Placed) -> tuple[bool, int]:
    rank = row.result.rank if row.result is not None else None
    return (rank is None, rank or 0)


def results_of(contest: Contest) -> dict[int, Standing]:
    """The contest's stored standings by unit (its year without periods): where each pick stands so far."""
    rows = Standing.objects.filter(rubric__contest=contest, rubric__period="").only("unit", "rank", "total")
    return {r.unit_id: r for r in rows}


def stage_page(actor: Actor, contest: Contest) -> StagePage:
    stage = stage_of(contest)
    if stage is None:  # asked of staged contests only (stages.views)
        raise ValueError(f"contest {contest.slug} has no stage")
    picking, office = chooses(actor, contest), chooser(actor, contest)
    window = stage_window(stage)
    pool, picks, missing = [], [], []
    if office is not None:
        picks = list(stage_picks(stage, office))
        picked = {e.unit_id for e in picks}
        units = list(stage_pool(stage, office))
        # A first stage has no stage below: None filters as IS NULL, no rows (django-stubs' lookups leave None out).
        below = Standing.objects.filter(rubric__contest_id=stage.previous_id, rubric__period="")  # type: ignore[misc]
        results = {r.unit_id: r for r in below.filter(unit__in=units)}
        below_asked = requirements_of(stage.previous, [u.pk for u in units]) if stage.previous_id else {}
        pool = [
            PoolRow(u, u.pk in picked, barred_reason(stage, u), results.get(u.pk), asked)
            for u in units
            for asked in [below_asked.get(u.pk, Requirements())]
        ]
        # The stage below's results first, best first: the office picks from them (unranked last).
        pool.sort(key=_by_rank)
        calendar = window.calendar()
        missing = [
            (m, deadline_text(due, calendar, "th"), deadline_text(due, calendar, "en"))
            for m in files_missing(stage, office)
            for due in [m.requirement.deadline]
        ]
    visible = visible_entrants(actor, contest).values("pk")
    shown = list(
        stage.entries.filter(unit__in=visible)
        .select_related("unit__parent__parent", "chooser")
        .order_by("unit__parent__parent__code", "unit__dopa_code")
    )
    files = files_sent(stage, [e.pk for e in {*shown, *picks}], window.calendar(), timezone.localdate())
    groups = region_groups(shown, results_of(contest) if actor.rights(contest).runs else {})
    asked = requirements_of(contest, [e.unit_id for e in shown])
    for group in groups:
        group.count_budget(stage.budget_per_pick)
        for placed in group.entries:
            placed.files = files.get(placed.entry.pk, [])
            placed.asked = asked.get(placed.entry.unit_id, Requirements())
    return StagePage(
        contest=contest,
        stage=stage,
        window=window,
        chooses=picking,
        office=office,
        pool=pool,
        picks=picks,
        left=max(stage.quota - len(picks), 0),
        missing=missing,
        # The contest's own standings only to whoever runs it, as its dashboard (the offices pick, not rank).
        groups=groups,
        sent=[(e, files.get(e.pk, [])) for e in picks],
    )


# The admin's scope (stages.admin), the stage pages' own rule: whoever runs a staged contest sees it
# whole; an office that picks sees its stage and the stages below it, their picks under the office only.


def stages_for_user(user) -> QuerySet[Stage]:
    actor = actor_of(user)
    staged = Contest.objects.filter(stage__isnull=False).select_related("organiser")
    return Stage.objects.filter(contest__in=[c.pk for c in staged if actor.rights(c).runs or actor.rights(c).in_stages])


def picks_for_user(user) -> QuerySet[StageEntry]:
    actor = actor_of(user)
    seen = Q(pk__in=[])
    for stage in stages_for_user(user).select_related("contest"):
        seen |= Q(stage=stage, unit__in=visible_entrants(actor, stage.contest).values("pk"))
    return StageEntry.objects.filter(seen)


def past_models_for_user(user) -> QuerySet[PastModel]:
    """The register of past models: central staff all of it, an organiser the rows of units under its office."""
    actor = actor_of(user)
    if Power.ADMINISTER in actor.powers:
        return PastModel.objects.all()
    return PastModel.objects.filter(unit__in=organised_units(actor))
