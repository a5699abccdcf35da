"""An invitation's link (accounts.invitations): it answers for the address it was sent to and the latest
invitation only, so a mistyped address corrected in the admin and invited again leaves the first link dead."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from people.models import Role
from tests.accounts.support import admin_change_post
from tests.factories import UserFactory

User = get_user_model()
pytestmark = pytest.mark.django_db
LINK = re.compile(r"(/accounts/invitation/\S+/)")


def _invited_link(message) -> str:
    return LINK.search(message.body).group(1)


def test_a_corrected_address_invited_again_voids_the_first_link(
    client, central_user, chiang_mai, django_capture_on_commit_callbacks
):
    client.force_login(central_user)
    add = {"username": "somchai", "email": "somchal@cdd.go.th", "first_name": "สมชาย", "last_name": "ใจดี"}
    inline = {"membership-TOTAL_FORMS": "1", "membership-INITIAL_FORMS": "0", "membership-0-role": Role.OFFICE_STAFF}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:auth_user_add"), add | inline | {"membership-0-unit": str(chiang_mai.pk)})
    user = User.objects.get(username="somchai")
    fixed = admin_change_post(user, email="somchai@cdd.go.th")
    assert client.post(reverse("admin:auth_user_change", args=[user.pk]), fixed).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/auth/user/", {"action": "invite_again", "_selected_action": [user.pk]})
    [wrong, right] = mail.outbox
    assert (wrong.to, right.to) == (["somchal@cdd.go.th"], ["somchai@cdd.go.th"])
    client.logout()

    refused = client.get(_invited_link(wrong))
    taken = client.post(_invited_link(wrong), {"new_password1": "ยึด-บัญชี-2569", "new_password2": "ยึด-บัญชี-2569"})

    assert (refused.status_code, taken.status_code) == (400, 400)
    user.refresh_from_db()
    assert user.has_usable_password() is False
    assert client.get(_invited_link(right)).status_code == 200


def test_a_new_invitation_voids_the_older_link_to_the_same_address(
    client, central_user, chiang_mai, django_capture_on_commit_callbacks
):
    user = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="somsri@cdd.go.th")
    user.set_unusable_password()
    user.save()
    client.force_login(central_user)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/admin/auth/user/", {"action": "invite_again", "_selected_action": [user.pk]})
    [older, newer] = mail.outbox
    client.logout()

    assert client.get(_invited_link(older)).status_code == 400
    assert client.get(_invited_link(newer)).status_code == 200
