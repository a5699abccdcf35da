"""A round of the criterion whose deadline moves is a box on the move's form, ticked until unticked: central
staff moving 1.2 (two reports) by letter from its page leave a report on its date, and the office's criterion
page, its home and the API say the same; keeping a report after a date brought before it is refused, Thai
first, nothing moved; the admin and `rubric_deadline --keep-round` are the same act (decision 16)."""

import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from core.thai import thai_date
from notices.models import Receipt
from rubrics.models import Criterion, RubricChange
from schedule.selectors import entrant_obligations
from scoring.demo import demo_present_year

TODAY = date(2027, 11, 25)  # late November of B.E. 2570: the present contest's rounds are ahead
REAL_LOCALDATE = timezone.localdate
LETTER = {"reason": "ตามหนังสือกรม", "letter_number": "มท 0410.4/ว 6001", "letter_date": "20/11/2570"}


@pytest.fixture
def present(db, monkeypatch):
    monkeypatch.setattr(
        timezone, "localdate", lambda value=None, tz=None: REAL_LOCALDATE(value, tz) if value else TODAY
    )
    return demo_present_year(today=TODAY)


def _move(client, rubric, code: str, day: date, **boxes):
    url = reverse("schedule:criterion", args=[rubric.key, code])
    return client.post(url, {**LETTER, "deadline": f"{day.day}/{day.month}/{day.year + 543}", **boxes})


