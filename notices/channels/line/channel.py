"""LINE as a notices channel (notices/channels/base.py): one push per notice to a person who linked their LINE,
the same Thai text and link as the e-mail; near the Official Account's monthly quota, one digest push per person
instead (docs/line.md)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db.models import F
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.bulk import AnyOf
from core.thai import digits
from notices import catalogue
from notices.channels.base import Channel, Refused, RetryLater, ToDigest
from notices.models import Delivery, DeliveryState
from notices.public_url import absolute

from .client import (
    TEXT_MAX,
    LinePermanent,
    LinePushes,
    LineRetryable,
    line_enabled,
    line_push,
    line_pushes,
    line_quota_left,
    line_retry_key,
)
from .models import LineLink

NAME = "line"


def _people_waiting() -> int:
    """The people with a LINE notice waiting (at once or in a digest): each needs at least one push this month."""
    rows = Delivery.objects.filter(channel=NAME, state=DeliveryState.PENDING)
    return rows.values("receipt__user").distinct().count()


@dataclass
class _Batch:
    """What a batch of pushes shares: the client and the links (client.line_pushes), and whether the month's
    quota is near, asked once for the batch."""

    pushes: LinePushes
    near_quota: bool


_batch: ContextVar[_Batch | None] = ContextVar("notices_line_batch", default=None)


def _near_quota() -> bool:
    """Fewer pushes left this month than people waiting: each of them needs one push, their digest."""
    return line_quota_left() < _people_waiting()


def _push(user_id: int, text: str, url: str, key: str) -> None:
    shared = _batch.get()
    try:
        if shared is not None:
            shared.pushes.push(user_id=user_id, text=text, url=url, retry_key=key)
        else:
            line_push(user_id=user_id, text=text, url=url, retry_key=key)
    except LineRetryable as exc:
        raise RetryLater(str(exc)) from exc
    except LinePermanent as exc:  # a 403/404 has also dropped the link: no later notice is written for LINE
        raise Refused(str(exc)) from exc


class LineChannel(Channel):
    name = NAME
    label = gettext_lazy("LINE")
    unreached = gettext_lazy("LINE not linked yet")
    setup = format_lazy("{}#line", reverse_lazy("accounts:account"))
    setup_label = gettext_lazy("Connect LINE")

    def reaches(self, user) -> bool:
        return line_enabled() and user.is_active and LineLink.objects.filter(user=user).exists()

    def reaching(self, users: Sequence) -> set[int]:
        """One query for everyone a notice tells."""
        if not line_enabled():
            return set()
        active = [user.pk for user in users if user.is_active]
        return set(LineLink.objects.filter(AnyOf(F("user"), active)).values_list("user_id", flat=True))

    @contextmanager
    def batch(self, deliveries: Sequence) -> Iterator[None]:
        """One client and the links read at once for the batch's pushes, the quota asked once (before the batch's
        own pushes are counted ahead)."""
        near = _near_quota()
        with line_pushes([d.receipt.user_id for d in deliveries]) as pushes:
            token = _batch.set(_Batch(pushes, near))
            try:
                yield
            finally:
                _batch.reset(token)

    def send(self, delivery) -> None:
        """One push with the delivery's own retry key, so a retried delivery is shown once; when fewer pushes are
        left this month than people waiting, the notice joins the person's digest instead."""
        shared = _batch.get()
        if shared.near_quota if shared is not None else _near_quota():
            raise ToDigest("LINE's monthly quota is near: batched into the digest")
        notice = delivery.receipt.notice
        with translation.override("th"):
            text = catalogue.push_text(notice)
        _push(delivery.receipt.user_id, text, absolute(notice.link), line_retry_key("delivery", delivery.pk))

    def send_digest(self, user, deliveries: Sequence) -> None:
        """One push listing the notices, each title and link; its key names the deliveries it carries."""
        with translation.override("th"):
            text = digest_text([d.receipt.notice for d in deliveries])
        key = line_retry_key("digest", *sorted(d.pk for d in deliveries))
        _push(user.pk, text, "", key)


def digest_text(notices: Sequence) -> str:
    """The digest in one LINE message (TEXT_MAX characters): a grouped kind's notices on one contest as one item,
    those that need the reader first (notices.catalogue.items); what does not fit is cut at a line and counted in
    a last line that links to the inbox, never dropped unsaid."""
    head = _("%(count)s notices") % {"count": digits(len(notices))}
    items: list[list[str]] = []
    for one in catalogue.items(notices):  # a digest holds no sealed kind: every item has its path
        said = [text for text in (one.contest, *one.lines, one.asks) if text]
        items.append([f"• {one.title}", *said, absolute(one.path or "")])
    room = TEXT_MAX - len(_more(len(items))) - 2
    parts, used, whole = [head], len(head), 0
    for item in items:
        lines = []
        for line in item:
            if used + len(line) + 2 > room:
                break
            lines.append(line)
            used += len(line) + 1
        if lines:
            parts.append("\n".join(lines))
            used += 1
        if len(lines) < len(item):
            break
        whole += 1
    if whole < len(items):
        parts.append(_more(len(items) - whole))
    return "\n\n".join(parts)


def _more(count: int) -> str:
    return _("… %(count)s not shown in full: see them in the portal: %(link)s") % {
        "count": digits(count),
        "link": absolute(""),
    }
