"""The lock asks each act once where it decides, and nowhere else: a page's loader (rubrics.access) asks its act
once, the service asks the same act once more as its own guard, and nothing else asks. Counted by wrapping the
one ask function (core.acts.allowed, which the gate, the loaders, the services and the notices' recipients all
call) while it delegates to the real one: an evidence upload and a committee member's score are 2 asks each.
Each rule is still computed once per request and object (core.acts keeps the answer on the request's user), and
a person's rights in a contest are one record (contests.actor `Rights`)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.urls import reverse
from rules.permissions import permissions

from contests import actor
from core import acts
from people.models import Role
from submissions.models import Evidence
from tests.factories import UserFactory
from tests.submissions import files

pytestmark = pytest.mark.django_db
UPLOAD = reverse("submissions:upload", args=[2566, "TH-50", "1.1"])
SCORE = reverse("admin:committee_score", args=[2566, "TH-50", "4.1.1"])


@pytest.fixture
def asks(monkeypatch) -> list[tuple]:
    """Every ask of an act, as (the person's id, the act, what it was asked about), in order."""
    asked: list[tuple] = []
    ask = acts.allowed

    def counted(user, name, obj=None):
        asked.append((getattr(user, "pk", None), name, type(obj).__name__))
        return ask(user, name, obj)

    monkeypatch.setattr(acts, "allowed", counted)
    return asked


@pytest.fixture
def counted(monkeypatch):
    """(decisions, records): each rule computed, by act and object; each rights record made, by contest."""
    decisions: Counter = Counter()
    records: Counter = Counter()
    test_rule = permissions.test_rule

    def computed(name, *args, **kwargs):
        obj = args[1] if len(args) > 1 else None
        decisions[(name, type(obj).__name__, getattr(obj, "pk", None))] += 1
        return test_rule(name, *args, **kwargs)

    made = actor.Rights.__init__

    def record(self, person, contest):
        records[contest.pk] += 1
        made(self, person, contest)

    monkeypatch.setattr(permissions, "test_rule", computed)
    monkeypatch.setattr(actor.Rights, "__init__", record)
    return decisions, records


def test_an_evidence_upload_asks_its_act_twice_the_page_and_the_service(client, rubric, provincial_user, asks):
    client.force_login(provincial_user)
    response = client.post(
        UPLOAD, {"file": files.upload("report.pdf", files.pdf_new())}, headers={"accept": "application/json"}
    )
    assert response.status_code == 201 and Evidence.objects.count() == 1
    mine = [(name, about) for who, name, about in asks if who == provincial_user.pk]
    assert mine == [("submissions.submit_evidence", "Entry")] * 2


def test_a_score_asks_its_act_twice_the_page_and_the_service(client, rubric, asks):
    member = UserFactory(role=Role.COMMITTEE)
    client.force_login(member)
    response = client.post(SCORE, {"action": "judge", "points": "3", "note": "ครบ", "expected_version": 0})
    assert response.status_code == 302
    mine = [(name, about) for who, name, about in asks if who == member.pk]
    assert mine == [("committee.score", "ContestPeriod")] * 2


def test_a_refused_upload_asks_whether_the_entry_is_seen_to_answer_403(client, rubric, committee_user, asks):
    """The refusal's kind is asked only on the refusal's path: the committee sees the office, may not send."""
    client.force_login(committee_user)
    response = client.post(UPLOAD, {"file": files.upload("report.pdf", files.pdf_new())})
    assert response.status_code == 403 and Evidence.objects.count() == 0
    assert [(name, about) for _, name, about in asks] == [
        ("submissions.submit_evidence", "Entry"),
        ("contests.see_unit", "Entry"),
    ]


def test_an_evidence_upload_asks_each_decision_once(client, rubric, provincial_user, counted):
    decisions, records = counted
    client.force_login(provincial_user)
    decisions.clear()
    response = client.post(
        UPLOAD, {"file": files.upload("report.pdf", files.pdf_new())}, headers={"accept": "application/json"}
    )
    assert response.status_code in (200, 201) and Evidence.objects.count() == 1
    asked = {key: n for key, n in decisions.items() if key[0] == "submissions.submit_evidence"}
    assert list(asked.values()) == [1]  # the page, its gate and the service asked it 3 times before
    assert max(decisions.values()) == 1, decisions
    assert list(records.values()) == [1]  # one record of the office's rights in the national contest


def test_a_score_save_asks_each_decision_once(client, rubric, counted):
    decisions, records = counted
    member = UserFactory(role=Role.COMMITTEE)
    client.force_login(member)
    decisions.clear()
    response = client.post(SCORE, {"action": "judge", "points": "3", "note": "ครบ", "expected_version": 0})
    assert response.status_code == 302
    assert decisions[("committee.score", "ContestPeriod", rubric.pk)] == 1
    assert max(decisions.values()) == 1, decisions
    assert list(records.values()) == [1]
