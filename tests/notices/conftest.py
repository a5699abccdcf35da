from collections import Counter

import pytest

from committee.panels import panelist_appoint
from notices.models import Receipt
from people.models import Role
from tests.factories import DistrictFactory, UserFactory, office_contest


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
    so each kind's e-mail test proves its LINE recipients too. A safety kind goes by e-mail alone
    (catalogue.SAFE_CHANNELS)."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_save

    from notices import catalogue
    from notices.channels.line.models import LineLink
    from notices.models import Delivery, Kind

    def link(sender, instance, created, **kwargs):
        if created:
            LineLink.objects.create(user=instance, line_user_id=f"U{instance.pk:032x}")

    post_save.connect(link, sender=get_user_model(), dispatch_uid="line_as_mail")
    try:
        yield line_api
    finally:
        post_save.disconnect(sender=get_user_model(), dispatch_uid="line_as_mail")
    safety = [kind for kind in Kind if catalogue.safety(kind)]
    rows = Delivery.objects.exclude(receipt__notice__kind__in=safety).values_list("receipt_id", "state", "digest")
    assert set(rows.filter(channel="line")) == set(rows.filter(channel="email"))
    sent = Delivery.objects.filter(channel="line", state="sent").values_list("receipt__user_id", "digest")
    expected = Counter(user for user, digest in sent if not digest) + Counter({u for u, digest in sent if digest})
    linked = dict(LineLink.objects.values_list("line_user_id", "user_id"))
    assert Counter(linked[p.body["to"]] for p in line_api.pushes()) == expected  # the tests send one digest at most


@pytest.fixture
def office(chiang_mai, phuket):
    """Chiang Mai's contest among two of its districts; Phuket's among one of its own, with a panel."""
    mine, other = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    theirs = DistrictFactory(parent=phuket)
    people = {
        "organiser": UserFactory(username="org", email="org@x.org", role=Role.ORGANISER, role__unit=chiang_mai),
        "district": UserFactory(username="d1", email="d1@x.org", role=Role.OFFICE_STAFF, role__unit=mine),
        "outside": UserFactory(username="d3", email="d3@x.org", role=Role.OFFICE_STAFF, role__unit=theirs),
        "pk_org": UserFactory(username="pkorg", email="pkorg@x.org", role=Role.ORGANISER, role__unit=phuket),
        "pk_panel": UserFactory(username="pkpanel", email="pkp@x.org", role=Role.OFFICE_STAFF, role__unit=theirs),
        "central": UserFactory(username="central", email="c@x.org", role=Role.CENTRAL),
    }
    rubric = office_contest("cm-web-2564", chiang_mai, mine, other)
    theirs_rubric = office_contest("pk-web-2564", phuket, theirs, mark="PK")
    panelist_appoint(by=people["pk_org"], contest=theirs_rubric.contest, user=people["pk_panel"])
    return rubric, people
