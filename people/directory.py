"""Who holds which role where: lists of other people (a panel's candidates, the committee to declare a
conflict for, an office's staff to mail), and the one writer of a membership.

Never asked whether the signed-in user may do something: that is the actor's alone (contests.actor). What a
user is, for a decision, is read only there; these answer "who are the …" for a page or a job.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from .models import Membership, Role

DEPARTMENT_ROLES = (Role.CENTRAL, Role.COMMITTEE, Role.CHAIR)  # no office; the admin is their workplace


def committee(*, chairs: bool = True) -> QuerySet:
    """The Department's committee members (and its chair unless `chairs` is False)."""
    roles = [Role.COMMITTEE, Role.CHAIR] if chairs else [Role.COMMITTEE]
    return get_user_model().objects.filter(membership__role__in=roles)


def organisers_of(office) -> QuerySet:
    """The organisers of an office (who run its contests and seat its panel)."""
    return get_user_model().objects.filter(membership__role=Role.ORGANISER, membership__unit=office)


def office_staff(offices: Q) -> QuerySet:
    """Active office staff and organisers whose office matches `offices`, a filter from "membership__unit__"
    (contests.tree says which units lie under an office: people sits below it)."""
    return (
        get_user_model()
        .objects.filter(offices, is_active=True, is_superuser=False, membership__role__in=Role.with_office())
        .select_related("membership__unit")
    )


def staff_by_office(offices: Q, *, organisers: bool = False) -> dict[int, list]:
    """office id → its active staff and organisers (`organisers`: its organisers alone), of the offices matching
    `offices` (as `office_staff`'s): whom an announcement to every office, or every organiser, is for. 1 query."""
    people = office_staff(offices)
    if organisers:
        people = people.filter(membership__role=Role.ORGANISER)
    found: dict[int, list] = {}
    for user in people.order_by("pk"):
        found.setdefault(user.membership.unit_id, []).append(user)
    return found


def counts_as_office_staff(*, active: bool, superuser: bool, role: str | None) -> bool:
    """`office_staff`'s filter asked of one person already in hand (their role from their membership): no query."""
    return active and not superuser and role in Role.with_office()


def staff_emails(unit_ids: Iterable[int]) -> dict[int, list[str]]:
    """unit id → the e-mail addresses of its active office staff (those that have one). 1 query."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, membership__role=Role.OFFICE_STAFF, membership__unit__in=list(unit_ids))
        .exclude(email="")
    )
    out: dict[int, list[str]] = {}
    for row in users.values("email", "membership__unit_id"):
        out.setdefault(row["membership__unit_id"], []).append(row["email"])
    return out


def with_offices(users: QuerySet) -> list[tuple[int, str, int | None]]:
    """(user id, the name people know them by, office id) of each user, by username: the full name where one
    is recorded, else the username (a chair's progress named members by login). 1 query."""
    rows = users.order_by("username").values_list("pk", "first_name", "last_name", "username", "membership__unit_id")
    return [(pk, f"{first} {last}".strip() or username, office) for pk, first, last, username, office in rows]


def role_label(user) -> str:
    """ "กรรมการ / committee member": a listed user's role as the admin shows it ("-": none)."""
    membership = getattr(user, "membership", None)
    return membership.get_role_display() if membership else "-"


def office_label(user):
    """A listed user's office as the admin shows it ("-": none)."""
    membership = getattr(user, "membership", None)
    return membership.unit if membership and membership.unit else "-"


def membership_of(user) -> tuple[str | None, int | None]:
    """(role, office id) of an account as stored, to show what a sheet would change (never to decide: the
    actor does)."""
    membership = getattr(user, "membership", None)
    return (membership.role, membership.unit_id) if membership else (None, None)


def works_in_admin(user) -> bool:
    """The admin is the workplace of superusers and the Department's roles (is_staff follows it)."""
    role = Membership.objects.filter(user=user).values_list("role", flat=True).first()
    return user.is_superuser or role in DEPARTMENT_ROLES


def membership_set(*, user, role: str, unit=None) -> Membership:
    """Gives the user `role` (at `province` for office staff and organisers): the demo's and bootstrap's
    writer, so that nobody outside people/ spells a membership."""
    membership, _ = Membership.objects.update_or_create(user=user, defaults={"role": role, "unit": unit})
    return membership


def department_people() -> QuerySet:
    """Active central staff, committee members and chairs: the Department's people, who hold no office
    (a notice's candidates before the actor says who of them may see it). Each with their membership and
    conflicts, as the actor reads them (people.selectors.membership_load, Rights.conflicted): asking the actor of
    each costs no query of its own."""
    return (
        get_user_model()
        .objects.filter(is_active=True, membership__role__in=DEPARTMENT_ROLES)
        .select_related("membership__unit__parent")
        .prefetch_related("conflicts")
    )


def panel_of(contest_id: int) -> QuerySet:
    """Active people holding a seat on a contest's panel (committee.Panelist by its reverse name: people
    sits below committee); whether a seat still counts is the actor's question."""
    return (
        get_user_model()
        .objects.filter(is_active=True, panel_seats__contest_id=contest_id)
        .select_related("membership__unit__parent")
        .prefetch_related("conflicts")
        .distinct()
    )
