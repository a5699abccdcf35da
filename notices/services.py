"""Recording a notice: the notice, each recipient's inbox row and each channel's outbox row, written in the
caller's transaction (the change it tells of), then sent once that commits. The same event told twice
(`key`) is one notice."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from .tasks import send, send_due

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


@dataclass(frozen=True)
class Note:
    """One notice among many written at once (`notices_many`): its key, kind, where it lands, what the catalogue
    fills its words with, and the people the caller's question of the lock chose."""

    key: str
    kind: str
    people: Sequence
    contest_id: int | None
    link: str
    unit_id: int | None = None
    about: str = ""
    params: dict = field(default_factory=dict)


@transaction.atomic
def notices_many(notes: Sequence[Note], *, now: datetime | None = None) -> list[tuple[int, int, Any]]:
    """Many notices at once (a day's reminders, the late reminded, an announcement to every office): each made
    once by its key and told to those of its people not told of it yet, with their outbox rows, and one send
    task queued after commit. (note's place, notice id, person) of each told anew. A bounded number of queries
    whatever the number of notes: the notices that exist, the people they told, then one INSERT per table
    (core.bulk.insert_values, by COPY on PostgreSQL), the choices and the channels once (`deliveries_write`)."""
    chosen = [(place, n.key[:200], n) for place, n in enumerate(notes) if n.people]  # a note to nobody: no notice
    if not chosen:
        return []
    keys = [key for _, key, _ in chosen]
    notices = dict(Notice.objects.filter(AnyOf(F("key"), keys)).values_list("key", "pk"))
    told: set[tuple[int, int]] = set()
    if notices:
        known = Receipt.objects.filter(AnyOf(F("notice"), list(notices.values())))
        told = set(known.values_list("notice_id", "user_id"))
    now = now or timezone.now()
    made = {key: n for _, key, n in chosen if key not in notices}  # a key twice: made once
    rows = [(n.kind, key, n.contest_id, n.unit_id, n.about[:60], n.params, n.link, now) for key, n in made.items()]
    fields = ("kind", "key", "contest", "unit", "about", "params", "link", "created_at")
    notices.update(zip(made, insert_values(Notice, fields, rows, returning=True), strict=True))
    # Plain rows, not model instances: a day's tens of thousands of rows cost no per-object work each.
    anew: list[tuple[int, int, Any]] = []
    for place, key, note in chosen:
        notice_id = notices[key]
        for user in note.people:
            if (notice_id, user.pk) not in told:
                told.add((notice_id, user.pk))
                anew.append((place, notice_id, user))
    if not anew:
        return []
    receipts = insert_values(Receipt, ("notice", "user"), [(pk, user.pk) for _, pk, user in anew], returning=True)
    writing = [(pk, user, notes[place].kind) for pk, (place, _, user) in zip(receipts, anew, strict=True)]
    if deliveries_write(writing):
        transaction.on_commit(_queue_due)
    return anew


def _queue_due() -> None:
    """One task sends what is due, whatever the number of notices; never raises: what the broker lost, the beat
    job `notices.send_due` sends."""
    try:
        send_due.delay()
    except Exception:
        log.warning("notices not queued; the beat job sends them", exc_info=True)


def deliveries_write(receipts: Sequence[tuple[int, Any, str]], *, digest: bool = False) -> bool:
    """Each channel's outbox row for each receipt (its id, its person, its notice's kind), as its person chose
    that channel to reach them (a safety kind: at once, by catalogue.SAFE_CHANNELS only, or by every channel
    reaching them where it is `everywhere`, whatever they chose);
    whether any goes at once. `digest`: all of them in the daily digest. A query for the choices and one per
    channel that asks the database, however many receipts."""
    people = list({user.pk: user for _, user, _ in receipts}.values())
    modes = _modes(people)
    kinds = {kind for _, _, kind in receipts}
    later = {kind: digest or not catalogue.soon(kind) for kind in kinds}
    safety = {kind for kind in kinds if catalogue.safety(kind)}
    everywhere = {kind for kind in safety if catalogue.everywhere(kind)}
    addressed = {kind for kind in kinds if catalogue.addressed(kind)}  # to an address of its own: any open account
    deliveries = []  # (receipt id, channel, digest): plain rows, as many as receipts times channels
    for channel in registered().values():
        reached = channel.reaching(people)
        for receipt_id, user, kind in receipts:
            if kind in safety and channel.name not in catalogue.SAFE_CHANNELS and kind not in everywhere:
                continue
            mode = Mode.IMMEDIATE if kind in safety else modes.get((user.pk, channel.name), Mode.IMMEDIATE)
            if mode != Mode.NONE and (user.pk in reached or (kind in addressed and user.is_active)):
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
