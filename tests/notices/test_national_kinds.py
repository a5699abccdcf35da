"""Each kind about the national contest reaches, in the inbox and by e-mail, exactly the people the lock
says: never another office's staff for a unit's matter, never a member conflicted on the unit."""

import datetime as dt

import pytest

from committee import clarify
from core.thai import thai_date
from notices import events
from notices.models import Kind
from rubrics import timetable
from rubrics.letters import Letter
from scoring import snapshots
from scoring.recompute import standings_recompute
from submissions.services import evidence_submit

from .conftest import inbox_of, mailed

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("line_as_mail")]


def test_a_moved_deadline_reaches_every_entrant_and_who_runs_it_with_old_date_new_date_reason_and_letter(
    rubric, people, mailoutbox
):
    old = rubric.criteria.get(code="1.1").deadline
    timetable.criterion_deadline_set(
        user=people["central"], rubric=rubric, code="1.1", deadline=dt.date(2023, 9, 15), reason="ตามหนังสือกรม",
        letter=Letter("มท 0410.4/ว 123", dt.date(2023, 8, 30)),
    )  # fmt: skip
    got = inbox_of(*people.values())
    assert got == {"cm": [Kind.DEADLINE_MOVED], "pk": [Kind.DEADLINE_MOVED], "central": [], "member": [],
                   "conflicted": [], "chair": []}  # fmt: skip
    assert mailed(mailoutbox) == ["cm@example.org", "pk@example.org"]
    body = mailoutbox[0].body
    assert "๑๕ กันยายน ๒๕๖๖" in body and "ตามหนังสือกรม" in body
    assert "ตามหนังสือ ที่ มท 0410.4/ว 123 ลงวันที่ ๓๐ สิงหาคม ๒๕๖๖" in body  # the letter line, a Thai date
    assert "/standings/2566/criteria/1.1/#deadline-moved" in body  # lands on that criterion, the move marked
    assert f"กำหนดเดิม: {thai_date(old)}\n" in body if old else "กำหนดเดิม" not in body
    moved = "ขยายกำหนดส่ง ๑.๑ ออกไปเป็น" if old is None or old < dt.date(2023, 9, 15) else "เลื่อนกำหนดส่ง ๑.๑ เร็วขึ้นเป็น"
    news = "กำหนดส่ง ๑.๑ ภายใน" if old is None else moved
    assert mailoutbox[0].subject == f"{news} ๑๕ ก.ย. ๒๕๖๖"  # the news first; the contest once, in the body


