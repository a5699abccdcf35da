"""Whom to call. Central staff's contacts (ops.models.SiteContact) as every page reads them: from the cache, the
database once per change or per few minutes; never an error of its own, since the error pages read it too.
An office's contest has its own (ops.models.ContestContact), set by the office that runs it; the help page
names, for each contest a person takes part in, the desk that answers for it (`desks`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError
from django.template.loader import render_to_string

from contests.actor import Power, actor_of
from contests.units import office_name

from .models import SITE_CONTACT_KEY, ContestContact, SiteContact

TIMEOUT = 300  # seconds: a change saved on another server is seen within five minutes


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    email: str = ""
    line_id: str = ""
    line_url: str = ""
    hours: str = ""

    @property
    def any(self) -> bool:
        return bool(self.phone or self.email or self.line_id or self.line_url)

    @classmethod
    def of(cls, row) -> Contact:
        return cls(row.phone, row.email, row.line_id, row.line_url, row.hours) if row else cls()


@dataclass(frozen=True)
class Desk:
    """Who answers for a contest: central staff (`central`) or the office that runs it (`office`, its name),
    with the contests they answer for, as the help page lists them."""

    contact: Contact
    central: bool
    key: str  # what its ids begin with on the page: "contact-" (central staff, as every error page names them)
    office: str = ""
    contests: list[str] = field(default_factory=list)


def site_contact() -> Contact:
    """The help desk's contacts; empty when none are set, or when the database cannot be read (an error page)."""
    found = cache.get(SITE_CONTACT_KEY)
    if found is not None:
        return found
    try:
        row = SiteContact.objects.filter(pk=1).first()
    except DatabaseError:
        return Contact()
    found = Contact.of(row)
    cache.set(SITE_CONTACT_KEY, found, TIMEOUT)
    return found


def contest_contacts(contests) -> dict[int, Contact]:
    """contest id → its own contacts, for those that have set any (1 query)."""
    return {row.contest_id: Contact.of(row) for row in ContestContact.objects.filter(contest__in=list(contests))}


def desks(contests) -> list[Desk]:
    """Central staff's desk, who answer for the portal and the national contest, then for each office contest
    among `contests` (Contest objects, their organisers loaded) the organising office's desk for it: never
    "ask your organiser" when the organiser is central staff themselves. 1 query, none without office contests."""
    central = Desk(site_contact(), True, "contact-")
    theirs = [c for c in contests if c.organiser_id]
    own = contest_contacts(theirs) if theirs else {}
    central.contests.extend(c.name_th for c in contests if not c.organiser_id)
    offices = [
        Desk(own.get(c.pk, Contact()), False, f"desk-{n}-", office_name(c.organiser), [c.name_th])
        for n, c in enumerate(theirs, start=1)
    ]
    return [central, *offices]


def contacts_prompt(user, rubric) -> str:
    """At the top of a contest's dashboard (schedule.hooks.dashboard_prompts): until whoever answers for it has set
    their contacts, a line that asks them to (central staff for the national contest, from the cache; the
    organiser for its office's contest, 1 query). Nothing for anyone else."""
    return render_to_string("ops/_contacts_prompt.html", _prompt(user, rubric))


def _prompt(user, rubric) -> dict[str, bool]:
    if user is None or not user.is_authenticated:
        return {"unset": False}
    actor, contest = actor_of(user), rubric.contest
    if contest.organiser_id is None:
        return {"unset": Power.ADMINISTER in actor.powers and not site_contact().any, "national": True}
    if not (Power.ORGANISE in actor.powers and actor.rights(contest).runs):
        return {"unset": False}
    return {"unset": not ContestContact.objects.filter(contest=contest).exists(), "national": False}
