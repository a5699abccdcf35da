"""A provincial office's contest is judged by its own panel: the organiser forms it, its
members judge that contest only, and nobody else's committee sees or scores it."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.provision import accounts_provision
from committee import selectors, services
from committee.errors import CommitteeError
from committee.models import Judgment, PanelChange, Panelist, ScoreChange
from contests.actor import actor_of
from people.models import Conflict, Role
from rubrics.models import ContestPeriod
from scoring.models import Standing
from tests.factories import DistrictFactory, UserFactory


@pytest.fixture
def cm(office_contest, chiang_mai):
    d1, d2 = DistrictFactory(parent=chiang_mai), DistrictFactory(parent=chiang_mai)
    return office_contest("cm-web-2564", chiang_mai, d1, d2), d1, d2


@pytest.fixture
def people(cm, chiang_mai, phuket):
    # "district": staff of a district outside the contest (an entrant's own staff never judge it).
    return {
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=chiang_mai),
        "other_organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),
        "office": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "district": UserFactory(role=Role.OFFICE_STAFF, role__unit=DistrictFactory(parent=chiang_mai)),
        "phuket": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "central": UserFactory(role=Role.CENTRAL),
        "committee": UserFactory(role=Role.COMMITTEE),
    }


@pytest.fixture
def panel(cm, people):
    """The office's staff member judges, the district's is chair."""
    rubric = cm[0]
    services.panelist_appoint(by=people["organiser"], contest=rubric.contest, user=people["office"])
    services.panelist_appoint(by=people["organiser"], contest=rubric.contest, user=people["district"], is_chair=True)
    return people["office"], people["district"]


def _score(user, rubric, unit, points, code="1.1", version=0):
    return services.judgment_record(
        member=user, rubric=rubric, unit=unit, criterion_code=code, points=points, expected_version=version
    )


def test_the_organiser_appoints_moves_the_chair_and_removes(cm, people, panel):
    rubric, d1, _ = cm
    member, chair = panel
    contest = rubric.contest
    services.panelist_appoint(by=people["organiser"], contest=contest, user=member, is_chair=True)
    seats = dict(Panelist.objects.filter(contest=contest).values_list("user__username", "is_chair"))
    assert seats == {member.username: True, chair.username: False}
    _score(member, rubric, d1, "12")
    services.panelist_remove(by=people["organiser"], contest=contest, user=member)
    assert list(Panelist.objects.filter(contest=contest).values_list("user", flat=True)) == [chair.pk]
    # The removed member's score and its audit row stay, and still count.
    assert Judgment.objects.filter(member=member, rubric=rubric).count() == 1
    assert ScoreChange.objects.filter(member=member, rubric=rubric).count() == 1
    log = list(PanelChange.objects.filter(contest=contest).order_by("id").values_list("user", "action", "by"))
    by = people["organiser"].pk
    assert log == [
        (member.pk, "appoint", by),
        (chair.pk, "appoint", by),
        (chair.pk, "chair", by),
        (chair.pk, "member", by),
        (member.pk, "chair", by),
        (member.pk, "remove", by),
    ]


@pytest.mark.parametrize(
    ("who", "th"),
    [
        ("phuket", "ไม่ได้สังกัดสำนักงานที่จัดการประกวดนี้หรือหน่วยในสังกัด"),
        ("committee", "กรรมการระดับกรมและเจ้าหน้าที่ส่วนกลางเป็นกรรมการของจังหวัดไม่ได้"),
        ("central", "กรรมการระดับกรมและเจ้าหน้าที่ส่วนกลางเป็นกรรมการของจังหวัดไม่ได้"),
        (None, "ไม่พบผู้ใช้นี้ในระบบ"),
    ],
)
def test_only_the_offices_own_staff_may_be_appointed(cm, people, who, th):
    with pytest.raises(CommitteeError) as refused:
        services.panelist_appoint(by=people["organiser"], contest=cm[0].contest, user=people.get(who))
    assert refused.value.th.endswith(th)
    assert str(refused.value) == refused.value.th  # a Thai page reads the Thai
    assert refused.value.en
    assert not Panelist.objects.exists()


def test_other_refusals(cm, people, panel, rubric):
    contest = cm[0].contest
    with pytest.raises(CommitteeError, match=r"^การประกวดของกรมฯ"):
        services.panelist_appoint(by=people["central"], contest=rubric.contest, user=people["office"])
    with pytest.raises(CommitteeError, match=r"^ผู้ใช้นี้ไม่ได้เป็นกรรมการ"):
        services.panelist_remove(by=people["organiser"], contest=contest, user=people["phuket"])
    for outsider in ("other_organiser", "office", "committee"):
        with pytest.raises(PermissionDenied):
            services.panelist_appoint(by=people[outsider], contest=contest, user=people["district"])
        with pytest.raises(PermissionDenied):
            services.panelist_remove(by=people[outsider], contest=contest, user=people["office"])
    # Central staff may form any office's panel.
    services.panelist_remove(by=people["central"], contest=contest, user=people["office"])


@pytest.mark.pg  # a constraint of the database's own
def test_one_chair_per_contest_in_the_database(cm, people, panel):
    with transaction.atomic(), pytest.raises(IntegrityError):
        Panelist.objects.filter(user=panel[0]).update(is_chair=True)


def test_a_panelist_scores_on_the_admin_screen_and_the_standings_follow(
    client, cm, panel, django_capture_on_commit_callbacks
):
    rubric, d1, _ = cm
    member, _ = panel
    client.force_login(member)
    url = reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"])
    page = client.get(url).content.decode()
    # A contest among districts: the screen speaks of districts, and shows no admin sidebar a panelist
    # could not use.
    assert "หลักฐานของอำเภอ</h2>" in page
    assert "ทุกอำเภอ</a>" in page
    assert "ทุกจังหวัด" not in page and "all districts" not in page
    assert 'id="nav-sidebar"' not in page
    matrix = client.get(reverse("admin:committee_matrix") + f"?year={rubric.key}").content.decode()
    assert '<th class="prov">อำเภอ</th>' in matrix
    assert 'id="nav-sidebar"' not in matrix
    before = Standing.objects.get(rubric=rubric, unit=d1).total
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "judge", "points": "17", "expected_version": "0"})
    assert response.status_code == 302
    change = ScoreChange.objects.get(rubric=rubric, unit=d1)
    assert (change.kind, change.member, change.changed_by, change.new_points) == ("judgment", member, member, 17)
    after = Standing.objects.get(rubric=rubric, unit=d1)
    assert (after.criteria["1.1"], after.total - before) == ("17.00", 17)


def test_member_sees_own_scores_the_chair_all_and_only_the_chair_finalises(cm, panel):
    rubric, d1, _ = cm
    member, chair = panel
    _score(member, rubric, d1, "10")
    _score(chair, rubric, d1, "14")
    assert list(Judgment.objects.for_member(member, rubric).values_list("member", flat=True)) == [member.pk]
    assert set(Judgment.objects.for_member(chair, rubric).values_list("member", flat=True)) == {member.pk, chair.pk}
    with pytest.raises(PermissionDenied):
        services.chair_final_record(
            chair=member, rubric=rubric, unit=d1, criterion_code="1.1", points="12", reason="x", expected_version=0
        )
    final = services.chair_final_record(
        chair=chair, rubric=rubric, unit=d1, criterion_code="1.1", points="12", reason="มติ", expected_version=0
    )
    assert final.points == Decimal("12")


def test_panelists_judge_their_contest_only(client, cm, people, panel, phuket, rubric, office_contest):
    own, d1, _ = cm
    member, _ = panel
    kathu = DistrictFactory(parent=phuket)
    other = office_contest("pk-web-2564", phuket, kathu)
    for judge in (member, people["committee"]):  # another office's contest; a panel the judge is not on
        with pytest.raises(PermissionDenied):
            _score(judge, other if judge == member else own, kathu if judge == member else d1, "5")
    with pytest.raises(PermissionDenied):
        _score(member, rubric, phuket, "5", code="4.1.1")  # the national contest
    client.force_login(member)
    assert client.get(reverse("admin:committee_matrix") + f"?year={other.key}").status_code == 404
    assert client.get(reverse("admin:committee_score", args=[other.key, kathu.code, "1.1"])).status_code == 404
    assert client.get(reverse("admin:committee_matrix") + "?year=2566").status_code == 403
    assert client.get(reverse("admin:committee_score", args=["2566", "TH-83", "4.1.1"])).status_code == 403
    # A unit outside the contest is not on its screens either.
    assert client.get(reverse("admin:committee_score", args=[own.key, kathu.code, "1.1"])).status_code == 404
    client.force_login(people["committee"])
    assert client.get(reverse("admin:committee_matrix") + f"?year={own.key}").status_code == 404


def test_a_conflicted_panelist_neither_sees_nor_scores_the_unit(client, cm, panel):
    rubric, d1, d2 = cm
    member, _ = panel
    Conflict.objects.create(member=member, unit=d1)
    client.force_login(member)
    assert client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"])).status_code == 404
    page = client.get(reverse("admin:committee_matrix")).content.decode()
    assert d2.code in page and d1.code not in page


def test_a_removed_panelist_can_no_longer_score(client, cm, people, panel):
    rubric, d1, _ = cm
    member, _ = panel
    services.panelist_remove(by=people["organiser"], contest=rubric.contest, user=member)
    with pytest.raises(PermissionDenied):
        _score(member, rubric, d1, "5")
    client.force_login(member)
    assert client.get(reverse("admin:committee_matrix")).status_code == 302  # out of the admin altogether


def test_the_panel_page_as_each_role(client, cm, people, panel):
    rubric = cm[0]
    url = reverse("panel:manage", args=[rubric.key])
    expected = {"organiser": 200, "central": 200}
    for who, user in people.items():
        client.force_login(user)
        assert (who, client.get(url).status_code) == (who, expected.get(who, 404))
    client.logout()
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(people["organiser"])
    assert f'href="{url}"' in client.get(reverse("schedule:dashboard", args=[rubric.key])).content.decode()


def test_the_organiser_forms_the_panel_on_its_page(client, cm, people):
    rubric = cm[0]
    url = reverse("panel:manage", args=[rubric.key])
    client.force_login(people["organiser"])
    page = client.get(url).content.decode()
    # Offered: the office's and its districts' staff, not Phuket's nor the Department's.
    assert people["office"].username in page and people["district"].username in page
    assert people["phuket"].username not in page and people["committee"].username not in page
    client.post(url, {"action": "appoint", "user": people["office"].pk, "is_chair": "1"})
    client.post(url, {"action": "appoint", "user": people["district"].pk})
    response = client.post(url, {"action": "appoint", "user": people["phuket"].pk}, follow=True)
    assert "ไม่ได้สังกัดสำนักงานที่จัดการประกวดนี้" in response.content.decode()
    client.post(url, {"action": "chair", "user": people["district"].pk})
    seats = dict(Panelist.objects.values_list("user", "is_chair"))
    assert seats == {people["office"].pk: False, people["district"].pk: True}
    client.post(url, {"action": "remove", "user": people["office"].pk})
    assert list(Panelist.objects.values_list("user", flat=True)) == [people["district"].pk]
    client.force_login(people["other_organiser"])
    assert client.post(url, {"action": "appoint", "user": people["office"].pk}).status_code == 404


def test_a_panelist_finds_the_matrix_in_the_navigation(client, cm, panel):
    client.force_login(panel[0])
    page = client.get("/", follow=True).content.decode()
    assert f'href="{reverse("admin:committee_matrix")}" data-nav="panel-matrix"' in page


def test_anonymous_is_sent_to_log_in(client, cm):
    rubric = cm[0]
    for url in (
        reverse("admin:committee_matrix") + f"?year={rubric.key}",
        reverse("admin:committee_score", args=[rubric.key, cm[1].code, "1.1"]),
    ):
        assert client.get(url)["Location"].startswith("/admin/login/")


def test_the_panel_matrix_costs_the_same_for_few_and_many_scores(client, cm, people, panel, django_assert_num_queries):
    rubric, d1, d2 = cm
    member, chair = panel
    _score(member, rubric, d1, "10")
    client.force_login(chair)
    url = reverse("admin:committee_matrix") + f"?year={rubric.key}"
    client.get(url)  # warm the per-process rubric cache
    # Session, user, its seats (once), the rubric, membership, the entrants (counted, then the page's), judgments,
    # finals, overrides, clarifications, stored results, the contests to choose from, the navigation's year; the
    # page's cells with evidence, and the progress of each judge (the panel, every cell with evidence, their
    # scores, their conflicts).
    with django_assert_num_queries(20):  # +1: the bell's unread count (notices)
        assert client.get(url).status_code == 200
    for unit in (d1, d2):
        for code in ("2.1", "3.1", "4.1"):
            _score(member, rubric, unit, "5", code=code)
            _score(chair, rubric, unit, "5", code=code)
    with django_assert_num_queries(20):  # +1: the bell's unread count (notices)
        page = client.get(url)
    assert page.status_code == 200 and d2.code in page.content.decode()


def test_national_committee_unchanged(cm, people, rubric, chiang_mai):
    judgment = _score(people["committee"], rubric, chiang_mai, "3", code="4.1.1")
    assert judgment.points == 3
    assert ContestPeriod.objects.get(pk=rubric.pk).contest.is_national


def test_a_panel_clarification_round_with_the_district(cm, people, panel):
    rubric, d1, _ = cm
    member, _ = panel
    clar = services.clarification_open(member=member, rubric=rubric, unit=d1, criterion_code="1.1", message="ขอลิงก์")
    staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=d1)  # the district's, not on the panel
    services.clarification_reply(user=staff, clarification=clar, message="แนบแล้ว")
    with pytest.raises(PermissionDenied):  # the Department's committee is not this contest's
        services.clarification_reply(user=people["committee"], clarification=clar, message="?")
    services.clarification_close(member=member, clarification=clar)
    kinds = list(clar.messages.values_list("kind", "author"))
    assert kinds == [("question", member.pk), ("reply", staff.pk), ("close", member.pk)]


def test_the_organiser_oversees_the_judging_without_scoring(client, cm, people, panel):
    rubric, d1, _ = cm
    member, chair = panel
    _score(member, rubric, d1, "10")
    _score(chair, rubric, d1, "14")
    organiser = people["organiser"]
    with pytest.raises(PermissionDenied):
        _score(organiser, rubric, d1, "5")
    client.force_login(organiser)
    assert f'href="{reverse("admin:committee_matrix")}"' in client.get("/standings/contests/").content.decode()
    assert client.get(reverse("admin:committee_matrix")).status_code == 200
    page = client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"]))
    assert page.status_code == 200 and not page.context["can_score"]
    assert {j.member for j in page.context["judgments"]} == {member, chair}
    assert client.get(reverse("admin:scoring_fact_changelist")).status_code == 403  # the rest stays closed


def test_the_organiser_records_a_panelists_conflict(client, cm, people, panel, phuket):
    rubric, d1, _ = cm
    member, _ = panel
    url = reverse("panel:manage", args=[rubric.key])
    client.force_login(people["organiser"])
    client.post(url, {"action": "conflict", "user": member.pk, "unit": d1.code, "reason": "ภูมิลำเนา"})
    assert list(Conflict.objects.values_list("member", "unit", "reason")) == [(member.pk, d1.pk, "ภูมิลำเนา")]
    assert d1.name_th in client.get(url).content.decode()
    client.force_login(member)
    assert client.get(reverse("admin:committee_score", args=[rubric.key, d1.code, "1.1"])).status_code == 404
    with pytest.raises(CommitteeError, match=r"^หน่วยนี้ไม่ได้เข้าร่วม"):  # only the contest's own entrants
        services.conflict_set(
            by=people["organiser"], member=member, unit=phuket, conflicted=True, contest=rubric.contest
        )
    with pytest.raises(CommitteeError, match=r"^ผู้ใช้นี้ไม่ได้เป็นกรรมการ"):  # only its own panel
        services.conflict_set(
            by=people["organiser"], member=people["committee"], unit=d1, conflicted=True, contest=rubric.contest
        )
    with pytest.raises(PermissionDenied):
        services.conflict_set(
            by=people["other_organiser"], member=member, unit=d1, conflicted=False, contest=rubric.contest
        )
    with pytest.raises(PermissionDenied):  # without a contest: central staff's, as before
        services.conflict_set(by=people["organiser"], member=member, unit=d1, conflicted=False)
    client.force_login(people["organiser"])
    client.post(url, {"action": "unconflict", "user": member.pk, "unit": d1.code})
    assert not Conflict.objects.exists()


def test_an_entrant_s_staff_are_offered_last_and_marked(client, cm, people):
    """The panel page offers an entrant's own staff apart from other judges: they may sit on the panel (and never
    judge their own unit), so the organiser is told, and the office's own staff come first."""
    rubric, d1, _ = cm
    entrant_staff = UserFactory(username="aaa-entrant", role=Role.OFFICE_STAFF, role__unit=d1)
    client.force_login(people["organiser"])

    page = client.get(reverse("panel:manage", args=[rubric.key])).content.decode()

    options = re.findall(r'<option value="\d+">(.*?)</option>', page)
    marked = [o for o in options if "สำนักงานผู้เข้าประกวด ให้คะแนนหน่วยของตนไม่ได้" in o]
    assert marked == [o for o in options if "aaa-entrant" in o] and len(marked) == 1
    assert options[-1] == marked[0]  # first by name, listed last: after the office's and the other units' staff
    assert entrant_staff.username in marked[0]


