"""A tie at an award line is a decision: the organiser records how it is settled, the
ranking applies it, the announcement counts what it lists, and publishing waits for it.

Seed 001's website contest run by Chiang Mai (tests/awards/chiang_mai_contests.py): หางดง and สารภี tie on 80
for the one second runner-up place."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from awards import documents
from people.models import Role
from scoring import award_tiers, lifecycle, snapshots
from scoring.lifecycle import State
from scoring.models import TieDecision
from scoring.standings import tie_decisions_by_entrant
from scoring.ties.settle import tie_settle
from tests.awards.chiang_mai_contests import REASON, ids, places
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_page_names_the_tie_and_its_places(tied, organiser, client):
    client.force_login(organiser)
    html = client.get(reverse("scoring:ties", args=["cm-web-2564"])).content.decode()
    form = html[html.index('id="tie-1"') :]
    form = form[: form.index("</form>")]
    assert "อันดับ ๓–๔" in form and "หางดง" in form and "สารภี" in form
    assert "ขณะนี้แสดงเป็น รางวัลรองชนะเลิศอันดับสอง" in form


def test_a_panel_vote_orders_the_tied_and_is_kept_on_record(tied, organiser, client):
    rubric, units = tied
    client.force_login(organiser)
    post = {"tie": ",".join(map(str, ids(units, "หางดง", "สารภี"))), "method": "vote", "reason": REASON}
    response = client.post(reverse("scoring:ties", args=["cm-web-2564"]), post | {"place": ids(units, "สารภี", "หางดง")})
    assert response.status_code == 302
    assert places(rubric)["สารภี"] == (3, "runner_up_2", False)
    assert places(rubric)["หางดง"] == (4, "", False)
    decision = TieDecision.objects.get(rubric=rubric)
    assert (decision.names, decision.method, decision.reason, decision.decided_by) == (
        ["สารภี", "หางดง"], "vote", REASON, organiser
    )  # fmt: skip
    html = client.get(reverse("scoring:ties", args=["cm-web-2564"])).content.decode()
    assert 'id="no-ties"' in html and "สารภี → หางดง" in html and REASON in html
    dashboard = client.get(reverse("schedule:dashboard", args=["cm-web-2564"])).content.decode()
    assert 'id="award-ties"' not in dashboard


def test_no_reason_no_decision(tied, organiser, client):
    rubric, units = tied
    with pytest.raises(ValidationError) as exc:
        tie_settle(user=organiser, rubric=rubric, entrants=ids(units, "หางดง", "สารภี"), method="vote", reason=" ")
    assert exc.value.messages == ["ระบุเหตุผลหรือมติของคณะกรรมการ (บันทึกไว้ในประวัติ)"]
    assert not TieDecision.objects.exists()
    assert places(rubric)["หางดง"] == (3, "runner_up_2", True)


def test_only_the_tied_entrants_can_be_ordered(tied, organiser):
    rubric, units = tied
    with pytest.raises(ValidationError) as exc:
        wrong = ids(units, "แม่ริม", "หางดง")
        tie_settle(user=organiser, rubric=rubric, entrants=wrong, method="vote", reason=REASON)
    assert exc.value.messages[0].startswith("ผู้ที่เลือกไม่ใช่กลุ่มที่มีคะแนนเสมอที่เส้นแบ่งรางวัลในผลปัจจุบัน")
    assert not TieDecision.objects.exists()


def test_another_office_and_the_entrants_cannot_settle(tied, client, phuket):
    rubric, units = tied
    other = UserFactory(role=Role.ORGANISER, role__unit=phuket)
    with pytest.raises(PermissionDenied):
        tie_settle(user=other, rubric=rubric, entrants=ids(units, "หางดง", "สารภี"), method="shared", reason=REASON)
    client.force_login(other)
    assert client.get(reverse("scoring:ties", args=["cm-web-2564"])).status_code == 404
    client.force_login(UserFactory(role=Role.OFFICE_STAFF, role__unit=units["หางดง"]))
    assert client.get(reverse("scoring:ties", args=["cm-web-2564"])).status_code in (403, 404)


def test_publishing_waits_for_the_tie_then_takes_the_decision(tied, organiser):
    rubric, units = tied
    frozen = snapshots.standings_freeze(user=organiser, rubric=rubric)
    with pytest.raises(ValidationError) as exc:
        snapshots.publication_publish(
            user=organiser, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
        )
    assert exc.value.messages == ["ยังมีคะแนนเสมอที่เส้นแบ่งรางวัลที่ยังไม่ได้ตัดสิน (สารภี, หางดง) บันทึกการตัดสินก่อนประกาศผล"]
    tie_settle(user=organiser, rubric=rubric, entrants=ids(units, "หางดง", "สารภี"), method="reason", reason=REASON)
    frozen.refresh_from_db()
    assert {r["province_name_th"]: (r["rank"], r["award"]) for r in frozen.rows}["สารภี"] == (4, None)
    snapshots.publication_publish(
        user=organiser, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
    )
    assert lifecycle.state(rubric) == State.PUBLISHED


def test_the_preview_names_the_tie_instead_of_the_publish_button(tied, organiser, client):
    rubric, _ = tied
    snapshots.standings_freeze(user=organiser, rubric=rubric)
    client.force_login(organiser)
    html = client.get(reverse("scoring:publish", args=["cm-web-2564"])).content.decode()
    assert 'id="unsettled-ties"' in html and 'id="publish-form"' not in html
    assert "(สารภี ๘๐, หางดง ๘๐)" in html


def test_a_tie_for_the_last_places_counts_the_tied_entrants_not_everyone_listed():
    # Ten honourable mentions: eight placed, three tied at the line for the last two.
    tier = SimpleNamespace(code="honourable", count=10, name_th="ชมเชย", name_en="honourable mention")
    results = [
        SimpleNamespace(award="honourable", award_tie=i >= 8, unit=SimpleNamespace(code=f"U{i}")) for i in range(11)
    ]
    [filled] = award_tiers.award_tiers_filled([tier], results)
    assert (filled["placed"], filled["count"], filled["note_th"], filled["note_en"]) == (
        8,
        10,
        "รอคณะกรรมการตัดสินคะแนนเสมอ: 3 ราย ชิง 2 รางวัล",
        "awaiting the panel's decision on a tie: 3 entrants for 2 places",
    )


def test_published_results_show_the_decided_order_with_the_decision_not_a_tie(tied, organiser, client):
    rubric, units = tied
    tie_settle(user=organiser, rubric=rubric, entrants=ids(units, "สารภี", "หางดง"), method="vote", reason=REASON)
    snapshot = snapshots.standings_freeze(user=organiser, rubric=rubric)
    snapshots.publication_publish(
        user=organiser, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    html = client.get(reverse("scoring:results", args=["cm-web-2564"])).content.decode()
    rows = {name: html[html.index(f"<td>{name}") - 40 : html.index(f"<td>{name}") + 400] for name in ("สารภี", "หางดง")}
    assert "<td>๓</td><td>สารภี" in rows["สารภี"] and "<td>๔</td><td>หางดง" in rows["หางดง"]
    decided = "คะแนนรวมเท่ากับผู้ที่เสมอกัน จัดลำดับที่ {} ใน ๒ ตามมติของคณะกรรมการ: " + REASON
    assert decided.format("๑") in rows["สารภี"] and decided.format("๒") in rows["หางดง"]
    assert " =" not in rows["สารภี"] and " =" not in rows["หางดง"]
    assert (
        documents._note(
            rubric.results.select_related("unit").get(unit=units["หางดง"]),
            rubric.tie_break,
            tie_decisions_by_entrant(rubric),
        )
        == f"คะแนนเท่ากัน จัดลำดับที่ ๒ ใน ๒ ตามมติของคณะกรรมการ: {REASON}"
    )
