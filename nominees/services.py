"""Writes for a contest's nominees (`Contest.nominates`, seed 001's "คนต้นแบบ ไอที พช.ชลบุรี"): each
entrant office names one of its staff; the office stays the entrant, the person is who the award honours.
Re-exported by services; reads are in selectors (`nominees_by_unit`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from contests.entries import Entry
from contests.hooks import results_stale
from contests.models import Contest, Unit
from contests.permissions import is_own_office, runs_contest
from core import acts
from core.errors import PortalError
from nominees.eligibility import Eligibility
from nominees.models import NAME_MAX, POSITION_MAX, Employment, Nominee, NomineeState, NomineeVersion
from nominees.selectors import NominationWindow, nomination_window
from rubrics.models import ContestPeriod
from scoring import lifecycle

FIELDS = {
    "name_th": ("ชื่อ-นามสกุล", "full name", NAME_MAX, True),
    "position_th": ("ตำแหน่ง", "position", POSITION_MAX, True),
    "name_en": ("ชื่อภาษาอังกฤษ", "English name", NAME_MAX, False),
}
# What each version keeps of the nominee (NomineeFields less who sent it and when).
VERSIONED = ("name_th", "position_th", "name_en", "employment", "office", "state")


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


def _check_access(user, contest: Contest, unit: Unit) -> None:
    """The office's own staff, or whoever runs the contest. Someone who may not see the office, or an
    office that does not enter, is answered 404 (rubrics.access: nothing about another office leaks)."""
    if not user.is_authenticated:
        raise PermissionDenied
    try:
        acts.require(user, "contests.see_unit", Entry(contest, unit))  # the entry: this unit, entering
    except PermissionDenied:
        raise Http404 from None
    if not (is_own_office(user, unit) or runs_contest(user, contest.rubrics.first())):
        raise PermissionDenied


def _open_for(user, contest: Contest, unit: Unit, at: datetime) -> None:
    """Who may change the office's nominee now: access, a nominating contest, no frozen year, the window."""
    _check_access(user, contest, unit)
    if not contest.nominates:
        raise PortalError(_("this contest does not take a nominated person"), code="not_nominating")
    for rubric in contest.rubrics.all():
        lifecycle.ensure_changeable(rubric)  # the honoured names are part of the frozen result
    window = nomination_window(contest)
    if not window.is_open(timezone.localdate(at)) and not runs_contest(user, window.rubric):
        raise _closed(window)


def _employment(raw: str, rules: Eligibility) -> str:
    value = str(raw or "").strip()
    if value and value not in Employment.values:
        names = ", ".join(f"{v} ({label.split(' / ')[0]})" for v, label in Employment.choices)
        raise PortalError(
            format_lazy(_("unknown employment type “{value}”; one of: {names}"), value=value, names=names),
            field="employment",
        )  # fmt: skip
    if not value and rules.asks_employment:
        raise PortalError(_("please choose the employment type"), field="employment")
    return value


def _office(raw: str, rules: Eligibility) -> Unit | None:
    code = str(raw or "").strip()
    if not code:
        if rules.same_office:
            raise PortalError(_("please choose the office the nominee works in"), field="office")
        return None
    office = Unit.objects.filter(code=code).first()
    if office is None:
        raise PortalError(format_lazy(_("no office with the code “{code}”"), code=code), field="office")
    return office


def _another_person(nominee: Nominee) -> PortalError:
    return PortalError(
        format_lazy(
            _(
                "this office has already nominated {name_th} (one per office): "
                "withdraw that nominee before nominating someone else"
            ),
            name_th=nominee.name_th,
        ),
        field="name_th",
        code="nominee_active",
    )


