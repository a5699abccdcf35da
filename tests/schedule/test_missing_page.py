"""Who has not sent, by name: central staff open it from the dashboard's missing counts, for one criterion or
all; a receipt the Department recorded counts as sent; each name links to that entrant's criterion page."""

import re

import pytest
from django.urls import reverse

from schedule.kept import rounds_keep
from schedule.models import RoundsKept
from scoring.facts.imports import facts_import
from scoring.models import Standing
from scoring.recompute import results_mark_dirty
from tests.factories import entrants_sized

pytestmark = pytest.mark.django_db
PAGE = reverse("schedule:missing", args=[2566])


def _names(html: str, criterion: str) -> list[str]:
    section = re.search(rf'<section class="card" id="missing-{re.escape(criterion)}">(.*?)</section>', html, re.S)
    return re.findall(r"<li><a href=\"[^\"]+\">([^<]+)</a></li>", section.group(1))


def test_central_staff_see_who_has_not_sent_a_criterion_by_name(client, central_user, rubric):
    rows = [{"province": "TH-50", "criterion": "2.1.2", "fact": "received_on", "value": "2023-04-10"}]
    facts_import(rubric=rubric, rows=rows)
    client.force_login(central_user)
    html = client.get(PAGE, {"criterion": "2.1.2"}).content.decode()
    names = _names(html, "2.1.2")
    entrants = Standing.objects.filter(rubric=rubric).count()
    link = reverse("submissions:criterion", args=[2566, "TH-83", "2.1.2"])
    assert (len(names), "เชียงใหม่" in names, "ภูเก็ต" in names, f'href="{link}"' in html) == (
        entrants - 1,
        False,
        True,
        True,
    )
    assert html.count('<section class="card" id="missing-') == 1


def test_the_dashboard_links_each_missing_count_to_its_names(client, central_user):
    client.force_login(central_user)
    html = client.get(reverse("schedule:dashboard", args=[2566])).content.decode()
    assert f'href="{PAGE}?criterion=2.1.2"' in html and 'id="missing-names"' in html


@pytest.mark.parametrize("entrants", [3, 76])
@pytest.mark.parametrize("criterion", ["", "2.1.2"])
def test_missing_page_query_count_is_the_same_for_3_or_76_entrants(
    client, central_user, django_assert_num_queries, rubric, criterion, entrants
):
    entrants_sized(rubric, entrants)
    client.force_login(central_user)
    client.get(PAGE)
    # The same for one criterion or all, and for 3 entrants or 76: the schedule counts every round in the
    # database (schedule.tallies: the moves, frozen results, the receipts' days, then the counts and each
    # round's page of names in one statement) and names them in one, beside the session, the gate, the
    # criteria, the dimensions and the bell's unread count (notices); and whether rounds are kept for these
    # windows (schedule.kept: none here, so the live count); the period's state (scoring.lifecycle: frozen
    # results leave every round not sent excused).
    with django_assert_num_queries(15):
        html = client.get(PAGE, {"criterion": criterion}).content.decode()
    assert html.count('<section class="card" id="missing-') == (1 if criterion else 18)


def test_provincial_staff_may_not_see_who_has_not_sent(client, provincial_user):
    client.force_login(provincial_user)
    assert client.get(PAGE).status_code == 403


@pytest.mark.parametrize("stale", [0, 2])
@pytest.mark.parametrize("entrants", [3, 76])
def test_missing_page_read_from_the_kept_rounds_takes_the_same_queries_for_3_or_76_entrants(
    client, central_user, django_assert_num_queries, rubric, entrants, stale
):
    entrants_sized(rubric, entrants)
    rounds_keep(rubric_id=rubric.pk)
    units = list(Standing.objects.filter(rubric=rubric).values_list("unit_id", flat=True)[:stale])
    results_mark_dirty(rubric_id=rubric.pk, unit_ids=units)  # sent since: counted live beside the kept rows
    client.force_login(central_user)
    client.get(PAGE)
    # As the live count, and which entrants are stale; the receipts' days are read only when some entrant is
    # counted live. The counts and pages are one statement either way.
    with django_assert_num_queries(16 if stale else 15):
        html = client.get(PAGE).content.decode()
    assert html.count('<section class="card" id="missing-') == 18


def test_the_late_list_reminds_every_late_office_at_a_press_of_whoever_runs_the_contest(
    client, central_user, provincial_user, clock
):
    """Nothing on the late list reminded the late."""
    clock(2023, 7, 3, 10, 0)
    remind = reverse("schedule:remind_late", args=[2566])
    client.force_login(provincial_user)
    assert client.post(remind).status_code == 403
    client.force_login(central_user)
    assert f'<form method="post" action="{remind}" class="card" id="remind-late">' in client.get(PAGE).content.decode()
    response = client.post(remind, follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    # Chiang Mai's staff, the one office with an account here, has no address (told in the portal alone); the other
    # 75 late offices have nobody: each named a click away (tests/notices/test_outreach.py).
    told = "แจ้งแล้ว ๐ แห่ง · แจ้งไว้ก่อนแล้ว ๐ แห่ง · แจ้งไม่ได้ ๗๖ แห่ง"
    assert told in response.content.decode()


def test_a_large_contest_never_counted_says_its_rounds_are_being_counted_not_that_nobody_is_late(
    client, central_user, rubric, monkeypatch, clock
):
    clock(2023, 6, 27, 10, 0)  # the period open: whoever runs the contest may remind the late
    monkeypatch.setattr("schedule.kept.STALE_MOST", 10)  # the 76 provinces stand for a village contest's thousands
    RoundsKept.objects.filter(rubric=rubric).delete()  # never counted: the worker not come yet
    client.force_login(central_user)
    html = client.get(PAGE).content.decode()
    assert (
        '<p class="card" id="rounds-uncounted" role="status">กำลังนับการส่งของแต่ละรอบเป็นครั้งแรก:'
        " ผู้ที่ส่งแล้วและผู้ที่ส่งล่าช้าจะแสดงที่นี่ภายในไม่กี่นาที</p>"
    ) in html
    assert (html.count('<section class="card" id="missing-'), 'id="missing-pages"' in html) == (0, False)
    assert 'id="remind-late-button"' in html  # the button counts every sending: it reaches the late all the same
