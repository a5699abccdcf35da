"""What a linked person does in the chat (registered on notices.channels.line.hooks by submissions' ready()):
a file sent is noted by its message id, never fetched here; a set complete is answered with what the office owes
(a task: the webhook answers LINE at once); a button tapped is checked and, once it names a criterion and round,
the set is handed to the worker that files it (submissions.line.filing). Every answer is a reply, in Thai."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from celery import current_app
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.ratelimit import wait_seconds
from core.thai import thai_digits
from notices.channels.line.client import line_reply
from rubrics.models import ContestPeriod

from .choices import (
    FILE,
    MORE,
    ROUNDS,
    choice_lives,
    choice_read,
    criterion_choices,
    opened_rounds,
    owed_now,
    round_choices,
)
from .models import LineItem, LineSet, LineSetState

# LINE sends an image set's pictures within seconds; a set still short of its total this long after its first
# picture is offered as it stands.
SET_WAIT_SECONDS = 30
# A set not filed by then can no longer be: its choice lived CDD4_LINE_CHOICE_MINUTES.
SETS_KEPT = timedelta(days=1)


def sent_at(event) -> datetime:
    """The moment LINE says the event happened (its `timestamp`, milliseconds since the epoch)."""
    return datetime.fromtimestamp(event.timestamp / 1000, tz=UTC)


def line_content_note(*, user, event) -> bool:
    """A file sent by the linked person: noted under its set (an image set's pictures together), once however
    often LINE delivers it; once the set is whole, the answer of what it is evidence of is queued. Past the
    person's rate (settings.CDD4_LINE_EVIDENCE_RATE) nothing is noted and the chat is told."""
    message = event.message
    if LineItem.objects.filter(message_id=message.id).exists():
        return True  # redelivered: noted the first time
    if wait_seconds("line_evidence", str(user.pk), settings.CDD4_LINE_EVIDENCE_RATE):
        line_reply(
            reply_token=event.reply_token,
            text=_(
                "Too many files sent this hour: nothing was kept. Send them again later, or upload them on the portal."
            ),
        )
        return True
    if getattr(message, "content_provider", None) is not None and message.content_provider.type != "line":
        line_reply(
            reply_token=event.reply_token,
            text=_(
                "This file is kept outside LINE and cannot be fetched: nothing was kept."
                " Send the file itself, or upload it on the portal."
            ),
        )
        return True
    image_set = getattr(message, "image_set", None)
    for attempt in range(2):  # two deliveries of one image set racing to make its set: the loser reads it
        try:
            with transaction.atomic():
                return _note(user, event, image_set)
        except IntegrityError:
            if attempt or LineItem.objects.filter(message_id=message.id).exists():
                return True
    return True


def _note(user, event, image_set) -> bool:
    message = event.message
    common = {"user": user, "created_at": timezone.now()}
    if image_set is not None:
        line_set, _made = LineSet.objects.select_for_update().get_or_create(
            line_user_id=event.source.user_id,
            image_set=image_set.id,
            defaults={**common, "expected": image_set.total or 1},
        )
    else:
        line_set = LineSet.objects.create(line_user_id=event.source.user_id, **common)
    if line_set.state != LineSetState.GATHERING:  # a picture of a set already offered: the choice names the rest
        line_reply(reply_token=event.reply_token, text=_("This picture came after its set was offered: send it again."))
        return True
    LineItem.objects.create(
        line_set=line_set,
        message_id=message.id,
        kind=message.type,
        file_name=getattr(message, "file_name", None) or "",
        index=image_set.index if image_set is not None and image_set.index else 1,
        sent_at=sent_at(event),
    )
    line_set.reply_token = event.reply_token
    line_set.save(update_fields=["reply_token"])
    arrived = line_set.items.count()
    offer = current_app.tasks["submissions.line_offer"]
    if arrived >= line_set.expected:
        offer.delay_on_commit(line_set.pk)
    elif arrived == 1:  # a picture of the set may never come: what came is offered once the set has waited
        transaction.on_commit(lambda: offer.apply_async((line_set.pk,), {"whole": False}, countdown=SET_WAIT_SECONDS))
    return True


def line_set_offer(*, set_id: int, whole: bool = True) -> bool:
    """The quick reply of what the person's office owes now, for a set whole and not yet offered (once: a
    task run twice offers once); `whole=False`, an image set some of whose pictures never came, once it has waited
    SET_WAIT_SECONDS since its first. Nothing owed: the set is dropped and the chat told so."""
    with transaction.atomic():
        line_set = LineSet.objects.select_for_update().select_related("user").filter(pk=set_id).first()
        if line_set is None or line_set.state != LineSetState.GATHERING:
            return False
        if not whole and timezone.now() - line_set.created_at < timedelta(seconds=SET_WAIT_SECONDS):
            return False
        owed = owed_now(line_set.user)
        if owed:
            line_set.state = LineSetState.OFFERED
            line_set.save(update_fields=["state"])
            choices = criterion_choices(line_set, owed)
        else:
            line_set.delete()
    if not owed:
        line_reply(reply_token=line_set.reply_token, text=_("Your office owes no evidence now: nothing was kept."))
        return True
    count = thai_digits(line_set.items.count())
    text = _(
        "Received %(count)s files. Which criterion are they evidence of? Choose below within %(minutes)s minutes."
    ) % {
        "count": count,
        "minutes": thai_digits(settings.CDD4_LINE_CHOICE_MINUTES),
    }
    line_reply(reply_token=line_set.reply_token, text=text, choices=choices)
    return True


def line_choice_take(*, user, event) -> bool:
    """A button tapped: checked (signed for this LINE user and these files, alive, the set still waiting);
    "more" and a criterion in rounds are answered with the next buttons; a criterion and round chosen hand the
    set to the worker. A choice tapped twice, or redelivered, files once."""
    now = timezone.now()
    read = choice_read(
        event.postback.data,
        lambda pk: LineSet.objects.filter(pk=pk, user=user, line_user_id=event.source.user_id).first(),
    )
    if read is None or not choice_lives(read[0], now):
        line_reply(
            reply_token=event.reply_token,
            text=_("This choice has expired or is not yours: nothing was kept. Send the files again."),
        )
        return True
    tapped, line_set = read
    if line_set.state != LineSetState.OFFERED:
        return True  # chosen already: the worker files it once
    if tapped.kind == MORE:
        choices = criterion_choices(line_set, owed_now(user), page=tapped.round)
        line_reply(reply_token=event.reply_token, text=_("Which criterion?"), choices=choices)
        return True
    rubric = ContestPeriod.objects.filter(pk=tapped.rubric_id).first()
    if rubric is None:
        return False
    if tapped.kind == ROUNDS:
        rounds = opened_rounds(user, rubric, tapped.criterion)
        line_reply(
            reply_token=event.reply_token,
            text=_("Which round do they answer?"),
            choices=round_choices(line_set, rounds),
        )
        return True
    assert tapped.kind == FILE
    chosen = LineSet.objects.filter(pk=line_set.pk, state=LineSetState.OFFERED).update(
        state=LineSetState.CHOSEN,
        rubric=rubric,
        criterion=tapped.criterion,
        answers_round=tapped.round or None,
        chosen_at=now,
        choice=event.postback.data,
        reply_token=event.reply_token,
    )
    if chosen:
        current_app.tasks["submissions.line_file"].delay_on_commit(line_set.pk)
    return True


def line_sets_expire() -> int:
    """The sets never filed, a day after they came (a choice never tapped, an image set never whole): their
    message ids and times dropped. Sets filed stay, each file beside the evidence it became or why it was refused."""
    stale = LineSet.objects.filter(
        state__in=[LineSetState.GATHERING, LineSetState.OFFERED], created_at__lt=timezone.now() - SETS_KEPT
    )
    deleted, _by_model = stale.delete()
    return deleted