@transaction.atomic
def nominee_submit(
    *,
    user,
    contest: Contest,
    unit: Unit,
    name_th: str,
    position_th: str,
    name_en: str = "",
    employment: str = "",
    office: str = "",
    now: datetime | None = None,
) -> Nominee:
    """Sets the office's nominee: the form on its page, the API and the admin all call this. `employment` is an
    `Employment` value, `office` the code of the unit the person works in (a district's DOPA code).

    One person per office (the rubric's "อำเภอละ ๑ คน"): while a nominee stands, a different name is refused
    (`nominee_active`) until the office withdraws them (`nominee_withdraw`); the same name with another
    position, office or employment type is a new version. A person the contest's rubric does not let in
    (nominees.eligibility: not a civil servant, another office) is refused with the reason beside the field.
    Every version stays in NomineeVersion; sending the same values again changes nothing.

    The office nominates until the contest's deadline (nominations.nomination_window: on the day itself
    too, a day offices are closed moving it on). After it, as late evidence is the organiser's to weigh
    and deadlines are theirs to change, whoever runs the contest may still correct the nominee; nobody
    may once the year is frozen."""
    at = now or timezone.now()
    _open_for(user, contest, unit, at)
    rules = Eligibility.of(contest.nominee_rules)
    values: dict[str, Any] = {
        f: _clean(f, v) for f, v in (("name_th", name_th), ("position_th", position_th), ("name_en", name_en))
    }
    values["employment"] = _employment(employment, rules)
    values["office"] = _office(office, rules)
    refusals = rules.refusals(employment=values["employment"], office=values["office"], unit=unit)
    if refusals:
        raise refusals[0]  # the type first, then the office: one field at a time, as the form shows it
    values["state"] = NomineeState.ACTIVE
    nominee = Nominee.objects.select_for_update().filter(contest=contest, unit=unit).first()
    if nominee is not None and all(getattr(nominee, f) == v for f, v in values.items()):
        return nominee
    if nominee is not None and nominee.state == NomineeState.ACTIVE and nominee.name_th != values["name_th"]:
        raise _another_person(nominee)
    if nominee is None:
        nominee = Nominee(contest=contest, unit=unit, version=0)
    return _new_version(nominee, values, user, at)


@transaction.atomic
def nominee_withdraw(*, user, contest: Contest, unit: Unit, now: datetime | None = None) -> Nominee:
    """Withdraws the office's nominee ("ถอนรายชื่อ"), as a version of its own: the person stays in the history,
    is named on no page or certificate, and the office may nominate someone else. Who may, and until when,
    as for nominee_submit."""
    at = now or timezone.now()
    _open_for(user, contest, unit, at)
    nominee = Nominee.objects.select_for_update().filter(contest=contest, unit=unit).first()
    if nominee is None or nominee.state != NomineeState.ACTIVE:
        raise PortalError(_("there is no nominee to withdraw"), code="no_nominee")
    return _new_version(nominee, {"state": NomineeState.WITHDRAWN}, user, at)


def _new_version(nominee: Nominee, values: dict, user, at: datetime) -> Nominee:
    nominee.version += 1
    for f, v in values.items():
        setattr(nominee, f, v)
    nominee.submitted_at, nominee.submitted_by = at, user
    nominee.save()
    # A nominee is what its criterion sent: the rounds the schedule keeps for the office are counted again.
    for rubric_id in ContestPeriod.objects.filter(contest_id=nominee.contest_id).values_list("pk", flat=True):
        results_stale(rubric_id=rubric_id, unit_ids=[nominee.unit_id])
    NomineeVersion.objects.create(
        nominee=nominee, version=nominee.version, submitted_at=at, submitted_by=user,
        **{f: getattr(nominee, f) for f in VERSIONED},
    )  # fmt: skip
    return nominee


def nominee_demo_save(*, contest: Contest, unit: Unit, name_th: str, position_th: str) -> Nominee:
    """`bootstrap --demo` only: no user, no access check, the first version only (idempotent). A demo nominee
    is a civil servant of the office itself, so it qualifies in any contest (nominees.eligibility)."""
    person = {"name_th": name_th, "position_th": position_th, "employment": Employment.CIVIL_SERVANT, "office": unit}
    nominee, created = Nominee.objects.get_or_create(
        contest=contest, unit=unit, defaults={**person, "submitted_at": timezone.now()}
    )
    if created:
        NomineeVersion.objects.create(nominee=nominee, version=1, submitted_at=nominee.submitted_at, **person)
    return nominee
