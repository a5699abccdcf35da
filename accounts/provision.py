"""Accounts from a sheet: central staff for anyone, an office's organiser for the offices under it.

One row per person: name, e-mail, office (DOPA or portal code), role, and a panel seat if any. All rows or
none: every bad row is reported with its row number, Thai first, and nothing is written. A dry run says
what would be made, changed and left alone. Nobody types a password: each new account is invited to set
its own (accounts.invitations), after the rows are committed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from committee.panels import panelist_appoint
from contests.actor import Power, actor_of
from contests.models import Contest, Unit
from contests.scopes import running
from core import acts
from core.errors import PortalError, RowError, RowsError
from core.i18n import Text
from core.labels import both
from core.names import has_control, name_refusal
from core.sheets.exporter import Table
from core.sheets.tabular import read_rows
from notices.models import BulkAct, Outreach, Unreached
from people.directory import membership_of, membership_set, works_in_admin
from people.models import Role

from . import account_rights
from .audit import event_record
from .invitations import held_address_tell, pending
from .models import Event
from .services import account_reactivate
from .tasks import invitations_queue

if TYPE_CHECKING:
    from django.contrib.auth.models import User

# Column → the headers it may have (read_rows lower-cases them): the template's Thai, or the English.
COLUMNS = {
    "name": ("ชื่อ-นามสกุล", "name"),
    "email": ("อีเมล", "email"),
    "office": ("รหัสหน่วยงาน", "office"),
    "role": ("บทบาท", "role"),
    "panel": ("ที่นั่งกรรมการ", "panel"),
}
REQUIRED = ("name", "email", "role")
CHAIR = "ประธาน"
REOPENED = gettext_lazy("reactivated")


class Action:
    CREATE, CHANGE, SAME = "create", "change", "same"


@dataclass
class Planned:
    row: int
    name: str
    email: str
    role: str
    office: Unit | None
    panel: Contest | None = None
    chair: bool = False
    user: User | None = None  # the existing account, if any
    held: User | None = None  # an account outside the provisioner's offices that holds the address: told, never changed
    action: str = Action.CREATE
    changes: list[Text] = field(default_factory=list)


@dataclass
class ProvisionReport:
    rows: list[Planned]
    dry_run: bool

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)


def template() -> Table:
    """The sheet people fill in, with one example row."""
    return Table(
        title="บัญชีผู้ใช้ accounts",
        header=[COLUMNS[c][0] for c in COLUMNS],
        rows=[["สมศรี ใจดี", "somsri@example.go.th", "2001", "provincial", ""]],
        # The header stays the first row (read back by read_rows): what each column takes is in its notes.
        notes={
            (0, 2): gettext_lazy("the office's DOPA or portal code; empty for the committee and central staff"),
            (0, 3): "\n".join(f"{r.value} = {r.label}" for r in Role),
            (0, 4): gettext_lazy("a contest's code, or code:chair"),
        },
        choices={3: [r.value for r in Role]},
        text_columns=frozenset({2}),
    )


def role_of_cell(text: str) -> str | None:
    """A role by its code ("provincial") or its Thai name ("เจ้าหน้าที่สำนักงาน")."""
    wanted = text.strip().lower()
    for role in Role:
        if wanted in (role.value, *(half.lower() for half in both(role.label))):
            return role.value
    return None


def _columns(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    header = set(getattr(rows, "header", []) or (rows[0].keys() if rows else []))
    found = {key: next((h for h in names if h in header), None) for key, names in COLUMNS.items()}
    missing = [COLUMNS[k][0] for k in REQUIRED if found[k] is None]
    if missing:
        names = ", ".join(COLUMNS[k][0] for k in COLUMNS)
        raise RowsError(
            [
                RowError(
                    0,
                    format_lazy(
                        gettext_lazy("the first row must be the header {names} (missing {join})"),
                        names=names,
                        join=", ".join(missing),
                    ),
                )
            ]
        )
    return [{k: str(row.get(h, "") if h else "").strip() for k, h in found.items()} for row in rows]


def provision_plan(*, by, rows: list[dict[str, str]], first_row: int = 2) -> ProvisionReport:
    """Reads the rows against the database and the lock: every refusal, or the plan."""
    actor = actor_of(by)
    if not account_rights.provisions(actor):
        raise PortalError(gettext_lazy("you may not make accounts"), status=403)
    cells = _columns(rows)
    codes = {c["office"] for c in cells if c["office"]}
    units: dict[str, Unit] = {}
    for unit in Unit.objects.select_related("parent").filter(Q(dopa_code__in=codes) | Q(code__in=codes)):
        units[unit.dopa_code] = units.setdefault(unit.code, unit)
    emails = {c["email"].lower() for c in cells}
    # Matched ignoring case: an address typed "Somsri@…" in the admin is the same person as "somsri@…" here.
    accounts = get_user_model().objects.select_related("membership__unit__parent")
    users = {u.email.lower(): u for u in accounts.alias(lower=Lower("email")).filter(lower__in=emails)}
    users |= {u.username.lower(): u for u in accounts.alias(lower=Lower("username")).filter(lower__in=emails)}
    # Panel codes are looked up among the contests this person runs only: another office's code, drafts
    # included, reads as no contest at all, as a code nobody holds does.
    panels = {c["panel"].split(":")[0] for c in cells}
    contests = {c.slug: c for c in Contest.objects.filter(running(actor), slug__in=panels)}
    errors: list[RowError] = []
    planned: list[Planned] = []
    seen: dict[str, int] = {}
    for number, cell in enumerate(cells, start=first_row):
        if not any(cell.values()):
            continue
        problems = _row_problems(cell, units, contests, seen, number)
        seen.setdefault(cell["email"].lower(), number)
        if problems:
            errors += [RowError(number, th, en) for th, en in problems]
            continue
        user = users.get(cell["email"].lower())
        held = (
            user
            if user is not None
            and Power.ADMINISTER not in actor.powers
            and not account_rights.manages_account(actor, user)
            else None
        )
        # An address held by an account outside this organiser's offices reads as a free one (the row is checked
        # and counted as new); at the write its holder is told instead and no account is made.
        item = _planned(number, cell, units, contests, None if held else user)
        item.held = held
        if not _allowed(actor, item):
            errors.append(
                RowError(
                    number,
                    gettext_lazy("you may make or change accounts only for the staff of offices under your own"),
                )
            )
            continue
        planned.append(item)
    if errors:
        raise RowsError(errors)
    if not planned:
        raise RowsError([RowError(0, gettext_lazy("the file has no rows"))])
    return ProvisionReport(planned, dry_run=True)


def _row_problems(cell, units, contests, seen, number) -> list[tuple[str, str]]:
    problems = []
    if not cell["name"]:
        problems.append(("ไม่มีชื่อ-นามสกุล", "no name"))
    elif has_control(cell["name"]):  # the name is in every mail the person is sent
        problems.append(name_refusal("name"))
    try:
        validate_email(cell["email"])
    except ValidationError:
        problems.append((f"อีเมล “{cell['email']}” ไม่ถูกต้อง", f"“{cell['email']}” is not an e-mail address"))
    if cell["email"].lower() in seen:
        first = seen[cell["email"].lower()]
        problems.append((f"อีเมลซ้ำกับแถวที่ {first}", f"the same e-mail as row {first}"))
    role = role_of_cell(cell["role"])
    if role is None:
        choices = ", ".join(r.value for r in Role)
        problems.append(
            (f"ไม่รู้จักบทบาท “{cell['role']}” (ใช้ {choices})", f"unknown role “{cell['role']}” (use {choices})")
        )
    elif role in Role.with_office() and not cell["office"]:
        problems.append(("บทบาทนี้ต้องมีรหัสหน่วยงาน", "this role needs an office code"))
    elif role in Role.with_office() and cell["office"] not in units:
        problems.append((f"ไม่พบหน่วยงานรหัส “{cell['office']}”", f"no office with code “{cell['office']}”"))
    elif role in Role.with_office() and not units[cell["office"]].has_staff:
        unit = units[cell["office"]]
        problems.append(
            (
                f"{unit.name_th} ({unit.code}) ไม่ใช่สำนักงานที่มีเจ้าหน้าที่ ใช้รหัสสำนักงานจังหวัดหรืออำเภอ",
                f"{unit.name_en} ({unit.code}) is no office with staff: use a provincial or district office's code",
            )
        )
    elif role not in Role.with_office() and cell["office"]:
        problems.append(("บทบาทนี้ไม่สังกัดหน่วยงาน ให้เว้นช่องรหัสหน่วยงาน", "this role belongs to no office: leave it empty"))
    slug = cell["panel"].split(":")[0]
    if slug and slug not in contests:
        problems.append((f"ไม่พบการประกวด “{slug}” ที่คุณจัด", f"no contest “{slug}” that you run"))
    return problems


def _planned(number, cell, units, contests, user: User | None) -> Planned:
    slug, _, seat = cell["panel"].partition(":")
    role = role_of_cell(cell["role"])
    assert role is not None  # a row naming no role is refused (_row_problems) before it is planned
    item = Planned(
        row=number,
        name=" ".join(cell["name"].split()),
        email=cell["email"].lower(),
        role=role,
        office=units.get(cell["office"]) if role in Role.with_office() else None,
        panel=contests.get(slug),
        chair=seat.strip().lower() in ("chair", CHAIR),
        user=user,
    )
    if user is None:
        return item
    role, office_id = membership_of(user)
    if user.get_full_name() != item.name:
        item.changes.append(f"ชื่อ / name: {user.get_full_name() or '-'} → {item.name}")
    if role != item.role:
        item.changes.append(f"บทบาท / role: {role or '-'} → {item.role}")
    if office_id != (item.office.pk if item.office else None):
        item.changes.append(f"หน่วยงาน / office: → {item.office.name_th if item.office else '-'}")
    if not user.is_active:
        item.changes.append(REOPENED)
    item.action = Action.CHANGE if item.changes or item.panel else Action.SAME
    return item


def _allowed(actor, item: Planned) -> bool:
    """The office and role the row gives, and the account as it is now: both the actor's to manage."""
    return account_rights.provisions(actor, item.office, item.role) and (
        item.user is None or account_rights.manages_account(actor, item.user)
    )


