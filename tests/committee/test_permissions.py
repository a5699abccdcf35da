"""Every committee page and endpoint × every role, with exact statuses."""

import pytest
from django.urls import reverse

from committee.models import Clarification, ClarificationStatus, Judgment
from people.models import Role
from scoring.models import Criterion

from ..factories import UserFactory

WHO = ("anonymous", "provincial", "committee", "chair", "central")
ROLES = {"provincial": Role.OFFICE_STAFF, "committee": Role.COMMITTEE, "chair": Role.CHAIR, "central": Role.CENTRAL}
SCORE = ("admin:committee_score", (2566, "TH-50", "4.1.1"))
# Provincial staff and anonymous users are sent to the admin login, as everywhere in the admin.
PAGES = {
    ("admin:committee_matrix", None): (302, 302, 200, 200, 200),
    SCORE: (302, 302, 200, 200, 200),
    ("admin:committee_next", None): (302, 302, 302, 302, 302),
    ("admin:committee_judgment_changelist", None): (302, 302, 200, 200, 200),
    ("admin:committee_chairfinal_changelist", None): (302, 302, 200, 200, 200),
    ("admin:committee_override_changelist", None): (302, 302, 200, 200, 200),
    ("admin:committee_scorechange_changelist", None): (302, 302, 200, 200, 200),
    ("admin:committee_scorechange_export", None): (302, 302, 403, 200, 200),
    ("admin:committee_clarification_changelist", None): (302, 302, 200, 200, 200),
    ("admin:people_conflict_changelist", None): (302, 302, 403, 403, 200),
    ("admin:people_conflict_add", None): (302, 302, 403, 403, 200),
    ("admin:committee_judgment_add", None): (302, 302, 403, 403, 403),
    ("admin:committee_judgment_import", None): (302, 302, 403, 403, 200),
    ("admin:committee_judgment_template", None): (302, 302, 403, 403, 200),
}
CASES = [(page, who, codes[i]) for page, codes in PAGES.items() for i, who in enumerate(WHO)]


def _login(client, who, unit):
    if who != "anonymous":
        client.force_login(UserFactory(role=ROLES[who], role__unit=unit if who == "provincial" else None))


@pytest.mark.parametrize(("page", "who", "status"), CASES, ids=[f"{p[0]}-{w}" for p, w, _ in CASES])
def test_committee_admin_page_status_by_role(client, chiang_mai, page, who, status):
    _login(client, who, chiang_mai)
    name, args = page
    response = client.get(reverse(name, args=args))
    assert response.status_code == status
    if who in ("anonymous", "provincial"):
        assert response.url.startswith(reverse("admin:login"))


# POST on the scoring screen: (action, fields) → status per role (302 = saved and redirected).
ACTIONS = {
    "judge": ({"points": "3"}, (302, 302, 302, 403, 403)),
    "final": ({"points": "3", "reason": "มติ"}, (302, 302, 403, 302, 403)),
    "clarify_open": ({"message": "ขอรายงานฉบับเต็ม"}, (302, 302, 302, 302, 403)),
}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_committee_scoring_screen_post_status_by_role(client, chiang_mai, who, action):
    _login(client, who, chiang_mai)
    fields, codes = ACTIONS[action]
    response = client.post(reverse(SCORE[0], args=SCORE[1]), {"action": action, "expected_version": 0, **fields})
    # Chair judge: allowed by committee.score (the chair is a committee member too).
    expected = codes[WHO.index(who)] if not (who == "chair" and action == "judge") else 302
    assert response.status_code == expected


def test_committee_override_post_status_member_saved_central_refused(client, chiang_mai):
    url = reverse(SCORE[0], args=[2566, "TH-50", "3.3"])
    statuses = []
    for role in (Role.COMMITTEE, Role.CENTRAL):
        client.force_login(UserFactory(role=role))
        data = {"action": "override", "points": "4", "reason": "ข้อมูลผิด", "expected_version": 0}
        statuses.append(client.post(url, data).status_code)
    assert statuses == [302, 403]


@pytest.mark.parametrize(
    ("who", "get_status", "post_status"),
    [
        ("anonymous", 401, 401),
        ("provincial", 403, 403),
        ("committee", 200, 200),
        ("chair", 200, 200),
        ("central", 403, 403),
    ],
)
def test_judgments_api_status_by_role(api, chiang_mai, who, get_status, post_status):
    if who != "anonymous":
        api.force_authenticate(UserFactory(role=ROLES[who], role__unit=chiang_mai if who == "provincial" else None))
    url = reverse("api-judgments", args=[2566])
    body = {"province": "TH-50", "criterion": "4.1.1", "points": "3", "expected_version": 0}
    assert (api.get(url).status_code, api.post(url, body, format="json").status_code) == (get_status, post_status)


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("provincial", 200),
        ("other_province", 404),
        ("committee", 200),
        ("central", 200),
    ],
)
def test_clarification_page_status_by_role(client, rubric, chiang_mai, phuket, who, status):
    opener = UserFactory(role=Role.COMMITTEE)
    clar = Clarification.objects.create(
        rubric=rubric,
        unit=chiang_mai,
        criterion=Criterion.objects.get(rubric=rubric, code="1.1"),
        opened_by=opener,
        status=ClarificationStatus.OPEN,
    )
    if who == "other_province":
        client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket))
    else:
        _login(client, who, chiang_mai)
    assert client.get(reverse("committee:clarification", args=[clar.pk])).status_code == status


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
    _login(client, "committee", chiang_mai)
    html = client.get(reverse(page[0], args=page[1])).content.decode()
    assert 'id="nav-sidebar"' in html  # a panelist's screens leave it out (tests/committee/test_panels.py)
    assert "<th>จังหวัด</th>" in html or ">จังหวัด<" in html
