"""The links an account's mail carries are made as each is sent, for the account as it is then, and never stored
(accounts/sealed_links.py): one still waiting in the outbox when the account moved past it opens nothing and is not
sent."""

import pytest
from django.core import mail

from accounts.audit import event_record
from accounts.invitations import invitation_send
from accounts.models import Event
from accounts.services import password_reset_tell
from notices import outbox
from notices.models import Delivery, DeliveryState, Notice
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db  # the outbox is not run on commit here: each test sends when it says


def test_a_reset_link_waiting_when_the_password_changed_is_not_sent():
    user = UserFactory(username="somsri", email="somsri@cdd.go.th")
    password_reset_tell(user=user, event=event_record(kind=Event.RESET_ASKED, user=user))
    assert "/accounts/password-reset/" not in str(Notice.objects.get().params)  # kept: no link, no token
    user.set_password("ชุมชนดิจิทัล-2570")
    user.save()
    assert outbox.send_due() == 0 and mail.outbox == []
    assert Delivery.objects.get().state == DeliveryState.FAILED


def test_of_two_invitations_waiting_only_the_newer_is_sent_and_its_link_opens(client):
    user = UserFactory(username="somchai", email="somchai@cdd.go.th")
    user.set_unusable_password()
    user.save()
    invitation_send(user=user)
    invitation_send(user=user)  # invited again before the first went out
    assert outbox.send_due() == 1
    [message] = mail.outbox
    link = message.body.split("http://localhost:8000", 1)[1].split()[0]
    assert link.startswith("/accounts/invitation/") and client.get(link).status_code == 200
    states = list(Delivery.objects.order_by("pk").values_list("state", flat=True))
    assert states == [DeliveryState.FAILED, DeliveryState.SENT]
