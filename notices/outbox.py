"""Sending what the outbox holds. A sender claims a few pending deliveries at a time (CHUNK) by moving their
`next_try` a lease ahead (settings.CDD4_NOTICE_LEASE_SECONDS), the rows another sender is claiming that moment
skipped (PostgreSQL's SKIP LOCKED), each move conditional: two senders never both claim one. Before sending a
chunk the sender renews its rows' leases on the condition that it still holds them (again whenever half a lease
has gone by since), so one that outlived its lease sends nothing another has taken since. A sender killed mid-send
leaves at most a chunk pending, tried again when the lease runs out; each send is recorded as it happens, so only
the one message being sent at the moment of the kill may have reached the server unrecorded (SMTP cannot say
"once"; LINE takes a retry key and shows it once). A retryable failure waits longer each time; after
MAX_ATTEMPTS, or a permanent refusal, the delivery is failed and its error kept. Anything else one delivery raises
(a header the mail library refuses, a stored param its text cannot read, an SDK's own error) is that delivery's
failure too, never the batch's: the others are sent.

No one gets more than AT_ONCE_HOURLY messages at once by one channel in any hour, whoever causes them: past it a
delivery waits for the person's daily digest, one message for many (SECURITY.md, "Sending limits"); a sealed one (a
link to set a password, to confirm an address: notices.catalogue) is never put in a digest and waits, pending, for
the hour's room (ROOM_WAIT, then counted again).

What a chunk's messages share is asked once for the chunk, so a message costs its sender one query (its record)
and its channel's send (bench/outbox_profile.py): the claim (3 queries), the renewal (2), the readers' roles,
offices and conflicts (notices.recipients.readers_load), the hour's count (`_hour_counts`, after the claim: of
two senders, the later to count sees the other's claim), and each channel's connection (`Channel.batch`: one
SMTP session, one LINE client).

Before a delivery is sent its reader is asked again (notices.recipients.ReaderCheck, the question that chose them):
one no longer theirs to know, or whose account is closed, is dropped, marked and never sent."""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from contests.models import Contest, Unit

from . import catalogue
from .channels import registered
from .channels.base import Refused, RetryLater, ToDigest
from .models import Delivery, DeliveryState
from .recipients import ReaderCheck, readers_load

log = logging.getLogger(__name__)
CHUNK = 10  # rows one claim takes: a sender killed mid-send leaves at most these waiting out the lease
LIMIT = 200  # rows one call of send_due sends at most: a task's share of a notice to many
MAX_ATTEMPTS = 8
RELATED = ("receipt__notice__contest", "receipt__notice__unit", "receipt__user")
DROPPED_WHY = "no longer the reader's to know"
AT_ONCE_HOURLY = 10  # messages one person gets at once by one channel in any hour; the rest join the digest
HOUR = timedelta(hours=1)
OVER_THE_HOUR = "the hour's messages at once reached: batched into the digest"
ROOM_WAIT = timedelta(minutes=10)  # a sealed delivery past the hour's limit is counted again this much later
WAITS_FOR_ROOM = "the hour's messages at once reached: sent alone once the hour has room"


def _wait(attempts: int) -> timedelta:
    return timedelta(minutes=min(2**attempts, 24 * 60))


def lease() -> timedelta:
    return timedelta(seconds=settings.CDD4_NOTICE_LEASE_SECONDS)


def _claim(rows, now: datetime, limit: int | None = None) -> list[Delivery]:
    """The given pending rows that are due (the earliest `limit`) and no other sender is claiming, claimed for this
    sender until a lease from now: 3 queries, whatever their number. On PostgreSQL the rows are locked as they are
    chosen; elsewhere (SQLite, one writer at a time) a row another sender moved first is left to it: each sender
    keeps only the rows that hold its own lease's end."""
    due = rows.filter(state=DeliveryState.PENDING, next_try__lte=now).order_by("next_try", "pk")
    until = max(now, timezone.now()) + lease()
    with transaction.atomic():
        ids = list(due.select_for_update(skip_locked=True, of=("self",)).values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        taking = Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING, next_try__lte=now)
        taking.update(next_try=until, attempts=F("attempts") + 1)
    claimed = Delivery.objects.filter(pk__in=ids, next_try=until).select_related(*RELATED).order_by("pk")
    return list(claimed)


