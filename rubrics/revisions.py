"""Changing a contest's rules once it exists: each save is a new revision of every period's rubric,
recorded (`RubricChange`: who, when, why, what changed), and every entrant is rescored (the results marked stale,
the recompute queued on commit).

`change` is the one door: the builder, the file upload, the admin's rubric editor and deadline
edits, `rubric_deadline`, the award minimum and the loaders all write through it. A save that changes nothing
makes no revision and rescores nobody; one that leaves a committee score above its criterion's maximum is
refused, the criteria named (a recompute would fail on it ever after).

An open contest's change needs a reason. A change that drops criteria holding evidence, facts or committee
scores is refused, each such criterion listed, until the caller confirms; then the criterion is archived,
never deleted: it leaves the rubric (not scored, not shown) and keeps all it holds, and bringing its code
back restores it. Evidence, facts and scores PROTECT their criterion, so nothing here can delete them."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.db import router, transaction
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from contests.hooks import results_stale
from contests.models import Contest, ContestState
from core import acts
from core.errors import YearFrozen, in_language
from core.i18n import Text
from core.labels import both
from core.thai import fmt_points, thai_num
from notices import events
from rubrics import hooks
from rubrics.letters import NONE, NUMBER_MOST, Letter, letter_keep
from rubrics.models import AWARD_FLOOR, ContestPeriod, Criterion, Dimension, RubricChange, YearSettings
from rubrics.selectors import due_on, rubric_data
from rulebook.dates import parse_date
from rulebook.diff import contest_diff, diff_lines, is_empty
from rulebook.rules.errors import NOWHERE, Problem
from rulebook.spec import RubricError

T = TypeVar("T")

REASON_MOST = 2000
REASON_NEEDED = gettext_lazy("the contest is open: say why it changes (every entrant is rescored)")


@dataclass(frozen=True)
class Held:
    """A criterion a change would drop, and what it holds."""

    code: str
    label: str  # the document's number, else the code
    name_th: str
    evidence: int  # evidence files and links, every version
    others: tuple[tuple[str, int], ...]  # (what, how many): facts, judgments, finals, clarifications…

    @property
    def text(self) -> str:
        parts = [f"หลักฐาน {thai_num(self.evidence)} ไฟล์"] if self.evidence else []
        parts += [f"{what} {thai_num(n)} รายการ" for what, n in self.others]
        return f"ตัวชี้วัด {self.label} {self.name_th}: {', '.join(parts)}"


class ChangeRefused(RubricError):
    """A change the caller can complete: a reason (`needs` has "reason"), a confirmation that the criteria in
    `held` are archived ("confirm"), or a letter cited whole ("letter"). The pages show each beside its box, the
    list above the checkbox."""

    code = "change_refused"

    def __init__(self, messages: Sequence[Text], *, needs: set[str], held: Iterable[Held] = ()):
        super().__init__(messages)
        self.needs, self.held = needs, list(held)
        self.moves: list = []  # the deadlines and rounds the change moves, when it moves any
        self.field = "confirm" if "confirm" in needs else "letter_number" if "letter" in needs else "reason"


def letter_check(letter: Letter) -> None:
    """A letter is cited by its number and its date together, the number of a sane length, a PDF only with
    them: refused Thai first, beside the letter's boxes, before anything is written."""
    number = letter.number.strip()
    if (number == "") != (letter.day is None) or (letter.pdf is not None and not number):
        raise ChangeRefused([gettext_lazy("give both the letter's number and its date (or neither)")], needs={"letter"})
    if len(number) > NUMBER_MOST:
        raise ChangeRefused(
            [format_lazy(gettext_lazy("the letter's number is at most {most} characters"), most=NUMBER_MOST)],
            needs={"letter"},
        )


def snapshot(contest: Contest | None) -> dict:
    """The contest and each period's rubric in the rubric format, as `rubric_diff.contest_diff` compares them:
    everything a change writes, the period's name and place and its award minimum too."""
    if contest is None:
        return {}
    minima = dict(YearSettings.objects.filter(rubric__contest=contest).values_list("rubric_id", "award_min_total"))
    return {
        "contest": {
            "name_th": contest.name_th,
            "organiser": contest.organiser.dopa_code if contest.organiser is not None else None,
            "entrant_level": contest.entrant_level,
            "combine": contest.combine,
            "nominates": contest.nominates,
            "nominee": contest.nominee_rules,
            "entrants": sorted(contest.entrants.values_list("dopa_code", flat=True)),
        },
        "rubrics": {
            r.period: {
                **rubric_data(r),
                "period_name_th": r.period_name_th,
                "period_name_en": r.period_name_en,
                "period_order": r.period_order,
                "award_min_total": str(minima.get(r.pk) or AWARD_FLOOR),
            }
            for r in contest.rubrics.order_by("period_order")
        },
    }


