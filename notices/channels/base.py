"""A channel takes notices out of the portal: e-mail (`email.py`), LINE (`line/`). One module per channel, or
one folder for a channel with pages, models or addresses of its own (LINE's: its client, linking, webhook,
views, urls, templates, models and tests in `tests/notices/channels/line/`).

To add one (say `notices/channels/sms.py`):

1. subclass `Channel`: a `name` (stored on each `Delivery`, ≤ 20 characters) and a `label`;
2. `reaches(user)`: whether the person has this channel (an address, a linked account) — no row is
   written for anyone it cannot reach (`reaching(users)` asks it of many at once; override it when the
   answer needs the database); `unreached` says so on the person's choices, which tick nothing for it, and
   `setup` with `setup_label` link to where the person gives it (their LINE linked on "บัญชีของฉัน");
3. `send(delivery)`: deliver one notice to one person (`delivery.receipt.user`, `delivery.receipt.notice`;
   its words from `notices.catalogue`, its link from `notices.public_url.absolute`). Raise `RetryLater` when a
   later try may succeed (a server down, a quota reached: the outbox tries again with a growing wait) and
   `Refused` when none will (an address rejected): the delivery is marked failed;
4. `send_digest(user, deliveries)`: the daily digest, many notices in one message (the default sends them
   one by one); the same two errors. `send` may raise `ToDigest` instead of sending (a channel near its
   quota batches): the delivery then waits for the person's next digest;
5. optionally `batch(deliveries)`, a context manager the outbox opens around a run of `send`s (its chunk's
   deliveries of this channel): what those sends can share, made once (e-mail: one connection to the SMTP
   server; LINE: one client, the people's links read at once, the quota asked once). `send` outside one works
   alone;
6. name its dotted path in `settings.CDD4_NOTICE_CHANNELS`.

The outbox (notices.outbox) claims, retries and records; a channel only sends. Each person chooses per
channel how it reaches them (notices.models.Preference: at once, daily digest, never).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy

if TYPE_CHECKING:  # the stubs' type, a dev requirement only
    from django_stubs_ext import StrOrPromise


class RetryLater(Exception):
    """The send failed but may succeed later."""


class Refused(Exception):
    """The send failed and never will: the delivery is marked failed."""


class ToDigest(Exception):
    """Not sent now: the delivery joins the person's next digest, one message for many."""


class Channel:
    name: str = ""
    label: StrOrPromise = ""  # shown on the person's choices, translated
    unreached: StrOrPromise = gettext_lazy("no address on this account yet")  # in place of the choices
    setup: StrOrPromise = ""  # where the person gives this channel its address, if the portal is where
    setup_label: StrOrPromise = ""

    def reaches(self, user) -> bool:
        raise NotImplementedError

    def reaching(self, users: Sequence) -> set[int]:
        """The ids of those `users` it reaches; a channel whose answer needs the database asks once for all."""
        return {user.pk for user in users if self.reaches(user)}

    def send(self, delivery) -> None:
        raise NotImplementedError

    @contextmanager
    def batch(self, deliveries: Sequence) -> Iterator[None]:
        """Around the sends of `deliveries` (the outbox's chunk): nothing shared unless a channel says so."""
        yield

    def send_digest(self, user, deliveries: Sequence) -> None:
        for delivery in deliveries:
            self.send(delivery)
