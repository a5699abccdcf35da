"""An invitation is told to whoever provisioned the account (the invited person reads nothing in the portal
before they have a password): that it went out, and that it was accepted; never to another office's organiser,
to central staff who did not send it, nor to the invited person, who gets the invitation itself (its link, by
e-mail at once); by e-mail and LINE as the inbox."""

import pytest
from django.urls import reverse

from accounts.invitations import invitation_send, invitation_token
from notices import outbox
from notices.models import Kind
from people.models import Role
from tests.factories import DistrictFactory, UserFactory

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]
PASSWORD = "บ้านเลขที่-๔๒-2569"


@pytest.fixture
def invited(chiang_mai, phuket):
    district = DistrictFactory(parent=chiang_mai)
    made = {
        "org": UserFactory(username="org", email="org@x.org", role=Role.ORGANISER, role__unit=chiang_mai),
        "pkorg": UserFactory(username="pkorg", email="pkorg@x.org", role=Role.ORGANISER, role__unit=phuket),
        "central": UserFactory(username="central", email="c@x.org", role=Role.CENTRAL),
        "new": UserFactory(
            username="somsri", first_name="สมศรี", last_name="ใจดี", email="somsri@x.org",
            role=Role.OFFICE_STAFF, role__unit=district,
        ),
    }  # fmt: skip
    made["new"].set_unusable_password()
    made["new"].save()
    return made


def test_the_organiser_who_invited_hears_it_went_out_and_was_accepted_and_nobody_else_does(invited, client, mailoutbox):
    invitation_send(user=invited["new"], by=invited["org"])
    assert inbox_of(*invited.values()) == {
        "org": [Kind.ACCOUNT_INVITED], "pkorg": [], "central": [], "somsri": [Kind.INVITATION]
    }  # fmt: skip
    assert mailed(mailoutbox) == ["somsri@x.org"]  # the invitation itself, at once
    mailoutbox.clear()
    assert outbox.send_digests() == 2  # not urgent: the organiser's digest, by e-mail and by LINE
    assert mailed(mailoutbox) == ["org@x.org"] and "ส่งคำเชิญถึง สมศรี ใจดี (somsri) แล้ว" in mailoutbox[0].body

    link = reverse("accounts:invitation", args=[invitation_token(invited["new"])])
    answer = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert answer.status_code == 302
    got = inbox_of(*invited.values())
    assert got == {
        "org": [Kind.ACCOUNT_INVITED, Kind.INVITATION_ACCEPTED], "pkorg": [], "central": [], "somsri": [Kind.INVITATION]
    }  # fmt: skip


def test_an_invitation_the_system_sent_or_one_the_inviter_may_no_longer_manage_tells_nobody(invited, phuket):
    invitation_send(user=invited["new"])  # the system's: nobody provisioned it by hand
    other = UserFactory(username="elsewhere", email="e@x.org", role=Role.OFFICE_STAFF, role__unit=phuket)
    invitation_send(user=other, by=invited["org"])  # Phuket's staff: not under Chiang Mai's organiser
    told = inbox_of(*invited.values(), other)
    assert told == {"org": [], "pkorg": [], "central": [], "somsri": [Kind.INVITATION], "elsewhere": [Kind.INVITATION]}