def _holders(criteria: list[Criterion]) -> dict[int | None, list]:
    """criterion id → the rows that PROTECT it (what a delete would refuse for), asked of Django's own deletion
    collector, so every app's evidence and scores count without scoring importing them (None: a row that
    protects a criterion through a field of another name)."""
    if not criteria:
        return {}
    try:
        Collector(using=router.db_for_write(Criterion)).collect(criteria)
    except ProtectedError as exc:
        found: dict[int | None, list] = {}
        for row in exc.protected_objects:
            found.setdefault(getattr(row, "criterion_id", None), []).append(row)
        return found
    return {}


def held_criteria(contest: Contest, keep: set[str]) -> list[Held]:
    """The contest's criteria (every period) a rubric of codes `keep` drops that hold anything, one per code."""
    dropped = list(Criterion.objects.filter(rubric__contest=contest).exclude(code__in=keep).order_by("order", "pk"))
    holders = _holders(dropped)
    by_code: dict[str, tuple[Criterion, int, Counter]] = {}
    for c in dropped:
        rows = holders.get(c.pk)
        if not rows:
            continue
        _, evidence, others = by_code.setdefault(c.code, (c, 0, Counter()))
        for row in rows:
            files = getattr(row, "evidence", None)  # a submission: count its versions, the files themselves
            if files is not None and hasattr(files, "count"):
                evidence += files.count()
            else:
                others[both(row._meta.verbose_name)[0]] += 1
        by_code[c.code] = (c, evidence, others)
    return [
        Held(code, c.label, c.name_th, evidence, tuple(sorted(others.items())))
        for code, (c, evidence, others) in by_code.items()
    ]


def frozen_check(contest: Contest) -> None:
    """A frozen period refuses every change to its contest (RubricError). Forms ask it first, to show the
    refusal on the page instead of a 500."""
    for rubric in contest.rubrics.all():
        try:
            hooks.ensure_changeable(rubric)
        except YearFrozen as exc:
            raise frozen_refusal(exc) from exc


def frozen_refusal(exc: YearFrozen) -> RubricError:
    """A frozen period's refusal as the rubric's writers speak it (RubricError, shown by their callers)."""
    return RubricError([Problem(NOWHERE, in_language(exc, "th"), in_language(exc, "en"))])


def change_check(*, contest: Contest, keep: set[str] | None, reason: str, confirm: bool) -> list[Held]:
    """Before anything is written: criteria that hold something are dropped only once confirmed (returned,
    for the record); `keep` None: the change drops no criterion."""
    frozen_check(contest)  # a frozen contest says so first, as the loader would
    held = held_criteria(contest, keep) if keep is not None else []
    needs: set[str] = set()
    if held and not confirm:
        needs.add("confirm")
    if held and contest.state == ContestState.OPEN and not reason.strip():
        needs.add("reason")  # asked with the list, so that the page shows both at once
    if not needs:
        return held
    messages: list[Text] = [
        "การแก้ไขนี้นำตัวชี้วัดที่มีหลักฐานหรือคะแนนแล้วออก: ตัวชี้วัดจะถูกเก็บถาวรพร้อมข้อมูลทั้งหมด (ไม่มีสิ่งใดถูกลบ)"
        " กรุณายืนยัน / this change drops criteria that hold evidence or scores: they are archived with"
        " everything they hold (nothing is deleted); confirm to go on",
        *(f"{h.text} / criterion {h.code}" for h in held),
    ]
    if "reason" in needs:
        messages.append(REASON_NEEDED)
    raise ChangeRefused(messages, needs=needs, held=held)


def criteria_drop(*, rubric: ContestPeriod, keep: set[str], archive: bool) -> None:
    """The rubric's criteria not in `keep`: deleted when they hold nothing, archived when they do and the
    change was confirmed (`archive`), refused otherwise (the rubric loader's callers)."""
    dropped = list(rubric.criteria.exclude(code__in=keep))
    held = _holders(dropped)
    if held and not archive:
        codes = ", ".join(sorted(c.code for c in dropped if c.pk in held))
        raise RubricError(
            [
                format_lazy(
                    gettext_lazy("criteria {codes} already have facts, evidence or scores and cannot be removed"),
                    codes=codes,
                )
            ]
        )
    Criterion.objects.filter(pk__in=[c.pk for c in dropped if c.pk in held]).update(archived_at=timezone.now())
    Criterion.objects.filter(pk__in=[c.pk for c in dropped if c.pk not in held]).delete()


