"""Correcting one award after publication: the year stays frozen, the unchanged awardees keep their certificates
(number, code and file), the changed ones get new ones, and the corrected announcement names the one it replaces."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from awards import selectors, services
from awards.models import CertificateNumber, DocumentKind, VerificationCode
from awards.verification import grouped
from core import thai
from notices.models import Kind, Receipt
from people.models import Role
from scoring import lifecycle, snapshots
from scoring.lifecycle import Action, State
from scoring.models import FreezeAction, Standing, StandingsSnapshot
from scoring.recompute import standings_recompute
from tests.awards.documents import html_sources, phrases
from tests.factories import UserFactory


def issue(rubric, capture, kind: str):
    with capture(execute=True):
        doc = services.document_request(rubric=rubric, kind=kind)
    doc.refresh_from_db()
    return doc


@pytest.fixture
def published(final_standings, central_user):
    snapshot = final_standings.snapshot
    snapshots.publication_publish(
        user=central_user, rubric=final_standings, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    return final_standings


def own_codes(doc) -> dict[str, VerificationCode]:
    """Each awardee's certificate code in a set, by the awardee's code: its own, or the one its carried file holds."""
    return {
        code.entrant.code: code
        for code in VerificationCode.objects.filter(
            entrant__in=[part.unit for part in doc.parts.all()], document__kind=DocumentKind.CERTIFICATES
        ).select_related("entrant", "document")
        if code.document.sha256 in {part.sha256 for part in doc.parts.all()}
    }


def test_one_award_corrected_after_publication_keeps_every_other_certificate_and_replaces_its_own(
    published, central_user, django_capture_on_commit_callbacks
):
    rubric = published
    capture = django_capture_on_commit_callbacks
    first_announcement = issue(rubric, capture, DocumentKind.ANNOUNCEMENT)
    first = issue(rubric, capture, DocumentKind.CERTIFICATES)
    before = own_codes(first)
    ranked = list(Standing.objects.filter(rubric=rubric).select_related("unit").order_by("rank", "unit__code"))
    awardees = [r for r in ranked if r.award]
    void, kept = awardees[1], awardees[0]  # the runner-up loses its award after a complaint; the winner keeps its
    heir = next(r for r in ranked if not r.award and r.total > 0)
    numbers = {(n.unit.code, n.award): n.number for n in CertificateNumber.objects.select_related("unit")}
    assert sorted(numbers.values()) == list(range(1, len(awardees) + 1))
    void_staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=void.unit)
    heir_staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=heir.unit)
    kept_staff = UserFactory(role=Role.OFFICE_STAFF, role__unit=kept.unit)

    event = snapshots.awards_correct(
        user=central_user,
        rubric=rubric,
        awards={void.unit_id: "", heir.unit_id: void.award},
        reason="ตรวจพบข้อมูลผิดพลาดตามข้อร้องเรียน",
    )

    # The year stays published and frozen: no evidence reopens, nothing is unfrozen.
    assert lifecycle.state(rubric) == State.PUBLISHED
    assert not lifecycle.allows(rubric, Action.SUBMIT) and not lifecycle.allows(rubric, Action.CHANGE)
    assert event.action == FreezeAction.CORRECT
    rows = {r["entrant"]: r["award"] for r in StandingsSnapshot.objects.get(rubric=rubric).rows}
    assert (rows[void.unit.code], rows[heir.unit.code], rows[kept.unit.code]) == (None, void.award, kept.award)
    # The changed awardees are told; the unchanged one is not.
    told = set(Receipt.objects.filter(notice__kind=Kind.AWARD_CORRECTED).values_list("user_id", flat=True))
    assert told == {void_staff.pk, heir_staff.pk} and kept_staff.pk not in told
    # A recompute keeps the correction.
    standings_recompute(rubric_id=rubric.pk, full=True)
    awards = dict(Standing.objects.filter(rubric=rubric).values_list("unit_id", "award"))
    assert (awards[void.unit_id], awards[heir.unit_id]) == ("", void.award)

    with html_sources() as laid_out:
        corrected_announcement = issue(rubric, capture, DocumentKind.ANNOUNCEMENT)
    second = issue(rubric, capture, DocumentKind.CERTIFICATES)
    after = own_codes(second)
    assert second.version == first.version + 1 and corrected_announcement.version == 2

    # The heir's staff open its new certificate from their results page; another office's staff cannot.
    heir_part = second.parts.get(unit=heir.unit)
    office = Client()
    office.force_login(heir_staff)
    mine = office.get(reverse("scoring:mine", args=[rubric.key])).content.decode()
    assert f'href="{reverse("awards:download", args=[heir_part.pk])}"' in mine
    assert office.get(reverse("awards:download", args=[heir_part.pk])).status_code == 200
    office.force_login(kept_staff)
    assert office.get(reverse("awards:download", args=[heir_part.pk])).status_code == 404

    # The unchanged awardee's certificate is the one issued: the same code, file and number, still in force.
    assert after[kept.unit.code].code == before[kept.unit.code].code
    assert second.parts.get(unit=kept.unit).sha256 == first.parts.get(unit=kept.unit).sha256
    assert selectors.issued_by_code(before[kept.unit.code].code).current
    # The heir's certificate is new, with a number never given before; the voided number is never given again.
    assert heir.unit.code in after and heir.unit.code not in before
    heir_number = CertificateNumber.objects.get(unit=heir.unit, award=void.award).number
    assert heir_number == len(awardees) + 1
    assert CertificateNumber.objects.get(unit=void.unit).number == numbers[(void.unit.code, void.award)]
    # The voided certificate says what replaces it: the corrected announcement, linked.
    old = selectors.issued_by_code(before[void.unit.code].code)
    announced = VerificationCode.objects.get(document=corrected_announcement, entrant=None)
    assert not old.current and old.newer_code == announced.code
    page = Client().get(f"/verify/{before[void.unit.code].code}/").content.decode()
    assert f'href="/verify/{announced.code}/"' in page
    # The first announcement is replaced by the corrected one, which names it.
    replaced = selectors.issued_by_code(VerificationCode.objects.get(document=first_announcement).code)
    assert (replaced.current, replaced.newer_code) == (False, announced.code)
    assert announced.dated == timezone.localdate(event.at)
    first_code = VerificationCode.objects.get(document=first_announcement)
    said = " ".join(phrases(laid_out[0]))
    assert "(ฉบับแก้ไข)" in said
    assert f"ใช้แทนประกาศฉบับที่ ๑ ลงวันที่ {thai.thai_date(first_code.dated, era=True)}" in said
    assert f"(รหัสตรวจสอบ {grouped(first_code.code)}) เนื่องจากตรวจพบข้อมูลผิดพลาดตามข้อร้องเรียน" in said

    # Corrected once more, the heir keeps its number for that award, and the voided awardee's number stays its own.
    with pytest.raises(ValidationError):
        snapshots.awards_correct(user=central_user, rubric=rubric, awards={heir.unit_id: void.award}, reason="ซ้ำ")
    snapshots.awards_correct(user=central_user, rubric=rubric, awards={kept.unit_id: void.award}, reason="แก้ไขครั้งที่สอง")
    issue(rubric, capture, DocumentKind.CERTIFICATES)
    assert CertificateNumber.objects.get(unit=heir.unit, award=void.award).number == heir_number
    assert CertificateNumber.objects.filter(rubric=rubric).count() == len(awardees) + 2
    assert (
        len(set(CertificateNumber.objects.filter(rubric=rubric).values_list("number", flat=True))) == len(awardees) + 2
    )


def test_a_correction_needs_a_reason_and_published_results(final_standings, central_user):
    rubric = final_standings
    unit = Standing.objects.filter(rubric=rubric).exclude(award="").values_list("unit_id", flat=True).first()
    with pytest.raises(ValidationError):
        snapshots.awards_correct(user=central_user, rubric=rubric, awards={unit: ""}, reason="  ")
    with pytest.raises(lifecycle.Refused):  # frozen, not yet published: unfreeze and rescore instead
        snapshots.awards_correct(user=central_user, rubric=rubric, awards={unit: ""}, reason="ร้องเรียน")
