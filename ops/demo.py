"""The demo's logins, one of every role (`manage.py bootstrap --demo` makes them, `manage.py demo_logins` prints
them again): the people of scoring's demo contests (scoring.demo) and the district offices that pick seed 002's
subdistricts (stages.demo)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from contests.models import Unit
from people import directory
from people.models import Role
from scoring.demo import DEMO_PASSWORD
from scoring.demo import DEMO_USERS as CONTEST_USERS
from stages.demo import DEMO_STAGE_USERS

DEMO_USERS = [*CONTEST_USERS, *DEMO_STAGE_USERS]


@transaction.atomic
def demo_users(*, units: bool = True) -> list[tuple[str, str, str]]:
    """The demo logins; without the units (`bootstrap --no-units`) the district offices' staff are left out."""
    User = get_user_model()
    password = make_password(DEMO_PASSWORD)  # hashed once: a dozen slow hashes of one password add nothing
    out = []
    for username, role, code, name in DEMO_USERS:
        if code and not code.startswith("TH-") and not units:
            continue
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": name})
        if created:
            user.password = password
            user.is_staff = role not in Role.with_office()
            user.save()
        office = Unit.objects.get(code=code) if code else None
        directory.membership_set(user=user, role=role, unit=office)
        out.append((username, DEMO_PASSWORD, name))
    return out


def demo_logins() -> list[tuple[str, str, str]]:
    """The demo logins as `demo_users` printed them, read back without writing anything: a second `make run`
    prints them again. Only the demo users still in the database; 2 queries."""
    present = set(
        get_user_model().objects.filter(username__in=[u for u, *_ in DEMO_USERS]).values_list("username", flat=True)
    )
    offices = set(Unit.objects.filter(code__in=[c for _, _, c, _ in DEMO_USERS if c]).values_list("code", flat=True))
    return [
        (username, DEMO_PASSWORD, name)
        for username, _, code, name in DEMO_USERS
        if username in present and (not code or code in offices)
    ]
