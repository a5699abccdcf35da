"""Writes about a contest's rules: loading and saving rubrics (the builder's, a file's, next year's), the award
minimum and the rest of a year's settings, opening a draft. Every change to rules goes through `revisions.change`.
A criterion's deadline and the holidays are in rubrics/timetable.py, the facts' writes in scoring/facts/imports.py,
the standings' upkeep in scoring/recompute.py, a nominee's in nominees/services.py: callers import each from where
it lives (no re-exports)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.actor import forget, office_unit
from contests.codes import code_stem, national_code, office_prefix
from contests.entrants import contest_entrants
from contests.hooks import results_stale
from contests.models import Combine, Contest, ContestState, Level, Unit
from contests.tree import units_under
from contests.units import units_collate
from core import acts, bulk
from core.errors import YearFrozen
from core.i18n import either
from core.thai import fmt_points, thai_digits
from notices import events
from rubrics import hooks, revisions
from rubrics.access import RUN_CONTEST
from rubrics.contest_spec import parse_rubric_file, period_data
from rubrics.letters import NONE, Letter
from rubrics.models import AwardTier, ContestPeriod, Criterion, Dimension, YearSettings
from rulebook.dates import parse_date
from rulebook.rubric import RubricSpec
from rulebook.spec import Read, RubricError, parse_rubric


@transaction.atomic
def provinces_load(*, entries: Sequence[Mapping]) -> int:
    """Creates or updates the provincial offices by ISO code (idempotent)."""
    for entry in entries:
        Unit.objects.update_or_create(
            code=entry["code"],
            defaults={
                **{k: entry[k] for k in ("name_th", "name_en", "size_group", "region", "aliases_th")},
                "dopa_code": entry["code"].removeprefix("TH-"),
                "level": Level.PROVINCE,
                "is_cdd_office": True,
            },
        )
    units_collate()
    for rubric in ContestPeriod.objects.all():
        hooks.results_ensure(rubric)
        results_stale(rubric_id=rubric.pk)
    return len(entries)


def contest_slug(data: Mapping) -> str:
    """The contest a rubric file loads into: its "contest" block's slug, else the Department's of the year."""
    block = data.get("contest")  # asked before the file is checked too (the admin's editor): a non-object has none
    return (block.get("slug") if isinstance(block, Mapping) else None) or national_code(str(data.get("year")))


def _contest_save(*, data: Mapping, year: int) -> tuple[Contest, list[dict]]:
    """The data's "contest" block (docs/rubric-format.md); without one, the Department's contest of the year."""
    block = data.get("contest") or {}  # checked whole by parse_rubric_file
    slug = contest_slug(data)
    organiser = None
    if block.get("organiser"):
        organiser = Unit.objects.filter(dopa_code=block["organiser"], level=Level.PROVINCE).first()
        if organiser is None:
            raise RubricError([format_lazy(gettext_lazy("no organising office {block}"), block=block["organiser"])])
    periods = list(block.get("periods") or [])
    contest, _ = Contest.objects.update_or_create(
        slug=slug,
        defaults={
            "name_th": data["name_th"],
            "name_en": data.get("name_en") or "",
            "year": year,
            "organiser": organiser,
            "entrant_level": block.get("entrant_level", Level.PROVINCE),
            "combine": block.get("combine") or (Combine.SUM if periods else Combine.SINGLE),
            "nominates": block.get("nominates", False),
            "nominee_rules": dict(block.get("nominee") or {}),
        },
    )
    codes = [str(c) for c in block.get("entrants") or []]
    chosen = list(Unit.objects.filter(dopa_code__in=codes)) if codes else []
    if len(chosen) != len(set(codes)):
        missing = sorted(set(codes) - {u.dopa_code for u in chosen})
        raise RubricError([format_lazy(gettext_lazy("unknown entrants {join}"), join=", ".join(missing))])
    # A staged contest's entrants are its picks (the contest's stage, asked by its field: rubrics is below stages).
    if not Contest.objects.filter(pk=contest.pk, stage__isnull=False).exists():
        contest.entrants.set(chosen)
    return contest, periods


def _not_the_offices(slug: str, office: Unit) -> bool:
    """A code the office may not save: another office's or the Department's, or one of their other years'
    (contests.codes.code_stem), drafts included; or a new code outside the office's own prefix
    (`office_prefix`) that is no other year of one of its own contests. One answer for all of them: the
    refusal tells nobody whose contest a code is, nor whether it exists."""
    stem = code_stem(slug)
    held = Contest.objects.values_list("slug", "organiser_id")
    own = {code_stem(code) for code, organiser in held if organiser == office.pk}
    if any(code_stem(code) == stem for code, organiser in held if organiser != office.pk):
        return True
    return not slug.startswith(office_prefix(office)) and stem not in own


@transaction.atomic
def contest_save(
    *, user, data: Mapping, reason: str = "", confirm: bool = False, letter: Letter = NONE
) -> ContestPeriod:
    """An organiser (or central staff) creates or updates a contest from the rubric format
    (docs/rubric-format.md, docs/contests.md). An organiser's contest is always its own office's, among
    units under that office, its new code under the office's own prefix; another office's code is refused in
    the same words. All or nothing. A new contest is a draft, from the builder and from a file alike: opening
    it is its own act (`contest_open`, with its second factor), never a side effect of an upload.
    A change is recorded (rubrics.revisions): an open contest's needs a `reason`, and dropping criteria that
    hold evidence or scores needs `confirm` (they are archived, never deleted). A change that moves a deadline
    of an open contest is the act of moving one (rubrics.change_deadline): told to everyone concerned, with the
    reason and the `letter`."""
    office = office_unit(user)
    raw = data.get("contest")
    block = dict(raw) if isinstance(raw, Mapping) else {}
    if office is not None:  # an organiser: the contest is its office's, whatever the file says
        block["organiser"] = office.dopa_code
    # A block that is no object stays as sent: parse_rubric_file refuses it with the file's other problems.
    data = {**data, "contest": block if raw is None or isinstance(raw, Mapping) else raw}
    spec = parse_rubric_file(data)  # every field, before anything is looked up or written
    if not block.get("slug") or (block.get("entrant_level", Level.PROVINCE) == Level.PROVINCE and office is not None):
        raise RubricError(
            [gettext_lazy("the file needs a contest.slug, and entrants at district or subdistrict level")]
        )
    if office is not None and _not_the_offices(block["slug"], office):
        slug, prefix = block["slug"], office_prefix(office)
        raise RubricError(
            [
                format_lazy(
                    gettext_lazy("the contest code {slug} is not available: use a new code beginning with {prefix}"),
                    slug=slug,
                    prefix=prefix,
                )
            ]
        )
    taken = Contest.objects.filter(slug=block["slug"]).first()

    def write() -> ContestPeriod:
        rubric = _load(data=data, spec=spec, archive=confirm)
        if taken is None:  # a new contest waits for whoever runs it to open it
            Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)
            rubric.contest.state = ContestState.DRAFT
        if office is not None:
            outside = contest_entrants(rubric.contest).exclude(pk__in=units_under(office, rubric.contest.entrant_level))
            if outside.exists():
                codes = ", ".join(outside.values_list("code", flat=True)[:10])
                raise RubricError([format_lazy(gettext_lazy("entrants {codes} are not in your province"), codes=codes)])
        return rubric

    keep = {c.code for c in spec.criteria()}
    return revisions.change(
        user=user, contest=taken, write=write, reason=reason, keep=keep, confirm=confirm, letter=letter
    )


@transaction.atomic
def contest_check(*, user, data: Mapping) -> None:
    """What `contest_save` would refuse (RubricError), nothing kept: the builder's "ตรวจ" runs the save's own
    validation, so the check and the save agree. A change's reason is asked at the save."""
    with transaction.atomic():
        try:
            contest_save(user=user, data=data, confirm=True)
        except revisions.ChangeRefused:
            pass  # only a reason or a confirmation is missing: the save asks for them in its own box
        transaction.set_rollback(True)


