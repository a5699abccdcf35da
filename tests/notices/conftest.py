from collections import Counter

import pytest

from notices.models import Receipt
from people.models import Role
from tests.factories import UserFactory


def inbox_of(*users) -> dict[str, list[str]]:
    """username → the kinds in their inbox, oldest first."""
    return {
        u.username: list(Receipt.objects.filter(user=u).order_by("notice_id").values_list("notice__kind", flat=True))
        for u in users
    }


def mailed(outbox) -> list[str]:
    return sorted(address for message in outbox for address in message.to)


@pytest.fixture
def people(chiang_mai, phuket):
    """One person of each kind, with an address: TH-50's staff, Phuket's, central, committee, a member
    conflicted on TH-50, the chair."""
    from people.models import Conflict

    made = {
        "cm": UserFactory(username="cm", email="cm@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "pk": UserFactory(username="pk", email="pk@example.org", role=Role.OFFICE_STAFF, role__unit=phuket),
        "central": UserFactory(username="central", email="central@example.org", role=Role.CENTRAL),
        "member": UserFactory(username="member", email="member@example.org", role=Role.COMMITTEE),
        "conflicted": UserFactory(username="conflicted", email="conflicted@example.org", role=Role.COMMITTEE),
        "chair": UserFactory(username="chair", email="chair@example.org", role=Role.CHAIR),
    }
    Conflict.objects.create(member=made["conflicted"], unit=chiang_mai)
    return made


@pytest.fixture
def line_as_mail(reloaded, line_api, transactional_db):
    """Every account made in the test has its LINE linked; at the end, LINE reached exactly the receipts e-mail
    reached, in the same state (at once or in the digest), and the stand-in took one push per LINE message sent:
    so each kind's e-mail test proves its LINE recipients too."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save

    from accounts.models import LineLink
    from notices.models import Delivery

    def link(sender, instance, created, **kwargs):
        if created:
            LineLink.objects.create(user=instance, line_user_id=f"U{instance.pk:032x}")

    post_save.connect(link, sender=get_user_model(), dispatch_uid="line_as_mail")
    try:
        yield line_api
    finally:
        post_save.disconnect(sender=get_user_model(), dispatch_uid="line_as_mail")
    rows = Delivery.objects.values_list("receipt_id", "state", "digest")
    assert set(rows.filter(channel="line")) == set(rows.filter(channel="email"))
    sent = Delivery.objects.filter(channel="line", state="sent").values_list("receipt__user_id", "digest")
    expected = Counter(user for user, digest in sent if not digest) + Counter({u for u, digest in sent if digest})
    linked = dict(LineLink.objects.values_list("line_user_id", "user_id"))
    assert Counter(linked[p.body["to"]] for p in line_api.pushes()) == expected  # the tests send one digest at most