def dimensions_drop(*, rubric: ContestPeriod, keep: set[str]) -> None:
    """Dimensions not in `keep`: archived while a criterion row still points at them (an archived one, or one
    about to move to another dimension), else deleted; `dimensions_tidy` deletes those left empty."""
    dropped = rubric.dimensions.exclude(code__in=keep)
    pointed = set(Criterion.all_objects.filter(dimension__in=dropped).values_list("dimension_id", flat=True))
    dropped.filter(pk__in=pointed).update(archived_at=timezone.now())
    dropped.exclude(pk__in=pointed).delete()


def dimensions_tidy(rubric: ContestPeriod) -> None:
    Dimension.all_objects.archived().filter(rubric=rubric, criteria__isnull=True).delete()


def reason_check(*, contest: Contest, reason: str) -> None:
    """A change to an open contest says why; a draft's need not (nobody has entered yet). Forms ask it first,
    to show the refusal beside their reason box."""
    if contest.state == ContestState.OPEN and not reason.strip():
        raise ChangeRefused([REASON_NEEDED], needs={"reason"})


def change_record(
    *, user, contest: Contest, before: Mapping, reason: str, archived: Sequence[Held] = (), letter: Letter = NONE,
    rounds_kept: list[dict] | None = None, deadline_asked: bool = False,
) -> RubricChange | None:  # fmt: skip
    """After the save: what changed, recorded with the letter it is made by and the rounds a deadline's move left
    on their dates (`rounds_kept`, as `RubricChange.rounds_kept` keeps them); an open contest's change without a
    reason is refused (and the caller's transaction rolls everything back), naming the deadlines it moves.
    Nothing changed: nothing recorded, no reason asked. Every deadline it moves is told (`moves_tell`). A change
    that moves a date asks `rubrics.change_deadline`, unless its caller has (`deadline_asked`: a criterion's move,
    rubrics.timetable, asks it once before anything is written)."""
    diff = contest_diff(before, snapshot(contest)) if before else {"created": True}
    if is_empty(diff):
        return None
    reason = reason.strip()
    if before:  # a new contest has nothing to explain
        try:
            reason_check(contest=contest, reason=reason)
        except ChangeRefused as refused:
            refused.moves = deadline_lines(diff)
            raise
    if len(reason) > REASON_MOST:
        raise ChangeRefused(
            [format_lazy(gettext_lazy("the reason is at most {reason_most:,} characters"), reason_most=REASON_MOST)],
            needs={"reason"},
        )
    asks = bool(before) and contest.state != ContestState.DRAFT and user is not None and not deadline_asked
    if asks and deadline_moves_of(diff):
        acts.require(user, "rubrics.change_deadline", contest)  # a file or the builder moving a date: the same act
    record = RubricChange.objects.create(
        contest=contest,
        rubric=contest.rubrics.earliest("period_order"),
        user=user if getattr(user, "is_authenticated", False) else None,
        state=contest.state,
        reason=reason,
        changes=diff,
        archived=[{"code": h.code, "label": h.label, "name_th": h.name_th, "text": h.text} for h in archived],
        rounds_kept=rounds_kept or [],
    )
    if letter.given:
        letter_keep(record, letter)
    if before:
        moves_tell(record, author=user)
    return record


def deadline_moves_of(diff: Mapping) -> list[tuple[str, str, str | None, str | None]]:
    """(period, criterion code, old ISO day, new ISO day) for each deadline a change's diff moves."""
    found = []
    for period in (diff or {}).get("periods") or []:
        for c in (period.get("criteria") or {}).get("changed") or []:
            for f in c.get("fields") or []:
                if f.get("field") == "deadline":
                    found.append((period.get("period"), c["code"], f.get("old"), f.get("new")))
    return found


def deadline_lines(diff: Mapping) -> list:
    """The lines of a change that move a deadline or a round, as the revision history says them: what a reason
    is asked for when a file moves dates."""
    periods = []
    for period in (diff or {}).get("periods") or []:
        if period.get("added") or period.get("removed"):
            continue
        changed = [
            {**c, "fields": dated}
            for c in (period.get("criteria") or {}).get("changed") or []
            if (dated := [f for f in c.get("fields") or [] if f.get("field") in ("deadline", "rounds")])
        ]
        if changed:
            none: dict[str, list] = {"added": [], "removed": [], "changed": []}
            periods.append({**period, "fields": [], "dimensions": none, "criteria": {**none, "changed": changed}})
    return diff_lines({"periods": periods})


