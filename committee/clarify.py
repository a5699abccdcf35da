"""Clarification rounds: a member returns a criterion to the entrant, the entrant answers (and adds
evidence in the portal), a member closes the round. Every message is kept.

Each message tells someone (notices.events), so a person's messages are limited: THREAD_HOURLY in one thread
and PERSON_HOURLY in all threads in any hour (SECURITY.md, "Sending limits")."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from contests.models import Unit
from contests.permissions import is_committee
from core import acts
from core.i18n import either, format_lazy
from core.thai import thai_digits
from notices import events
from rubrics.models import ContestPeriod

from .errors import CommitteeError
from .guards import ensure_not_conflicted, find_criterion, lock_open
from .models import Clarification, ClarificationMessage, ClarificationStatus, MessageKind

CLOSED = CommitteeError(gettext_lazy("this clarification is closed"))
THREAD_HOURLY = 5  # one person's messages in one thread in any hour: enough to answer, then add what was missed
PERSON_HOURLY = 20  # one person's messages in every thread in any hour
HOUR = timedelta(hours=1)


def _count(n: int):
    return either(thai_digits(n), str(n))


def _within_limits(user, clarification: Clarification | None = None) -> None:
    """Refuses a message past the person's hourly limits (the thread's row is locked by the caller, so two
    messages at once in one thread are counted one after the other)."""
    mine = ClarificationMessage.objects.filter(author=user, created_at__gt=timezone.now() - HOUR)
    if clarification is not None and mine.filter(clarification=clarification).count() >= THREAD_HOURLY:
        raise CommitteeError(
            format_lazy(
                gettext_lazy(
                    "you have sent {count} messages in this clarification within an hour: send the next one "
                    "later, or put more into one message"
                ),
                count=_count(THREAD_HOURLY),
            )
        )
    if mine.count() >= PERSON_HOURLY:
        raise CommitteeError(
            format_lazy(
                gettext_lazy("you have sent {count} clarification messages within an hour: send the next one later"),
                count=_count(PERSON_HOURLY),
            )
        )


def _message(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise CommitteeError(gettext_lazy("the message is empty"))
    return text


@transaction.atomic
def clarification_open(
    *, member, rubric: ContestPeriod, unit: Unit, criterion_code: str, message: str
) -> Clarification:
    acts.require(member, "committee.clarify", rubric)
    rubric = lock_open(rubric)
    ensure_not_conflicted(member, unit, rubric)
    _, criterion = find_criterion(rubric, criterion_code)
    body = _message(message)
    _within_limits(member)
    try:
        with transaction.atomic():
            clarification = Clarification.objects.create(
                rubric=rubric, unit=unit, criterion=criterion, opened_by=member
            )
    except IntegrityError:
        raise CommitteeError(gettext_lazy("this criterion already has a clarification in progress")) from None
    question = ClarificationMessage.objects.create(
        clarification=clarification, kind=MessageKind.QUESTION, body=body, author=member
    )
    events.question_asked(message=question)
    return clarification


@transaction.atomic
def clarification_reply(*, user, clarification: Clarification, message: str) -> ClarificationMessage:
    """The entrant answers (status → answered); a member's follow-up question re-opens it."""
    clarification = Clarification.objects.select_for_update().select_related("unit").get(pk=clarification.pk)
    # The committee (or the contest's panel) may add a question to the thread; the unit's staff reply.
    committee = acts.allowed(user, "committee.clarify", clarification.rubric)
    if not committee:
        # The Department's committee adds to its own contests' threads only, never to a provincial panel's.
        if is_committee(user):
            raise PermissionDenied
        acts.require(user, "committee.reply_clarification", clarification)
    lock_open(clarification.rubric)
    if committee:
        ensure_not_conflicted(user, clarification.unit, clarification.rubric)
    if clarification.status == ClarificationStatus.CLOSED:
        raise CLOSED
    _within_limits(user, clarification)
    kind = MessageKind.QUESTION if committee else MessageKind.REPLY
    reply = ClarificationMessage.objects.create(
        clarification=clarification, kind=kind, body=_message(message), author=user
    )
    clarification.status = ClarificationStatus.OPEN if committee else ClarificationStatus.ANSWERED
    clarification.save(update_fields=["status"])
    (events.question_asked if committee else events.question_answered)(message=reply)
    return reply


@transaction.atomic
def clarification_close(*, member, clarification: Clarification, message: str = "") -> Clarification:
    """Ends the round; the criterion is then scored again through `judgment_record` as usual."""
    clarification = Clarification.objects.select_for_update().get(pk=clarification.pk)
    acts.require(member, "committee.clarify", clarification.rubric)
    lock_open(clarification.rubric)
    ensure_not_conflicted(member, clarification.unit, clarification.rubric)
    if clarification.status == ClarificationStatus.CLOSED:
        raise CLOSED
    body = (message or "").strip() or str(gettext_lazy("closed"))  # stored as the active language reads it
    ClarificationMessage.objects.create(clarification=clarification, kind=MessageKind.CLOSE, body=body, author=member)
    clarification.status = ClarificationStatus.CLOSED
    clarification.closed_by, clarification.closed_at = member, timezone.now()
    clarification.save(update_fields=["status", "closed_by", "closed_at"])
    events.question_settled(clarification=clarification)  # nothing is left for the office to answer
    return clarification
