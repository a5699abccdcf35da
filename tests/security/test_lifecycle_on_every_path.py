"""Which state: every path asks the one lifecycle (scoring.lifecycle). A draft mails no one and
is neither frozen nor published; a final, verifiable document exists only for frozen results that are not
withdrawn, and every document of withdrawn results says so, one made after the withdrawal too."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from awards import services as award_services
from awards.models import DocumentKind
from contests.models import Contest, ContestState
from notices.models import Notice
from people.models import Role
from schedule.reminders import reminders_send
from scoring import demo, snapshots
from scoring.lifecycle import Refused
from scoring.models import FreezeEvent, StandingsSnapshot
from scoring.recompute import standings_recompute
from tests.factories import AwardSignatureFactory, UserFactory, VerificationCodeFactory

pytestmark = pytest.mark.django_db
TODAY = date(2023, 6, 27)  # Tue; 2566's criterion 1.2 is due Fri 30 June: 3 working days left


def draft(rubric):
    Contest.objects.filter(pk=rubric.contest_id).update(state=ContestState.DRAFT)


def frozen(rubric, central, *, publish=False):
    AwardSignatureFactory(rubric=rubric)  # the signatory named: what is frozen is then issued as final
    snapshot = snapshots.standings_freeze(user=central, rubric=rubric)
    if publish:
        stamp = snapshot.frozen_at.isoformat()
        snapshots.publication_publish(user=central, rubric=rubric, confirmed=True, previewed_frozen_at=stamp)
    return snapshot


def test_a_draft_s_criteria_and_deadlines_are_mailed_to_no_one(rubric, chiang_mai, mailoutbox):
    UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="cm@example.go.th")
    draft(rubric)
    assert reminders_send(TODAY) == 0
    assert mailoutbox == [] and not Notice.objects.exists()


def test_frozen_results_take_no_evidence_so_no_reminder_asks_for_it(rubric, chiang_mai, central_user, mailoutbox):
    UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai, email="cm@example.go.th")
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen(rubric, central_user)
    assert reminders_send(TODAY) == 0 and mailoutbox == []


def test_a_draft_is_neither_frozen_nor_published_refused_thai_first(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    draft(rubric)
    with pytest.raises(Refused) as exc:
        snapshots.standings_freeze(user=central_user, rubric=rubric)
    assert str(exc.value) == "ตรึงผลไม่ได้: การประกวดนี้ยังเป็นร่าง ยังไม่เปิด"
    assert not StandingsSnapshot.objects.exists() and not FreezeEvent.objects.exists()
    # A snapshot stored before this check (or by hand) is not published either.
    stored = StandingsSnapshot.objects.create(rubric=rubric, rows=[], frozen_at=timezone.now())
    with pytest.raises(Refused, match=r"^ประกาศผลไม่ได้: การประกวดนี้ยังเป็นร่าง"):
        snapshots.publication_publish(
            user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=stored.frozen_at.isoformat()
        )
    assert StandingsSnapshot.objects.get().published_at is None


def test_the_dashboard_says_why_a_draft_is_not_frozen(rubric, client, central_user):
    draft(rubric)
    client.force_login(central_user)
    page = client.post("/standings/2566/freeze/", {"confirm": "1"}, follow=True).content.decode()
    assert "ตรึงผลไม่ได้: การประกวดนี้ยังเป็นร่าง" in page
    assert not StandingsSnapshot.objects.exists()


def test_a_draft_s_results_are_not_on_the_public_page(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen(rubric, central_user, publish=True)
    assert Client().get("/standings/2566/results/").status_code == 200
    draft(rubric)
    assert Client().get("/standings/2566/results/").status_code == 404


def test_a_withdrawn_publication_is_not_frozen_again_over_the_top(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen(rubric, central_user, publish=True)
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="คะแนนผิด")
    with pytest.raises(Refused, match=r"^ตรึงผลไม่ได้: ถอนการประกาศผลแล้ว"):
        snapshots.standings_freeze(user=central_user, rubric=rubric)


def test_the_dashboard_offers_freezing_only_where_the_lifecycle_allows_it(rubric, client, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    client.force_login(central_user)
    button = "<button>ตรึงผล</button>"
    assert button in client.get("/standings/2566/").content.decode()
    frozen(rubric, central_user, publish=True)
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="คะแนนผิด")
    assert button not in client.get("/standings/2566/").content.decode()
    draft(rubric)
    StandingsSnapshot.objects.all().delete()
    assert button not in client.get("/standings/2566/").content.decode()


def page(code) -> str:
    response = Client().get(f"/verify/{code.code}/")
    return f"{response.status_code} {response.content.decode()}"


def test_a_certificate_made_after_the_withdrawal_verifies_as_withdrawn(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen(rubric, central_user, publish=True)
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="คะแนนผิด")
    after = VerificationCodeFactory(
        document__rubric=rubric, document__finished_at=timezone.now() + timedelta(seconds=1)
    )
    html = page(after)
    assert html.startswith("200 ") and "ถอนการประกาศผลแล้วเมื่อ" in html and "เอกสารนี้ไม่มีผลแล้ว" in html
    assert "เป็นฉบับปัจจุบัน" not in html


def test_a_certificate_of_results_never_frozen_is_not_issued(rubric):
    code = VerificationCodeFactory(document__rubric=rubric)
    assert page(code).startswith("404 ")


def test_withdrawn_results_stay_withdrawn_for_their_documents_once_new_results_are_published(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    frozen(rubric, central_user, publish=True)
    old = VerificationCodeFactory(document__rubric=rubric, document__finished_at=timezone.now())
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="คะแนนผิด")
    snapshots.standings_unfreeze(user=central_user, rubric=rubric, reason="แก้คะแนน")
    frozen(rubric, central_user, publish=True)
    assert "ถอนการประกาศผลแล้วเมื่อ" in page(old)


@pytest.fixture
def standings(rubric):
    demo.demo_facts(rubric=rubric)
    standings_recompute(rubric_id=rubric.pk, full=True)
    return rubric


def issue(rubric, capture):
    with capture(execute=True):
        doc = award_services.document_request(rubric=rubric, kind=DocumentKind.ANNOUNCEMENT)
    doc.refresh_from_db()
    return doc


def test_only_frozen_results_not_withdrawn_give_a_final_document(
    standings, central_user, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    AwardSignatureFactory(rubric=standings)  # named from the start: the documents differ by the lifecycle alone
    first = issue(standings, capture)
    assert not first.codes.exists()  # open: a draft, no code
    frozen(standings, central_user, publish=True)
    final = issue(standings, capture)
    assert (final.version, final.codes.count()) == (2, 1)
    snapshots.publication_withdraw(user=central_user, rubric=standings, reason="คะแนนผิด")
    assert issue(standings, capture) == first  # the draft of the same figures again, never the final one