@pytest.fixture
def somchai(cm, people, chiang_mai):
    """The office's staff member on the panel, known to the accounts sheet by their e-mail."""
    user = UserFactory(
        username="somchai@example.org", email="somchai@example.org", role=Role.OFFICE_STAFF, role__unit=chiang_mai
    )
    services.panelist_appoint(by=people["organiser"], contest=cm[0].contest, user=user)
    return user


def _provision(by, user, role: str, office: str = ""):
    """The accounts sheet changes the user's role or office; their next request reads them afresh."""
    accounts_provision(by=by, rows=[{"name": "สมชาย ใจดี", "email": user.email, "office": office, "role": role}])
    return get_user_model().objects.get(pk=user.pk)


def _lists(rubric):
    """Who the panel's pages show judging: the chair's progress (judges_of) and the panel page's seats."""
    page = selectors.panel_page(rubric.contest)
    return (
        {pk for pk, _, _ in selectors.judges_of(rubric)},
        {p.user_id for p in page["panel"]},
        [p.user_id for p in page["lapsed"]],
    )


def test_a_panelist_made_a_committee_member_judges_nothing_until_they_qualify_again(
    client, cm, people, panel, somchai, central_user, django_assert_num_queries
):
    """A seat counts only while its holder may be appointed: the sheet that makes a panelist a Department
    committee member leaves the seat row, but it judges nothing, as appointing them now is refused."""
    rubric, d1, _ = cm
    contest = rubric.contest
    judging = {people["office"].pk, people["district"].pk}
    member = _provision(central_user, somchai, "committee")
    assert Panelist.objects.filter(contest=contest, user=member).exists()
    actor = actor_of(member)
    with django_assert_num_queries(0):  # a committee member holds no office: no seat of theirs is read
        assert actor.seats == {}
    assert (actor.rights(contest).seat, actor.rights(contest).judges) == (None, False)
    with pytest.raises(PermissionDenied):  # refused as a non-panelist is
        _score(member, rubric, d1, "5")
    assert not Judgment.objects.filter(member=member).exists()
    with pytest.raises(CommitteeError) as refused:
        services.panelist_appoint(by=people["organiser"], contest=contest, user=member)
    assert str(refused.value) == ("กรรมการระดับกรมและเจ้าหน้าที่ส่วนกลางเป็นกรรมการของจังหวัดไม่ได้")
    assert _lists(rubric) == (judging, judging, [member.pk])
    assert rubric not in selectors.judged_rubrics(member)
    client.force_login(people["organiser"])
    page = client.get(reverse("panel:manage", args=[rubric.key])).content.decode()
    judges, lapsed = page.split('id="panel-lapsed"')
    assert 'data-user="somchai@example.org"' not in judges and "(๒)</h2>" in judges  # two panelists judge
    assert 'data-user="somchai@example.org"' in lapsed.split('id="appoint"')[0]  # shown apart, to remove

    member = _provision(central_user, member, "provincial", "TH-50")  # back at Chiang Mai's office: it counts again
    assert actor_of(member).rights(contest).seat == "member"
    assert _score(member, rubric, d1, "5").points == 5
    assert _lists(rubric) == (judging | {member.pk}, judging | {member.pk}, [])
    assert rubric in selectors.judged_rubrics(member)