def _renewed(deliveries: list[Delivery]) -> list[Delivery]:
    """Those of the claimed rows this sender still holds (no other sender took one once its lease ran out), their
    leases renewed from now: an UPDATE and a read for the lot."""
    if not deliveries:
        return []
    until = timezone.now() + lease()
    for then in {d.next_try for d in deliveries}:  # one claim's rows share one lease's end
        ids = [d.pk for d in deliveries if d.next_try == then]
        Delivery.objects.filter(pk__in=ids, state=DeliveryState.PENDING, next_try=then).update(next_try=until)
    held = set(Delivery.objects.filter(pk__in=[d.pk for d in deliveries], next_try=until).values_list("pk", flat=True))
    kept = [d for d in deliveries if d.pk in held]
    for delivery in kept:
        delivery.next_try = until
    return kept


def _record(deliveries: list[Delivery], error: Exception | None, now: datetime) -> None:
    ids = [d.pk for d in deliveries]
    if error is None:
        Delivery.objects.filter(pk__in=ids).update(state=DeliveryState.SENT, sent_at=now, last_error="")
        return
    text = f"{type(error).__name__}: {error}"[:500]
    log.warning("notice delivery %s failed: %s", ids, text, exc_info=not isinstance(error, RetryLater | Refused))
    for delivery in deliveries:
        attempts = delivery.attempts
        failed = not isinstance(error, RetryLater) or attempts >= MAX_ATTEMPTS
        Delivery.objects.filter(pk=delivery.pk).update(
            state=DeliveryState.FAILED if failed else DeliveryState.PENDING,
            next_try=now + _wait(attempts),
            last_error=text,
        )


def _still_theirs(
    deliveries: list[Delivery], now: datetime, checks: dict[int, ReaderCheck] | None = None
) -> list[Delivery]:
    """The deliveries whose reader may still know of their notice; the others are marked dropped (and one whose
    question raises is failed, as a send that raises is). `checks`: each person's answers, kept across a
    sender's chunks. The new readers' roles, offices and conflicts are read at once (readers_load)."""
    checks = {} if checks is None else checks
    new = {d.receipt.user_id: d.receipt.user for d in deliveries if d.receipt.user_id not in checks}
    about_units = {d.receipt.user_id for d in deliveries if d.receipt.notice.unit_id and d.receipt.notice.contest_id}
    readers_load(list(new.values()), conflicts=[u for pk, u in new.items() if pk in about_units])
    kept: list[Delivery] = []
    dropped: list[Delivery] = []
    for delivery in deliveries:
        user = delivery.receipt.user
        if user.pk not in checks:
            checks[user.pk] = ReaderCheck(user)
        try:
            notice = delivery.receipt.notice
            (kept if checks[user.pk](notice.kind, notice.contest, notice.unit) else dropped).append(delivery)
        except Exception as exc:
            _record([delivery], exc, now)
    if dropped:
        rows = Delivery.objects.filter(pk__in=[d.pk for d in dropped])
        rows.update(state=DeliveryState.DROPPED, next_try=now, last_error=DROPPED_WHY)
    return kept


def _hour_counts(batch: list[Delivery], now: datetime) -> Counter[tuple[int, str]]:
    """(person, channel) → their messages at once within the hour: sent, or claimed by another sender now (a
    lease; a retry's wait counts too, the safe side), not this batch's. One query for the batch; the batch's own
    sends are added as they go."""
    recent = Q(state=DeliveryState.SENT, sent_at__gt=now - HOUR) | Q(
        state=DeliveryState.PENDING, attempts__gte=1, next_try__gt=now
    )
    rows = Delivery.objects.filter(
        recent,
        digest=False,
        receipt__user_id__in={d.receipt.user_id for d in batch},
        channel__in={d.channel for d in batch},
    ).exclude(pk__in=[d.pk for d in batch])
    counted = rows.values_list("receipt__user_id", "channel").annotate(n=Count("pk")).order_by()
    return Counter({(user, channel): n for user, channel, n in counted})


def send_due(*, notice_id: int | None = None, now: datetime | None = None, limit: int = LIMIT) -> int:
    """Sends the due deliveries that are not for the digest (one notice's, or any), up to `limit`, a chunk claimed
    at a time: how many were sent."""
    now = now or timezone.now()
    rows = Delivery.objects.filter(digest=False)
    if notice_id is not None:
        rows = rows.filter(receipt__notice_id=notice_id)
    sent, taken = 0, 0
    checks: dict[int, ReaderCheck] = {}
    contests: dict[int, Contest] = {}
    while taken < limit:
        chunk = _claim(rows, now, min(CHUNK, limit - taken))
        if not chunk:
            break
        taken += len(chunk)
        _share_contests(chunk, contests)
        sent += _send_chunk(_still_theirs(chunk, now, checks), now)
    return sent


