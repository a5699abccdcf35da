"""A criterion asked more than once shows each round with its own date and whether it was met, on its page
and in the office's "what to do now" (the next round by its own date, with the rounds met and missed)."""

import re
import uuid
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from contests.models import Unit
from core.thai import thai_date
from rubrics.models import ContestPeriod, Criterion
from scoring.demo import demo_present_year
from scoring.models import Fact, FactSource
from submissions.services import evidence_submit

from .test_todo import _page


def _rounds(first: int, second: int) -> ContestPeriod:
    """B.E. 2566's rules run again in the present fiscal year (as the demo runs them), so that a round ahead of
    today lies within the rubric's year; 1.2 is asked twice, the other criteria in no rounds. A new revision, so
    no parsed copy read before (the process's cache) is used."""
    present = demo_present_year(today=timezone.localdate())
    present.criteria.update(rounds=[])
    return _due(present, first, second)


def _due(rubric: ContestPeriod, first: int, second: int) -> ContestPeriod:
    """1.2's two rounds due `first` and `second` days from today."""
    today = timezone.localdate()
    rubric.criteria.filter(code="1.2").update(
        rounds=[
            {"label_th": "รายงานครั้งที่ ๑", "label_en": "Report 1", "due": (today + timedelta(first)).isoformat()},
            {"label_th": "รายงานครั้งที่ ๒", "label_en": "Report 2", "due": (today + timedelta(second)).isoformat()},
        ],
        deadline=today + timedelta(second),
    )
    ContestPeriod.objects.filter(pk=rubric.pk).update(revision=uuid.uuid4())
    rubric.refresh_from_db()
    return rubric


def test_the_criterion_page_lists_each_round_with_its_date_and_whether_it_was_met(owner_client):
    body = owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.2"])).content.decode()
    assert 'id="rounds"' in body
    assert 'class="round-late" data-round-due="2023-03-31"' in body and thai_date(timezone.localdate().replace(
        year=2023, month=3, day=31)) in body  # fmt: skip
    assert 'class="round-late" data-round-due="2023-06-30"' in body
    assert (
        'id="rounds"'
        not in owner_client.get(reverse("submissions:criterion", args=[2566, "TH-50", "1.1"])).content.decode()
    )