def test_a_panelist_moved_to_another_province_judges_nothing_there(cm, people, panel, somchai, central_user, phuket):
    rubric, d1, _ = cm
    member = _provision(central_user, somchai, "provincial", phuket.code)
    assert (actor_of(member).rights(rubric.contest).seat, actor_of(member).rights(rubric.contest).judges) == (
        None,
        False,
    )
    with pytest.raises(PermissionDenied):
        _score(member, rubric, d1, "5")
    with pytest.raises(CommitteeError) as refused:
        services.panelist_appoint(by=people["organiser"], contest=rubric.contest, user=member)
    assert refused.value.th == "somchai@example.org ไม่ได้สังกัดสำนักงานที่จัดการประกวดนี้หรือหน่วยในสังกัด"
    judging = {people["office"].pk, people["district"].pk}
    assert _lists(rubric) == (judging, judging, [member.pk])
    assert rubric not in selectors.judged_rubrics(member)
    assert not Judgment.objects.for_contests(member).exists()  # the admin's lists: nothing of that panel


def test_the_organiser_removes_a_seat_that_no_longer_counts_from_the_panel_page(
    client, cm, people, panel, somchai, central_user
):
    rubric, _, _ = cm
    member = _provision(central_user, somchai, "committee")
    client.force_login(people["organiser"])
    response = client.post(reverse("panel:manage", args=[rubric.key]), {"action": "remove", "user": member.pk})
    assert response.status_code == 302
    assert not Panelist.objects.filter(contest=rubric.contest, user=member).exists()
    assert 'id="panel-lapsed"' not in client.get(reverse("panel:manage", args=[rubric.key])).content.decode()
