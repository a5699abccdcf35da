"""Who meets the builder's new parts in their tests: whoever runs contests (an organiser of
another office, central staff) and whoever does not (the committee, a panel's member, anonymous)."""

import json

from committee import panels
from people.models import Role
from rubrics import services
from tests.factories import DistrictFactory, UserFactory

OTHERS = ("other_organiser", "central", "committee", "panelist", "anonymous")


def someone(who: str, *, chiang_mai, phuket):
    """A user of the role `who` (None: anonymous). The panelist sits on a Chiang Mai contest's panel, seated
    by its organiser, as a panel's member is."""
    if who == "anonymous":
        return None
    if who == "other_organiser":
        return UserFactory(role=Role.ORGANISER, role__unit=phuket)
    if who in ("central", "committee"):
        return UserFactory(role=Role.CENTRAL if who == "central" else Role.COMMITTEE)
    assert who == "panelist", who
    data = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())
    entrant = DistrictFactory(parent=chiang_mai)
    data["contest"] = {**data["contest"], "slug": "cm-panel-2564", "organiser": "50", "entrants": [entrant.code]}
    contest = services.rubric_load(data=data).contest
    panelist = UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai)
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chiang_mai)
    panels.panelist_appoint(by=organiser, contest=contest, user=panelist)
    return panelist


def sign_in(client, who: str, *, chiang_mai, phuket) -> None:
    user = someone(who, chiang_mai=chiang_mai, phuket=phuket)
    if user is not None:
        client.force_login(user)
