"""After the results are frozen or published, the evidence page says so and the services refuse alike."""

import pytest
from django.urls import reverse

from core.validators.content import UploadRefused
from scoring import snapshots
from scoring.recompute import standings_recompute
from submissions import services
from submissions.models import Evidence, InnovationReport

from . import files

JSON = {"accept": "application/json"}
UPLOAD = reverse("submissions:upload", args=[2566, "TH-50", "1.1"])
PAGE = reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])
PUBLISHED_TH = "ประกาศผลปี 2566 แล้ว ผลเป็นที่สิ้นสุด ไม่รับหลักฐานเพิ่มและถอนหลักฐานไม่ได้ (หลักฐานที่ส่งหลังประกาศผลไม่นำมาคิดคะแนน)"
PUBLISHED_EN = (
    "The 2566 results are published and final: no more evidence is taken and none can be withdrawn"
    " (nothing sent after publication would count)"
)
FROZEN_TH = "ส่วนกลางตรึงผลปี 2566 แล้ว ไม่รับหลักฐานเพิ่มและถอนหลักฐานไม่ได้จนกว่าจะยกเลิกการตรึงผล"


@pytest.fixture
def sent(owner_client):
    owner_client.post(UPLOAD, {"file": files.upload("report.pdf", files.pdf_new())}, headers=JSON)
    return Evidence.objects.get()


@pytest.fixture
def frozen(rubric, central_user):
    standings_recompute(rubric_id=rubric.pk, full=True)
    return snapshots.standings_freeze(user=central_user, rubric=rubric)


@pytest.fixture
def published(frozen, rubric, central_user):
    return snapshots.publication_publish(
        user=central_user, rubric=rubric, confirmed=True, previewed_frozen_at=frozen.frozen_at.isoformat()
    )


def test_published_year_page_says_so_and_offers_no_upload_or_withdraw(sent, published, owner_client):
    html = owner_client.get(PAGE).content.decode()
    assert f'id="evidence-closed" role="status"><p><strong>{PUBLISHED_TH}</strong>' in html
    assert 'id="upload-form"' not in html and "upload.js" not in html
    assert reverse("submissions:withdraw", args=[sent.pk]) not in html
    assert "report.pdf" in html  # what was sent stays listed
    home = owner_client.get(reverse("submissions:unit", args=[2566, "TH-50"])).content.decode()
    assert f'id="evidence-closed" role="status"><p><strong>{PUBLISHED_TH}</strong>' in home


def test_published_year_refuses_uploads_thai_first_and_keeps_nothing(published, owner_client, media_root):
    response = owner_client.post(UPLOAD, {"file": files.upload("late.pdf", files.pdf_new())}, headers=JSON)
    assert response.status_code == 409
    refused = response.json()["refused"][0]
    assert (refused["th"], refused["en"]) == (PUBLISHED_TH, PUBLISHED_EN)
    assert not Evidence.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_published_year_refuses_links_and_withdrawals(sent, published, provincial_user, rubric, chiang_mai):
    with pytest.raises(UploadRefused) as exc:
        services.evidence_submit(
            user=provincial_user, rubric=rubric, unit=chiang_mai, criterion_code="1.1", url="https://x.org/a"
        )
    assert (str(exc.value), exc.value.th, exc.value.en) == (PUBLISHED_TH, PUBLISHED_TH, PUBLISHED_EN)
    with pytest.raises(UploadRefused):
        services.evidence_withdraw(user=provincial_user, evidence=sent)
    sent.refresh_from_db()
    assert sent.withdrawn_at is None and Evidence.objects.count() == 1


def test_withdraw_page_in_a_published_year_explains_instead_of_asking(sent, published, owner_client):
    url = reverse("submissions:withdraw", args=[sent.pk])
    html = owner_client.get(url).content.decode()
    assert f'<p class="error" id="evidence-closed">{PUBLISHED_TH}</p>' in html and 'name="confirm"' not in html
    response = owner_client.post(url, {"confirm": "1"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [PUBLISHED_TH]
    sent.refresh_from_db()
    assert sent.withdrawn_at is None


def test_frozen_year_refuses_until_unfrozen(frozen, rubric, central_user, owner_client):
    assert FROZEN_TH in owner_client.get(PAGE).content.decode()
    refused = owner_client.post(UPLOAD, {"file": files.upload("a.pdf", files.pdf_new())}, headers=JSON)
    assert (refused.status_code, refused.json()["refused"][0]["th"]) == (409, FROZEN_TH)
    snapshots.standings_unfreeze(user=central_user, rubric=rubric, reason="แก้ข้อมูล")
    taken = owner_client.post(UPLOAD, {"file": files.upload("a.pdf", files.pdf_new())}, headers=JSON)
    assert taken.status_code == 201


def test_withdrawn_publication_leaves_the_year_frozen_for_evidence(published, rubric, central_user, owner_client):
    snapshots.publication_withdraw(user=central_user, rubric=rubric, reason="ตรวจพบคะแนนผิด")
    html = owner_client.get(PAGE).content.decode()
    assert FROZEN_TH in html and PUBLISHED_TH not in html


def test_published_year_refuses_the_innovation_report_too(published, owner_client):
    url = reverse("submissions:innovation", args=[2566, "TH-50"])
    html = owner_client.get(url).content.decode()
    assert f'id="evidence-closed" role="status"><p><strong>{PUBLISHED_TH}</strong>' in html
    assert "<fieldset disabled>" in html
    data = {
        "title_th": "ระบบติดตาม จปฐ.", "office": "สพจ.เชียงใหม่", "office_phone": "053-1",
        "coordinator_name": "สมศรี", "coordinator_position": "นักวิชาการ", "coordinator_phone": "053-2",
        "coordinator_mobile": "081-1", "coordinator_email": "s@example.org", "innovation_type": "policy",
    }  # fmt: skip
    response = owner_client.post(url, data, follow=True)
    assert [str(m) for m in response.context["messages"]] == [PUBLISHED_TH]
    assert not InnovationReport.objects.exists()