def _office_reads(client, rubric, user, api) -> dict:
    """1.2's reports as the office reads them: its criterion page, its home's to-do, the API."""
    client.force_login(user)
    page = client.get(reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.2"])).content.decode()
    home = client.get(reverse("submissions:unit", args=[rubric.key, "TH-50"])).content.decode()
    card = re.search(r'<section class="card todo".*?</section>', home, re.S).group(0)
    lines = re.findall(r'data-todo="round">(.*?)</li>', card, re.S)
    todo = [" ".join(re.sub(r"<[^>]+>", " ", t).split()) for t in lines]
    api.force_login(user)
    rows = api.get(reverse("api-entrant-obligations", args=[rubric.key, "TH-50"])).json()
    return {
        "page": re.findall(r'data-round-due="([^"]+)" data-key="([^"]+)"', page),
        "kept": re.findall(r'class="kept-rounds" data-kept="([^"]+)"', page),
        "todo": [t for t in todo if "๑.๒" in t],
        "api": [(r["round"], r["written"]) for r in rows if r["criterion"] == "1.2"],
    }


def test_report_1_unticked_stays_on_its_date_and_report_2_moves(present, client, api, central_user, provincial_user):
    client.force_login(central_user)
    first = _move(client, present, "1.2", date(2028, 3, 31), also=["round:2"])  # both reports by 31 March
    assert first.status_code == 302
    form = client.get(reverse("schedule:criterion", args=[present.key, "1.2"])).content.decode()
    assert 'value="round:1"' in form and 'value="round:2"' in form  # both due on 31 March now, both ticked

    second = _move(client, present, "1.2", date(2028, 4, 28), also=["round:2"])  # report 1 unticked

    assert second.status_code == 302
    assert RubricChange.objects.order_by("-pk").first().rounds_kept == [{"period": "", "code": "1.2", "rounds": [1]}]
    seen = _office_reads(client, present, provincial_user, api)
    assert seen["page"] == [("2028-03-31", f"{present.key}:TH-50:1.2:1"), ("2028-04-28", f"{present.key}:TH-50:1.2:2")]
    assert seen["api"] == [(1, "2028-03-31"), (2, "2028-04-28")]
    (line,) = seen["todo"]  # the next report is report 1, still due 31 March
    assert f"กำหนด {thai_date(date(2028, 3, 31))}" in line and "รายงานครั้งที่ ๑" in line
    assert seen["kept"] == ["1"]  # the move's line says report 1 keeps its date


def test_an_extension_with_report_2_unticked_keeps_it_on_30_june(present, client, api, central_user, provincial_user):
    client.force_login(central_user)
    form = client.get(reverse("schedule:criterion", args=[present.key, "1.2"])).content.decode()
    assert re.search(r'value="round:2"[^>]*checked', form) and 'value="round:1"' not in form  # report 2 due then

    assert _move(client, present, "1.2", date(2028, 7, 14)).status_code == 302  # no box sent: report 2 unticked

    assert Criterion.objects.get(rubric=present, code="1.2").deadline == date(2028, 7, 14)
    seen = _office_reads(client, present, provincial_user, api)
    assert [written for written, _ in seen["page"]] == ["2028-03-31", "2028-06-30"]
    assert seen["api"] == [(1, "2028-03-31"), (2, "2028-06-30")]
    client.force_login(central_user)  # whoever runs the contest reads the same dates on its page
    runner = client.get(reverse("schedule:criterion", args=[present.key, "1.2"])).content.decode()
    assert re.findall(r'<li data-round-due="([^"]+)"', runner) == ["2028-03-31", "2028-06-30"]


def test_keeping_a_report_after_a_date_brought_forward_is_refused_thai_first_and_nothing_moves(
    present, client, central_user, provincial_user
):
    client.force_login(central_user)
    changes = RubricChange.objects.count()

    response = _move(client, present, "1.2", date(2028, 6, 15))  # report 2 (30 June) unticked

    assert response.status_code == 400
    assert "รอบการส่งต้องไม่อยู่หลังกำหนดส่งของตัวชี้วัด" in response.content.decode()
    assert "รายงานครั้งที่ ๒" in response.content.decode()
    assert Criterion.objects.get(rubric=present, code="1.2").deadline == date(2028, 6, 30)
    assert RubricChange.objects.count() == changes and not Receipt.objects.filter(user=provincial_user).exists()


def test_the_admin_moves_1_2_with_report_2_kept_and_refuses_keeping_it_before(rubric, client, central_user, chiang_mai):
    criterion = Criterion.objects.get(rubric=rubric, code="1.2")
    url = reverse("admin:rubrics_criterion_change", args=[criterion.pk])
    client.force_login(central_user)
    assert 'value="round:2"' in client.get(url).content.decode()
    post = {"reason": "ตามหนังสือกรม", "letter_number": "มท 0410.4/ว 6001", "letter_date": "20/06/2566"}

    refused = client.post(url, {**post, "deadline": "15/06/2566"})
    assert refused.status_code == 200 and "รอบการส่งต้องไม่อยู่หลังกำหนดส่งของตัวชี้วัด" in refused.content.decode()
    assert not RubricChange.objects.exists()

    assert client.post(url, {**post, "deadline": "14/07/2566"}).status_code == 302
    owed = entrant_obligations(rubric, chiang_mai, criteria=["1.2"])
    assert [o.written for o in owed] == [date(2023, 3, 31), date(2023, 6, 30)]
    change = RubricChange.objects.get()
    assert change.rounds_kept == [{"period": "", "code": "1.2", "rounds": [2]}]
    # The history says what stayed as plainly as what moved: on the contest's history page and the admin's record.
    history = client.get(reverse("rubrics:rubric_changes", args=[rubric.key])).content.decode()
    assert "ตัวชี้วัด ๑.๒: รอบการส่งที่ ๒ คงกำหนดเดิม ไม่เลื่อนตาม" in history
    record = client.get(reverse("admin:rubrics_rubricchange_change", args=[change.pk])).content.decode()
    assert "ตัวชี้วัด ๑.๒: รอบการส่งที่ ๒ คงกำหนดเดิม ไม่เลื่อนตาม" in record
    assert "มท ๐๔๑๐.๔/ว ๖๐๐๑" in record  # the letter it was moved by (the admin's page text in Thai digits)


def test_rubric_deadline_keeps_a_round_by_its_number(rubric, central_user, chiang_mai):
    with pytest.raises(CommandError, match=r"^รอบที่ 1 ไม่ได้เลื่อนไปพร้อมกำหนดส่งนี้ \(รอบที่เลื่อนไปพร้อมกัน: 2\)$"):
        call_command("rubric_deadline", "2566", "1.2", "14/07/2566", "--reason", "หนังสือกรม", "--keep-round", "1",
                     "--by", central_user.username)  # fmt: skip
    assert not RubricChange.objects.exists()

    call_command("rubric_deadline", "2566", "1.2", "14/07/2566", "--reason", "หนังสือกรม", "--keep-round", "2",
                 "--by", central_user.username)  # fmt: skip

    owed = entrant_obligations(rubric, chiang_mai, criteria=["1.2"])
    assert [o.written for o in owed] == [date(2023, 3, 31), date(2023, 6, 30)]
    assert Criterion.objects.get(rubric=rubric, code="1.2").deadline == date(2023, 7, 14)