def rubric_load(*, data: Mapping, user=None, reason: str = "") -> ContestPeriod:
    """Creates or updates a contest and its rubric (one per period) from the data format, through the one door
    (rubrics.revisions): an open contest's change needs a `reason` (a loader's names itself: bootstrap…), and
    criteria that hold evidence or scores are never dropped from here (the builder asks and archives them).
    Refuses an invalid one (RubricError). Returns the contest's first rubric."""
    spec = parse_rubric_file(data)
    taken = Contest.objects.filter(slug=contest_slug(data)).first()
    keep = {c.code for c in spec.criteria()}
    return revisions.change(
        user=user, contest=taken, write=lambda: _load(data=data, spec=spec), reason=reason, keep=keep
    )


def rubric_edit(*, user, data: Mapping, reason: str = "") -> ContestPeriod:
    """Central staff's rubric editor in the admin (the whole file as JSON): `rubric_load` as that person."""
    return rubric_load(user=user, data=data, reason=reason)


def _load(*, data: Mapping, spec: RubricSpec, archive: bool = False) -> ContestPeriod:
    """Writes a rubric file that parse_rubric_file has checked, every field of its contest block too;
    `archive`: criteria dropped while they hold something are archived (confirmed), else refused."""
    contest, periods = _contest_save(data=data, year=spec.year)
    rubrics: list[ContestPeriod] = []
    read: Read = {}
    each: list[dict | None] = [*periods] or [None]  # a contest without periods: one rubric, of no period
    for order, period in enumerate(each):
        # A period with criteria of its own (seed 004's months) is that period's rubric; checked already.
        own = period_data(data, period) if period and period.get("criteria") else None
        period_spec = spec if own is None else parse_rubric(own, read=read)
        saved = _rubric_save(contest=contest, spec=period_spec, data=data, period=period, order=order, archive=archive)
        rubrics.append(saved)
    return rubrics[0]