def test_a_report_sent_now_answers_the_round_ahead_and_the_list_names_the_round_missed_by_its_own_date(owner_client):
    rubric = _rounds(-3, 20)
    lines = dict(_page(owner_client, rubric))
    assert lines["round"].startswith("ส่ง รายงานครั้งที่ ๑, ๑.๒ ")  # the round missed, not the next one
    assert "(ส่งแล้ว ๐ จาก ๒ รอบ ขาด ๑ รอบ)" in lines["round"]
    assert thai_date(timezone.localdate() - timedelta(3)) in lines["round"]
    owner_client.post(reverse("submissions:link", args=[rubric.key, "TH-50", "1.2"]), {"url": "https://example.org/r"})
    body = owner_client.get(reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.2"])).content.decode()
    due = (timezone.localdate() + timedelta(20)).isoformat()
    assert f'class="round-sent" data-round-due="{due}"' in body
    assert "round" not in dict(_page(owner_client, rubric))  # nothing left ahead to send


def test_before_the_first_round_the_list_says_its_date_not_the_criterions_last(owner_client):
    rubric = _rounds(5, 40)
    lines = dict(_page(owner_client, rubric))
    assert lines["round"].startswith("ส่ง รายงานครั้งที่ ๑, ๑.๒ ") and "(ส่งแล้ว ๐ จาก ๒ รอบ)" in lines["round"]
    assert thai_date(timezone.localdate() + timedelta(5)) in lines["round"]


def test_a_receipt_the_department_recorded_meets_the_round_it_falls_in(owner_client):
    """2.1.2's receipt (its timeliness rule's `received_on`) is a sending, as the standings count it."""
    today = timezone.localdate()
    first, second = today - timedelta(10), today + timedelta(20)
    present = demo_present_year(today=today)
    criterion = Criterion.objects.get(rubric=present, code="2.1.2")
    criterion.rounds = [
        {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": first.isoformat()},
        {"label_th": "ครั้งที่ ๒", "label_en": "Report 2", "due": second.isoformat()},
    ]
    criterion.deadline = second
    criterion.save()
    ContestPeriod.objects.filter(pk=present.pk).update(revision=uuid.uuid4())  # as every change renews it
    url = reverse("submissions:criterion", args=[present.key, "TH-50", "2.1.2"])
    assert f'class="round-late" data-round-due="{first.isoformat()}"' in owner_client.get(url).content.decode()
    Fact.objects.create(
        rubric=present, unit=Unit.objects.get(code="TH-50"), criterion=criterion,
        name="received_on", value=(today - timedelta(15)).isoformat(), source=FactSource.IMPORT,
    )  # fmt: skip
    body = owner_client.get(url).content.decode()
    assert f'class="round-received" data-round-due="{first.isoformat()}"' in body
    assert f'class="round-open" data-round-due="{second.isoformat()}"' in body
    assert thai_date(today - timedelta(15)) in body


def test_a_criterion_with_one_of_its_two_rounds_in_says_so_in_its_status(owner_client):
    """The office's table never says "สถานะ ส่งแล้ว" of a criterion with one of its two rounds sent."""
    rubric = _rounds(5, 40)
    owner_client.post(reverse("submissions:link", args=[rubric.key, "TH-50", "1.2"]), {"url": "https://example.org/r"})
    body = owner_client.get(reverse("submissions:unit", args=[rubric.key, "TH-50"])).content.decode()
    row = body[body.index('<td><a href="' + reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.2"])) :]
    row = row.split("</tr>")[0]
    assert '<span class="badge submitted">ส่งแล้ว ๑ จาก ๒ รอบ</span>' in row
    owner_client.post(reverse("submissions:link", args=[rubric.key, "TH-50", "1.3"]), {"url": "https://example.org/s"})
    body = owner_client.get(reverse("submissions:unit", args=[rubric.key, "TH-50"])).content.decode()
    once = body[body.index('<td><a href="' + reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.3"])) :]
    once = once.split("</tr>")[0]
    assert '<span class="badge submitted">ส่งแล้ว</span>' in once  # a criterion asked once keeps its plain status


def _status(client, rubric) -> str:
    page = client.get(reverse("submissions:criterion", args=[rubric.key, "TH-50", "1.2"])).content.decode()
    return re.search(r'<span id="criterion-status">([^<]*)</span>', page).group(1)


def test_a_criterion_page_says_the_round_in_force_while_it_is_owed_whatever_the_first_round_met(
    owner_client, provincial_user
):
    rubric = _rounds(-10, 20)
    sent_early = timezone.now() - timedelta(35)  # the first report, in time for its round
    evidence_submit(user=provincial_user, rubric=rubric, unit=provincial_user.membership.unit, criterion_code="1.2",
                    url="https://example.org/first", now=sent_early)  # fmt: skip
    assert _status(owner_client, rubric) == "รายงานครั้งที่ ๒: ยังไม่ส่ง"
    rubric = _due(rubric, -30, -5)  # the second's date passed too, nothing sent for it
    assert _status(owner_client, rubric) == "รายงานครั้งที่ ๒: เลยกำหนด"
    owner_client.post(reverse("submissions:link", args=[rubric.key, "TH-50", "1.2"]), {"url": "https://example.org/r"})
    assert _status(owner_client, rubric) == "ส่งแล้ว"  # both rounds met: as a criterion sent for every round


def test_a_criterion_page_with_its_first_report_in_says_the_second_is_still_owed_before_it_opens(owner_client):
    rubric = _rounds(5, 40)

    owner_client.post(reverse("submissions:link", args=[rubric.key, "TH-50", "1.2"]), {"url": "https://example.org/r"})

    assert _status(owner_client, rubric) == "รายงานครั้งที่ ๒: ยังไม่ส่ง"  # not "ส่งแล้ว" while report 2 is owed
