"""The user admin's role box (accounts.forms.MembershipForm), as central staff set people up with it."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.forms import MembershipForm
from contests.actor import actor_of
from people.models import Role
from stages.services import stage_select
from tests.stages.stage_support import OPEN, load_chain


def _user_post(username, role, office):
    # No password: the admin's add page types none, its owner sets one from the invitation (README).
    inline = {"membership-TOTAL_FORMS": "1", "membership-INITIAL_FORMS": "0", "membership-0-role": role}
    return {"username": username, "email": f"{username}@cdd.go.th", **inline, "membership-0-unit": str(office.pk)}


def test_a_district_offices_organiser_set_up_in_the_admin_picks_its_subdistrict(client, central_user):
    """Seed 002's district stage is picked by each district office's organiser: the admin must be able to make one
    (it refused an organiser anywhere but a province until the accounts sheet and the admin were made to agree)."""
    chain = load_chain()
    client.force_login(central_user)
    response = client.post(reverse("admin:auth_user_add"), _user_post("maerim", Role.ORGANISER, chain.mae_rim))
    assert response.status_code == 302
    user = get_user_model().objects.get(username="maerim")

    [entry] = stage_select(actor=actor_of(user), contest=chain.district_stage, units=[chain.rim_nua], now=OPEN)
    assert (entry.unit, entry.chooser, entry.chosen_by) == (chain.rim_nua, chain.mae_rim, user)


def test_a_subdistrict_is_no_office_to_belong_to(central_user):
    chain = load_chain()
    form = MembershipForm(data={"role": Role.OFFICE_STAFF, "unit": chain.rim_nua.pk})
    staff = MembershipForm(data={"role": Role.OFFICE_STAFF, "unit": chain.mae_rim.pk})

    assert form.errors == {
        "unit": ["เลือกสำนักงานพัฒนาชุมชนจังหวัดหรืออำเภอ"],
    }
    assert staff.is_valid(), staff.errors