def _rubric_save(
    *, contest: Contest, spec, data: Mapping, period: Mapping | None, order: int, archive=False
) -> ContestPeriod:
    # A period's own deadline stands for every criterion of that period (seed 004: reported by the 20th).
    deadline = parse_date(period["deadline"]) if period and period.get("deadline") else None
    code = period["code"] if period else ""
    existing = ContestPeriod.objects.filter(contest=contest, period=code).first()
    if existing is not None:
        _ensure_rubric_editable(existing)
    rubric, created = ContestPeriod.objects.update_or_create(
        contest=contest,
        period=code,
        defaults={
            "year": spec.year,
            "period_name_th": period.get("name_th", "") if period else "",
            "period_name_en": period.get("name_en", "") if period else "",
            "period_order": order,
            "name_th": spec.name_th,
            "name_en": spec.name_en,
            "starts_on": spec.starts_on,
            "ends_on": spec.ends_on,
            "total_points": spec.total_points,
            "tie_break": list(spec.tie_break),
            "level_bands": data.get("level_bands"),
            "rounding": data.get("rounding"),
            "closed_day": spec.closed_day,
        },
    )
    # What a rubric saved before holds (criteria, dimensions, award tiers, facts) is set against the file; a new
    # one holds nothing yet, and asks none of it: every contest's first load (bootstrap, an upload, a stage's copy).
    if not created:
        # Facts, evidence and committee scores all PROTECT their criterion: one that holds any is archived
        # (a confirmed change) or refused, never deleted (rubrics.revisions).
        revisions.criteria_drop(rubric=rubric, keep={c.code for c in spec.criteria()}, archive=archive)
        revisions.dimensions_drop(rubric=rubric, keep={d.code for d in spec.dimensions})
    raw_dimensions = {str(d.get("code")): d for d in data.get("dimensions", [])}
    # An archived row brought back is restored (archived_at cleared): all_objects meets it.
    dimensions = _rows_save(
        Dimension.all_objects,
        rubric=rubric,
        rows={
            dim.code: {
                "archived_at": None,
                "order": d_order,
                "name_th": dim.name_th,
                "name_en": dim.name_en,
                "max_points": dim.max_points,
                "level_bands": raw_dimensions.get(dim.code, {}).get("level_bands"),
            }
            for d_order, dim in enumerate(spec.dimensions)
        },
    )
    criteria = [(dim, c) for dim in spec.dimensions for c in dim.criteria]
    _rows_save(
        Criterion.all_objects,
        rubric=rubric,
        rows={
            c.code: {
                "archived_at": None,
                "dimension_id": dimensions[dim.code].pk,
                "order": order,
                "name_th": c.name_th,
                "name_en": c.name_en,
                "max_points": c.max_points,
                "rule": c.raw_rule,
                "deadline": deadline or c.deadline,
                "rounds": list(c.raw_rounds),
                "extra": c.extra,
                "nominee": c.nominee,
                "number": c.number,
                "evidence_th": c.evidence_th,
                "evidence_en": c.evidence_en,
                "channel_th": c.channel_th,
                "channel_en": c.channel_en,
            }
            for order, (dim, c) in enumerate(criteria, start=1)
        },
    )
    if not created:
        revisions.dimensions_tidy(rubric)
        rubric.award_tiers.exclude(code__in=[a.code for a in spec.awards]).delete()
    for a_order, award in enumerate(spec.awards):
        AwardTier.objects.update_or_create(
            rubric=rubric,
            code=award.code,
            defaults={
                "order": a_order,
                "name_th": award.name_th,
                "name_en": award.name_en,
                "count": award.count,
                "prize": award.prize,
                "prize_th": award.prize_th,
                "prize_en": award.prize_en,
            },
        )
    if "award_min_total" in data:
        _award_minimum_save(rubric, data["award_min_total"])
    if not created:
        hooks.facts_unread_blank(rubric=rubric, spec=spec)
    hooks.results_ensure(rubric)  # the new revision and the rescore are the door's, once something changed
    return rubric


