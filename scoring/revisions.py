"""Changing a contest's rules once it exists (issue #28): each save is a new revision of every period's rubric,
recorded (`RubricChange`: who, when, why, what changed), and every entrant is rescored (services._rubric_save
marks every result stale and queues the recompute on commit).

An open contest's change needs a reason. A change that drops criteria holding evidence, facts or committee
scores is refused, each such criterion listed, until the caller confirms; then the criterion is archived,
never deleted: it leaves the rubric (not scored, not shown) and keeps all it holds, and bringing its code
back restores it. Evidence, facts and scores PROTECT their criterion, so nothing here can delete them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db import router
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.utils import timezone

from contests.models import Contest, ContestState
from core.errors import YearFrozen
from core.thai import thai_num

from . import selectors
from .facts_import import ensure_not_frozen
from .models import Criterion, Dimension, Rubric, RubricChange
from .rubric_diff import contest_diff, is_empty
from .spec import RubricError

REASON_MOST = 2000
REASON_NEEDED = (
    "การประกวดเปิดแล้ว กรุณาระบุเหตุผลของการแก้ไข (ผู้เข้าประกวดทุกรายจะถูกคิดคะแนนใหม่)"
    " / the contest is open: say why it changes (every entrant is rescored)"
)


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
    """A change the caller can complete: a reason (`needs` has "reason") or a confirmation that the criteria in
    `held` are archived ("confirm"). The pages show each beside its box, the list above the checkbox."""

    code = "change_refused"

    def __init__(self, messages: list[str], *, needs: set[str], held: Iterable[Held] = ()):
        super().__init__(messages)
        self.needs, self.held = needs, list(held)
        self.field = "confirm" if "confirm" in needs else "reason"


def snapshot(contest: Contest | None) -> dict:
    """The contest and each period's rubric in the rubric format, as `rubric_diff.contest_diff` compares them."""
    if contest is None:
        return {}
    return {
        "contest": {
            "name_th": contest.name_th,
            "entrant_level": contest.entrant_level,
            "combine": contest.combine,
            "nominates": contest.nominates,
            "nominee": contest.nominee_rules,
            "entrants": sorted(contest.entrants.values_list("dopa_code", flat=True)),
        },
        "rubrics": {r.period: selectors.rubric_data(r) for r in contest.rubrics.order_by("period_order")},
    }


def _holders(criteria: list[Criterion]) -> dict[int, list]:
    """criterion id → the rows that PROTECT it (what a delete would refuse for), asked of Django's own deletion
    collector, so every app's evidence and scores count without scoring importing them."""
    if not criteria:
        return {}
    try:
        Collector(using=router.db_for_write(Criterion)).collect(criteria)
    except ProtectedError as exc:
        found: dict[int, list] = {}
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
                others[str(row._meta.verbose_name).partition(" / ")[0]] += 1
        by_code[c.code] = (c, evidence, others)
    return [
        Held(code, c.label, c.name_th, evidence, tuple(sorted(others.items())))
        for code, (c, evidence, others) in by_code.items()
    ]


def change_check(*, contest: Contest, keep: set[str], reason: str, confirm: bool) -> list[Held]:
    """Before anything is written: criteria that hold something are dropped only once confirmed (returned,
    for the record)."""
    for rubric in contest.rubrics.all():  # a frozen contest says so first, as the loader would
        try:
            ensure_not_frozen(rubric)
        except YearFrozen as exc:
            raise RubricError([f"{exc.th} / {exc.en}"]) from exc
    held = held_criteria(contest, keep)
    needs = set()
    if held and not confirm:
        needs.add("confirm")
    if held and contest.state == ContestState.OPEN and not reason.strip():
        needs.add("reason")  # asked with the list, so that the page shows both at once
    if not needs:
        return held
    messages = [
        "การแก้ไขนี้นำตัวชี้วัดที่มีหลักฐานหรือคะแนนแล้วออก: ตัวชี้วัดจะถูกเก็บถาวรพร้อมข้อมูลทั้งหมด (ไม่มีสิ่งใดถูกลบ)"
        " กรุณายืนยัน / this change drops criteria that hold evidence or scores: they are archived with"
        " everything they hold (nothing is deleted); confirm to go on",
        *(f"{h.text} / criterion {h.code}" for h in held),
    ]
    if "reason" in needs:
        messages.append(REASON_NEEDED)
    raise ChangeRefused(messages, needs=needs, held=held)


def criteria_drop(*, rubric: Rubric, keep: set[str], archive: bool) -> None:
    """The rubric's criteria not in `keep`: deleted when they hold nothing, archived when they do and the
    change was confirmed (`archive`), refused otherwise (the rubric loader's callers)."""
    dropped = list(rubric.criteria.exclude(code__in=keep))
    held = _holders(dropped)
    if held and not archive:
        codes = ", ".join(sorted(c.code for c in dropped if c.pk in held))
        raise RubricError(
            [
                f"ตัวชี้วัด {codes} มีข้อมูล หลักฐาน หรือคะแนนแล้ว ลบออกไม่ได้"
                f" / criteria {codes} already have facts, evidence or scores and cannot be removed"
            ]
        )
    Criterion.objects.filter(pk__in=[c.pk for c in dropped if c.pk in held]).update(archived_at=timezone.now())
    Criterion.objects.filter(pk__in=[c.pk for c in dropped if c.pk not in held]).delete()


def dimensions_drop(*, rubric: Rubric, keep: set[str]) -> None:
    """Dimensions not in `keep`: archived while a criterion row still points at them (an archived one, or one
    about to move to another dimension), else deleted; `dimensions_tidy` deletes those left empty."""
    dropped = rubric.dimensions.exclude(code__in=keep)
    pointed = set(Criterion.all_objects.filter(dimension__in=dropped).values_list("dimension_id", flat=True))
    dropped.filter(pk__in=pointed).update(archived_at=timezone.now())
    dropped.exclude(pk__in=pointed).delete()


def dimensions_tidy(rubric: Rubric) -> None:
    Dimension.all_objects.archived().filter(rubric=rubric, criteria__isnull=True).delete()


def change_record(
    *, user, contest: Contest, before: Mapping, reason: str, archived: list[Held] = ()
) -> RubricChange | None:
    """After the save: what changed, recorded; an open contest's change without a reason is refused (and the
    caller's transaction rolls everything back). Nothing changed: nothing recorded, no reason asked."""
    diff = contest_diff(before, snapshot(contest)) if before else {"created": True}
    if is_empty(diff):
        return None
    reason = reason.strip()
    if before and contest.state == ContestState.OPEN and not reason:  # a new contest has nothing to explain
        raise ChangeRefused([REASON_NEEDED], needs={"reason"})
    if len(reason) > REASON_MOST:
        raise ChangeRefused(
            [f"เหตุผลยาวไม่เกิน {REASON_MOST:,} ตัวอักษร / the reason is at most {REASON_MOST:,} characters"],
            needs={"reason"},
        )
    return RubricChange.objects.create(
        contest=contest,
        rubric=contest.rubrics.order_by("period_order").first(),
        user=user if getattr(user, "is_authenticated", False) else None,
        state=contest.state,
        reason=reason,
        changes=diff,
        archived=[{"code": h.code, "label": h.label, "name_th": h.name_th, "text": h.text} for h in archived],
    )
