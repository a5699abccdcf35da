"""The admin's lists of judgments and of their history for a provincial contest's panel and organisers
: their contests' rows only, scoped as on the scoring screens (querysets.for_contests)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from committee import services
from committee.models import Judgment
from contests.models import Unit
from people.models import Role
from rubrics.models import ContestPeriod
from tests.built_once import built_once
from tests.factories import UserFactory

from .conftest import cb_contest, cb_panel, cm_panel, judgment_recorder

JUDGMENTS = reverse("admin:committee_judgment_changelist")
HISTORY = reverse("admin:committee_scorechange_changelist")
IMPORT = reverse("admin:committee_judgment_import")


def _score(user, rubric, unit, points, code="1.1"):
    services.judgment_record(
        member=user, rubric=rubric, unit=unit, criterion_code=code, points=Decimal(points), expected_version=0
    )


def scored_contests() -> dict:
    """Chonburi's panel scores its districts; Chiang Mai's panelist and the national committee their own."""
    chiang_mai = Unit.objects.get(code="TH-50")
    cb = cb_contest()
    cb_people, cm_people = cb_panel(cb[0]), cm_panel(chiang_mai)
    judge = judgment_recorder(ContestPeriod.objects.get(year=2566))
    committee_user = UserFactory(role=Role.COMMITTEE)
    rubric, d1, d2 = cb
    _score(cb_people["panel1"], rubric, d1, "17")
    _score(cb_people["panel2"], rubric, d1, "15")
    _score(cb_people["chair"], rubric, d2, "12", code="2.1")
    services.chair_final_record(
        chair=cb_people["chair"],
        rubric=rubric,
        unit=d1,
        criterion_code="1.1",
        points="16",
        reason="มติ",
        expected_version=0,
    )
    _score(cm_people["panelist"], cm_people["rubric"], cm_people["district"], "9")
    judge(committee_user, chiang_mai, "4.1.1", points="5")
    return {"cb": cb, "cb_people": cb_people, "cm_people": cm_people, "committee_user": committee_user}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The contests scored once for the module (`built_once`); each test's own changes roll back to them."""
    yield from built_once(django_db_blocker, scored_contests)


@pytest.fixture
def scored(built, db):
    return built


def _part(name: str):
    @pytest.fixture(name=name)
    def part(scored):
        return scored[name]

    return part


# The module's contests and people, in place of those the committee's conftest makes afresh for each test.
cb, cb_people, cm_people, committee_user = map(_part, ("cb", "cb_people", "cm_people", "committee_user"))


def _listed(client, user, url, **params):
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def _judgments(response) -> list[tuple[str, str, str]]:
    rows = response.context["cl"].result_list
    return sorted((j.unit.code, j.criterion.code, j.member.username) for j in rows)


def _history(response) -> list[tuple[str, str, str]]:
    rows = response.context["cl"].result_list
    return sorted((c.kind, c.unit.code, c.member.username if c.member else "-") for c in rows)


def test_each_role_lists_its_contests_judgments_only(client, cb, cb_people, cm_people, scored, committee_user):
    _, d1, d2 = cb
    seen = {who: _judgments(_listed(client, cb_people[who], JUDGMENTS)) for who in ("panel1", "chair", "organiser")}
    everyone = [(d1.code, "1.1", "cb-panel1"), (d1.code, "1.1", "cb-panel2"), (d2.code, "2.1", "cb-chair")]
    assert seen == {"panel1": [(d1.code, "1.1", "cb-panel1")], "chair": sorted(everyone), "organiser": sorted(everyone)}
    mae_rim = cm_people["district"].code
    assert _judgments(_listed(client, cm_people["organiser"], JUDGMENTS)) == [(mae_rim, "1.1", "cm-panel1")]
    assert _judgments(_listed(client, cm_people["panelist"], JUDGMENTS)) == [(mae_rim, "1.1", "cm-panel1")]
    # The national committee's list is as it was: its own national scores only.
    assert _judgments(_listed(client, committee_user, JUDGMENTS)) == [("TH-50", "4.1.1", committee_user.username)]


def test_a_panels_lists_head_the_column_entrant_the_departments_province(client, cb_people, scored, committee_user):
    panel = _listed(client, cb_people["panel1"], JUDGMENTS).content.decode()
    national = _listed(client, committee_user, JUDGMENTS).content.decode()
    assert "ผู้เข้าประกวด" in panel and "/ entrant" not in panel and "column-unit" not in panel
    assert "column-unit" in national and "column-entrant" not in national


