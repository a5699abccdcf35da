"""Writes of the operations app: backups and their records, heartbeats, alerts, retention, whom to call."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from core import acts
from notices.models import Kind
from notices.outbox import send_due
from notices.services import notice_record

from .backup import Snapshot, SnapshotError, backup_rotate, backup_write
from .health import Check
from .models import BackupRecord, BackupStatus, CheckAlert, ContestContact, Heartbeat, SiteContact, TaskFailure

CONTACT_FIELDS = ("phone", "email", "line_id", "line_url", "hours")


def backup_create(*, target: Path, keep: int | None = None) -> Snapshot:
    """A snapshot and its BackupRecord (failed ones recorded too); with `keep`, older snapshots pruned."""
    started = timezone.now()
    try:
        snapshot = backup_write(target=target)
    except (SnapshotError, OSError) as exc:
        BackupRecord.objects.create(
            started_at=started, finished_at=timezone.now(), status=BackupStatus.FAILED, path=str(target), error=str(exc)
        )
        raise SnapshotError("สำรองข้อมูลไม่สำเร็จ", "backup failed", [str(exc)]) from exc
    BackupRecord.objects.create(
        started_at=started,
        finished_at=timezone.now(),
        status=BackupStatus.DONE,
        path=str(target),
        files=snapshot.files,
        size=snapshot.size,
        error="\n".join(f"missing: {p}" for p in snapshot.missing),
    )
    if keep is not None:
        backup_rotate(root=Path(target).parent, keep=keep)
    return snapshot


def heartbeat_record(*, name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"at": timezone.now()})


def task_failure_record(*, task: str, error: str) -> None:
    TaskFailure.objects.create(task=task, at=timezone.now(), error=error[:2000])
    TaskFailure.objects.filter(at__lt=timezone.now() - timedelta(days=30)).delete()  # the panel shows 24 hours


def operators() -> list[str]:
    env = [a.strip() for a in settings.CDD4_OPERATORS if a.strip()]
    return env or [email for _, email in settings.ADMINS]


def operator_accounts() -> list:
    """The open accounts holding the operators' addresses that the lock lets see the portal's status (central
    staff): those the alerts are told to."""
    addresses = {address.lower() for address in operators()}
    if not addresses:
        return []
    users = get_user_model().objects.filter(is_active=True).alias(lower=Lower("email")).filter(lower__in=addresses)
    return [user for user in users.order_by("pk") if acts.allowed(user, "ops.view_status")]


def alerts_update(*, checks: list[Check]) -> list[str]:
    """Marks red checks; tells the operators once per incident, when a check has stayed red long enough.

    Returns the names of the checks the operators were told of. The notice is sent from this process as soon as it
    is recorded, not only from a worker's queue: a dead worker is one of what it tells (docs/operations.md).
    """
    now = timezone.now()
    after = timedelta(seconds=settings.CDD4_ALERT_AFTER_S)
    due = []
    with transaction.atomic():
        for check in checks:
            alert, _ = CheckAlert.objects.select_for_update().get_or_create(check_name=check.name)
            if check.ok:
                alert.red_since = alert.notified_at = None
            elif alert.red_since is None:
                alert.red_since = now
            elif alert.notified_at is None and now - alert.red_since >= after:
                alert.notified_at = now
                due.append((check, alert.red_since))
            alert.detail = str(check.detail)  # stored as the active language reads it
            alert.save()
        if due:
            details = [check.detail for check, _ in due]
            notice = notice_record(
                kind=Kind.CHECK_RED,
                # One incident, one notice: the red checks and since when each is red.
                key="check_red:" + ",".join(f"{c.name}@{since.isoformat()}" for c, since in due),
                recipients=operator_accounts,
                params={"checks": ", ".join(c.name for c, _ in due), "detail": "; ".join(map(str, details))},
                link=reverse("ops:status"),
            )
            transaction.on_commit(lambda: send_due(notice_id=notice.pk))
    return [c.name for c, _ in due]


@transaction.atomic
def contacts_set(*, user, contest=None, values: dict[str, str]) -> SiteContact | ContestContact:
    """Whom to call: central staff's help desk (no `contest`), or an office contest's own, set by whoever
    runs it. `values`: CONTACT_FIELDS, already checked (ops.forms.ContactForm)."""
    fields = {name: values.get(name, "") for name in CONTACT_FIELDS}
    if contest is None:
        acts.require(user, "ops.set_contacts")
        return SiteContact.objects.update_or_create(pk=1, defaults=fields)[0]
    acts.require(user, "ops.set_contest_contacts", contest)
    return ContestContact.objects.update_or_create(contest=contest, defaults=fields)[0]


# The demo's help desks, as real ones read: central staff's, and each organising office's in its own province
# (its area code, its name in the Department's e-mail domain). Set only where nobody has set any.
DEMO_CENTRAL = {
    "phone": "0 2141 6135",
    "email": "cdd4@cdd.go.th",
    "line_id": "@cdd4portal",
    "line_url": "https://lin.ee/cdd4portal",
    "hours": "จันทร์–ศุกร์ ๐๘.๓๐–๑๖.๓๐ น. (เว้นวันหยุดราชการ)",
}
DEMO_AREA = {"TH-20": "038", "TH-43": "042", "TH-50": "053", "TH-83": "076"}  # the organisers the demo has


def contacts_demo(*, contests) -> int:
    """The demo's contacts: central staff's and each office contest's (`contests`, their organisers loaded),
    where none are set. How many desks it set."""
    made = 0
    if not SiteContact.objects.filter(pk=1).exclude(phone="", email="", line_id="", line_url="").exists():
        SiteContact.objects.update_or_create(pk=1, defaults=DEMO_CENTRAL)
        made += 1
    for contest in contests:
        office = contest.organiser
        if office is None or ContestContact.objects.filter(contest=contest).exists():
            continue
        area = DEMO_AREA.get(office.code, "02")
        name = (office.name_en or office.code).lower().replace(" ", "")
        ContestContact.objects.create(
            contest=contest,
            phone=f"0 {area[1:]}{office.pk % 90 + 10:02d} {office.pk % 9000 + 1000}",
            email=f"{name}@cdd.go.th",
            hours=DEMO_CENTRAL["hours"],
        )
        made += 1
    return made