def _share_contests(deliveries: list[Delivery], contests: dict[int, Contest]) -> None:
    """One object for each contest, its chosen entrants' ids read with it once (contests.entrants): asked of every
    reader, a list of thousands read again for each was most of a notice to everyone's sending."""
    for delivery in deliveries:
        notice = delivery.receipt.notice
        if notice.contest_id is not None:
            if notice.contest_id not in contests:
                rows = Contest.objects.filter(pk=notice.contest_id)
                contests[notice.contest_id] = rows.prefetch_related(Prefetch("entrants", Unit.objects.only("pk"))).get()
            notice.contest = contests[notice.contest_id]


def _send_chunk(batch: list[Delivery], now: datetime) -> int:
    """Sends a claimed chunk, channel by channel, each channel's sends sharing what they can (one connection:
    `Channel.batch`). The rows' leases are renewed first, and again whenever half a lease has gone by, so a
    sender never sends a row another took once its lease ran out; each send is recorded as it happens, so a
    sender dying later resends none of those already sent."""
    held = _renewed(batch)
    renewed = time.monotonic()
    counts = _hour_counts(held, now)
    by_channel: dict[str, list[Delivery]] = defaultdict(list)
    for delivery in held:
        by_channel[delivery.channel].append(delivery)
    left = list(held)  # not yet sent or set aside, in sending order: what a renewal asks about
    sent = 0
    for name, deliveries in by_channel.items():
        channel = registered().get(name)
        if channel is None:
            _record(deliveries, Refused(f"no channel {name!r}"), now)
            left = [d for d in left if d.channel != name]
            continue
        with channel.batch(deliveries):
            for delivery in deliveries:
                if time.monotonic() - renewed > lease().total_seconds() / 2:  # a slow server: hold the rest anew
                    still = {d.pk for d in _renewed(left)}
                    renewed = time.monotonic()
                    if delivery.pk not in still:  # its lease ran out and another sender took it
                        left = [d for d in left if d.pk in still]
                        continue
                left.remove(delivery)
                sent += _send_one(channel, delivery, counts, now)
    return sent


def _send_one(channel, delivery: Delivery, counts: Counter[tuple[int, str]], now: datetime) -> int:
    """One delivery sent (1), or set aside for the person's digest, or failed (0)."""
    mine = (delivery.receipt.user_id, delivery.channel)
    if counts[mine] >= AT_ONCE_HOURLY and catalogue.sealed(delivery.receipt.notice.kind):  # never a digest's
        Delivery.objects.filter(pk=delivery.pk).update(next_try=now + ROOM_WAIT, last_error=WAITS_FOR_ROOM)
        return 0
    if counts[mine] >= AT_ONCE_HOURLY:  # waits, pending, for the person's next digest
        Delivery.objects.filter(pk=delivery.pk).update(digest=True, next_try=now, last_error=OVER_THE_HOUR)
        return 0
    try:
        channel.send(delivery)
    except ToDigest as exc:  # waits, pending, for the person's next digest
        Delivery.objects.filter(pk=delivery.pk).update(digest=True, next_try=now, last_error=str(exc)[:500])
        return 0
    except Exception as exc:  # this delivery's failure (RetryLater waits; anything else will not heal)
        _record([delivery], exc, now)
        counts[mine] += isinstance(exc, RetryLater) and delivery.attempts < MAX_ATTEMPTS  # its wait counts
        return 0
    _record([delivery], None, now)  # at once, row by row
    counts[mine] += 1
    return 1


def next_due(*, notice_id: int, now: datetime | None = None) -> float | None:
    """Seconds until the notice's next delivery at once is due (0: one is now), if within a lease from now (a
    killed sender's claim running out, a first retry); None when none is: the beat job sends what waits longer."""
    now = now or timezone.now()
    rows = Delivery.objects.filter(
        receipt__notice_id=notice_id, digest=False, state=DeliveryState.PENDING, next_try__lte=now + lease()
    )
    first = rows.order_by("next_try").values_list("next_try", flat=True).first()
    return None if first is None else max(0.0, (first - now).total_seconds())


def send_digests(*, now: datetime | None = None) -> int:
    """Each person's waiting digest notices, one message per person per channel: how many messages."""
    now = now or timezone.now()
    rows = Delivery.objects.filter(digest=True, state=DeliveryState.PENDING, next_try__lte=now)
    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for pk, user, channel_name in rows.values_list("pk", "receipt__user_id", "channel"):
        groups[(user, channel_name)].append(pk)
    messages = 0
    for (_, name), ids in groups.items():
        deliveries = _still_theirs(_claim(Delivery.objects.filter(pk__in=ids), now), now)
        channel = registered().get(name)
        if not deliveries or channel is None:
            continue
        try:
            channel.send_digest(deliveries[0].receipt.user, deliveries)
        except Exception as exc:  # this person's digest fails; the others' are sent
            _record(deliveries, exc, now)
        else:
            _record(deliveries, None, now)
            messages += 1
    return messages