def test_a_question_reaches_the_units_staff_and_the_answer_the_members_who_may_judge_it(
    rubric, people, chiang_mai, mailoutbox
):
    thread = clarify.clarification_open(
        member=people["member"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", message="ขอรูปเพิ่ม"
    )
    assert inbox_of(people["cm"], people["pk"])["cm"] == [Kind.QUESTION_ASKED]
    assert mailed(mailoutbox) == ["cm@example.org"]
    mailoutbox.clear()
    clarify.clarification_reply(user=people["cm"], clarification=thread, message="แนบแล้ว")
    got = inbox_of(*people.values())
    assert got["member"] == [Kind.QUESTION_ANSWERED] and got["chair"] == [Kind.QUESTION_ANSWERED]
    assert got["conflicted"] == [] and got["pk"] == [] and got["central"] == []
    assert mailed(mailoutbox) == ["chair@example.org", "member@example.org"]
    assert f"/committee/clarifications/{thread.pk}/" in mailoutbox[0].body


def test_evidence_received_goes_to_the_units_other_staff_and_the_members_in_the_daily_digest(
    rubric, people, chiang_mai, mailoutbox
):
    evidence_submit(
        user=people["cm"], rubric=rubric, unit=chiang_mai, criterion_code="4.1.1", url="https://example.org/a"
    )
    got = inbox_of(*people.values())
    assert got == {"cm": [], "pk": [], "central": [], "member": [Kind.EVIDENCE_RECEIVED], "conflicted": [],
                   "chair": [Kind.EVIDENCE_RECEIVED]}  # fmt: skip
    assert mailoutbox == []  # not urgent: the digest carries it
    from notices import outbox

    assert outbox.send_digests() == 4  # two people, by e-mail and by LINE
    assert mailed(mailoutbox) == ["chair@example.org", "member@example.org"]


def test_freezing_publishing_and_withdrawing_reach_entrants_judges_and_the_other_runners(rubric, people):
    standings_recompute(rubric_id=rubric.pk, full=True)
    other_central = type(people["central"]).objects.create(username="central2", email="c2@example.org")
    from people.directory import membership_set

    membership_set(user=other_central, role="central")
    snapshots.standings_freeze(user=people["central"], rubric=rubric)
    got = inbox_of(*people.values(), other_central)
    assert got["cm"] == got["pk"] == got["member"] == got["chair"] == got["central2"] == [Kind.RESULTS_FROZEN]
    assert got["conflicted"] == [Kind.RESULTS_FROZEN]  # the whole table, not a unit's matter: every judge
    assert got["central"] == []  # who froze it knows


def test_members_who_disagree_leave_the_chair_a_final_waiting_told_once(rubric, people, chiang_mai, mailoutbox):
    from committee.services import judgment_record

    other = type(people["member"]).objects.create(username="member2", email="m2@example.org")
    from people.directory import membership_set

    membership_set(user=other, role="committee")
    code = next(c.code for c in rubric.criteria.all() if c.code.startswith("4.1"))
    cell = {"rubric": rubric, "unit": chiang_mai, "criterion_code": code, "expected_version": 0}
    judgment_record(member=people["member"], points="1", **cell)
    assert inbox_of(people["chair"])["chair"] == []  # one score: nothing to settle
    judgment_record(member=other, points="3", **cell)
    judgment_record(member=people["member"], points="5", **{**cell, "expected_version": 1})  # still apart: told once
    got = inbox_of(*people.values())
    assert got["chair"] == [Kind.FINAL_WAITING]
    assert got["member"] == got["conflicted"] == got["central"] == got["cm"] == []
    assert mailed(mailoutbox) == ["chair@example.org"]
    assert f"/admin/committee/judgment/score/2566/TH-50/{code}/" in mailoutbox[0].body


def test_a_receipt_the_department_records_tells_the_office_and_the_judges_with_the_day(
    rubric, people, chiang_mai, mailoutbox
):
    from notices import outbox
    from scoring.facts.imports import fact_set

    fact_set(rubric=rubric, unit=chiang_mai, criterion_code="2.1.2", name="received_on", value="2023-11-03",
             user=people["central"])  # fmt: skip
    fact_set(
        rubric=rubric,
        unit=chiang_mai,
        criterion_code="2.1.2",
        name="received_on",
        value="2023-11-03",
        user=people["central"],
    )  # fmt: skip  (the same record again: no second notice)
    got = inbox_of(*people.values())
    assert got == {"cm": [Kind.EVIDENCE_RECEIVED], "pk": [], "central": [], "member": [Kind.EVIDENCE_RECEIVED],
                   "conflicted": [], "chair": [Kind.EVIDENCE_RECEIVED]}  # fmt: skip
    assert outbox.send_digests() == 6  # three people, by e-mail and by LINE
    body = next(m.body for m in mailoutbox if m.to == ["cm@example.org"])
    assert "กรมบันทึกว่าได้รับเมื่อ ๓ พฤศจิกายน ๒๕๖๖" in body


def test_a_back_filled_sheet_tells_each_past_receipt_as_of_its_morning_and_an_ordinary_import_as_now(
    rubric, people, chiang_mai, phuket, clock
):
    from django.utils import timezone

    from notices.models import Notice
    from scoring.facts.imports import facts_import

    clock(2023, 5, 10, 14, 0)  # within the 2566 fiscal year, whose dates the import takes
    today = timezone.localdate()
    rows = [
        {"province": "TH-50", "criterion": "2.1.2", "fact": "received_on", "value": "2023-04-23"},
        {"province": "TH-83", "criterion": "2.1.2", "fact": "received_on", "value": today.isoformat()},
    ]
    facts_import(rubric=rubric, rows=rows, user=people["central"], backfill=True)
    facts_import(
        rubric=rubric,
        rows=[{"province": "TH-50", "criterion": "2.1.2", "fact": "received_on", "value": "2023-05-02"}],
        user=people["central"],
    )
    notices = Notice.objects.select_related("unit")
    told = {(n.unit.code, n.params["day"]): timezone.localtime(n.created_at) for n in notices}
    assert told == {
        ("TH-50", "2023-04-23"): timezone.make_aware(dt.datetime(2023, 4, 23, 10, 0)),
        ("TH-83", today.isoformat()): timezone.now(),  # its day has not passed: told now
        ("TH-50", "2023-05-02"): timezone.now(),  # not back-filled: news of today
    }

    clock(2023, 10, 2, 9, 0)  # the 2566 fiscal year is over: a back-filled receipt of it is history, told to no one
    old = [{"province": "TH-83", "criterion": "2.1.2", "fact": "received_on", "value": "2023-06-01"}]
    facts_import(rubric=rubric, rows=old, user=people["central"], backfill=True)
    assert Notice.objects.count() == 3


def test_a_tie_at_an_award_line_reaches_whoever_runs_the_contest_and_its_chair_only(rubric, people, chiang_mai):
    events.tie_waiting(rubric=rubric, award="รางวัลชนะเลิศ", units=[chiang_mai])
    got = inbox_of(*people.values())
    assert got == {"cm": [], "pk": [], "central": [Kind.TIE_WAITING], "member": [], "conflicted": [],
                   "chair": [Kind.TIE_WAITING]}  # fmt: skip


def test_a_corrected_award_reaches_the_awardee_s_staff_only(rubric, people, chiang_mai):
    standings_recompute(rubric_id=rubric.pk, full=True)
    snapshot = snapshots.standings_freeze(user=people["central"], rubric=rubric)
    snapshots.publication_publish(
        user=people["central"], rubric=rubric, confirmed=True, previewed_frozen_at=snapshot.frozen_at.isoformat()
    )
    tier = rubric.award_tiers.first()
    snapshots.awards_correct(user=people["central"], rubric=rubric, awards={chiang_mai.pk: tier.code}, reason="ทบทวน")
    got = inbox_of(*people.values())
    assert {who: [k for k in kinds if k == Kind.AWARD_CORRECTED] for who, kinds in got.items()} == {
        "cm": [Kind.AWARD_CORRECTED], "pk": [], "central": [], "member": [], "conflicted": [], "chair": []
    }  # fmt: skip