def provision_file(*, by, data: bytes, filename: str, dry_run: bool) -> ProvisionReport:
    """A CSV/XLSX sheet, read through the limits every import uses (core.sheets)."""
    rows = read_rows(data, filename)
    return accounts_provision(by=by, rows=rows, dry_run=dry_run)


def accounts_provision(*, by, rows: list[dict[str, str]], dry_run: bool = False) -> ProvisionReport:
    """Writes the plan, all or none. A dry run writes it too and rolls it back, so that it refuses exactly
    what the real run would (a panel seat is checked by the panel's own service)."""
    acts.step_up(by, "accounts.provision")  # before the plan: the panel seats it writes ask the same factor
    report = provision_plan(by=by, rows=rows)
    with transaction.atomic():
        errors: list[RowError] = []
        made = []
        for item in report.rows:
            if item.action == Action.SAME:
                continue
            if item.held is not None:  # told in this transaction: a dry run's rollback tells nobody
                held_address_tell(user=item.held, by=by)
                continue
            try:
                made.append(_write(by, item))
            except PortalError as exc:
                errors.append(RowError(item.row, exc.th, exc.en))
            except PermissionDenied:
                errors.append(RowError(item.row, gettext_lazy("you may not seat anyone on this contest's panel")))
        if errors:
            raise RowsError(errors)
        if dry_run:
            transaction.set_rollback(True)
        else:
            invitations_queue(user_ids=[u.pk for u, created in made if created], by_id=by.pk)
            _invitations_account(by=by, report=report)
    report.dry_run = dry_run
    return report


