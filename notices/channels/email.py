"""E-mail: one message per notice, or one digest a day; Thai first, one link each."""

from __future__ import annotations

import re
import smtplib
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.thai import digits

from .. import catalogue
from ..links import absolute
from .base import Channel, Refused, RetryLater


def _letter(user, notices: Sequence, heading: str = "") -> str:
    """The message as the Department writes one: "เรียน …", the news and what to do with its link, its close."""
    items = catalogue.items(notices, short=False)
    context = {
        "to": catalogue.addressee(user),
        "heading": heading,
        "items": [(item, absolute(item.path)) for item in items],
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


def _send(to: str, subject: str, body: str) -> None:
    message = EmailMessage(subject=one_line(subject), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    try:
        message.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        raise Refused(f"{type(exc).__name__}: {exc}"[:400]) from exc
    except (smtplib.SMTPException, OSError) as exc:  # the server down or busy: try again later
        raise RetryLater(f"{type(exc).__name__}: {exc}"[:400]) from exc


class EmailChannel(Channel):
    name = "email"
    label = gettext_lazy("E-mail")
    unreached = gettext_lazy("no e-mail address on this account yet")
    setup = format_lazy("{}#email-change", reverse_lazy("accounts:account"))
    setup_label = gettext_lazy("Add an e-mail address")

    def reaches(self, user) -> bool:
        return bool(user.email) and user.is_active

    def send(self, delivery) -> None:
        notice, user = delivery.receipt.notice, delivery.receipt.user
        with translation.override("th"):
            _send(user.email, catalogue.subject(notice), _letter(user, [notice]))

    def send_digest(self, user, deliveries: Sequence) -> None:
        with translation.override("th"):
            notices = [d.receipt.notice for d in deliveries]
            subject = _("Today's notices: %(count)s") % {"count": digits(len(notices))}
            _send(user.email, subject, _letter(user, notices, subject))
