"""Recording a notice: the notice, each recipient's inbox row and each channel's outbox row, written in the
caller's transaction (the change it tells of), then sent once that commits. The same event told twice
(`key`) is one notice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from core.bulk import AnyOf, insert_values

from . import catalogue
from .channels import registered
from .models import Delivery, DeliveryState, Kind, Mode, Notice, Preference, Receipt
from .outbox import LIMIT
from .selectors import group_named
from .tasks import send

log = logging.getLogger(__name__)


def _modes(users: Sequence) -> dict[tuple[int, str], str]:
    rows = Preference.objects.filter(AnyOf(F("user"), [u.pk for u in users])).values_list("user_id", "channel", "mode")
    return {(user, channel): mode for user, channel, mode in rows}


@transaction.atomic
def notice_record(
    *,
    kind: Kind,
    key: str,
    recipients: Callable[[], Sequence],
    contest=None,
    unit=None,
    about: str = "",
    params: dict | None = None,
    link: str = "",
    at: datetime | None = None,
    digest: bool = False,
) -> Notice:
    """The notice with its key, made once: a second call with the same key changes nothing (and asks
    nobody's rights: `recipients` is called only for a new notice). `at`: when what it tells happened, if
    not now (the demo's uploads of past weeks); the inbox orders and groups by it. `digest`: sent only in the
    daily digest, though its kind is sent at once (the caller told of the same thing at once lately)."""
    fields = {"kind": kind, "contest": contest, "unit": unit, "about": about, "params": params or {}, "link": link}
    notice, created = Notice.objects.get_or_create(
        key=key[:200], defaults={**fields, "created_at": at or timezone.now()}
    )
    if not created:
        return notice
    people = list(recipients())
    if not people:
        return notice
    # Plain rows (by COPY on PostgreSQL), not a model object each: a notice to everyone writes 8,000 receipts.
    receipts = insert_values(Receipt, ("notice", "user"), [(notice.pk, user.pk) for user in people], returning=True)
    writing = [(pk, user, kind) for pk, user in zip(receipts, people, strict=True)]
    if deliveries_write(writing, digest=digest):
        transaction.on_commit(lambda: _queue(notice.pk))
    return notice


def deliveries_write(receipts: Sequence[tuple[int, Any, str]], *, digest: bool = False) -> bool:
    """Each channel's outbox row for each receipt (its id, its person, its notice's kind), as its person chose
    that channel to reach them (a safety kind: at once, by catalogue.SAFE_CHANNELS only, whatever they chose);
    whether any goes at once. `digest`: all of them in the daily digest. A query for the choices and one per
    channel that asks the database, however many receipts."""
    people = list({user.pk: user for _, user, _ in receipts}.values())
    modes = _modes(people)
    kinds = {kind for _, _, kind in receipts}
    later = {kind: digest or not catalogue.soon(kind) for kind in kinds}
    safety = {kind for kind in kinds if catalogue.safety(kind)}
    deliveries = []  # (receipt id, channel, digest): plain rows, as many as receipts times channels
    for channel in registered().values():
        reached = channel.reaching(people)
        for receipt_id, user, kind in receipts:
            if kind in safety and channel.name not in catalogue.SAFE_CHANNELS:
                continue
            mode = Mode.IMMEDIATE if kind in safety else modes.get((user.pk, channel.name), Mode.IMMEDIATE)
            if mode != Mode.NONE and user.pk in reached:
                wait = later[kind] or mode == Mode.DIGEST
                deliveries.append((receipt_id, channel.name, wait))
    insert_values(Delivery, ("receipt", "channel", "digest"), deliveries)
    return any(not digest for _, _, digest in deliveries)


def notices_settle(notices: QuerySet[Notice]) -> int:
    """What these notices ask is done (a question answered, a round met): they wait for nobody any more (the inbox
    lists them for information, the bell counts them no longer) and their messages not sent yet are not sent
    (marked met). How many messages were held back. 3 queries at most."""
    ids = list(notices.filter(settled_at__isnull=True).values_list("pk", flat=True))
    if not ids:
        return 0
    Notice.objects.filter(pk__in=ids).update(settled_at=timezone.now())
    waiting = Delivery.objects.filter(receipt__notice__in=ids, state=DeliveryState.PENDING).values_list("pk", flat=True)
    return Delivery.objects.filter(pk__in=list(waiting)).update(state=DeliveryState.MET)


def _queue(notice_id: int) -> None:
    """The notice's senders: one per LIMIT messages due at once, up to settings.CDD4_NOTICE_SENDERS (the worker
    processes there are, each sending its share side by side). Never raises: the change is committed, and a
    message the broker lost is sent by the beat job."""
    due = Delivery.objects.filter(receipt__notice_id=notice_id, digest=False, state=DeliveryState.PENDING).count()
    try:
        for _ in range(max(1, min(settings.CDD4_NOTICE_SENDERS, -(-due // LIMIT)))):
            send.delay(notice_id)
    except Exception:
        log.warning("notice %s not queued; the beat job sends it", notice_id, exc_info=True)


@transaction.atomic
def preferences_set(*, user, modes: dict[str, str]) -> None:
    """The person's choice per channel (only channels that exist, only modes that exist)."""
    for name, mode in modes.items():
        if name in registered() and mode in Mode.values:
            Preference.objects.update_or_create(user=user, channel=name, defaults={"mode": mode})


def inbox_read(*, user, receipt_ids: Sequence[int] | None = None, group: str = "") -> int:
    """Marks the person's notices read (all of them, those given, or an inbox group: "kind:contest id:ISO day",
    notices.selectors.group_name); others' rows are never touched. A group that names nothing marks nothing."""
    rows = Receipt.objects.filter(user=user, read_at__isnull=True)
    if receipt_ids is not None:
        rows = rows.filter(pk__in=list(receipt_ids))
    if group:
        named = group_named(group)
        if named is None:
            return 0
        kind, contest_id, day = named
        rows = rows.filter(notice__kind=kind, notice__created_at__date=day)
        rows = rows.filter(notice__contest_id=contest_id) if contest_id else rows.filter(notice__contest__isnull=True)
    return rows.update(read_at=timezone.now())