def _invitations_account(*, by, report: ProvisionReport) -> Outreach:
    """The sheet's account of its invitations (notices.outreach), one row each by name: a new account is invited
    now, and so is the holder of an address outside the provisioner's offices told now (the sheet answers for it as
    for a free address, so its account does too); an account still waiting to set its password was invited
    earlier (its "invite again" is the admin's); an account with its own password is not invited."""
    reached: list[str] = []
    earlier: list[str] = []
    missed: list[list[str]] = []
    for item in report.rows:
        if item.user is None:
            reached.append(item.name)
        elif pending(item.user):
            earlier.append(item.name)
        else:
            missed.append([item.name, Unreached.ACTIVE])
    return Outreach.objects.create(
        act=BulkAct.INVITATIONS, author=by, contest=None, reached=reached, earlier=earlier, missed=missed
    )


def _write(by, item: Planned) -> tuple[User, bool]:
    created = item.user is None
    user = item.user or get_user_model()(username=item.email, email=item.email)
    if not created and not user.is_active:  # asked of the lock and recorded as a reopening, as in the admin
        account_reactivate(by=by, user=user)
    user.first_name, _, user.last_name = item.name.partition(" ")
    if created:
        user.set_unusable_password()  # set by its owner from the invitation
    user.save()
    membership_set(user=user, role=item.role, unit=item.office)
    user.is_staff = works_in_admin(user)
    user.save(update_fields=["is_staff"])
    if item.panel is not None:
        panelist_appoint(by=by, contest=item.panel, user=user, is_chair=item.chair)
    if created or item.panel is not None or [c for c in item.changes if c != REOPENED]:
        event_record(kind=Event.PROVISIONED, user=user, by=by)
    return user, created
