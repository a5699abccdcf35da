"""The public verification page (/verify/): a document's QR code opens it, it shows what was issued and
whether it still stands, and a forged or altered file is shown as not issued."""

import hashlib
from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F
from django.test import Client
from django.utils import timezone

from awards.models import DocumentKind
from contests.models import Unit
from people.models import Role
from scoring import snapshots
from scoring.models import Standing
from tests.awards.verification import issue, main
from tests.factories import AwardSignatureFactory, IssuedDocumentFactory, UserFactory, VerificationCodeFactory

# The portal's public address, as the QR codes print it.
pytestmark = pytest.mark.usefixtures("public_url")


@pytest.fixture
def frozen(rubric, central_user):
    """Only frozen results with a named signatory are issued: a document made from them carries a code."""
    AwardSignatureFactory(rubric=rubric)
    return snapshots.standings_freeze(user=central_user, rubric=rubric)


def test_the_next_certificates_replace_an_awardee_s_own_even_when_it_is_not_among_them(rubric, frozen, chiang_mai):
    """An awardee's certificate and the combined file share a version: the next combined file replaces it."""
    combined = IssuedDocumentFactory(rubric=rubric, kind=DocumentKind.CERTIFICATES, version=1)
    own = VerificationCodeFactory(
        document__rubric=rubric, document__kind=DocumentKind.CERTIFICATES, document__unit=chiang_mai,
        document__scope=chiang_mai.code, document__version=1, document__combined=combined, entrant=chiang_mai,
    )  # fmt: skip
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{own.code}/"))

    later = IssuedDocumentFactory(rubric=rubric, kind=DocumentKind.CERTIFICATES, version=2)
    VerificationCodeFactory(
        document__rubric=rubric, document__kind=DocumentKind.CERTIFICATES, document__scope="TH-83",
        document__unit=Unit.objects.get(code="TH-83"), document__version=2, document__combined=later,
    )  # fmt: skip
    html = main(Client().get(f"/verify/{own.code}/"))
    assert "มีฉบับใหม่กว่า (ฉบับที่ ๒ ออกเมื่อ" in html and "เป็นฉบับปัจจุบัน" not in html


def test_a_draft_is_not_issued_no_code_and_its_file_is_not_found(demo_standings, django_capture_on_commit_callbacks):
    Standing.objects.filter(rubric=demo_standings).update(change_seq=F("computed_seq") + 1)  # recompute due
    doc = issue(demo_standings, django_capture_on_commit_callbacks, DocumentKind.RESULTS)
    assert doc.sha256 == hashlib.sha256(doc.file.read()).hexdigest()
    assert not doc.codes.exists()
    html = main(Client().get("/verify/", {"sha256": doc.sha256}))
    assert "✗ ไม่ใช่เอกสารที่กรมการพัฒนาชุมชนออก" in html


def test_after_the_publication_is_withdrawn_the_page_says_so_and_again_in_force_once_republished(rubric, frozen):
    central, snapshot = UserFactory(role=Role.CENTRAL), frozen
    code = VerificationCodeFactory(document__rubric=rubric)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{code.code}/"))

    snapshots.publication_withdraw(user=central, rubric=rubric, reason="พบข้อผิดพลาดในคะแนน LEAK-REASON")
    html = main(Client().get(f"/verify/{code.code}/"))
    assert "ถอนการประกาศผลแล้วเมื่อ" in html and "เอกสารนี้ไม่มีผลแล้ว" in html
    assert "เป็นฉบับปัจจุบัน" not in html
    assert "LEAK-REASON" not in html  # the reason stays in the audit trail

    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{code.code}/"))


def test_a_document_issued_after_a_withdrawal_is_withdrawn_too(rubric, frozen):
    """A document of withdrawn results is never shown in force."""
    central = UserFactory(role=Role.CENTRAL)
    snapshots.publication_publish(
        user=central, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
    )
    snapshots.publication_withdraw(user=central, rubric=rubric, reason="แก้ไขคะแนน")
    code = VerificationCodeFactory(document__rubric=rubric, document__finished_at=timezone.now() + timedelta(seconds=1))
    html = main(Client().get(f"/verify/{code.code}/"))
    assert "เอกสารนี้ไม่มีผลแล้ว" in html and "เป็นฉบับปัจจุบัน" not in html


def test_a_newer_issued_version_replaces_it_and_a_newer_draft_does_not(rubric, frozen):
    old = VerificationCodeFactory(document__rubric=rubric, document__version=1)
    IssuedDocumentFactory(rubric=rubric, version=2)  # a draft: no code, not issued
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{old.code}/"))

    new = VerificationCodeFactory(document__rubric=rubric, document__version=3)
    html = main(Client().get(f"/verify/{old.code}/"))
    assert "มีฉบับใหม่กว่า (ฉบับที่ ๓ ออกเมื่อ" in html and "เป็นฉบับปัจจุบัน" not in html
    assert f'href="/verify/{new.code}/"' in html  # says by which, with a link to its page
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{new.code}/"))
    other_scope = VerificationCodeFactory(document__rubric=rubric, document__scope="TH-50", document__kind="breakdown")
    assert "เป็นฉบับปัจจุบัน" in main(Client().get(f"/verify/{other_scope.code}/"))


