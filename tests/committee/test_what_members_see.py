"""What the committee's members see in the admin: only their own judgments, the admin's sidebar and the
provinces' reads (each page's status for every role is in tests/security/test_isolation_rules.py)."""

import pytest
from django.urls import reverse

from committee.models import Judgment
from people.models import Role

from ..factories import UserFactory

SCORE = ("admin:committee_score", (2566, "TH-50", "4.1.1"))


def test_judgment_changelist_member_sees_only_own(client, judge, members, chair, chiang_mai):
    judge(members[0], chiang_mai, "4.1.1", points="3")
    judge(members[1], chiang_mai, "4.1.1", points="5")
    seen = []
    for user in (members[0], chair):
        client.force_login(user)
        response = client.get(reverse("admin:committee_judgment_changelist"))
        seen.append(sorted(j.member.username for j in response.context["cl"].result_list))
    assert seen == [[members[0].username], sorted([members[0].username, members[1].username])]
    assert Judgment.objects.count() == 2


@pytest.mark.parametrize("page", [("admin:committee_matrix", None), SCORE])
def test_the_department_keeps_the_admin_sidebar_and_reads_of_provinces(client, rubric, chiang_mai, page):
    client.force_login(UserFactory(role=Role.COMMITTEE))
    html = client.get(reverse(page[0], args=page[1])).content.decode()
    assert 'id="nav-sidebar"' in html  # a panelist's screens leave it out (tests/committee/test_panels.py)
    assert "<th>จังหวัด</th>" in html or ">จังหวัด<" in html
