"""The announcement date reads and shows B.E. (not the browser's 11/23/2026), and the document form's
provinces come ก–ฮ."""

import re
from datetime import date

import pytest
from django.urls import reverse

from awards.forms import DocumentRequestForm
from awards.models import AwardSignature

pytestmark = pytest.mark.django_db
SIGNER = {"signer_name": "นายสมชาย ใจดี", "signer_position": "อธิบดีกรมการพัฒนาชุมชน"}


def _date_input(html: str) -> str:
    return re.search(r'<input [^>]*name="announced_on"[^>]*>', html)[0]


def test_results_page_announcement_date_reads_and_shows_be(client, central_user, rubric):
    client.force_login(central_user)
    response = client.post("/awards/years/2566/signature/", {**SIGNER, "announced_on": "23/11/2569"})
    assert response.status_code == 302
    assert AwardSignature.objects.get(rubric=rubric).announced_on == date(2026, 11, 23)
    field = _date_input(client.get("/awards/years/2566/").content.decode())
    assert 'type="text"' in field and 'value="23 พ.ย. 2569"' in field


def test_results_page_announcement_date_unreadable_is_refused_thai_first(client, central_user, rubric):
    client.force_login(central_user)
    response = client.post("/awards/years/2566/signature/", {**SIGNER, "announced_on": "23 ตุลา"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "อ่านวันที่ “23 ตุลา” ไม่ได้ (ใช้รูปแบบ 2023-04-18, 18/04/2566, 18/4/66 หรือ ๑๘ เม.ย. ๒๕๖๖)"
    ]
    assert not AwardSignature.objects.exists()


def test_admin_announcement_date_reads_be(client, central_user, rubric):
    client.force_login(central_user)
    url = reverse("admin:awards_awardsignature_add")
    response = client.post(url, {"rubric": rubric.pk, **SIGNER, "announced_on": "23/11/2569"})
    assert response.status_code == 302
    signature = AwardSignature.objects.get(rubric=rubric)
    assert signature.announced_on == date(2026, 11, 23)
    html = client.get(reverse("admin:awards_awardsignature_changelist")).content.decode()
    assert re.findall(r'<td class="field-announced_on[^"]*">([^<]*)</td>', html) == ["๒๓ พ.ย. ๒๕๖๙"]


def test_document_form_lists_provinces_in_thai_dictionary_order(rubric):
    labels = [str(label) for _, label in DocumentRequestForm(rubric=rubric).fields["province"].choices]
    names = [label.split(" (")[0] for label in labels[1:]]
    assert len(names) == 76
    assert names[:6] == ["กระบี่", "กาญจนบุรี", "กาฬสินธุ์", "กำแพงเพชร", "ขอนแก่น", "จันทบุรี"]
    assert names[10:13] == ["ชุมพร", "เชียงราย", "เชียงใหม่"]  # เ- under ช, not after ฮ
    assert names[-6:] == ["อ่างทอง", "อำนาจเจริญ", "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี", "อุบลราชธานี"]