def test_a_random_code_is_not_issued(db):
    response = Client().get("/verify/7K2M9QXC4DTE/")
    assert response.status_code == 404
    html = main(response)
    assert "✗ ไม่พบเอกสารที่ออกด้วยรหัส" in html and "7K2M-9QXC-4DTE" in html
    assert "ไม่ได้ออกโดยกรมการพัฒนาชุมชน" in html
    assert Client().get("/verify/not-a-code-at-all/").status_code == 404


def test_a_code_of_a_document_not_finished_is_not_issued(db):
    code = VerificationCodeFactory(document__status="failed")
    assert Client().get(f"/verify/{code.code}/").status_code == 404


def test_a_code_typed_by_hand_is_taken_to_its_page(frozen):
    code = VerificationCodeFactory(code="7K2M9QXC4DT0")
    assert Client().get("/verify/", {"code": " 7k2m-9qxc-4dto "}).url == "/verify/7K2M9QXC4DT0/"
    assert Client().get("/verify/7k2m-9qxc-4dto/").url == "/verify/7K2M9QXC4DT0/"
    assert Client().get(f"/verify/{code.code}/").status_code == 200
    wrong = Client().get("/verify/", {"code": "7K2M-9QXC"})
    assert wrong.status_code == 200
    assert "รหัสต้องเป็นตัวอักษรหรือตัวเลข ๑๒ ตัว" in main(wrong)


def test_a_malformed_sha256_is_explained(db):
    html = main(Client().get("/verify/", {"sha256": "12345"}))
    assert "SHA-256 ต้องเป็นเลขฐานสิบหก ๖๔ ตัว" in html
    assert "ไม่ใช่เอกสารที่กรมการพัฒนาชุมชนออก" not in html


@pytest.mark.parametrize("role", ["anonymous", "owner", "other_office", "organiser", "panelist", "central"])
def test_every_role_sees_the_same_page_and_nothing_else(role, rubric, frozen, chiang_mai, phuket):
    code = VerificationCodeFactory(document__rubric=rubric, entrant=chiang_mai, dated=date(2023, 8, 21))
    users = {
        "anonymous": None,
        "owner": UserFactory(role=Role.OFFICE_STAFF, role__unit=chiang_mai),
        "other_office": UserFactory(role=Role.OFFICE_STAFF, role__unit=phuket),
        "organiser": UserFactory(role=Role.ORGANISER, role__unit=phuket),  # runs another contest
        "panelist": UserFactory(role=Role.COMMITTEE),
        "central": UserFactory(role=Role.CENTRAL),
    }
    anonymous = main(Client().get(f"/verify/{code.code}/"))
    client = Client()
    if users[role] is not None:
        client.force_login(users[role])
    response = client.get(f"/verify/{code.code}/")
    assert response.status_code == 200
    assert main(response) == anonymous
    assert "<dd>๒๑ สิงหาคม พ.ศ. ๒๕๖๖</dd>" in anonymous and "2023-08-21" not in anonymous  # B.E. alone
    assert "<dd>สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่</dd>" in anonymous
    assert "href=" not in anonymous.split("<form")[0]  # no link out of the verdict


def test_the_page_reads_three_queries(frozen, django_assert_num_queries):
    code = VerificationCodeFactory()
    with django_assert_num_queries(3):  # the code with its document, a newer version, the freeze actions
        assert Client().get(f"/verify/{code.code}/").status_code == 200


@pytest.mark.pg  # and on Redis, the production cache, in `make test-services`
def test_too_many_look_ups_from_one_address_answer_429_in_thai(db, settings):
    settings.CDD4_VERIFY_RATE = "3/60"
    client = Client(REMOTE_ADDR="198.51.100.7")
    assert [client.get("/verify/7K2M9QXC4DTE/").status_code for _ in range(3)] == [404, 404, 404]
    refused = client.get("/verify/", {"code": "7K2M9QXC4DTE"})
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    html = main(refused)
    assert "คำขอมากเกินไป" in html and "Too many requests" not in html
    assert "กรุณารอประมาณ" in html
    # Another address is counted on its own.
    assert Client(REMOTE_ADDR="198.51.100.8").get("/verify/").status_code == 200


@pytest.mark.pg  # the database's constraint, on PostgreSQL too
def test_codes_are_unique_by_a_named_constraint(db):
    first = VerificationCodeFactory()
    duplicate = r"verification_code_unique|UNIQUE constraint failed: awards_verificationcode\.code"
    with pytest.raises(IntegrityError, match=duplicate), transaction.atomic():
        VerificationCodeFactory(code=first.code, document__version=2)