def _rows_save(manager, *, rubric: ContestPeriod, rows: Mapping[str, Mapping]) -> dict:
    """`update_or_create` by code for every row of one rubric at once: one read, one UPDATE of the rows that
    differ (core.bulk), one INSERT of the new ones (a 25-criterion rubric took 234 queries row by row). A
    foreign key is given by its id (`dimension_id`), so that comparing never fetches the row it points at."""
    found = {row.code: row for row in manager.filter(rubric=rubric)}
    new, changed, fields = [], [], set()
    for code, values in rows.items():
        row = found.get(code)
        if row is None:
            found[code] = row = manager.model(rubric=rubric, code=code, **values)
            new.append(row)
            continue
        differ = [name for name, value in values.items() if getattr(row, name) != value]
        for name in differ:
            setattr(row, name, values[name])
        if differ:
            changed.append(row)
            fields.update(differ)
    manager.bulk_create(new)
    bulk.update_rows(changed, sorted(fields))
    return found


def _award_minimum_save(rubric: ContestPeriod, raw) -> None:
    """The rubric file's own award minimum (decision 10), e.g. "3" of 3: every entrant that qualifies is
    honoured and nobody else, whatever their number. Whoever runs the contest may still change it on its
    settings page."""
    try:
        minimum = Decimal(str(raw)) if isinstance(raw, str | int) and not isinstance(raw, bool) else None
    except InvalidOperation:
        minimum = None
    if minimum is None or not minimum.is_finite() or not 0 < minimum <= rubric.total_points:
        total = fmt_points(rubric.total_points)
        raise RubricError(
            [
                format_lazy(
                    gettext_lazy("award_min_total must be a number more than 0, at most {total}; got {raw!r}"),
                    total=total,
                    raw=raw,
                )
            ]
        )
    YearSettings.objects.update_or_create(rubric=rubric, defaults={"award_min_total": minimum})


def award_minimum_refused(rubric: ContestPeriod):
    """Why a minimum is refused, with the range it may take (decision 10: an award always needs more than 0)."""
    top = either(thai_digits(fmt_points(rubric.total_points)), fmt_points(rubric.total_points))
    return format_lazy(
        gettext_lazy("the minimum total for an award must be more than 0 and at most {top}"),
        top=top,
    )


@transaction.atomic
def year_settings_set(
    *,
    user,
    rubric: ContestPeriod,
    visible: bool,
    reminder_days: int,
    overdue_every: int | None = None,
    award_min_total: Decimal | None = None,
    reason: str = "",
) -> YearSettings:
    """`overdue_every` (the overdue reminder's rhythm) and `award_min_total` None keep what is stored; a new
    minimum re-ranks the year (decision 10), a change to the contest's rules through the one door
    (rubrics.revisions: an open contest's needs a `reason`)."""
    acts.require(user, RUN_CONTEST, rubric)  # whoever runs the contest, as its dashboard
    if not 0 <= reminder_days <= 30 or not 0 <= (overdue_every or 0) <= 30:
        raise ValidationError(gettext_lazy("working days must be 0–30"))
    if award_min_total is not None and not 0 < award_min_total <= rubric.total_points:
        raise ValidationError(award_minimum_refused(rubric))
    defaults = {"standings_visible_to_entrants": visible, "reminder_working_days": reminder_days}
    if overdue_every is not None:
        defaults["overdue_every_working_days"] = overdue_every
    obj, _ = YearSettings.objects.update_or_create(rubric=rubric, defaults=defaults)
    if award_min_total is None or award_min_total == obj.award_min_total:
        return obj  # who sees the standings and when reminders go are no rule of the contest: no revision

    def write() -> YearSettings:
        obj.award_min_total = award_min_total
        obj.save(update_fields=["award_min_total"])
        return obj

    return revisions.change(user=user, contest=rubric.contest, write=write, reason=reason)


def _ensure_rubric_editable(rubric: ContestPeriod) -> None:
    """The rubric's own writers speak RubricError, which their callers already show."""
    try:
        hooks.ensure_changeable(rubric)
    except YearFrozen as exc:
        raise revisions.frozen_refusal(exc) from exc


@transaction.atomic
def contest_open(*, user, rubric: ContestPeriod) -> Contest:
    """Whoever runs a draft contest opens it: its entrants then meet it. Opening is once."""
    contest = rubric.contest
    acts.require(user, "rubrics.open_contest", rubric)  # entrants meet it from now on
    hooks.ensure_opens(rubric)  # opening is once: only a draft opens
    Contest.objects.filter(pk=contest.pk).update(state=ContestState.OPEN)
    contest.state = ContestState.OPEN
    forget(user)
    events.contest_opened(rubric=rubric, author=user)
    return contest
