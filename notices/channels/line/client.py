"""LINE's Messaging API, the portal's one door to it (docs/line.md): a push to a linked person, a reply to a
webhook event, and the month's count of pushes against the Official Account's quota.

Everything goes through the SDK (`linebot.v3`) at settings.CDD4_LINE_API_HOST, so the tests reach a local
stand-in (tests/line_standin.py) the same way production reaches api.line.me.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import urllib3
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .linking import line_unlink
from .models import LineLink, LinePushMonth

log = logging.getLogger(__name__)

TEXT_MAX = 5000  # LINE's limit on one text message, in characters
TIMEOUT = (5, 15)  # seconds to connect, to read: a worker never hangs on LINE
CONTENT_TIMEOUT = (5, 120)  # a video's bytes take longer than a message's answer
RETRY_NAMESPACE = uuid.UUID("3f0c8a52-61d2-4d7e-9b1a-7c4e2f5d9a10")  # the portal's retry keys, by what they send
ALREADY_ACCEPTED = 409  # LINE took a request with this retry key before: the message went once, not again
UNAUTHORIZED = 401
GONE = (403, 404)  # the person blocked the Official Account or left LINE: their link is dropped


class LineError(Exception):
    """A push or reply LINE did not take; `status` is LINE's answer (0: no answer at all)."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status


class LineRetryable(LineError):
    """May succeed later with the same retry key: LINE busy (429, quota), down (5xx) or out of reach, or the
    channel's token refused (401) until the operators set it anew."""


class LinePermanent(LineError):
    """Will not succeed as asked: the person is gone (their link is dropped), or the request itself is wrong."""


def line_enabled() -> bool:
    return bool(settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN and settings.CDD4_LINE_CHANNEL_SECRET)


def line_retry_key(*parts: object) -> str:
    """The same key for the same thing sent (a delivery's id, a digest's ids): a retried push is never shown twice."""
    return str(uuid.uuid5(RETRY_NAMESPACE, ":".join(str(p) for p in parts)))


def _sdk():
    """The SDK's Messaging API, imported when LINE is first called: loading its models costs a process one to
    three seconds, which every page, worker and command would otherwise pay at start."""
    from linebot.v3 import messaging

    return messaging


def _api(sdk):
    configuration = sdk.Configuration(
        host=settings.CDD4_LINE_API_HOST.rstrip("/"), access_token=settings.CDD4_LINE_CHANNEL_ACCESS_TOKEN
    )
    configuration.retries = False  # the caller retries, with the same key; urllib3's own would hide the wait
    return sdk.ApiClient(configuration)


def _message(sdk, text: str, url: str):
    tail = f"\n{url}" if url else ""
    return sdk.TextMessage(text=text[: TEXT_MAX - len(tail)] + tail)


def _month(today: date | None = None) -> date:
    return (today or timezone.localdate()).replace(day=1)


def _count(pushes: int) -> None:
    """This month's count moved by `pushes` (negative: pushes counted ahead and not made)."""
    if not pushes:
        return
    with transaction.atomic():
        LinePushMonth.objects.get_or_create(month=_month())
        LinePushMonth.objects.filter(month=_month()).update(pushes=F("pushes") + pushes)


class LinePushes:
    """Pushes to many people over one client (`line_pushes`): their links read at once, the SDK's client made
    once, this month's count raised once ahead for every push the batch may make and lowered at its end by
    those not made, so a process killed half-way has counted too many, the safe side of a quota."""

    def __init__(self, sdk, links: dict[int, LineLink]) -> None:
        self.sdk, self.links = sdk, links
        self.api: Any = None  # the SDK's MessagingApi, made when the client opens
        self.made = 0

    def push(self, *, user_id: int, text: str, url: str, retry_key: str) -> None:
        """One text message (the notice's Thai text, then its link) to the LINE linked to the account.

        `retry_key` names what is sent (`line_retry_key("delivery", pk)`): every try of one delivery passes the
        same key, and LINE shows the message once however many tries reach it. Raises LineRetryable (429, 5xx,
        401, no answer) or LinePermanent (any other 4xx, or no link); a 403/404 also drops the person's link."""
        link = self.links.get(user_id)
        if link is None or not line_enabled():
            raise LinePermanent("no linked LINE" if link is None else "LINE is off")
        sdk = self.sdk
        request = sdk.PushMessageRequest(to=link.line_user_id, messages=[_message(sdk, text, url)])
        try:
            self.api.push_message(request, x_line_retry_key=retry_key, _request_timeout=TIMEOUT)
        except sdk.ApiException as exc:
            if exc.status != ALREADY_ACCEPTED:
                raise _refused(exc, link) from exc
            # Taken by an earlier try whose answer was lost: counted now, since that try was not. A push counted
            # once already and retried is counted twice, the safe side of a quota.
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise LineRetryable(f"{type(exc).__name__}: {exc}"[:400]) from exc
        self.made += 1


