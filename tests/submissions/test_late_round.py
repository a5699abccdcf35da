"""A report sent late names the round it answers: Chiang Mai sends 4.2's November report on 28 November, the
upload form proposing November (the oldest round owed), and November reads sent late while December stays owed,
on the criterion page, in the office's "what to do now" and in the calendar (the schedule's rule itself:
tests/schedule/test_rounds_stand.py). The API and a file sent in pieces name it the same way."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from core.thai import thai_date
from core.validators.content import UploadRefused
from schedule.selectors import person_obligations
from schedule.states import ObligationState
from submissions import services
from submissions.models import Evidence

from . import files
from .test_resumable import create, send
from .test_todo import _page

BANGKOK = ZoneInfo("Asia/Bangkok")
NOVEMBER, DECEMBER = date(2022, 11, 15), date(2022, 12, 15)  # 4.2's first two monthly reports of B.E. 2566


def _criterion(client) -> str:
    return client.get(reverse("submissions:criterion", args=[2566, "TH-50", "4.2"])).content.decode()


def test_the_upload_form_offers_the_rounds_open_or_past_and_proposes_the_oldest_owed(owner_client, clock):
    clock(2022, 11, 28, 10, 0)

    page = _criterion(owner_client)

    for form in ("upload-round", "link-round"):
        choice = re.search(rf'<select name="round" id="{form}">(.*?)</select>', page, re.S).group(1)
        options = re.findall(r'<option value="(\d+)"( selected)?>([^<]*)</option>', choice)
        assert [(value, chosen) for value, chosen, _ in options] == [("1", " selected"), ("2", "")]
        assert thai_date(NOVEMBER) in options[0][2] and "เลยกำหนด" in options[0][2]


def test_the_round_box_names_a_round_due_on_a_closed_day_by_both_dates(owner_client, clock):
    clock(2023, 1, 20, 10, 0)  # January's report was written for Sunday 15 January 2566 and falls due on the 16th

    page = _criterion(owner_client)

    choice = re.search(r'<select name="round" id="upload-round">(.*?)</select>', page, re.S).group(1)
    january = re.search(r'<option value="3">([^<]*)</option>', choice).group(1)
    assert "กำหนดส่ง ๑๕ มกราคม ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๖ มกราคม ๒๕๖๖ ·" in january


def test_a_monthly_criterions_heading_names_its_round_in_force_and_the_year_s_last(owner_client, clock):
    clock(2023, 3, 20, 10, 0)  # March's report is past; April's, written for Saturday the 15th, is next

    page = _criterion(owner_client)

    heading = re.search(r'<dd id="criterion-deadline"[^>]*>(.*?)</dd>', page, re.S).group(1)
    assert (
        re.sub(r"<[^>]+>|\s+", " ", heading).split()
        == (
            "รายงานประจำเดือน (ขั้น ๔ และ ๘) เมษายน ๒๕๖๖: ๑๕ เมษายน ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๑๘ เมษายน ๒๕๖๖"
            " รอบสุดท้าย: ๓๑ กรกฎาคม ๒๕๖๖ (วันหยุดราชการ) → เลื่อนเป็น ๓ สิงหาคม ๒๕๖๖"
            " กำหนดส่งที่ตรงกับวันที่สำนักงานปิด: เลื่อนเป็นวันทำการถัดไป (หลักเกณฑ์ข้อ ๙)"
        ).split()
    )


def test_november_named_on_28_november_is_novembers_late_and_december_stays_owed(
    owner_client, clock, rubric, provincial_user
):
    clock(2022, 11, 28, 10, 0)

    owner_client.post(
        reverse("submissions:link", args=[2566, "TH-50", "4.2"]), {"url": "https://example.org/nov", "round": "1"}
    )

    assert Evidence.objects.get().answers_round == 1
    page = _criterion(owner_client)
    november = page.split(f'data-round-due="{NOVEMBER.isoformat()}"', 1)[1].split("</tr>", 1)[0]
    assert 'data-state="sent"' in november and "ส่งช้า ๙ วันทำการ" in november
    assert f'class="round-open" data-round-due="{DECEMBER.isoformat()}"' in page
    assert re.search(r'<span id="criterion-status">([^<]*)</span>', page).group(1) == (
        "รายงานประจำเดือน (ขั้น ๔ และ ๘) ธันวาคม ๒๕๖๕: ยังไม่ส่ง"
    )
    row = page.split('id="evidence-list"', 1)[1]
    assert 'data-answers="1"' in row and "ส่งช้า ๙ วันทำการ" in row
    line = next(text for key, text in _page(owner_client, rubric) if key == "round" and "๔.๒" in text)
    assert "(ส่งแล้ว ๑ จาก ๑๑ รอบ)" in line and thai_date(DECEMBER) in line
    owed = [o for o in person_obligations(provincial_user) if o.criterion == "4.2" and o.due in (NOVEMBER, DECEMBER)]
    assert [(o.state, o.late_days) for o in owed] == [(ObligationState.SENT, 9), (ObligationState.OPEN, 0)]


def test_the_api_names_the_round_and_refuses_one_the_criterion_does_not_ask(api, provincial_user, clock):
    clock(2022, 11, 28, 10, 0)
    api.force_authenticate(provincial_user)
    url = "/api/v1/years/2566/evidence/"

    sent = api.post(url, {"criterion": "4.2", "url": "https://example.org/nov", "round": 1}, format="multipart")
    refused = api.post(url, {"criterion": "4.2", "url": "https://example.org/x", "round": 12}, format="multipart")
    once = api.post(url, {"criterion": "1.1", "url": "https://example.org/y", "round": 1}, format="multipart")

    assert (sent.status_code, sent.json()["round"]) == (201, 1)
    assert (refused.status_code, refused.json()["errors"][0]["th"]) == (400, "ตัวชี้วัดนี้ไม่มีรอบที่ ๑๒")
    assert once.status_code == 400  # a criterion asked once has no round to name
    assert list(Evidence.objects.values_list("answers_round", flat=True)) == [1]


def test_a_file_sent_in_pieces_names_its_round_as_a_file_sent_whole(owner_client, media_root):
    data = files.pdf(size=50_000)

    location = create(owner_client, len(data), criterion="4.2", round="1")["Location"]
    assert send(owner_client, location, 0, data).status_code == 204

    assert Evidence.objects.get().answers_round == 1
    assert 'data-answers="1"' in owner_client.get(location).json()["row_html"]
    assert create(owner_client, 10, criterion="4.2", round="12").status_code == 400


JANUARY_REFUSED = "รายงานประจำเดือน (ขั้น ๔ และ ๘) มกราคม ๒๕๖๖ ยังไม่เปิดรับ (รับได้หลังกำหนดส่งรอบก่อน ๑๕ ธันวาคม ๒๕๖๕) จึงไม่ได้บันทึก"


def _named(user, rubric, unit, number, now):
    return services.evidence_submit(
        user=user,
        rubric=rubric,
        unit=unit,
        criterion_code="4.2",
        url=f"https://example.org/round-{number}",
        answers_round=number,
        now=now,
    )


def test_a_report_names_only_a_round_that_has_opened_and_a_round_ahead_is_refused_until_it_opens(
    provincial_user, rubric, chiang_mai
):
    late = datetime(2022, 11, 28, 10, 0, tzinfo=BANGKOK)
    opened = datetime(2022, 12, 16, 10, 0, tzinfo=BANGKOK)  # the day after December's round fell due

    _named(provincial_user, rubric, chiang_mai, 1, late)  # November's, late
    _named(provincial_user, rubric, chiang_mai, 2, late)  # December's, open
    for _ in range(2):  # asked again, refused again
        with pytest.raises(UploadRefused) as refused:
            _named(provincial_user, rubric, chiang_mai, 3, late)
        assert refused.value.th == JANUARY_REFUSED
    assert list(Evidence.objects.order_by("pk").values_list("answers_round", flat=True)) == [1, 2]

    _named(provincial_user, rubric, chiang_mai, 3, opened)

    assert list(Evidence.objects.order_by("pk").values_list("answers_round", flat=True)) == [1, 2, 3]


def test_every_door_refuses_a_round_ahead_in_thai_and_keeps_nothing(owner_client, api, provincial_user, clock):
    clock(2022, 11, 28, 10, 0)
    args = [2566, "TH-50", "4.2"]

    page = owner_client.post(
        reverse("submissions:upload", args=args),
        {"file": files.upload("jan.pdf", files.pdf_new()), "round": "3"},
        headers={"accept": "application/json"},
    )
    link = owner_client.post(
        reverse("submissions:link", args=args), {"url": "https://example.org/jan", "round": "3"}, follow=True
    )
    api.force_authenticate(provincial_user)
    by_api = api.post(
        "/api/v1/years/2566/evidence/",
        {"criterion": "4.2", "url": "https://example.org/jan", "round": 3},
        format="multipart",
    )
    by_tus = create(owner_client, 10, criterion="4.2", round="3")

    assert (page.status_code, page.json()["refused"][0]["th"]) == (400, JANUARY_REFUSED)
    assert JANUARY_REFUSED in link.content.decode()
    assert (by_api.status_code, by_api.json()["errors"][0]["th"]) == (400, JANUARY_REFUSED)
    assert by_tus.status_code == 400 and JANUARY_REFUSED in by_tus.content.decode()
    assert not Evidence.objects.exists()