def moves_tell(record: RubricChange, *, author) -> None:
    """Whoever must send by a moved deadline, and whoever runs the contest, is told: the old date, the new one
    (and the working day it falls due on, if offices are closed that day), the reason and the letter. One act,
    one letter, one notice: the criteria the change moves from one date to another are told together (4.1.1
    with 4.1.2, which times its files), each by the number its pages show. A draft's dates reach nobody; a
    first deadline is shown where it is due."""
    contest = record.contest
    if contest.state == ContestState.DRAFT:
        return
    rubrics = {r.period: r for r in contest.rubrics.all()}
    together: dict[tuple[str, str, str | None], list[str]] = {}
    for period, code, old, new in deadline_moves_of(record.changes):
        if period in rubrics and old is not None and old != new:
            together.setdefault((period, old, new), []).append(code)
    for (period, old, new), codes in together.items():
        rubric = rubrics[period]
        day = parse_date(new) if new else None
        moved = Criterion.objects.filter(rubric=rubric, code__in=codes).only("code", "number")
        shown = {c.code: c.label for c in moved}
        events.deadline_moved(
            rubric=rubric,
            codes=codes,
            labels=[shown.get(code, code) for code in codes],
            old=parse_date(old),
            new=day,
            due=due_on(rubric, day),
            reason=record.reason,
            letter_number=record.letter_number,
            letter_date=record.letter_date,
            change=record.pk,
            author=author,
        )


def stranded_check(contest: Contest) -> None:
    """Refuses a change that leaves committee scores (members', the chair's, overrides) above their criterion's
    new maximum: the engine refuses such a score on every recompute. Asked of the apps that keep scores
    (hooks.scores_above_max), in the caller's transaction, so a refusal rolls the whole change back."""
    rubric_ids = list(contest.rubrics.values_list("pk", flat=True))
    counts: Counter = Counter()
    for found in hooks.scores_above_max(rubric_ids):
        counts.update(found)
    if not counts:
        return
    criteria = Criterion.objects.filter(pk__in=counts).order_by("rubric__period_order", "order")
    raise RubricError(
        [
            f"คะแนนเต็มใหม่ต่ำกว่าคะแนนที่ให้ไว้แล้ว: ตัวชี้วัด {c.label} (คะแนนเต็ม {fmt_points(c.max_points)})"
            f" มี {thai_num(counts[c.pk])} คะแนนที่เกิน / the new maximum is below scores already given:"
            f" criterion {c.code} (maximum {fmt_points(c.max_points)}) has {counts[c.pk]} score"
            f"{'' if counts[c.pk] == 1 else 's'} above it"
            for c in criteria
        ]
    )


def rescore(contest: Contest) -> None:
    """Every period at a new revision (cached specs and calendars drop), every entrant marked stale and the
    recompute queued on commit."""
    for rubric in contest.rubrics.all():
        rubric.revision = uuid.uuid4()
        rubric.save(update_fields=["revision"])
        results_stale(rubric_id=rubric.pk)


@transaction.atomic  # a refusal after the write (stranded scores, no reason) leaves nothing written
def change(
    *,
    user,
    contest: Contest | None,
    write: Callable[[], T],
    reason: str = "",
    keep: set[str] | None = None,
    confirm: bool = False,
    letter: Letter = NONE,
    rounds_kept: list[dict] | None = None,
    deadline_asked: bool = False,
) -> T:
    """The one door for a change to a contest (`contest` None: one the write creates): checked before it is
    written (frozen, criteria dropped that hold something), written (`write`, in the caller's transaction;
    what it returns is returned), refused if it strands committee scores, recorded with its reason, then
    rescored; nothing changed: no record, no revision, no rescore. `deadline_asked`: the caller asked
    `rubrics.change_deadline` itself (change_record)."""
    if user is not None and contest is not None and contest.state != ContestState.DRAFT:
        acts.step_up(user, "rubrics.change_open_contest")  # the callers asked who may; this asks the factor
    letter_check(letter)
    held = change_check(contest=contest, keep=keep, reason=reason, confirm=confirm) if contest is not None else []
    before = snapshot(contest)
    written = write()
    # Read again as written: a new contest is the rubric's, an existing one's fields changed under `contest`.
    if contest is None:
        assert isinstance(
            written, ContestPeriod
        )  # a write that creates its contest returns its first rubric (the loaders)
        changed = written.contest
    else:
        changed = Contest.objects.get(pk=contest.pk)
    created = contest is None
    if not created:  # a contest the write creates holds no committee score yet
        stranded_check(changed)
    recorded = None
    # A contest a loader creates (no person: bootstrap, a stage's copy) has nothing to explain: its file is the record.
    if user is not None or not created:
        recorded = change_record(user=user, contest=changed, before=before, reason=reason, archived=held,
                                 letter=letter, rounds_kept=rounds_kept, deadline_asked=deadline_asked)  # fmt: skip
    if created or recorded is not None:
        rescore(changed)
    return written
