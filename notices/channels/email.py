"""E-mail: one message per notice, or one digest a day; Thai first, one link each."""

from __future__ import annotations

import logging
import re
import smtplib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.thai import digits

from .. import catalogue
from ..public_url import absolute
from .base import Channel, Refused, RetryLater

log = logging.getLogger(__name__)


def _letter(user, notices: Sequence, heading: str = "") -> str:
    """The message as the Department writes one: "เรียน …", the news and what to do with its link, its close. A
    sealed kind's link is made now, for this person (catalogue.sealed_path): one that opens nothing any more is
    refused, not sent."""
    items = catalogue.items(notices, short=False, sealed_for=user)
    if any(item.path is None for item in items):
        raise Refused("its link opens nothing any more (a newer one was sent, or the account changed since)")
    context = {
        "to": catalogue.addressee(user),
        "heading": heading,
        "items": [(item, absolute(item.path or "")) for item in items],
        "closing": catalogue.closing(items),
        "settings_link": absolute("/notices/"),
    }
    return render_to_string("notices/email.txt", context)


BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")  # control characters, line and paragraph separators


def one_line(text: str) -> str:
    """A header's value on one line: each run of control characters or separators (a name pasted from a word
    processor, stored before names were checked) read as one space, so no name makes the mail library refuse
    a message."""
    return BREAKS.sub(" ", text).strip()


class _Connection:
    """One connection to the mail server for a batch of sends (Django's `get_connection`), opened at the first
    and closed after the last: a new SMTP session per message (connect, EHLO, QUIT) was most of a message's
    sending. After a failed send it is closed, and the next send opens it anew."""

    def __init__(self) -> None:
        self.backend: Any = None

    def opened(self) -> Any:
        if self.backend is None:
            backend = get_connection(fail_silently=False)
            backend.open()
            self.backend = backend
        return self.backend

    def close(self) -> None:
        backend, self.backend = self.backend, None
        if backend is not None:
            try:
                backend.close()
            except Exception:  # a session already broken: nothing to close politely
                log.debug("mail connection closed uncleanly", exc_info=True)


_batch: ContextVar[_Connection | None] = ContextVar("notices_email_batch", default=None)


def _send(to: str, subject: str, body: str) -> None:
    message = EmailMessage(subject=one_line(subject), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    shared = _batch.get()
    try:
        if shared is not None:
            message.connection = shared.opened()
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:  # the session still stands (smtplib resets it)
        raise Refused(f"{type(exc).__name__}: {exc}"[:400]) from exc
    except (smtplib.SMTPException, OSError) as exc:  # the server down or busy: try again later
        if shared is not None:
            shared.close()
        raise RetryLater(f"{type(exc).__name__}: {exc}"[:400]) from exc
    except Exception:
        if shared is not None:
            shared.close()
        raise


class EmailChannel(Channel):
    name = "email"
    label = gettext_lazy("E-mail")
    unreached = gettext_lazy("no e-mail address on this account yet")
    setup = format_lazy("{}#email-change", reverse_lazy("accounts:account"))
    setup_label = gettext_lazy("Add an e-mail address")

    def reaches(self, user) -> bool:
        return bool(user.email) and user.is_active

    @contextmanager
    def batch(self, deliveries: Sequence) -> Iterator[None]:
        """One connection to the mail server for the batch's messages."""
        shared = _Connection()
        token = _batch.set(shared)
        try:
            yield
        finally:
            _batch.reset(token)
            shared.close()

    def send(self, delivery) -> None:
        notice, user = delivery.receipt.notice, delivery.receipt.user
        with translation.override("th"):
            _send(catalogue.address(notice) or user.email, catalogue.subject(notice), _letter(user, [notice]))

    def send_digest(self, user, deliveries: Sequence) -> None:
        with translation.override("th"):
            notices = [d.receipt.notice for d in deliveries]
            subject = _("Today's notices: %(count)s") % {"count": digits(len(notices))}
            _send(user.email, subject, _letter(user, notices, subject))
