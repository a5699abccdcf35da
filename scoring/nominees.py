"""Writes for a contest's nominees (`Contest.nominates`, seed 001's "คนต้นแบบ ไอที พช.ชลบุรี"): each
entrant office names one of its staff; the office stays the entrant, the person is who the award honours.
Re-exported by services; reads are in selectors (`nominees_by_unit`)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from contests.models import Contest, Nominee, NomineeVersion, Province
from contests.models.nominees import NAME_MAX, POSITION_MAX
from core.errors import PortalError, YearFrozen

from . import selectors
from .contests import enters
from .nominations import NominationWindow, nomination_window
from .permissions import is_own_province, runs_contest

FIELDS = {
    "name_th": ("ชื่อ-นามสกุล", "full name", NAME_MAX, True),
    "position_th": ("ตำแหน่ง", "position", POSITION_MAX, True),
    "name_en": ("ชื่อภาษาอังกฤษ", "English name", NAME_MAX, False),
}


def _clean(field: str, raw: str) -> str:
    th, en, longest, required = FIELDS[field]
    text = " ".join(str(raw or "").split())
    if required and not text:
        raise PortalError(f"กรุณากรอก{th}", f"please enter the {en}", field=field)
    if len(text) > longest:
        raise PortalError(
            f"{th}ยาวเกิน {longest} ตัวอักษร ({len(text)})", f"the {en} is longer than {longest} characters ({len(text)})",
            field=field,
        )  # fmt: skip
    return text


def _closed(window: NominationWindow) -> PortalError:
    return PortalError(
        f"ปิดรับการเสนอชื่อแล้ว (กำหนดส่ง {window.text('th')}) ผู้จัดการประกวดยังแก้ไขได้จนกว่าจะตรึงผล",
        f"nominations closed after the deadline ({window.text('en')}); the organiser may still correct "
        "the nominee until the results are frozen",
        code="nominations_closed",
    )


def _check_access(user, contest: Contest, unit: Province) -> None:
    """The office's own staff, or whoever runs the contest. Someone who may not see the office, or an
    office that does not enter, is answered 404 (scoring.access: nothing about another office leaks)."""
    if not user.is_authenticated:
        raise PermissionDenied
    if not enters(contest, unit) or not user.has_perm("scoring.view_province", unit):
        raise Http404
    if not (is_own_province(user, unit) or runs_contest(user, contest.rubrics.first())):
        raise PermissionDenied


@transaction.atomic
def nominee_submit(
    *,
    user,
    contest: Contest,
    unit: Province,
    name_th: str,
    position_th: str,
    name_en: str = "",
    now: datetime | None = None,
) -> Nominee:
    """Sets the office's nominee. A change is a new version; the earlier ones stay in NomineeVersion.
    Sending the same name and position again changes nothing.

    The office nominates until the contest's deadline (nominations.nomination_window: on the day itself
    too, a day offices are closed moving it on). After it, as late evidence is the organiser's to weigh
    and deadlines are theirs to change, whoever runs the contest may still correct the nominee; nobody
    may once the year is frozen."""
    _check_access(user, contest, unit)
    if not contest.nominates:
        raise PortalError(
            "การประกวดนี้ไม่มีการเสนอชื่อบุคคล", "this contest does not take a nominated person", code="not_nominating"
        )
    for rubric in contest.rubrics.all():
        if selectors.is_frozen(rubric):  # the honoured names are part of the frozen result
            raise YearFrozen(rubric.year)
    at = now or timezone.now()
    window = nomination_window(contest)
    if not window.is_open(timezone.localdate(at)) and not runs_contest(user, window.rubric):
        raise _closed(window)
    values = {f: _clean(f, v) for f, v in (("name_th", name_th), ("position_th", position_th), ("name_en", name_en))}
    nominee = Nominee.objects.select_for_update().filter(contest=contest, unit=unit).first()
    if nominee is not None and all(getattr(nominee, f) == v for f, v in values.items()):
        return nominee
    if nominee is None:
        nominee = Nominee(contest=contest, unit=unit, version=0)
    nominee.version += 1
    for f, v in values.items():
        setattr(nominee, f, v)
    nominee.submitted_at, nominee.submitted_by = at, user
    nominee.save()
    NomineeVersion.objects.create(
        nominee=nominee, version=nominee.version, submitted_at=at, submitted_by=user, **values
    )
    return nominee


def nominee_demo_save(*, contest: Contest, unit: Province, name_th: str, position_th: str) -> Nominee:
    """`bootstrap --demo` only: no user, no access check, the first version only (idempotent)."""
    nominee, created = Nominee.objects.get_or_create(
        contest=contest,
        unit=unit,
        defaults={"name_th": name_th, "position_th": position_th, "submitted_at": timezone.now()},
    )
    if created:
        NomineeVersion.objects.create(
            nominee=nominee, version=1, name_th=name_th, position_th=position_th, submitted_at=nominee.submitted_at
        )
    return nominee