def test_each_role_lists_its_contests_history_a_member_without_others_scores(client, cb, cb_people, scored):
    _, d1, d2 = cb
    member = _history(_listed(client, cb_people["panel1"], HISTORY))
    assert member == [("chair_final", d1.code, "-"), ("judgment", d1.code, "cb-panel1")]
    everything = sorted(
        [
            ("chair_final", d1.code, "-"),
            ("judgment", d1.code, "cb-panel1"),
            ("judgment", d1.code, "cb-panel2"),
            ("judgment", d2.code, "cb-chair"),
        ]
    )
    assert _history(_listed(client, cb_people["chair"], HISTORY)) == everything
    assert _history(_listed(client, cb_people["organiser"], HISTORY)) == everything


def test_a_conflict_hides_the_entrant_from_the_lists(client, cb, cb_people, scored):
    rubric, d1, d2 = cb
    chair, organiser = cb_people["chair"], cb_people["organiser"]
    services.conflict_set(by=organiser, member=chair, unit=d2, conflicted=True, contest=rubric.contest)
    assert {code for code, _, _ in _judgments(_listed(client, chair, JUDGMENTS))} == {d1.code}
    assert {code for _, code, _ in _history(_listed(client, chair, HISTORY))} == {d1.code}


def test_the_contest_filter_offers_their_contests_and_the_import_link_the_organiser(
    client, cb, cb_people, cm_people, scored
):
    rubric = cb[0]
    page = _listed(client, cb_people["organiser"], JUDGMENTS, contest=rubric.pk)
    assert len(_judgments(page)) == 3
    contest_filter = next(f for f in page.context["cl"].filter_specs if f.parameter_name == "contest")
    assert [pk for pk, _ in contest_filter.lookup_choices] == [str(rubric.pk)]
    # The other filters offer what their rows are about, not every contest's criteria.
    choices = {f.parameter_name: [v for v, _ in f.lookup_choices] for f in page.context["cl"].filter_specs}
    assert (choices["criterion"], choices["dimension"]) == (["1.1", "2.1"], ["1", "2"])
    assert IMPORT in page.content.decode()
    assert _judgments(_listed(client, cb_people["organiser"], JUDGMENTS, contest=cm_people["rubric"].pk)) == []
    assert IMPORT not in _listed(client, cb_people["panel1"], JUDGMENTS).content.decode()


def test_the_departments_other_lists_stay_closed_to_a_panel(client, cb_people, scored):
    client.force_login(cb_people["panel1"])
    others = Judgment.objects.get(member=cb_people["panel2"])
    own = Judgment.objects.get(member=cb_people["panel1"])
    assert client.get(reverse("admin:committee_judgment_change", args=[own.pk])).status_code == 200
    assert client.get(reverse("admin:committee_judgment_change", args=[others.pk])).status_code == 302  # "not found"
    for name in ("chairfinal", "override", "clarification"):
        assert client.get(reverse(f"admin:committee_{name}_changelist")).status_code == 403


# Exact counts, the same for few rows and for many (the rows' own joins: list_select_related). The contest
# filter reads the user's contests (+1), and so does the judgments' import link (+1); the history's export
# link asks a rule that is False here, which falls through to Django's ModelBackend (+2); a panelist's
# navigation bar reads the years' visibility (+1); an organiser's asks whether its office runs a contest with a
# panel (+1: an office that only picks in stages gets no matrix link).
# The bell's unread count (notices, +1) on every page; +2 for the chair, who has some unread: the lock asked
# again about them (a notice of each with its contest and unit, the chair's conflicts).
QUERIES = {
    "judgments": {"panel1": 14, "chair": 16, "organiser": 14},
    "history": {"panel1": 15, "chair": 17, "organiser": 15},
}


@pytest.mark.parametrize("page", ["judgments", "history"])
@pytest.mark.parametrize("who", ["panel1", "chair", "organiser"])
def test_the_lists_cost_a_fixed_number_of_queries(client, cb, cb_people, scored, django_assert_num_queries, page, who):
    url = {"judgments": JUDGMENTS, "history": HISTORY}[page]
    client.force_login(cb_people[who])
    client.get(url)  # warm the per-process caches
    with django_assert_num_queries(QUERIES[page][who]):
        assert client.get(url).status_code == 200
    rubric, d1, d2 = cb
    for code in ("2.1", "3.1", "4.1", "5.1"):
        for member in ("panel1", "panel2"):
            _score(cb_people[member], rubric, d2 if code == "2.1" else d1, "5", code=code)
    with django_assert_num_queries(QUERIES[page][who]):
        assert client.get(url).status_code == 200
