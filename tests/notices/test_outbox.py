"""The outbox: nothing is lost when the sender dies or the mail server is down; the same event is one notice."""

import os
import smtplib
import socket
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from notices import outbox
from notices.models import Delivery, DeliveryState, Kind, Mode, Notice, Preference
from notices.services import notice_record

pytestmark = pytest.mark.django_db(transaction=True)  # the send waits for the commit


def record(people, key="k1", kind=Kind.QUESTION_ASKED, who=("cm", "member")):
    return notice_record(
        kind=kind,
        key=key,
        recipients=lambda: [people[w] for w in who],
        params={"contest": "ก", "unit": "ข", "code": "1.1"},
    )


def test_the_same_event_told_twice_is_one_notice_with_one_row_each(people, mailoutbox):
    record(people)
    record(people)
    assert Notice.objects.count() == 1 and Delivery.objects.count() == 2
    assert len(mailoutbox) == 2


def test_a_sender_killed_after_claiming_loses_nothing_the_next_one_sends_it_once_the_lease_runs_out(people, mailoutbox):
    with pytest.MonkeyPatch.context() as mp:  # the commit's own send never happens: the worker is down
        mp.setattr("notices.services._queue", lambda notice_id: None)
        record(people)
    now = timezone.now()
    claimed = outbox._claim(Delivery.objects.all(), now)  # a worker claims both, then is killed
    assert len(claimed) == 2 and mailoutbox == []
    assert outbox.send_due(now=now) == 0  # within the lease nobody sends them twice
    assert outbox.send_due(now=now + outbox.LEASE + timedelta(seconds=1)) == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["cm@example.org", "member@example.org"]
    assert set(Delivery.objects.values_list("state", "attempts")) == {(DeliveryState.SENT, 2)}


def test_a_mail_server_down_leaves_the_delivery_pending_with_its_error_and_a_later_try(people, settings, mailoutbox):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", s.getsockname()[1]
    record(people)
    rows = list(Delivery.objects.all())
    assert {(d.state, d.attempts) for d in rows} == {(DeliveryState.PENDING, 1)}
    assert all("ConnectionRefused" in d.last_error for d in rows) and all(d.next_try > timezone.now() for d in rows)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.send_due(now=timezone.now() + timedelta(hours=1)) == 2
    assert len(mailoutbox) == 2


def test_a_person_who_chose_none_gets_the_inbox_row_and_no_mail_and_digest_waits_for_the_morning(people, mailoutbox):
    Preference.objects.create(user=people["cm"], channel="email", mode=Mode.NONE)
    Preference.objects.create(user=people["member"], channel="email", mode=Mode.DIGEST)
    record(people)
    assert mailoutbox == []
    assert list(Delivery.objects.values_list("receipt__user__username", "digest")) == [("member", True)]
    assert outbox.send_digests() == 1 and mailoutbox[0].to == ["member@example.org"]
    assert outbox.send_digests() == 0  # sent once


class Sink:
    """A real SMTP server on a free port (python's socket server; aiosmtpd is not installed): what
    Django's SMTP client sends arrives here as it would at the Department's server."""

    def __init__(self):
        self.messages: list[tuple[list[str], str]] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        conn, _ = self.server.accept()
        with conn, conn.makefile("rb") as lines:
            conn.sendall(b"220 sink\r\n")
            to, data = [], None
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if data is not None:
                    if line in (".\r\n", ".\n"):
                        self.messages.append((to, "".join(data)))
                        to, data = [], None
                        conn.sendall(b"250 ok\r\n")
                    else:
                        data.append(line)
                    continue
                verb = line[:4].upper()
                if verb == "DATA":
                    data = []
                    conn.sendall(b"354 go\r\n")
                elif verb == "RCPT":
                    to.append(line.split(":", 1)[1].strip(" <>\r\n"))
                    conn.sendall(b"250 ok\r\n")
                elif verb == "QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")


def test_a_notice_goes_through_the_real_smtp_client_to_a_server(people, settings):
    sink = Sink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", sink.port, 5
    record(people, who=("cm",))
    assert Delivery.objects.get().state == DeliveryState.SENT
    to, data = sink.messages[0]
    assert to == ["cm@example.org"] and "Subject:" in data and "/notices/" in data
    with pytest.raises(smtplib.SMTPServerDisconnected):  # one connection: the sink served it and closed
        smtplib.SMTP("127.0.0.1", sink.port, timeout=1).noop()


def test_the_command_sends_what_is_due_and_the_digests_without_beat(people, mailoutbox):
    from django.core.management import call_command

    record(people, kind=Kind.RESULTS_FROZEN, who=("member",))  # not urgent: waits for the digest
    assert mailoutbox == []
    call_command("notices_send", digest=True, stdout=open(os.devnull, "w"))
    assert [m.to for m in mailoutbox] == [["member@example.org"]]