@contextmanager
def line_pushes(user_ids: Iterable[int]) -> Iterator[LinePushes]:
    """Pushes to these people over one connection to LINE (the outbox's chunk): see LinePushes."""
    sdk = _sdk()
    links = {link.user_id: link for link in LineLink.objects.filter(user_id__in=set(user_ids)).select_related("user")}
    pushes = LinePushes(sdk, links)
    ahead = len(links) if line_enabled() else 0
    _count(ahead)
    try:
        with _api(sdk) as client:
            pushes.api = sdk.MessagingApi(client)
            yield pushes
    finally:
        _count(pushes.made - ahead)


def line_push(*, user_id: int, text: str, url: str, retry_key: str) -> None:
    """One push on its own (LinePushes.push, its errors): a digest, a test."""
    with line_pushes([user_id]) as pushes:
        pushes.push(user_id=user_id, text=text, url=url, retry_key=retry_key)


def _refused(exc, link: LineLink) -> LineError:
    status, said = exc.status or 0, f"LINE {exc.status}: {exc.body or exc.reason}"[:400]
    if status == 429 or status >= 500 or status == 0:
        return LineRetryable(said, status)
    if status == UNAUTHORIZED:  # the portal's token, not this person: sent once the operators set a valid one
        log.error("LINE refused the channel access token: set CDD4_LINE_CHANNEL_ACCESS_TOKEN anew (docs/line.md)")
        return LineRetryable(said, status)
    if status in GONE:
        line_unlink(user=link.user)
    return LinePermanent(said, status)


@dataclass(frozen=True)
class Choice:
    """One button of a reply's quick reply: what it reads (LINE cuts a label at 20 characters), the postback data
    it sends back (at most 300), and what the chat shows as the person's own message when it is tapped."""

    label: str
    data: str
    said: str


QUICK_REPLY_MAX = 13  # LINE's limit on a quick reply's buttons
LABEL_MAX = 20


def line_reply(*, reply_token: str, text: str, url: str = "", choices: Sequence[Choice] = ()) -> None:
    """Answers a webhook event in the chat it came from (free: replies do not count against the quota), with
    the link on its last line and, given `choices`, a quick reply of them (postback buttons).
    A reply LINE does not take is logged and dropped: the event's own work is already done."""
    sdk = _sdk()
    message = _message(sdk, text, url)
    if choices:
        message.quick_reply = sdk.QuickReply(
            items=[
                sdk.QuickReplyItem(
                    action=sdk.PostbackAction(label=c.label[:LABEL_MAX], data=c.data, displayText=c.said[:300])
                )
                for c in choices[:QUICK_REPLY_MAX]
            ]
        )
    request = sdk.ReplyMessageRequest(reply_token=reply_token, messages=[message])
    try:
        with _api(sdk) as client:
            sdk.MessagingApi(client).reply_message(request, _request_timeout=TIMEOUT)
    except (sdk.ApiException, urllib3.exceptions.HTTPError, OSError) as exc:
        log.warning("LINE reply not sent: %s", f"{exc}"[:200])


class Transcoding(StrEnum):
    """Where LINE stands preparing a video's or an audio clip's content (its transcoding endpoint)."""

    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


def line_transcoding(*, message_id: str) -> Transcoding:
    """Whether a video's or an audio clip's content can be fetched yet. Raises as line_content does."""
    sdk = _sdk()
    try:
        with _api(sdk) as client:
            answer = sdk.MessagingApiBlob(client).get_message_content_transcoding_by_message_id(
                message_id, _request_timeout=TIMEOUT
            )
    except sdk.ApiException as exc:
        raise _content_refused(exc) from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise LineRetryable(f"{type(exc).__name__}: {exc}"[:400]) from exc
    return Transcoding(answer.status)


def line_content(*, message_id: str) -> bytes:
    """The bytes a person sent (an image, a video, an audio clip, a file), from LINE's content endpoint (the
    SDK's blob API). LINE keeps them a limited time: a 404 or 410 then is LinePermanent (the content is gone);
    429, 5xx and no answer are LineRetryable."""
    sdk = _sdk()
    try:
        with _api(sdk) as client:
            return bytes(sdk.MessagingApiBlob(client).get_message_content(message_id, _request_timeout=CONTENT_TIMEOUT))
    except sdk.ApiException as exc:
        raise _content_refused(exc) from exc
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        raise LineRetryable(f"{type(exc).__name__}: {exc}"[:400]) from exc


def _content_refused(exc) -> LineError:
    status, said = exc.status or 0, f"LINE {exc.status}: {exc.body or exc.reason}"[:400]
    if status == 429 or status >= 500 or status in (0, UNAUTHORIZED):
        return LineRetryable(said, status)
    return LinePermanent(said, status)


def line_pushes_this_month() -> int:
    return LinePushMonth.objects.filter(month=_month()).values_list("pushes", flat=True).first() or 0


def line_quota_left() -> int:
    """Messages left this month before the Official Account's quota (settings.CDD4_LINE_MONTHLY_QUOTA)."""
    return max(0, settings.CDD4_LINE_MONTHLY_QUOTA - line_pushes_this_month())
